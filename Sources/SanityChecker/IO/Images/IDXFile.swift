import Foundation

/// The parsed header and payload of one IDX file (internal to the IDX readers).
///
/// IDX is big-endian: a 4-byte magic number `0x0000TTDD` (`TT` = 0x08 for unsigned bytes,
/// `DD` = the number of dimensions), then one 4-byte extent per dimension, then the payload
/// in row-major order. Files may be gzip-compressed; the gzip header is detected and the
/// whole file is inflated in memory.
struct IDXFile {
  /// `0x00000803`: unsigned bytes, 3 dimensions (images N × rows × columns).
  static let imagesMagic: UInt32 = 0x0000_0803
  /// `0x00000801`: unsigned bytes, 1 dimension (labels N).
  static let labelsMagic: UInt32 = 0x0000_0801

  /// The extents announced by the header.
  let dimensions: [Int]
  /// The payload bytes, `dimensions.reduce(1, *)` of them.
  let payload: [UInt8]

  /// Reads and checks an IDX file.
  /// - Parameters:
  ///   - url: The file (plain or gzip).
  ///   - magic: The expected magic number; its low byte gives the number of dimensions.
  /// - Throws: ``IDXError`` naming the file.
  init(contentsOf url: URL, magic: UInt32) throws(IDXError) {
    let file = url.path
    let raw: Data
    do {
      raw = try Data(contentsOf: url)
    } catch {
      throw .unreadable(file: file, reason: (error as NSError).localizedDescription)
    }
    let budget = MemoryBudget.current
    try Self.reserve(raw.count, for: "the file's \(raw.count) bytes", file: file, budget: budget)
    let bytes =
      raw.starts(with: [0x1F, 0x8B])
      ? try Self.inflateGzip(raw, file: file, limit: budget.bytes) : [UInt8](raw)
    let rank = Int(magic & 0xFF)
    let headerSize = 4 + 4 * rank
    guard bytes.count >= 4 else {
      throw .truncated(file: file, expectedBytes: headerSize, actualBytes: bytes.count)
    }
    let found = Self.bigEndian(bytes, at: 0)
    guard found == magic else { throw .badMagic(file: file, found: found, expected: magic) }
    guard bytes.count >= headerSize else {
      throw .truncated(file: file, expectedBytes: headerSize, actualBytes: bytes.count)
    }
    let dimensions = (0..<rank).map { Int(Self.bigEndian(bytes, at: 4 + 4 * $0)) }
    // Each byte becomes a 4-byte Float; the extents' product may overflow for a crafted header.
    let payloadCount = SizeCheck.product(dimensions) ?? Int.max
    try Self.reserve(
      payloadCount, of: MemoryLayout<Float>.stride,
      for: "the data of shape \(Shape(dimensions)) announced by the header",
      file: file, budget: budget)
    let expected = headerSize + payloadCount
    guard bytes.count >= expected else {
      throw .truncated(file: file, expectedBytes: expected, actualBytes: bytes.count)
    }
    guard bytes.count == expected else {
      throw .trailingBytes(file: file, expectedBytes: expected, actualBytes: bytes.count)
    }
    self.dimensions = dimensions
    self.payload = Array(bytes[headerSize...])
  }

  private static func reserve(
    _ count: Int, of stride: Int = 1, for what: String, file: String, budget: MemoryBudget
  ) throws(IDXError) {
    do throws(MemoryBudgetError) { try budget.reserve(count, of: stride, for: what) } catch {
      throw .exceedsBudget(file: file, error)
    }
  }

  private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
    bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | UInt32($1) }
  }
}
