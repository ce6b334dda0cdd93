import Synchronization

/// Counts the randomized models alive at once, with their randomized parameters' bytes, and the
/// most there were.
///
/// A stage drawn by a ``RandomizationStageSequence`` given a ledger carries a lease that the
/// ledger takes back when the last copy of the stage is dropped, so the counts are what is held,
/// not what was drawn. Checks use it to show that peak memory does not grow with the number of
/// seeds or stages.
final class StageLedger: Sendable {
  /// Models and bytes.
  struct Counts: Equatable, Sendable {
    /// The number of randomized models.
    var models = 0
    /// Their randomized parameters' bytes (layers shared between stages are counted in each).
    var bytes = 0
  }

  private let state = Mutex((live: Counts(), peak: Counts()))

  /// What is alive now.
  var live: Counts { state.withLock { $0.live } }

  /// The most that was alive at once.
  var peak: Counts { state.withLock { $0.peak } }

  /// Counts a new stage until its lease is dropped.
  /// - Parameter bytes: The stage's randomized parameters' bytes.
  /// - Returns: The lease to keep with the stage.
  func lease(bytes: Int) -> StageLease {
    state.withLock {
      $0.live.models += 1
      $0.live.bytes += bytes
      $0.peak.models = max($0.peak.models, $0.live.models)
      $0.peak.bytes = max($0.peak.bytes, $0.live.bytes)
    }
    return StageLease(ledger: self, bytes: bytes)
  }

  fileprivate func returned(bytes: Int) {
    state.withLock {
      $0.live.models -= 1
      $0.live.bytes -= bytes
    }
  }
}

/// A stage's place in a ``StageLedger``, given back when the stage's last copy is dropped.
final class StageLease: Sendable {
  private let ledger: StageLedger
  private let bytes: Int

  fileprivate init(ledger: StageLedger, bytes: Int) {
    self.ledger = ledger
    self.bytes = bytes
  }

  deinit { ledger.returned(bytes: bytes) }
}
