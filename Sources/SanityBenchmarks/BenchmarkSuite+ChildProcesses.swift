import Foundation

extension BenchmarkSuite {
  /// Runs each item in a fresh child process, so each peak RSS belongs to one item.
  ///
  /// The child is `executable bench --item NAME --json --reference PATH --threads N
  /// [--runs R] [--data PATH] [--scale S]`; it prints one JSON object keyed by the item
  /// (see ``BenchmarkReport/json(_:)``), which is decoded here.
  /// - Parameters:
  ///   - executable: The `sanity` executable (usually the running one).
  ///   - items: Item names; `nil` or empty runs every item.
  ///   - referenceFolder: The folder with the reference models.
  ///   - options: Threads, runs, data folder and scale, passed on to each child.
  ///   - progress: Called with each result as soon as its child finishes.
  /// - Returns: One result per item, in order.
  /// - Throws: ``BenchmarkError/unknownItem(_:known:)`` or ``BenchmarkError/childFailed(item:executable:status:output:)``.
  public static func runInChildProcesses(
    executable: URL, items: [String]?, referenceFolder: URL,
    options: BenchmarkOptions = BenchmarkOptions(), progress: ((BenchmarkResult) -> Void)? = nil
  ) throws -> [BenchmarkResult] {
    try BenchmarkItem.parse(items).map { item in
      let result = try runChild(
        executable: executable, item: item, referenceFolder: referenceFolder, options: options)
      progress?(result)
      return result
    }
  }

  /// The command-line arguments of one child.
  static func childArguments(item: BenchmarkItem, referenceFolder: URL, options: BenchmarkOptions)
    -> [String]
  {
    var arguments = [
      "bench", "--item", item.rawValue, "--json", "--reference", referenceFolder.path,
      "--threads", String(options.threads), "--warmups", String(options.warmups),
    ]
    if let runs = options.runs { arguments += ["--runs", String(runs)] }
    if let data = options.dataFolder { arguments += ["--data", data.path] }
    if options.scale != 1 { arguments += ["--scale", String(options.scale)] }
    return arguments
  }

  private static func runChild(
    executable: URL, item: BenchmarkItem, referenceFolder: URL, options: BenchmarkOptions
  ) throws -> BenchmarkResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = childArguments(
      item: item, referenceFolder: referenceFolder, options: options)
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let bytes = output.fileHandleForReading.readDataToEndOfFile()
    let errorBytes = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: bytes, as: UTF8.self)
    guard process.terminationStatus == 0,
      let result = try? BenchmarkReport.decode(bytes)[item.rawValue]
    else {
      throw BenchmarkError.childFailed(
        item: item.rawValue, executable: executable.path, status: process.terminationStatus,
        output: text + String(decoding: errorBytes, as: UTF8.self))
    }
    return result
  }
}
