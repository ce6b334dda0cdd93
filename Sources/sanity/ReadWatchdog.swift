import Dispatch
import Foundation
import SanityChecker
import Synchronization

/// Ends the run with exit 2 when reading a model file does not finish in time.
///
/// libhdf5 1.10 can loop forever inside `H5Aread` on a crafted file (a variable-length attribute
/// whose global heap points back into itself; docs/fuzzing.md, finding 6), and a thread inside
/// a C library cannot be stopped. Loading a real model takes seconds (the 211 MB DeepSEA-shaped
/// file: about 1 s), so the limit is 60 s plus 1 s per 10 MB of file (the environment variable
/// `SANITY_READ_TIMEOUT` sets another number of seconds), after which the run stops as an
/// interrupted one does: temporary outputs removed, nothing written.
enum ReadWatchdog {
  /// Runs `body`, or ends the process with exit 2 naming `file` if it takes too long.
  static func reading<Result>(_ file: String, _ body: () throws -> Result) rethrows -> Result {
    let bytes = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    let seconds =
      ProcessInfo.processInfo.environment["SANITY_READ_TIMEOUT"].flatMap { Int($0) }.map {
        max(1, $0)
      }
      ?? 60 + bytes / 10_000_000
    let isDone = Atomic<Bool>(false)
    DispatchQueue.global().asyncAfter(deadline: .now() + .seconds(seconds)) {
      guard !isDone.load(ordering: .acquiring) else { return }
      AtomicOutput.removePendingTemporaryFiles()
      FileHandle.standardError.write(
        Data(
          ("sanity: error: \(file): reading the model did not finish within \(seconds) s; "
            + "the file is likely corrupt (libhdf5 loops on some damaged files); "
            + "check it with h5dump, or save the model again\n").utf8))
      _exit(2)
    }
    defer { isDone.store(true, ordering: .releasing) }
    return try body()
  }
}
