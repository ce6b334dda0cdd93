import Foundation
import Synchronization

/// The threads of one ``Parallel/mapChunks(count:chunkSize:bytesPerChunk:_:)`` call that have
/// no chunk left to start, lent to the matrix products of the chunks still running.
///
/// A call with fewer chunks than threads, or whose last chunks are shorter than the others,
/// would otherwise leave cores idle until its slowest chunk ends (128 DeepSEA sequences in
/// chunks of 25: one thread runs 75 items while the other runs 53). A product that finds
/// threads waiting here (``BLAS``) cuts itself into blocks of rows or columns, posts them and
/// computes blocks itself until none is left; a waiting thread takes the next block of the
/// oldest posted product. Every entry of a `CKernels` product depends only on its row, its
/// column and `k` (``GEMMKernel``), so which thread computes which block never changes a value:
/// results stay bit-identical for any thread count.
final class IdleWorkers: @unchecked Sendable {
  /// One posted product: `blocks` calls of `body`, each taken by exactly one thread.
  private final class Job: Sendable {
    let blocks: Int
    let body: @Sendable (Int) -> Void
    let next = Atomic<Int>(0)
    let finished = Atomic<Int>(0)

    init(blocks: Int, body: @escaping @Sendable (Int) -> Void) {
      self.blocks = blocks
      self.body = body
    }

    var hasBlocksLeft: Bool { next.load(ordering: .relaxed) < blocks }

    /// Runs blocks until none is left to take.
    func work() {
      while true {
        let block = next.wrappingAdd(1, ordering: .relaxed).oldValue
        guard block < blocks else { return }
        body(block)
        finished.wrappingAdd(1, ordering: .releasing)
      }
    }
  }

  /// Guards `jobs`, `helpers` and `chunksLeft`; helpers with no block to take sleep on it.
  private let condition = NSCondition()
  private var jobs = [Job]()
  private var helpers = 0
  private var chunksLeft: Int

  /// Idle workers for a call of `chunks` chunks.
  init(chunks: Int) { chunksLeft = chunks }

  /// The idle workers of the ``Parallel/mapChunks(count:chunkSize:bytesPerChunk:_:)`` call
  /// whose chunk the current thread runs, or `nil` outside one.
  @TaskLocal static var current: IdleWorkers?

  /// Whether some thread has no chunk left and takes posted blocks now.
  var hasHelpers: Bool {
    condition.lock()
    defer { condition.unlock() }
    return helpers > 0
  }

  /// Runs `body` on `0..<blocks`, blocks taken by this thread and any helper, and
  /// returns once every block has run.
  /// - Parameters:
  ///   - blocks: The number of blocks.
  ///   - body: Computes one block; blocks must write disjoint memory.
  func run(blocks: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let job = Job(blocks: blocks, body: body)
    condition.lock()
    jobs.append(job)
    condition.broadcast()
    condition.unlock()
    job.work()
    condition.lock()
    jobs.removeAll { $0 === job }
    condition.unlock()
    while job.finished.load(ordering: .acquiring) < blocks { sched_yield() }
  }

  /// Records that a chunk has ended, waking the waiting threads after the last.
  func chunkEnded() {
    condition.lock()
    chunksLeft -= 1
    if chunksLeft == 0 { condition.broadcast() }
    condition.unlock()
  }

  /// Takes posted blocks until every chunk of the call has ended, asleep while none is posted.
  func help() {
    condition.lock()
    helpers += 1
    while chunksLeft > 0 {
      if let job = jobs.first(where: \.hasBlocksLeft) {
        condition.unlock()
        job.work()
        condition.lock()
      } else {
        condition.wait()
      }
    }
    helpers -= 1
    condition.unlock()
  }
}
