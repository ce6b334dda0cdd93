import Foundation
import Testing

@testable import SanityChecker

/// Renders a realistic report in headless Chromium: the page must load offline without script
/// errors, keep its ids in the DOM, and paint a non-trivial screenshot.
@Suite(
  .enabled(if: Chromium.executable != nil, "chromium is not on PATH; scripts/setup.sh installs it"))
struct HTMLReportBrowserTests {
  @Test func rendersInHeadlessChromium() throws {
    let executable = try #require(Chromium.executable)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-browser-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = folder.appendingPathComponent("report.html")
    let screenshot = folder.appendingPathComponent("report.png")
    try HTMLReport.write(ReportSample.large, to: page)

    // The two runs go in parallel, each with its own profile folder.
    let runs = [("screenshot", "--screenshot=\(screenshot.path)"), ("dump", "--dump-dom")]
    let results = Chromium.Results()
    DispatchQueue.concurrentPerform(iterations: runs.count) { index in
      let (name, action) = runs[index]
      let arguments = [
        "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--hide-scrollbars",
        "--disable-extensions",
        "--disable-background-networking", "--disable-sync", "--disable-dev-shm-usage",
        "--user-data-dir=\(folder.appendingPathComponent("profile-\(name)").path)",
        "--window-size=1200,2000",
        action, page.absoluteString,
      ]
      results.set(
        name, Result { try Chromium.run(executable, arguments, logs: folder, name: name) })
    }
    let shot = try results.get("screenshot")
    let dump = try results.get("dump")

    for (name, result) in [("screenshot", shot), ("dump-dom", dump)] {
      #expect(
        result.status == 0,
        "chromium \(name) exited with \(result.status): \(result.standardError.suffix(500))")
      #expect(
        !result.standardError.contains("Uncaught"), "\(name): \(result.standardError.suffix(500))")
    }
    let png = try Data(contentsOf: screenshot)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "PNG signature")
    #expect(
      png.count > 50_000, "a 1200 × 2000 page of tables and charts is more than \(png.count) bytes")
    if png.count > 24 {
      let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
      let height = png[20..<24].reduce(0) { $0 << 8 | Int($1) }
      #expect(width == 1200 && height == 2000, "screenshot is \(width) × \(height)")
    }
    let dom = dump.standardOutput
    for id in [
      "verdicts", "chart-model-randomization-spearman-full",
      "chart-model-randomization-abs-spearman-full",
      "settings", "dna-1-chr1-1000-1101", "image-1-ring-28", "pair-1-digit-7",
    ] {
      #expect(dom.contains("id=\"\(id)\""), "the DOM lacks #\(id)")
    }
    #expect(dom.contains("<use href=\"#glyph-T\""))
  }
}

/// Finds and runs the `chromium` executable.
enum Chromium {
  /// What one run printed.
  typealias Output = (status: Int32, standardOutput: String, standardError: String)

  /// Results of parallel runs, by name.
  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: Result<Output, any Error>] = [:]

    func set(_ name: String, _ result: Result<Output, any Error>) {
      lock.withLock { results[name] = result }
    }

    func get(_ name: String) throws -> Output {
      let result = lock.withLock { results[name] }
      guard let result else { throw CocoaError(.fileNoSuchFile) }
      return try result.get()
    }
  }

  /// The first `chromium` on `PATH`.
  static let executable: URL? = {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    return path.split(separator: ":").map {
      URL(fileURLWithPath: String($0)).appendingPathComponent("chromium")
    }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }
  }()

  /// Runs chromium with `arguments`, waiting at most `timeout` seconds; its output goes to
  /// `<logs>/<name>.out` and `<name>.err`.
  static func run(
    _ executable: URL, _ arguments: [String], logs: URL, name: String, timeout: TimeInterval = 60
  ) throws -> Output {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    let outputURL = logs.appendingPathComponent("\(name).out")
    let errorURL = logs.appendingPathComponent("\(name).err")
    try Data().write(to: outputURL)
    try Data().write(to: errorURL)
    process.standardOutput = try FileHandle(forWritingTo: outputURL)
    process.standardError = try FileHandle(forWritingTo: errorURL)
    try process.run()
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      Issue.record(
        "chromium did not finish within \(Int(timeout)) s: \(arguments.joined(separator: " "))")
    }
    let output = (try? String(contentsOf: outputURL, encoding: .utf8)) ?? ""
    let error = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
    return (process.terminationStatus, output, error)
  }
}
