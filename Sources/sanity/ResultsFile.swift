import ArgumentParser
import Foundation
import SanityChecker

/// Reads a results file (`sanity check … --output results.json`) with messages that give the
/// line and column of a syntax error and name a missing or wrong key in plain words.
enum ResultsFile {
  static func read(_ path: String) throws -> CheckReport {
    guard FileManager.default.fileExists(atPath: path) else {
      throw ValidationError("\(path): no such file; check the path")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("\(path): cannot read the file (a folder, or no permission)")
    }
    let bytes = [UInt8](data)
    if let error = JSONLocator.syntaxError(in: bytes) {
      throw ValidationError(
        "\(path):\(error.line):\(error.column): not valid JSON: \(error.problem)")
    }
    do {
      return try CheckReport.decoded(from: data)
    } catch let error as DecodingError {
      let context: DecodingError.Context?
      switch error {
      case .keyNotFound(_, let found), .typeMismatch(_, let found), .valueNotFound(_, let found),
        .dataCorrupted(let found):
        context = found
      @unknown default: context = nil
      }
      let keys = context?.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue } ?? []
      let place =
        JSONLocator.location(of: keys, in: bytes).map { "\(path):\($0.line):\($0.column)" } ?? path
      throw ValidationError(
        "\(SystemErrorText.message(for: error, file: place)); this is not a SanityChecker results file "
          + "(`sanity check … --output results.json` writes one)")
    }
  }
}
