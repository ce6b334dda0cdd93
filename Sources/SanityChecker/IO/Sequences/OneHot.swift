/// One-hot encoding of DNA into `[N, L, 4]` tensors, channels in the order A, C, G, T.
///
/// Each base is looked up in a 256-entry table (as tangermeme does), so encoding is one
/// table read and one 16-byte store per base:
///
/// ```
/// A → [1, 0, 0, 0]   C → [0, 1, 0, 0]   G → [0, 0, 1, 0]   T, U → [0, 0, 0, 1]
/// N, other IUPAC codes, padding → [u, u, u, u],  u = 0.25 (.quarter) or 0 (.zero)
/// ```
///
/// Lowercase letters encode like uppercase ones. Bytes that are not nucleotide codes also
/// encode as unknown; the readers reject such bytes before they get here.
///
/// Defaults and deviations: unknown bases default to 0.25 per channel, DeepBind's convention
/// (Alipanahi et al., Nat Biotechnol 2015, doi:10.1038/nbt.3300); Keras-genomics and
/// tangermeme use zeros (``UnknownBase/zero``). Sequences of unequal length are an error
/// unless a ``LengthPolicy`` pads or crops them.
///
/// Properties:
/// - Every row of an ACGT-only sequence sums to 1; an unknown base sums to 4u.
/// - Reverse-complementing the tensor equals encoding the reverse complement
///   (see ``reverseComplement(_:)-(Tensor)``).
public struct OneHot: Hashable, Sendable {
  /// How `N` and the other ambiguous codes are encoded.
  public var unknownBase: UnknownBase
  /// How sequences of unequal length are brought to one length.
  public var lengthPolicy: LengthPolicy

  /// Creates an encoder.
  /// - Parameters:
  ///   - unknownBase: The encoding of `N` and other ambiguous codes (0.25 each by default).
  ///   - lengthPolicy: What to do with unequal lengths (``LengthPolicy/reject`` by default).
  public init(unknownBase: UnknownBase = .quarter, lengthPolicy: LengthPolicy = .reject) {
    self.unknownBase = unknownBase
    self.lengthPolicy = lengthPolicy
  }

  /// Encodes sequences into one tensor.
  /// - Parameters:
  ///   - sequences: The bases of each record as ASCII.
  ///   - ids: The record identifiers, used in error messages (`#0`, `#1`, … when `nil`).
  /// - Returns: A tensor of shape `[N, L, 4]`; `L` is set by ``lengthPolicy``.
  /// - Throws: ``OneHotError`` naming the first record whose length the policy does not allow.
  public func encode(_ sequences: [[UInt8]], ids: [String]? = nil) throws(OneHotError) -> Tensor {
    precondition(
      ids == nil || ids?.count == sequences.count, "OneHot: ids and sequences differ in count")
    try lengthPolicy.validate()
    let firstRecord = ids?.first ?? "#0"
    return try encodeRows(
      sequences, ids: ids, width: width(firstLength: sequences.first?.count ?? 0),
      firstRecord: firstRecord,
      indexOffset: 0)
  }

  /// Encodes labelled sequences into one tensor.
  /// - Parameter data: The records.
  /// - Returns: A tensor of shape `[N, L, 4]`.
  /// - Throws: ``OneHotError`` naming the first record whose length the policy does not allow.
  public func encode(_ data: LabeledSequences) throws(OneHotError) -> Tensor {
    try encode(data.sequences, ids: data.ids)
  }

  /// The row width `L` when the first sequence has `firstLength` bases.
  func width(firstLength: Int) -> Int {
    switch lengthPolicy {
    case .reject: return firstLength
    case .padWithN(let length), .centreCrop(let length): return length
    }
  }

  /// Which bases of a sequence are kept and where in its row they start.
  func placement(
    ofLength length: Int, record: @autoclosure () -> String, width: Int, firstRecord: String
  ) throws(OneHotError) -> (kept: Range<Int>, rowOffset: Int) {
    switch lengthPolicy {
    case .reject:
      guard length == width else {
        throw .unequalLength(
          record: record(), length: length, expected: width, firstRecord: firstRecord)
      }
      return (0..<length, 0)
    case .padWithN(let target):
      guard length <= target else {
        throw .longerThanPadding(record: record(), length: length, target: target)
      }
      return (0..<length, (target - length) / 2)
    case .centreCrop(let target):
      guard length >= target else {
        throw .shorterThanCrop(record: record(), length: length, target: target)
      }
      let start = (length - target) / 2
      return (start..<(start + target), 0)
    }
  }

  /// Encodes rows of width `width`; `indexOffset` numbers unnamed records in messages.
  func encodeRows(
    _ sequences: [[UInt8]], ids: [String]?, width: Int, firstRecord: String, indexOffset: Int
  ) throws(OneHotError) -> Tensor {
    var placements: [(kept: Range<Int>, rowOffset: Int)] = []
    placements.reserveCapacity(sequences.count)
    for (index, sequence) in sequences.enumerated() {
      placements.append(
        try placement(
          ofLength: sequence.count, record: ids?[index] ?? "#\(indexOffset + index)", width: width,
          firstRecord: firstRecord))
    }
    return Tensor(shape: [sequences.count, width, 4]) { scalars in
      guard let base = scalars.baseAddress else { return }
      for (row, sequence) in sequences.enumerated() {
        sequence.withUnsafeBufferPointer { bases in
          encodeRow(bases, placement: placements[row], width: width, into: base + row * width * 4)
        }
      }
    }
  }

  /// Encodes one sequence into a row of `width × 4` scalars: unknown-base padding around the
  /// kept bases, each base one table lookup and one 16-byte store.
  func encodeRow(
    _ bases: UnsafeBufferPointer<UInt8>, placement: (kept: Range<Int>, rowOffset: Int), width: Int,
    into row: UnsafeMutablePointer<Float>
  ) {
    let (kept, rowOffset) = placement
    let output = UnsafeMutableRawPointer(row)
    let unknown = SIMD4<Float>(repeating: unknownBase.channelValue)
    for column in 0..<rowOffset {
      output.storeBytes(of: unknown, toByteOffset: column &* 16, as: SIMD4<Float>.self)
    }
    for column in (rowOffset + kept.count)..<width {
      output.storeBytes(of: unknown, toByteOffset: column &* 16, as: SIMD4<Float>.self)
    }
    let lookup = unknownBase == .quarter ? Self.quarterTable : Self.zeroTable
    lookup.withUnsafeBufferPointer { table in
      guard let rowOf = table.baseAddress,
        let first = bases.baseAddress.map({ $0 + kept.lowerBound })
      else { return }
      let destination = output + rowOffset &* 16
      for column in 0..<kept.count {
        destination.storeBytes(
          of: rowOf[Int(first[column])], toByteOffset: column &* 16, as: SIMD4<Float>.self)
      }
    }
  }

  /// The lookup table with 0.25 for unknown bases.
  static let quarterTable = makeTable(unknown: 0.25)
  /// The lookup table with 0 for unknown bases.
  static let zeroTable = makeTable(unknown: 0)

  private static func makeTable(unknown: Float) -> [SIMD4<Float>] {
    var table = [SIMD4<Float>](repeating: SIMD4(repeating: unknown), count: 256)
    for (channel, letters) in ["Aa", "Cc", "Gg", "TtUu"].enumerated() {
      var row = SIMD4<Float>(repeating: 0)
      row[channel] = 1
      for letter in letters.utf8 { table[Int(letter)] = row }
    }
    return table
  }
}
