import Foundation

/// Seqlets written as BED and FASTA, placed by the coordinates in the FASTA record names.
///
/// A record named `chr:start-end` (with an optional `(+)`/`(-)` strand or `_suffix`, see
/// ``GenomicInterval``) places its seqlets on the genome. The name's coordinates are read as
/// 0-based half-open when `end − start` is the sequence's length, and as 1-based closed when
/// `end − start + 1` is; any other length is an error naming the record. On a `(-)` record the
/// sequence is the reverse complement, so a seqlet at `[a, b)` lies at `[end − b, end − a)` on
/// the genome (strand `-`). Records without coordinates are written with their name as the
/// chromosome and the 0-based offsets (strand `.`).
///
/// BED columns: `chrom start end name score strand`, with `name` = `positive` or `negative` and
/// `score` = the seqlet's summed score; a seventh column holds its p-value (BED6+1), and a
/// `#`-comment header names the columns.
public struct SeqletTable: Sendable {
  /// The seqlets.
  public var seqlets: [Seqlet]
  /// The record name of every item.
  public var ids: [String]
  /// The one-hot inputs `[N, L, 4]`, for the FASTA sequences.
  public var input: Tensor

  /// Creates a table.
  /// - Parameters:
  ///   - seqlets: The seqlets.
  ///   - ids: One record name per item.
  ///   - input: The one-hot inputs.
  public init(seqlets: [Seqlet], ids: [String], input: Tensor) {
    self.seqlets = seqlets
    self.ids = ids
    self.input = input
  }

  /// Where a seqlet lies: chromosome (or record name), start, end and strand.
  /// - Parameter seqlet: The seqlet.
  /// - Returns: The placed interval.
  /// - Throws: ``MotifDiscoveryError/coordinatesDoNotMatch(record:interval:length:)``.
  public func place(_ seqlet: Seqlet) throws(MotifDiscoveryError) -> (
    chromosome: String, start: Int, end: Int, strand: String
  ) {
    let id = ids[seqlet.item]
    let length = input.shape[1]
    guard let interval = GenomicInterval(parsing: id) else {
      return (id.split(separator: " ").first.map(String.init) ?? id, seqlet.start, seqlet.end, ".")
    }
    let zeroBasedStart: Int
    if interval.length == length {
      zeroBasedStart = interval.start
    } else if interval.length + 1 == length {
      zeroBasedStart = interval.start - 1
    } else {
      throw .coordinatesDoNotMatch(record: id, interval: interval.description, length: length)
    }
    if interval.strand == .reverse {
      let end = zeroBasedStart + length
      return (interval.chromosome, end - seqlet.end, end - seqlet.start, "-")
    }
    return (
      interval.chromosome, zeroBasedStart + seqlet.start, zeroBasedStart + seqlet.end,
      interval.strand == .forward ? "+" : "."
    )
  }

  /// The BED text, one line per seqlet in table order.
  /// - Returns: The text with its header comment.
  /// - Throws: ``MotifDiscoveryError/coordinatesDoNotMatch(record:interval:length:)``.
  public func bed() throws(MotifDiscoveryError) -> String {
    var text = "#chrom\tstart\tend\tname\tscore\tstrand\tp_value\n"
    for seqlet in seqlets {
      let place = try place(seqlet)
      text += "\(place.chromosome)\t\(place.start)\t\(place.end)\t\(seqlet.sign.rawValue)\t"
      text += "\(Self.number(seqlet.attribution))\t\(place.strand)\t\(Self.number(seqlet.pValue))\n"
    }
    return text
  }

  /// The FASTA text: one record per seqlet, named `chrom:start-end(strand)` (or
  /// `record:start-end`) with the sign and p-value, and the seqlet's bases as read (`N` where the
  /// input is not one-hot).
  /// - Returns: The text.
  /// - Throws: ``MotifDiscoveryError/coordinatesDoNotMatch(record:interval:length:)``.
  public func fasta() throws(MotifDiscoveryError) -> String {
    var text = ""
    for seqlet in seqlets {
      let place = try place(seqlet)
      let strand = place.strand == "." ? "" : "(\(place.strand))"
      text +=
        ">\(place.chromosome):\(place.start)-\(place.end)\(strand) \(seqlet.sign.rawValue) p=\(Self.number(seqlet.pValue))\n"
      text +=
        String(decoding: bases(item: seqlet.item, range: seqlet.start..<seqlet.end), as: UTF8.self)
        + "\n"
    }
    return text
  }

  /// The bases of one item's span: the channel holding 1, else `N`.
  func bases(item: Int, range: Range<Int>) -> [UInt8] {
    let length = input.shape[1]
    return input.withUnsafeBufferPointer { values in
      range.map { position in
        let base = (item * length + position) * 4
        for channel in 0..<4 where values[base + channel] == 1 {
          return Array("ACGT".utf8)[channel]
        }
        return UInt8(ascii: "N")
      }
    }
  }

  /// A number as written in tables (6 significant digits).
  static func number(_ value: Double) -> String {
    value.isNaN ? "nan" : String(format: "%.6g", value)
  }
}
