import Synchronization

/// Reusable scratch memory for ``WinogradConvolution``: the padded input and the transformed
/// tiles `V` and products `M` of a block.
///
/// Buffers of a few hundred KiB are above the allocator's mapping threshold, so fresh ones are
/// mapped and page-faulted on every call (measured: 5–10% of a MNIST backward pass). A buffer is
/// checked out of a small process-wide pool, used by one thread, and returned, so results do not
/// depend on which buffer a call gets (every call overwrites what it reads).
final class WinogradScratch: @unchecked Sendable {
  // Unchecked: a scratch buffer is only touched by the one thread that checked it out of `pool`.
  private var storage: UnsafeMutablePointer<Float>
  private var capacity: Int

  private init(capacity: Int) {
    self.capacity = capacity
    self.storage = .allocate(capacity: capacity)
  }

  deinit { storage.deallocate() }

  /// Idle buffers; at most ``poolLimit`` are kept.
  private static let pool = Mutex<[WinogradScratch]>([])
  /// Idle buffers kept: two per core is plenty for one correlation per thread.
  private static let poolLimit = 8
  /// Larger buffers are freed after use instead of being kept.
  private static let keptCapacity = 1 << 24

  /// Calls `body` with `count` scalars of scratch memory (contents unspecified).
  /// - Parameters:
  ///   - count: The scalars needed.
  ///   - body: Uses the memory; it must not escape.
  static func with(count: Int, _ body: (UnsafeMutablePointer<Float>) -> Void) {
    let scratch = pool.withLock { $0.popLast() } ?? WinogradScratch(capacity: count)
    if scratch.capacity < count {
      scratch.storage.deallocate()
      scratch.storage = .allocate(capacity: count)
      scratch.capacity = count
    }
    body(scratch.storage)
    guard scratch.capacity <= keptCapacity else { return }
    pool.withLock { if $0.count < poolLimit { $0.append(scratch) } }
  }
}
