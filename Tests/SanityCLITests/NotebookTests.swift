import Foundation
import SanityTestSupport
import Testing

/// The notebooks in `Notebooks/`: committed without outputs, and each one runs headless.
@Suite("Notebooks")
struct NotebookTests {
  static let folder = TestSupport.repositoryRoot.appendingPathComponent("Notebooks")

  /// The notebooks' file names, sorted.
  static let notebooks: [String] =
    ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
    .filter { $0.hasSuffix(".ipynb") }.sorted()

  @Test("The notebooks are committed without outputs or execution counts", arguments: notebooks)
  func committedWithoutOutputs(_ name: String) throws {
    let notebook = try Notebook(Self.folder.appendingPathComponent(name))
    #expect(!notebook.codeCells.isEmpty)
    for (index, cell) in notebook.codeCells.enumerated() {
      #expect(
        (cell["outputs"] as? [Any])?.isEmpty == true, "code cell \(index) of \(name) has outputs")
      #expect(
        cell["execution_count"] is NSNull, "code cell \(index) of \(name) has an execution count")
    }
    #expect(!notebook.figures.isEmpty, "\(name) lists no figures in its metadata (sanity.figures)")
  }

  @Test(
    "Each notebook runs headless, writes the figures it lists into its output folder and nothing into Notebooks/",
    .timeLimit(.minutes(10)), arguments: notebooks)
  func runs(_ name: String) throws {
    let python = try NotebookPython.path()
    let output = try TemporaryDirectory()
    let before = try Self.snapshot()
    let run = try Subprocess.run(
      python, ["scripts/run_notebooks.py", "--output", output.url.path, "Notebooks/\(name)"],
      environment: [
        "SANITY_BIN": CLI.binary.path,
        "SANITY_DATA": TestSupport.sharedRoot.appendingPathComponent("data").path,
        "SANITY_REPO": TestSupport.repositoryRoot.path, "MPLCONFIGDIR": output.url.path,
      ])
    if run.status == 4 {
      let reason = run.output.split(separator: "\n").first { $0.contains(": skipped: ") }.map(
        String.init)
      try Test.cancel(Comment(rawValue: reason ?? run.output))
    }
    #expect(run.status == 0, "\(name) failed:\n\(run.output.suffix(6000))")
    let stem = String(name.dropLast(".ipynb".count))
    let figures = try Notebook(Self.folder.appendingPathComponent(name)).figures
    for figure in figures {
      let bytes =
        (try? Data(
          contentsOf: output.url.appendingPathComponent(stem).appendingPathComponent(figure)))
        ?? Data()
      #expect(
        bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) && bytes.count > 10_000,
        "\(name) did not write \(figure)")
    }
    #expect(try Self.snapshot() == before, "running \(name) changed Notebooks/")
  }

  @Test(
    "strip_notebooks.py strips an executed notebook back to its committed text and --check reports outputs"
  )
  func stripping() throws {
    let directory = try TemporaryDirectory()
    let committed = Self.folder.appendingPathComponent("reading-results.ipynb")
    var json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: committed)) as? [String: Any] ?? [:]
    var cells = json["cells"] as? [[String: Any]] ?? []
    let code = try #require(cells.firstIndex { $0["cell_type"] as? String == "code" })
    cells[code]["outputs"] = [["output_type": "stream", "name": "stdout", "text": ["hello\n"]]]
    cells[code]["execution_count"] = 3
    json["cells"] = cells
    let executed = directory.file("executed.ipynb")
    try JSONSerialization.data(withJSONObject: json).write(to: executed)

    let check = try Subprocess.run(
      "python3", ["scripts/strip_notebooks.py", "--check", executed.path])
    #expect(check.status == 1 && check.output.contains("has outputs"))
    let strip = try Subprocess.run("python3", ["scripts/strip_notebooks.py", executed.path])
    #expect(strip.status == 0)
    #expect(try Data(contentsOf: executed) == Data(contentsOf: committed))
    let recheck = try Subprocess.run(
      "python3", ["scripts/strip_notebooks.py", "--check", executed.path])
    #expect(recheck.status == 0, "\(recheck.output)")
  }

  /// Every file's name and contents in `Notebooks/`.
  static func snapshot() throws -> [String: Data] {
    var files: [String: Data] = [:]
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      files[url.path] = try? Data(contentsOf: url)
    }
    return files
  }
}

/// A notebook's JSON: its code cells and the figures its metadata lists (`metadata.sanity.figures`).
private struct Notebook {
  let codeCells: [[String: Any]]
  let figures: [String]

  init(_ url: URL) throws {
    let json =
      try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any] ?? [:]
    codeCells = (json["cells"] as? [[String: Any]] ?? []).filter {
      $0["cell_type"] as? String == "code"
    }
    let metadata = json["metadata"] as? [String: Any]
    figures = (metadata?["sanity"] as? [String: Any])?["figures"] as? [String] ?? []
  }
}

/// The python of the notebooks' virtual environment (`scripts/python-env.sh notebooks`), made once.
enum NotebookPython {
  /// The python, or why there is none (`cannotInstall`: python-env's exit 3, for example no
  /// network).
  private static let made: Result<String, Subprocess.Failure> = {
    do {
      let run = try Subprocess.run("bash", ["scripts/python-env.sh", "notebooks"])
      let lines = run.output.split(separator: "\n").map(String.init)
      guard run.status == 0, let path = lines.last, path.hasPrefix("/") else {
        let message = run.output.trimmingCharacters(in: .whitespacesAndNewlines)
        return .failure(Subprocess.Failure(message: message, cannotInstall: run.status == 3))
      }
      return .success(path)
    } catch {
      return .failure(Subprocess.Failure(message: "\(error)", cannotInstall: false))
    }
  }()

  /// The python's path; cancels the calling test with python-env's message when it cannot install
  /// the packages, and throws on any other failure.
  static func path() throws -> String {
    switch made {
    case .success(let path): return path
    case .failure(let failure) where failure.cannotInstall:
      try Test.cancel(Comment(rawValue: failure.message))
    case .failure(let failure): throw failure
    }
  }
}

/// Runs a program (found on PATH) in the repository root; standard output and error are read together.
enum Subprocess {
  struct Failure: Error {
    let message: String
    let cannotInstall: Bool
  }

  struct Result {
    let status: Int32
    let output: String
  }

  static func run(_ program: String, _ arguments: [String], environment: [String: String] = [:])
    throws -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [program] + arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.currentDirectoryURL = TestSupport.repositoryRoot
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
  }
}
