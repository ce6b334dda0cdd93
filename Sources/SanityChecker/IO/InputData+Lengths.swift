import Foundation

/// The sequences of one length from a file of several lengths, with their places in the file.
public struct LengthGroup: Sendable {
  /// The group's sequence length `L`.
  public var length: Int
  /// Each item's index in the file (after `limit`), ascending.
  public var indices: [Int]
  /// The group's items, `[n, L, 4]`.
  public var data: InputData
}

extension InputData {
  /// Loads a sequence file whose records may have several lengths, one group per length.
  ///
  /// With ``LengthPolicy/reject`` (no `--lengths`) the records are grouped by length, in the order
  /// each length first appears; with a padding or cropping policy, and for images, there is one
  /// group. Models that allow any length (DeepBind params, global pooling) score each group at
  /// its own length (``Model/resized(toLength:file:lengths:)``), so every sequence is scored as
  /// it would be alone.
  /// - Parameters:
  ///   - url: The input file.
  ///   - oneHot: The encoder (its unknown-base setting and length policy).
  ///   - scaling: How image pixels are scaled (images only).
  ///   - limit: Use only the first `limit` records.
  ///   - maximumRecordLength: The most bases one FASTA record may have (as in ``load(_:oneHot:scaling:maximumRecordLength:)``).
  /// - Returns: The groups; their indices together are `0..<N`.
  /// - Throws: The format's error, naming the file and place.
  public static func loadGroupedByLength(
    _ url: URL, oneHot: OneHot = OneHot(), scaling: PixelScaling = .unit, limit: Int? = nil,
    maximumRecordLength: Int? = nil
  )
    throws
    -> [LengthGroup]
  {
    let name = url.lastPathComponent.lowercased()
    let stem = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
    let isSequenceFile = [".seq", ".fa", ".fasta", ".fna", ".txt"].contains { stem.hasSuffix($0) }
    guard case .reject = oneHot.lengthPolicy, isSequenceFile else {
      let data = try load(
        url, oneHot: oneHot, scaling: scaling, maximumRecordLength: maximumRecordLength
      ).prefix(limit)
      let length = data.kind == .sequences ? data.inputs.shape[1] : 0
      return [LengthGroup(length: length, indices: Array(data.ids.indices), data: data)]
    }
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw FASTAError.fileNotFound(file: url.path)
    }
    var (records, lines) =
      stem.hasSuffix(".seq")
      ? try seqRecords(url) : try fastaRecords(url, maximumRecordLength: maximumRecordLength)
    if let limit, limit < records.count {
      records = LabeledSequences(
        ids: Array(records.ids.prefix(limit)), sequences: Array(records.sequences.prefix(limit)),
        labels: Array(records.labels.prefix(limit)))
      lines = Array(lines.prefix(limit))
    }
    var order: [Int] = []
    var members: [Int: [Int]] = [:]
    for (index, sequence) in records.sequences.enumerated() {
      if members[sequence.count] == nil { order.append(sequence.count) }
      members[sequence.count, default: []].append(index)
    }
    let isLabelled = records.labels.allSatisfy { !$0.isEmpty }
    return try order.map { length in
      let indices = members[length] ?? []
      let inputs: Tensor
      do throws(OneHotError) {
        inputs = try oneHot.encode(
          indices.map { records.sequences[$0] }, ids: indices.map { records.ids[$0] })
      } catch {
        throw SequenceLengthError.encoding(file: url.path, error)
      }
      let data = InputData(
        inputs: inputs, ids: indices.map { records.ids[$0] },
        labels: isLabelled ? indices.map { records.labels[$0] } : nil, kind: .sequences,
        lines: indices.map { lines[$0] })
      return LengthGroup(length: length, indices: indices, data: data)
    }
  }
}

extension Array where Element == LengthGroup {
  /// Every item's id, in file order.
  public var ids: [String] {
    var ids = [String](repeating: "", count: reduce(0) { $0 + $1.indices.count })
    for group in self {
      for (item, index) in group.indices.enumerated() { ids[index] = group.data.ids[item] }
    }
    return ids
  }

  /// The distinct lengths, in order of first appearance.
  public var lengths: [Int] { map(\.length) }

  /// Per-group results `[n_g, …]` with equal item shapes, as one tensor `[N, …]` in file order.
  /// - Parameter parts: One tensor per group, rows in the group's order.
  /// - Returns: The rows in file order.
  public func gathered(_ parts: [Tensor]) -> Tensor {
    padded(parts, fill: 0)
  }

  /// Per-group maps `[n_g, L_g, …]` as one tensor `[N, L_max, …]` in file order, each map's
  /// positions after its own length filled with `fill` (NaN for ragged attribution maps).
  /// - Parameters:
  ///   - parts: One tensor per group; all share the item shape after the length axis (or have
  ///     no length axis, then `fill` is never used).
  ///   - fill: The value of positions past an item's length.
  /// - Returns: `[N, L_max, …]` (or `[N, …]` when the parts share one item shape).
  public func padded(_ parts: [Tensor], fill: Float) -> Tensor {
    precondition(
      parts.count == count, "LengthGroup.padded: \(parts.count) parts for \(count) groups")
    let total = reduce(0) { $0 + $1.indices.count }
    guard let first = parts.first else { return Tensor(shape: [0]) }
    let sameShape = parts.allSatisfy { $0.shape.item == first.shape.item }
    let itemShape: Shape
    if sameShape {
      itemShape = first.shape.item
    } else {
      let longest = parts.map { $0.shape[1] }.max() ?? 0
      itemShape = Shape([longest] + [Int](first.shape.dimensions.dropFirst(2)))
    }
    let stride = itemShape.count
    return Tensor(shape: itemShape.batched(total)) { out in
      out.update(repeating: fill)
      for (group, part) in zip(self, parts) {
        let partStride = part.itemCount
        part.withUnsafeBufferPointer { source in
          for (item, index) in group.indices.enumerated() {
            for j in 0..<partStride { out[index * stride + j] = source[item * partStride + j] }
          }
        }
      }
    }
  }
}

extension Model {
  /// The same layers on inputs of `length` positions, for files whose sequences have several
  /// lengths.
  /// - Parameters:
  ///   - length: The group's length.
  ///   - file: The input file, for the error.
  ///   - lengths: Every length in the file, for the error.
  /// - Returns: The model at that length (`self` when it already takes it).
  /// - Throws: ``SequenceLengthError/fixedLengthModel(file:lengths:modelLength:reason:)`` when a
  ///   layer needs the model's own length (`Flatten → Dense`, a `valid` window longer than the
  ///   sequence).
  public func resized(toLength length: Int, file: String, lengths: [Int])
    throws(SequenceLengthError) -> Model
  {
    guard inputShape.rank == 2, inputShape[0] != length else { return self }
    do {
      return try replacingLayers(layers, inputShape: [length, inputShape[1]])
    } catch {
      throw .fixedLengthModel(
        file: file, lengths: lengths, modelLength: inputShape[0], reason: error.description)
    }
  }
}

/// Sequence lengths that the model or the length policy does not allow, naming the file.
public enum SequenceLengthError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file's sequences have lengths the model cannot take.
  case fixedLengthModel(file: String, lengths: [Int], modelLength: Int, reason: String)
  /// A record's length breaks the length policy.
  case encoding(file: String, OneHotError)

  /// A message naming the file, with the `--lengths` remedy.
  public var description: String {
    switch self {
    case .fixedLengthModel(let file, let lengths, let modelLength, let reason):
      let shown =
        lengths.count > 6
        ? "\(lengths.min() ?? 0) to \(lengths.max() ?? 0)"
        : lengths.map(String.init).joined(separator: ", ")
      return
        "\(file): the sequences have \(shown) bases but the model takes \(modelLength) positions (\(reason)); "
        + "bring them to one length with --lengths pad:N or --lengths crop:N, e.g. --lengths pad:\(modelLength)"
    case .encoding(let file, let error):
      return "\(file): \(error)"
    }
  }
}
