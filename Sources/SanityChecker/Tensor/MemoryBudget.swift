import Foundation
import Synchronization

/// The most memory one run may hold at once, in bytes, and the checks that keep it there.
///
/// Two uses share this value:
/// - **Chunking.** Explainers, in-silico mutagenesis and checks size their chunks from it, so
///   that peak memory does not grow with the number of sequences, their length, the number of
///   integration steps or noise samples.
/// - **Bounding what files ask for.** Every size read from a file (a dataset's shape, an image
///   header, a layer's unit count) is checked with ``reserve(_:of:for:)`` before anything is
///   allocated, so a 2 kB file cannot ask for terabytes.
///
/// The default is 1 GiB (`--memory` on the command line). Results never depend on the budget:
/// chunk sizes change how work is cut, not what is computed.
public struct MemoryBudget: Sendable, Equatable, CustomStringConvertible {
  /// The budget in bytes, at least ``minimumBytes``.
  public let bytes: Int

  /// 1 GiB.
  public static let standard = MemoryBudget(uncheckedBytes: 1 << 30)

  /// The smallest budget accepted: 64 MiB.
  public static let minimumBytes = 64 << 20

  private static let configured = Mutex(MemoryBudget.standard)

  /// A budget in force for one task (and the chunks ``Parallel`` runs for it) instead of the
  /// process's: `MemoryBudget.$scoped.withValue(budget) { … }` changes no other task's budget.
  @TaskLocal static var scoped: MemoryBudget?

  /// The budget in force for this process (``standard`` unless the command line sets it), or
  /// the task's scoped budget where one is set.
  public static var current: MemoryBudget {
    get { scoped ?? configured.withLock { $0 } }
    set { configured.withLock { $0 = newValue } }
  }

  private init(uncheckedBytes: Int) { bytes = uncheckedBytes }

  /// A budget of `bytes` bytes.
  /// - Parameter bytes: The budget; at least ``minimumBytes``.
  /// - Throws: ``MemoryBudgetError/tooSmall(_:minimum:)``.
  public init(bytes: Int) throws(MemoryBudgetError) {
    guard bytes >= Self.minimumBytes else { throw .tooSmall(bytes, minimum: Self.minimumBytes) }
    self.bytes = bytes
  }

  /// Parses a size as the command line takes it: a whole number with an optional unit
  /// `K`, `M`, `G` or `T` (powers of 1,024; `KB`, `MiB`… are read the same), for
  /// example `512M` or `2G`.
  /// - Parameter text: The size.
  /// - Throws: ``MemoryBudgetError``.
  public init(parsing text: String) throws(MemoryBudgetError) {
    let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    var unit = trimmed.dropFirst(digits.count)
    for suffix in ["IB", "B"] where unit.hasSuffix(suffix) {
      unit = unit.dropLast(suffix.count)
      break
    }
    let shifts: [Substring: Int] = ["": 0, "K": 10, "M": 20, "G": 30, "T": 40]
    guard !digits.isEmpty, let shift = shifts[unit], let value = Int(digits),
      value <= Int.max >> shift
    else { throw .unreadable(text) }
    try self.init(bytes: value << shift)
  }

  /// The number of items that fit when each needs `bytesPerItem`, at least 1.
  /// - Parameters:
  ///   - bytesPerItem: The memory one item holds at once.
  ///   - share: The fraction of the budget this use may take (0 < share ≤ 1).
  /// - Returns: `max(1, ⌊share · bytes / bytesPerItem⌋)`.
  public func items(each bytesPerItem: Int, share: Double = 1) -> Int {
    let available = Double(bytes) * min(max(share, 0), 1)
    return max(1, Int(min(available / Double(max(1, bytesPerItem)), Double(Int.max / 2))))
  }

  /// Checks that `count` values of `stride` bytes fit in the budget before they are allocated.
  /// - Parameters:
  ///   - count: The number of values a file or a setting asks for (may be absurd).
  ///   - stride: Bytes per value (4 for `Float`).
  ///   - what: What would be allocated, for the message (e.g. `dataset 'dense_1/kernel:0'`).
  /// - Throws: ``MemoryBudgetError/exceeded(what:bytes:budget:)`` when the product overflows or
  ///   exceeds the budget.
  public func reserve(_ count: Int, of stride: Int, for what: String) throws(MemoryBudgetError) {
    let (product, overflow) = max(0, count).multipliedReportingOverflow(by: max(1, stride))
    if overflow || product > bytes {
      throw .exceeded(what: what, bytes: overflow ? nil : product, budget: bytes)
    }
  }

  /// `1 GiB`, `512 MiB`: the budget for messages.
  public var description: String { Self.format(bytes) }

  static func format(_ bytes: Int) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var value = Double(bytes)
    var unit = 0
    while value >= 1024, unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    return value == value.rounded()
      ? "\(Int(value)) \(units[unit])" : "\((value * 10).rounded() / 10) \(units[unit])"
  }
}

/// A memory budget that could not be set, or a size that does not fit in it.
public enum MemoryBudgetError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The text is not a size.
  case unreadable(String)
  /// The budget is below the minimum.
  case tooSmall(Int, minimum: Int)
  /// An allocation would exceed the budget (`bytes` is nil when the size overflows).
  case exceeded(what: String, bytes: Int?, budget: Int)

  /// A message with a remedy.
  public var description: String {
    switch self {
    case .unreadable(let text):
      return
        "'\(text)' is not a memory size; write a whole number with an optional unit, e.g. 512M or 2G"
    case .tooSmall(let bytes, let minimum):
      return
        "a memory budget of \(MemoryBudget.format(bytes)) is too small; give at least \(MemoryBudget.format(minimum))"
    case .exceeded(let what, let bytes, let budget):
      let size = bytes.map(MemoryBudget.format) ?? "more than the address space"
      return "\(what) needs \(size), over the memory budget of \(MemoryBudget.format(budget)); "
        + "check the file, or raise the budget with --memory"
    }
  }
}
