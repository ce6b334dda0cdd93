import Foundation

/// Progress of long work on standard error: a bar with rate and time left on a terminal,
/// plain lines otherwise, nothing with `--quiet`.
final class Progress {
  private let label: String
  private let total: Int
  private let isQuiet: Bool
  private let isTerminal = isatty(STDERR_FILENO) != 0
  private let start = Date()
  private var lastLine = Date.distantPast

  init(_ label: String, total: Int, quiet: Bool) {
    self.label = label
    self.total = max(total, 1)
    self.isQuiet = quiet
  }

  /// Reports that `done` of `total` items are finished.
  func update(_ done: Int) {
    guard !isQuiet else { return }
    let elapsed = Date().timeIntervalSince(start)
    let rate = elapsed > 0 ? Double(done) / elapsed : 0
    let left = rate > 0 ? Double(total - done) / rate : 0
    let figures = String(format: "%d/%d  %.0f/s  %@ left", done, total, rate, Self.duration(left))
    if isTerminal {
      let width = 30
      let filled = min(width, width * done / total)
      let bar =
        String(repeating: "█", count: filled) + String(repeating: "·", count: width - filled)
      FileHandle.standardError.write(Data("\r\(label) \(bar) \(figures)\u{1B}[K".utf8))
      if done >= total { FileHandle.standardError.write(Data("\n".utf8)) }
    } else if done >= total || Date().timeIntervalSince(lastLine) >= 5 {
      lastLine = Date()
      FileHandle.standardError.write(Data("\(label): \(figures)\n".utf8))
    }
  }

  /// Prints a line of its own (unless quiet).
  static func note(_ text: String, quiet: Bool) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data("\(text)\n".utf8))
  }

  private static func duration(_ seconds: Double) -> String {
    seconds >= 60
      ? String(format: "%dm%02ds", Int(seconds) / 60, Int(seconds) % 60)
      : String(format: "%.0fs", seconds)
  }
}
