/// One of N contiguous blocks of a run's items (`--shard K/N`).
///
/// Items are grouped in granules of g items (the model's ``Model/chunkSize``, the batch it runs at
/// once), and blocks are whole granules:
/// ```
/// C = ⌈T / g⌉ granules;  block K of N = granules [⌊(K−1)·C/N⌋, ⌊K·C/N⌋), as items clipped to T
/// ```
/// Blocks are contiguous and in order, so parts joined in order keep the input's order. Because
/// every block starts on a granule, each item is computed in the same batch as in an unsharded
/// run (BLAS results depend on the batch), so the parts' values are the unsharded run's, bit for
/// bit. A block is empty when N exceeds the number of granules.
public struct Shard: Hashable, Sendable, Codable, CustomStringConvertible {
  /// K, counted from 1.
  public var index: Int
  /// N.
  public var count: Int

  /// The whole run as one shard.
  public static let whole = Shard(uncheckedIndex: 1, count: 1)

  private init(uncheckedIndex index: Int, count: Int) {
    self.index = index
    self.count = count
  }

  /// Reads `K/N`.
  /// - Parameters:
  ///   - text: Such as `2/7`.
  ///   - flag: The flag it came from, for errors.
  /// - Throws: ``ShardError`` unless 1 ≤ K ≤ N.
  public init(parsing text: String, flag: String = "--shard") throws(ShardError) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
      (1...count).contains(index)
    else {
      throw .invalid(flag: flag, value: text)
    }
    self.init(uncheckedIndex: index, count: count)
  }

  /// The block's item range among `total` items grouped in granules of `granule` items.
  /// - Parameters:
  ///   - total: The number of items of the whole run.
  ///   - granule: The items that always stay together (1: any split).
  /// - Returns: The block's items.
  public func range(of total: Int, granule: Int = 1) -> Range<Int> {
    let size = max(1, granule)
    let granules = (total + size - 1) / size
    let start = min(total, (index - 1) * granules / count * size)
    return start..<max(start, min(total, index * granules / count * size))
  }

  /// `K/N`.
  public var description: String { "\(index)/\(count)" }
}

/// A `--shard` value that is not `K/N` with 1 ≤ K ≤ N.
public enum ShardError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The flag and the value.
  case invalid(flag: String, value: String)

  /// A message naming the flag and the value, with the form it expects.
  public var description: String {
    switch self {
    case .invalid(let flag, let value):
      return "\(flag) must be K/N with 1 ≤ K ≤ N (such as 2/7), not '\(value)'"
    }
  }
}
