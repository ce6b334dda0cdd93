import Foundation

/// Text output to a file (written to a temporary name, then renamed) or to standard output.
enum OutputFile {
  static func write(_ text: String, to path: String?) throws {
    guard let path else {
      FileHandle.standardOutput.write(Data(text.utf8))
      return
    }
    try write(Data(text.utf8), to: URL(fileURLWithPath: path))
  }

  static func write(_ data: Data, to url: URL) throws {
    let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
    do {
      try data.write(to: temporary)
      if FileManager.default.fileExists(atPath: url.path) { try FileManager.default.removeItem(at: url) }
      try FileManager.default.moveItem(at: temporary, to: url)
    } catch {
      try? FileManager.default.removeItem(at: temporary)
      throw OutputError(path: url.path, reason: (error as NSError).localizedDescription)
    }
  }
}

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
  let path: String
  let reason: String
  var description: String { "\(path): cannot write the output (\(reason)); check that the folder exists and is writable" }
}
