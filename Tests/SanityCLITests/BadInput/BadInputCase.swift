import Foundation
import SanityTestSupport
import Testing

/// One bad input: the arguments (`{dir}` stands for a fresh folder), what the folder holds before
/// the run, and the texts the error must contain (the file or flag, and the place).
struct BadInputCase: CustomTestStringConvertible, Sendable {
  let arguments: [String]
  let setup: [Fixture]
  let expected: [String]

  init(_ arguments: [String], _ setup: [Fixture] = [], expect expected: String...) {
    self.arguments = arguments
    self.setup = setup
    self.expected = expected
  }

  var testDescription: String { arguments.joined(separator: " ") }

  /// What a case's folder holds before the run.
  enum Fixture: Sendable {
    /// A folder holding one file, so that deleting it would show.
    case folder(String)
    /// A FIFO (named pipe).
    case fifo(String)
    /// A symbolic link.
    case symlink(String, to: String)
    /// A hard link to a file of the folder.
    case hardLink(String, to: String)
    /// A copy of a repository file.
    case copy(String, as: String)
    /// A text file.
    case text(String, String)
    /// A binary file.
    case bytes(String, [UInt8])

    func create(in folder: URL) throws {
      let manager = FileManager.default
      switch self {
      case .folder(let name):
        try manager.createDirectory(
          at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        try Data("keep".utf8).write(
          to: folder.appendingPathComponent(name).appendingPathComponent("keep.txt"))
      case .fifo(let name):
        #expect(mkfifo(folder.appendingPathComponent(name).path, 0o644) == 0)
      case .symlink(let name, let target):
        let resolved = target.replacingOccurrences(of: "{dir}", with: folder.path)
        try manager.createSymbolicLink(
          atPath: folder.appendingPathComponent(name).path, withDestinationPath: resolved)
      case .hardLink(let name, let target):
        try manager.linkItem(
          at: folder.appendingPathComponent(target), to: folder.appendingPathComponent(name))
      case .copy(let source, let name):
        try manager.copyItem(
          at: TestSupport.repositoryRoot.appendingPathComponent(source),
          to: folder.appendingPathComponent(name))
      case .text(let name, let text):
        try Data(text.utf8).write(to: folder.appendingPathComponent(name))
      case .bytes(let name, let bytes):
        try Data(bytes).write(to: folder.appendingPathComponent(name))
      }
    }
  }
}

/// Runs bad-input cases and checks the outcome.
enum BadInputRunner {
  /// Runs the case: exit 2, `sanity: error:` with every expected text, and the folder and every
  /// repository file named in the arguments byte-for-byte as before (no output, no temporary file).
  static func check(_ badCase: BadInputCase, sourceLocation: SourceLocation = #_sourceLocation)
    throws
  {
    let folder = try TemporaryDirectory()
    for fixture in badCase.setup { try fixture.create(in: folder.url) }
    let arguments = badCase.arguments.map {
      $0.replacingOccurrences(of: "{dir}", with: folder.url.path)
    }
    let repositoryFiles = arguments.filter {
      !$0.hasPrefix("-") && !$0.hasPrefix("/")
        && isRegularFile(TestSupport.repositoryRoot.appendingPathComponent($0).path)
    }
    let before = try FolderSnapshot(folder.url)
    let repositoryBefore = repositoryFiles.map {
      try? Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent($0))
    }
    let result = try CLI.run(arguments)
    let described = "sanity \(badCase.testDescription)"
    #expect(
      result.status == 2, "\(described): exit \(result.status), stderr \(result.error)",
      sourceLocation: sourceLocation)
    #expect(
      result.error.hasPrefix("sanity: error: "), "\(described): \(result.error)",
      sourceLocation: sourceLocation)
    for text in badCase.expected {
      let resolved = text.replacingOccurrences(of: "{dir}", with: folder.url.path)
      #expect(
        result.error.contains(resolved),
        "\(described): '\(result.error)' should contain '\(resolved)'",
        sourceLocation: sourceLocation)
    }
    for leaked in [
      "NSCocoaErrorDomain", "DecodingError", "The operation could not be completed", "CodingKeys",
      "Fatal error",
    ] {
      #expect(
        !result.error.contains(leaked), "\(described): runtime text '\(leaked)' in \(result.error)",
        sourceLocation: sourceLocation)
    }
    #expect(
      try FolderSnapshot(folder.url) == before,
      "\(described): the folder changed (an output or temporary file was left, or a file was altered)",
      sourceLocation: sourceLocation)
    let repositoryAfter = repositoryFiles.map {
      try? Data(contentsOf: TestSupport.repositoryRoot.appendingPathComponent($0))
    }
    #expect(
      repositoryAfter == repositoryBefore, "\(described): a repository input changed",
      sourceLocation: sourceLocation)
  }

  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }
}

/// Every entry below a folder: its kind and, for regular files, its bytes; for links, the target.
struct FolderSnapshot: Equatable {
  var entries: [String: String]

  init(_ folder: URL) throws {
    entries = [:]
    try add(folder, prefix: "")
  }

  private mutating func add(_ folder: URL, prefix: String) throws {
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
      let url = folder.appendingPathComponent(name)
      var status = stat()
      guard lstat(url.path, &status) == 0 else { continue }
      switch status.st_mode & S_IFMT {
      case S_IFREG:
        let data = try Data(contentsOf: url)
        let digest = data.reduce(UInt64(0xcbf2_9ce4_8422_2325)) {
          ($0 ^ UInt64($1)) &* 0x100_0000_01b3
        }
        entries[prefix + name] = "file \(data.count) \(digest) ino \(status.st_ino)"
      case S_IFDIR:
        entries[prefix + name] = "folder"
        try add(url, prefix: prefix + name + "/")
      case S_IFLNK:
        entries[prefix + name] =
          "link " + ((try? FileManager.default.destinationOfSymbolicLink(atPath: url.path)) ?? "?")
      default:
        entries[prefix + name] = "special \(status.st_mode & S_IFMT) ino \(status.st_ino)"
      }
    }
  }
}
