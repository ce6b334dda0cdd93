import Foundation

/// The Tiny-ImageNet-200 folder layout (Stanford CS231n): class list, names, annotations, images.
///
/// ```
/// <root>/wnids.txt                     one WordNet id per line (200 classes; the label order)
/// <root>/words.txt                     wnid<TAB>name (the 200 lines, or the full 82k-line original)
/// <root>/val/val_annotations.txt       file<TAB>wnid<TAB>x0<TAB>y0<TAB>x1<TAB>y1
/// <root>/val/images/val_<k>.JPEG       64×64 validation images (val/<file> is accepted too)
/// <root>/train/<wnid>/images/<wnid>_<k>.JPEG   64×64 training images
/// ```
/// A partial copy works: the 105-image sample has no `train/`, the 10-class archive no `val/`.
/// Images are decoded with ``JPEGImage``; grayscale images become three equal channels.
public struct TinyImageNet: Sendable {
  /// One class: its WordNet id and its human-readable name.
  public struct Class: Hashable, Sendable {
    /// The WordNet id, such as `n07753592`.
    public let wnid: String
    /// The name from `words.txt`, such as `banana`.
    public let name: String
  }

  /// The side of every Tiny-ImageNet image, 64 pixels.
  public static let imageSide = 64

  /// The dataset's folder.
  public let root: URL
  /// The classes in `wnids.txt` order; a class's index here is its label.
  public let classes: [Class]

  /// Reads `wnids.txt` and `words.txt`.
  /// - Parameter root: The `tiny-imagenet-200` folder.
  /// - Throws: ``TinyImageNetError`` naming the file and line.
  public init(root: URL) throws(TinyImageNetError) {
    self.root = root
    let wnidsFile = root.appendingPathComponent("wnids.txt")
    var wnids: [String] = []
    for (number, line) in try Self.lines(of: wnidsFile) {
      let wnid = line.trimmingCharacters(in: .whitespaces)
      guard !wnid.contains(where: \.isWhitespace) else {
        throw .malformedLine(
          file: wnidsFile.path, line: number, reason: "expected one wnid, found '\(line)'")
      }
      wnids.append(wnid)
    }
    let wordsFile = root.appendingPathComponent("words.txt")
    var names: [String: String] = [:]
    for (number, line) in try Self.lines(of: wordsFile) {
      let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
      guard fields.count == 2 else {
        throw .malformedLine(file: wordsFile.path, line: number, reason: "expected 'wnid<TAB>name'")
      }
      names[String(fields[0])] = String(fields[1])
    }
    var classes: [Class] = []
    for wnid in wnids {
      guard let name = names[wnid] else {
        throw .missingClassName(file: wordsFile.path, wnid: wnid)
      }
      classes.append(Class(wnid: wnid, name: name))
    }
    self.classes = classes
  }

  /// The label (index in ``classes``) of a class.
  /// - Parameter wnid: A WordNet id.
  /// - Returns: Its index in `wnids.txt`.
  /// - Throws: ``TinyImageNetError/unknownClass(wnid:file:)``.
  public func label(of wnid: String) throws(TinyImageNetError) -> Int {
    guard let index = classes.firstIndex(where: { $0.wnid == wnid }) else {
      throw .unknownClass(wnid: wnid, file: root.appendingPathComponent("wnids.txt").path)
    }
    return index
  }

  /// The non-empty lines of a text file with their 1-based numbers.
  static func lines(of url: URL) throws(TinyImageNetError) -> [(number: Int, text: String)] {
    let text: String
    do {
      text = try String(contentsOf: url, encoding: .utf8)
    } catch {
      throw .missingFile(file: url.path, reason: SystemErrorReason.reading(error))
    }
    var result: [(number: Int, text: String)] = []
    // Split on any newline: a Swift `Character` holds "\r\n" as one newline.
    for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
      .enumerated()
    where !line.allSatisfy(\.isWhitespace) {
      result.append((index + 1, String(line)))
    }
    return result
  }
}
