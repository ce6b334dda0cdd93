/// An error decoding a JPEG file, naming the file.
public enum JPEGError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(file: String, reason: String)
  /// libjpeg stopped with an error (not a JPEG, a damaged header, …).
  case invalid(file: String, reason: String)
  /// libjpeg found damaged image data (e.g. a truncated file) and would have filled it in.
  case corrupt(file: String, reason: String)
  /// The image uses a color space SanityChecker does not decode (CMYK, YCCK).
  case unsupported(file: String, reason: String)
  /// The header declares more pixels than SanityChecker decodes (checked before decoding).
  case tooLarge(file: String, width: Int, height: Int, maximumPixels: Int)
  /// The image does not have the size a dataset requires.
  case unexpectedSize(
    file: String, width: Int, height: Int, expectedWidth: Int, expectedHeight: Int)

  /// A compiler-style message, `file: problem; remedy`.
  public var description: String {
    switch self {
    case .unreadable(let file, let reason):
      return "\(file): cannot read the file (\(reason)); check the path and permissions"
    case .invalid(let file, let reason):
      return "\(file): not a readable JPEG (\(reason)); check that the file is a JPEG image"
    case .corrupt(let file, let reason):
      return
        "\(file): corrupt JPEG data (\(reason)); the file is damaged or truncated, fetch it again"
    case .unsupported(let file, let reason):
      return "\(file): unsupported JPEG (\(reason)); convert it to RGB or grayscale"
    case .tooLarge(let file, let width, let height, let maximumPixels):
      return
        "\(file): the header declares \(width)×\(height) pixels, over the limit of \(maximumPixels) "
        + "pixels; resize the image to the model's input size"
    case .unexpectedSize(let file, let width, let height, let expectedWidth, let expectedHeight):
      return "\(file): image is \(width)×\(height), expected \(expectedWidth)×\(expectedHeight); "
        + "resize it or use the dataset's original files"
    }
  }
}
