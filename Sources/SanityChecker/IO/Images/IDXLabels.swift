import Foundation

/// Class labels read from an IDX file (MNIST, Fashion-MNIST).
///
/// The file is `0x00000801` (unsigned bytes, 1 dimension) followed by `N` as a big-endian
/// 32-bit integer, then `N` label bytes. Gzip-compressed files are inflated in memory.
public struct IDXLabels: Sendable {
  /// The file's path, for messages.
  public let file: String
  /// The labels, one per item, in file order.
  public let labels: [Int]

  /// Reads an IDX labels file.
  /// - Parameter url: The file, plain or gzip-compressed.
  /// - Throws: ``IDXError`` naming the file: unreadable, corrupt gzip, wrong magic number,
  ///   truncated payload or trailing bytes.
  public init(contentsOf url: URL) throws(IDXError) {
    let idx = try IDXFile(contentsOf: url, magic: IDXFile.labelsMagic)
    self.file = url.path
    self.labels = idx.payload.map(Int.init)
  }

  /// The number of labels, N.
  public var count: Int { labels.count }
}
