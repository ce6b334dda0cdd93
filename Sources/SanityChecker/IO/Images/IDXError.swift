/// An error reading an IDX file (MNIST, Fashion-MNIST), naming the file and the byte offset.
public enum IDXError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// The file starts with a gzip header but does not inflate.
  case corruptGzip(file: String, reason: String)
  /// The magic number at byte 0 is not the expected one.
  case badMagic(file: String, found: UInt32, expected: UInt32)
  /// The file ends before the header or the payload it announces is complete.
  case truncated(file: String, expectedBytes: Int, actualBytes: Int)
  /// The file holds more bytes than its header announces.
  case trailingBytes(file: String, expectedBytes: Int, actualBytes: Int)
  /// The header announces more data than the memory budget allows (or than `Int` can count).
  case exceedsBudget(file: String, MemoryBudgetError)
  /// An images file and a labels file hold different numbers of items.
  case countMismatch(imagesFile: String, imageCount: Int, labelsFile: String, labelCount: Int)

  /// A compiler-style message, `file: offset: problem; remedy`.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the file (\(reason)); check the path and permissions"
    case .corruptGzip(let file, let reason):
      return
        "\(file): gzip data does not inflate (\(reason)); the download is probably incomplete, fetch it again"
    case .badMagic(let file, let found, let expected):
      return "\(file): byte 0: magic number \(Self.hex(found)), expected \(Self.hex(expected)) "
        + "(\(Self.kind(expected))); \(Self.remedy(found: found, expected: expected))"
    case .truncated(let file, let expected, let actual):
      return "\(file): byte \(actual): file ends early, the header announces \(expected) bytes; "
        + "the file is truncated, fetch it again"
    case .trailingBytes(let file, let expected, let actual):
      return "\(file): byte \(expected): \(actual - expected) bytes after the announced payload; "
        + "the header's counts do not match the data, check the file"
    case .exceedsBudget(let file, let error):
      return "\(file): byte 4: \(error)"
    case .countMismatch(let imagesFile, let imageCount, let labelsFile, let labelCount):
      return "\(imagesFile): \(imageCount) images, but \(labelsFile) has \(labelCount) labels; "
        + "pair the images with the labels of the same set"
    }
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 8 - digits.count)) + digits
  }

  private static func kind(_ magic: UInt32) -> String {
    switch magic {
    case IDXFile.imagesMagic: return "IDX images, unsigned bytes, 3 dimensions"
    case IDXFile.labelsMagic: return "IDX labels, unsigned bytes, 1 dimension"
    default: return "IDX"
    }
  }

  private static func remedy(found: UInt32, expected: UInt32) -> String {
    switch (found, expected) {
    case (IDXFile.labelsMagic, IDXFile.imagesMagic):
      return "this is a labels file; pass the images file"
    case (IDXFile.imagesMagic, IDXFile.labelsMagic):
      return "this is an images file; pass the labels file"
    default: return "the file is not an IDX file of this kind"
    }
  }
}
