import Foundation

/// What a part of a run was computed from: the tool's version, every setting, the shard, and a
/// hash of the contents of every file read.
///
/// A part whose manifest differs from the run's (a changed input, model or setting, another
/// version) is redone by a resumed run and refused by `sanity merge`. The hash is 64-bit FNV-1a
/// over the file's bytes: it detects changed files, it is not a cryptographic digest.
public struct RunManifest: Codable, Equatable, Sendable {
  /// The version of `sanity` that wrote the part.
  public var version: String
  /// The run's configuration.
  public var configuration: RunConfiguration
  /// The shard.
  public var shard: Shard
  /// Per file read (as named in the configuration), the hex FNV-1a hash of its contents.
  public var files: [String: String]

  /// The version recorded in manifests.
  public static let toolVersion = "0.1.0"

  /// The manifest of a shard of a run: hashes every file the configuration names.
  /// - Parameters:
  ///   - configuration: The run.
  ///   - shard: The shard.
  /// - Throws: ``RunConfigurationError/unreadable(file:reason:)`` for a file that cannot be read.
  public init(configuration: RunConfiguration, shard: Shard) throws(RunConfigurationError) {
    version = Self.toolVersion
    self.configuration = configuration
    self.shard = shard
    var files: [String: String] = [:]
    for path in configuration.files {
      files[path] = try Self.hash(of: URL(fileURLWithPath: path))
    }
    self.files = files
  }

  /// Whether two manifests describe the same run (they may name different shards).
  /// - Parameter other: Another part's manifest.
  /// - Returns: The first difference in words, or `nil` when they agree.
  public func difference(from other: RunManifest) -> String? {
    if version != other.version { return "the tool version" }
    if configuration != other.configuration { return "the configuration" }
    if shard.count != other.shard.count { return "the number of shards" }
    for (file, hash) in files.sorted(by: { $0.key < $1.key }) where other.files[file] != hash {
      return "the file \(file)"
    }
    return nil
  }

  /// 64-bit FNV-1a of a file's bytes, read 1 MiB at a time, as 16 hex digits.
  static func hash(of url: URL) throws(RunConfigurationError) -> String {
    guard let handle = FileHandle(forReadingAtPath: url.path) else {
      throw .unreadable(file: url.path, reason: "no such file or folder; check the path")
    }
    defer { try? handle.close() }
    var value: UInt64 = 0xcbf2_9ce4_8422_2325
    while true {
      let chunk: Data
      do {
        guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { break }
        chunk = data
      } catch {
        throw .unreadable(file: url.path, reason: SystemErrorReason.reading(error))
      }
      chunk.withUnsafeBytes { bytes in
        for byte in bytes { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
      }
    }
    return String(value, radix: 16)
  }
}

extension RunConfiguration {
  /// Every file the run reads.
  public var files: [String] {
    var files = [model, inputs.file]
    if let check = checks.labelRandomization { files.append(check.trainingFile) }
    if let check = checks.motifRecovery { files += [check.memeFile, check.sitesFile] }
    if let check = checks.motifs { files.append(check.database) }
    return files
  }
}
