/// An error reading the Tiny-ImageNet folder layout, naming the file (and line).
public enum TinyImageNetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A file the layout requires is missing or unreadable.
  case missingFile(file: String, reason: String)
  /// A line of a text file does not have the expected fields.
  case malformedLine(file: String, line: Int, reason: String)
  /// `words.txt` has no name for a class listed in `wnids.txt`.
  case missingClassName(file: String, wnid: String)
  /// A class was requested that `wnids.txt` does not list.
  case unknownClass(wnid: String, file: String)
  /// A class folder holds no images.
  case noImages(folder: String)

  /// A compiler-style message, `file:line: problem; remedy`.
  public var description: String {
    switch self {
    case .missingFile(let file, let reason):
      return "\(file): cannot read the file (\(reason)); point to a tiny-imagenet-200 folder "
        + "with wnids.txt, words.txt and val/val_annotations.txt"
    case .malformedLine(let file, let line, let reason):
      return "\(file):\(line): \(reason); check that the file is the Tiny-ImageNet original"
    case .missingClassName(let file, let wnid):
      return "\(file): no line for class \(wnid) listed in wnids.txt; "
        + "use the words.txt that came with the dataset"
    case .unknownClass(let wnid, let file):
      return "\(file): class \(wnid) is not listed; use one of the wnids in this file"
    case .noImages(let folder):
      return "\(folder): no .JPEG images; unpack the class's training images here"
    }
  }
}
