import Foundation

/// Plain words for why Foundation or the system could not read or write a file, so that
/// Foundation's own descriptions (`NSCocoaErrorDomain`, "The operation could not be completed")
/// never reach a message.
public enum SystemErrorReason {
  /// The reason in plain words (`no such file or folder; check the path`, `permission denied`),
  /// or `nil` when the error is not a Foundation or POSIX file error.
  /// - Parameter error: Any error.
  /// - Returns: The reason, without the file's path.
  public static func text(for error: Error) -> String? {
    let nsError = error as NSError
    if nsError.domain == NSPOSIXErrorDomain { return posix(nsError.code) }
    guard nsError.domain == NSCocoaErrorDomain else { return nil }
    switch CocoaError.Code(rawValue: nsError.code) {
    case .fileNoSuchFile, .fileReadNoSuchFile: return "no such file or folder; check the path"
    case .fileWriteFileExists: return "a file of that name already exists and is not a folder"
    case .fileReadNoPermission, .fileWriteNoPermission: return "permission denied"
    case .fileWriteOutOfSpace: return "the disk is full"
    case .fileWriteVolumeReadOnly: return "the file system is read-only"
    case .fileReadCorruptFile, .propertyListReadCorrupt: return "the file is not valid"
    case .fileReadTooLarge: return "the file is too large to read"
    case .fileReadInapplicableStringEncoding: return "the file is not UTF-8 text"
    default:
      if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
        underlying.domain == NSPOSIXErrorDomain
      {
        return posix(underlying.code)
      }
      return "the file could not be read or written (system error \(nsError.code))"
    }
  }

  /// The reason for any error reading a file: ``text(for:)``, or the error's own description.
  /// - Parameter error: Any error.
  /// - Returns: The reason.
  public static func reading(_ error: Error) -> String {
    text(for: error) ?? String(describing: error)
  }

  private static func posix(_ code: Int) -> String {
    String(cString: strerror(Int32(code))).lowercased()
  }
}
