import Foundation

/// Joins the text outputs of a sharded command (tables, JSON arrays, bedGraph tracks).
enum TextParts {
  /// How one kind of text is joined: the parts' files and their bytes, written to a handle.
  typealias Join = ([(url: URL, bytes: Data)], FileHandle) throws -> Void

  /// Writes the joined text of the parts through ``AtomicOutput``.
  static func write(_ urls: [URL], to destination: OutputDestination, join: Join) throws {
    let parts = try urls.map { url in
      do {
        return (url, try Data(contentsOf: url, options: .alwaysMapped))
      } catch {
        throw CommandPartError.unreadable(file: url.path, reason: "the part's output is missing")
      }
    }
    try AtomicOutput.write(to: destination) { temporary in
      let handle = try FileHandle(forWritingTo: temporary)
      defer { try? handle.close() }
      try join(parts, handle)
    }
  }

  /// The bytes after the first line, and the first line (without its newline).
  static func splitHeader(_ bytes: Data, file: URL) throws(CommandPartError) -> (
    header: Data, body: Data
  ) {
    guard let end = bytes.firstIndex(of: UInt8(ascii: "\n")) else {
      throw .unreadable(file: file.path, reason: "no header line")
    }
    return (bytes[bytes.startIndex..<end], bytes[(end + 1)...])
  }

  /// A TSV: the first part's header, then every part's rows.
  static func table(_ parts: [(url: URL, bytes: Data)], _ handle: FileHandle) throws {
    guard let first = parts.first else { return }
    let header = try splitHeader(first.bytes, file: first.url).header
    handle.write(header + Data("\n".utf8))
    for part in parts {
      let (partHeader, body) = try splitHeader(part.bytes, file: part.url)
      guard partHeader == header else {
        throw CommandPartError.notJoinable(
          file: part.url.path, reason: "its header differs from the first part's")
      }
      handle.write(body)
    }
  }

  /// A pretty-printed JSON array (`[\n`, elements separated by `,\n`, `\n]\n`): the elements of
  /// every part in order.
  static func jsonArray(_ parts: [(url: URL, bytes: Data)], _ handle: FileHandle) throws {
    let (opening, closing) = (Data("[\n".utf8), Data("\n]\n".utf8))
    handle.write(opening)
    for (index, part) in parts.enumerated() {
      let bytes = part.bytes
      guard bytes.count >= opening.count + closing.count, bytes.starts(with: opening),
        bytes.suffix(closing.count) == closing
      else {
        throw CommandPartError.unreadable(
          file: part.url.path, reason: "not a JSON array written by sanity")
      }
      if index > 0 { handle.write(Data(",\n".utf8)) }
      handle.write(bytes[(bytes.startIndex + opening.count)..<(bytes.endIndex - closing.count)])
    }
    handle.write(closing)
  }

  /// A bedGraph: the track line, then every part's intervals.
  ///
  /// Where the last interval of one part and the first of the next meet with equal values they
  /// become one interval, as the unsharded track joins equal neighbours. Parts whose intervals overlap or are out of genome
  /// order cannot give the unsharded track and are refused.
  static func bedGraph(_ parts: [(url: URL, bytes: Data)], _ handle: FileHandle) throws {
    guard let first = parts.first else { return }
    let header = try splitHeader(first.bytes, file: first.url).header
    handle.write(header + Data("\n".utf8))
    var pending: Interval?
    for part in parts {
      let (partHeader, body) = try splitHeader(part.bytes, file: part.url)
      guard partHeader == header else {
        throw CommandPartError.notJoinable(
          file: part.url.path,
          reason:
            "its track line differs from the first part's (the shards explain different targets); "
            + "give --target")
      }
      guard let firstEnd = body.firstIndex(of: UInt8(ascii: "\n")) else { continue }
      var head = try Interval(body[body.startIndex..<firstEnd], file: part.url)
      if let previous = pending {
        guard previous.precedes(head) else {
          throw CommandPartError.notJoinable(
            file: part.url.path,
            reason:
              "its first interval (\(head.chromosome):\(head.start)) overlaps or precedes the "
              + "previous part's last; run `sanity export track` without --shard on these records")
        }
        if previous.meets(head) {
          head = Interval(previous, through: head)
        } else {
          handle.write(previous.line)
        }
      }
      // Body lines L1…Lm, each ending in a newline: L1 is `head`; L2…L(m−1) are copied;
      // Lm waits for the next part's first line.
      guard let lastNewline = body.dropLast().lastIndex(of: UInt8(ascii: "\n")) else {
        pending = head
        continue
      }
      handle.write(head.line)
      handle.write(body[(firstEnd + 1)..<(lastNewline + 1)])
      pending = try Interval(body[(lastNewline + 1)..<(body.endIndex - 1)], file: part.url)
    }
    if let pending { handle.write(pending.line) }
  }
}

/// One bedGraph line: `chrom start end value`.
struct Interval {
  var chromosome: String
  var start: Int
  var end: Int
  var value: String

  /// Parses a line (without its newline).
  init(_ line: Data, file: URL) throws(CommandPartError) {
    let fields = String(decoding: line, as: UTF8.self).split(separator: "\t")
    guard fields.count == 4, let start = Int(fields[1]), let end = Int(fields[2]) else {
      throw .unreadable(
        file: file.path, reason: "not a bedGraph line: \(String(decoding: line, as: UTF8.self))")
    }
    (chromosome, self.start, self.end, value) = (String(fields[0]), start, end, String(fields[3]))
  }

  /// The first interval extended to the second's end.
  init(_ first: Interval, through second: Interval) {
    (chromosome, start, end, value) = (first.chromosome, first.start, second.end, first.value)
  }

  /// The line, with its newline.
  var line: Data { Data("\(chromosome)\t\(start)\t\(end)\t\(value)\n".utf8) }

  /// Whether `next` comes after this interval in the track's order without overlapping it
  /// (chromosomes in byte order).
  func precedes(_ next: Interval) -> Bool {
    chromosome == next.chromosome
      ? end <= next.start : Array(chromosome.utf8).lexicographicallyPrecedes(next.chromosome.utf8)
  }

  /// Whether `next` starts where this interval ends with an equal value (as `Float`s, as the
  /// track compares them).
  func meets(_ next: Interval) -> Bool {
    guard chromosome == next.chromosome, end == next.start, let a = Float(value),
      let b = Float(next.value)
    else { return false }
    return a == b
  }
}
