import Dispatch
import Foundation
import SanityChecker

/// Removes the temporary files of writes in progress when the run is interrupted (SIGINT,
/// SIGTERM, SIGHUP), then exits with 128 + the signal number, as a shell expects.
enum InterruptCleanup {
  nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []

  /// Installs the handlers; call once, before any work.
  static func install() {
    for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        AtomicOutput.removePendingTemporaryFiles()
        FileHandle.standardError.write(
          Data("\nsanity: interrupted; no partial output was left\n".utf8))
        _exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
