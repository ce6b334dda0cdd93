import Foundation
import SanityChecker

/// Plain-language text for errors raised by Foundation or the Swift runtime, so their internal
/// descriptions (`NSCocoaErrorDomain`, `DecodingError`, "The operation could not be completed")
/// never reach the user.
enum SystemErrorText {
  /// The message for a Foundation or decoding error, or `nil` for any other error.
  static func message(for error: Error) -> String? {
    if let decoding = error as? DecodingError { return message(for: decoding, file: nil) }
    let nsError = error as NSError
    guard let reason = SystemErrorReason.text(for: error) else { return nil }
    let path =
      (nsError.userInfo[NSFilePathErrorKey] as? String)
      ?? (nsError.userInfo[NSURLErrorKey] as? URL)?.path ?? "a file"
    return "\(path): \(reason)"
  }

  /// A decoding error in plain words: what is missing or wrong, and where.
  /// - Parameters:
  ///   - error: The decoder's error.
  ///   - file: The file, when known.
  /// - Returns: `file: what is wrong where`.
  static func message(for error: DecodingError, file: String?) -> String {
    let prefix = file.map { "\($0): " } ?? ""
    switch error {
    case .keyNotFound(let key, let context):
      return "\(prefix)missing key '\(key.stringValue)' in \(place(context.codingPath))"
    case .typeMismatch(let type, let context):
      return "\(prefix)\(place(context.codingPath)) should be \(name(of: type))"
    case .valueNotFound(let type, let context):
      return "\(prefix)\(place(context.codingPath)) is null; expected \(name(of: type))"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty
        ? "\(prefix)not valid JSON"
        : "\(prefix)\(place(context.codingPath)) has a value that is not allowed here"
    @unknown default:
      return "\(prefix)the file's contents do not fit the expected layout"
    }
  }

  /// `the top level` or `rows[3].mean`.
  static func place(_ path: [any CodingKey]) -> String {
    guard !path.isEmpty else { return "the top level" }
    var text = ""
    for key in path {
      if let index = key.intValue {
        text += "[\(index)]"
      } else {
        text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
      }
    }
    return "'\(text)'"
  }

  private static func name(of type: Any.Type) -> String {
    switch type {
    case is String.Type: return "a string"
    case is Double.Type, is Float.Type, is Int.Type, is Int64.Type, is UInt64.Type:
      return "a number"
    case is Bool.Type: return "true or false"
    default:
      let text = String(describing: type)
      if text.hasPrefix("Array") { return "a list" }
      if text.hasPrefix("Dictionary") { return "an object" }
      return "an object (\(text))"
    }
  }
}
