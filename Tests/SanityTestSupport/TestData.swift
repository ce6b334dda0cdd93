import Foundation

extension TestSupport {
  /// The repository's root folder.
  public static let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A file under `Tests/Fixtures/`.
  public static func fixture(_ relativePath: String) -> URL {
    repositoryRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
  }

  /// The shared folder beside the repository (`../shared`), or `$SANITY_SHARED` when set.
  public static let sharedRoot: URL = {
    if let override = ProcessInfo.processInfo.environment["SANITY_SHARED"] {
      return URL(fileURLWithPath: override)
    }
    return repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
  }()

  /// A file under `../shared/data/`.
  public static func sharedData(_ relativePath: String) -> URL {
    sharedRoot.appendingPathComponent("data").appendingPathComponent(relativePath)
  }

  /// A file under `../shared/reference/`.
  public static func reference(_ relativePath: String) -> URL {
    sharedRoot.appendingPathComponent("reference").appendingPathComponent(relativePath)
  }

  /// Whether `../shared/data` is present (tests that read it are skipped otherwise).
  public static var hasSharedData: Bool {
    FileManager.default.fileExists(
      atPath: sharedRoot.appendingPathComponent("data/PROVENANCE.md").path)
  }

  /// Whether `../shared/reference` is present.
  public static var hasReference: Bool {
    FileManager.default.fileExists(
      atPath: sharedRoot.appendingPathComponent("reference/README.md").path)
  }
}
