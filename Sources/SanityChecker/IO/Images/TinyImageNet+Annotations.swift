import Foundation

extension TinyImageNet {
  /// One line of `val/val_annotations.txt`: a validation image, its class and a bounding box.
  public struct Annotation: Hashable, Sendable {
    /// The image's file name, such as `val_0.JPEG`.
    public let file: String
    /// The class's WordNet id.
    public let wnid: String
    /// The box's left column, `x0` (pixels, inclusive).
    public let left: Int
    /// The box's top row, `y0`.
    public let top: Int
    /// The box's right column, `x1`.
    public let right: Int
    /// The box's bottom row, `y1`.
    public let bottom: Int

    /// Creates an annotation.
    /// - Parameters:
    ///   - file: The image's file name.
    ///   - wnid: The class's WordNet id.
    ///   - left: `x0`.
    ///   - top: `y0`.
    ///   - right: `x1`.
    ///   - bottom: `y1`.
    public init(file: String, wnid: String, left: Int, top: Int, right: Int, bottom: Int) {
      self.file = file
      self.wnid = wnid
      self.left = left
      self.top = top
      self.right = right
      self.bottom = bottom
    }
  }

  /// Reads `val/val_annotations.txt`.
  /// - Returns: The annotations in file order.
  /// - Throws: ``TinyImageNetError`` naming the file and line: missing file, a line without six
  ///   tab-separated fields, a non-integer coordinate, or a class not in `wnids.txt`.
  public func validationAnnotations() throws(TinyImageNetError) -> [Annotation] {
    let url = root.appendingPathComponent("val/val_annotations.txt")
    let known = Set(classes.map(\.wnid))
    var annotations: [Annotation] = []
    for (number, line) in try Self.lines(of: url) {
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count == 6 else {
        throw .malformedLine(
          file: url.path, line: number,
          reason:
            "expected 6 tab-separated fields (file, wnid, x0, y0, x1, y1), found \(fields.count)")
      }
      var box: [Int] = []
      for field in fields[2...] {
        guard let value = Int(field) else {
          throw .malformedLine(
            file: url.path, line: number, reason: "box coordinate '\(field)' is not an integer")
        }
        box.append(value)
      }
      guard known.contains(fields[1]) else {
        throw .malformedLine(
          file: url.path, line: number, reason: "class \(fields[1]) is not in wnids.txt")
      }
      annotations.append(
        Annotation(
          file: fields[0], wnid: fields[1], left: box[0], top: box[1], right: box[2], bottom: box[3]
        ))
    }
    return annotations
  }
}
