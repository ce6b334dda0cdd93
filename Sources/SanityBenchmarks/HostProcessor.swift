import Foundation

/// The processor a benchmark ran on, as `/proc/cpuinfo` describes it.
///
/// Hosts of the same kind differ (one has AVX-512, another only AVX2), and every goal is a
/// ratio measured on one host, so the table names it.
public struct HostProcessor: Hashable, Sendable {
  /// The model name, for example `AMD EPYC`.
  public var model: String
  /// The CPU family and model numbers, for example `family 25 model 1`.
  public var generation: String
  /// The vector extensions present among AVX2, FMA and AVX-512F.
  public var vectorExtensions: [String]

  /// Reads the first processor of a `/proc/cpuinfo` text.
  /// - Parameter cpuinfo: The file's text.
  /// - Returns: The description, or `nil` without a model name.
  public static func parse(cpuinfo: String) -> HostProcessor? {
    var fields: [String: String] = [:]
    for line in cpuinfo.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.trimmingCharacters(in: .whitespaces).isEmpty, !fields.isEmpty { break }
      guard let colon = line.firstIndex(of: ":") else { continue }
      let key = line[..<colon].trimmingCharacters(in: .whitespaces)
      fields[key] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    guard let model = fields["model name"] else { return nil }
    let flags = Set((fields["flags"] ?? "").split(separator: " ").map(String.init))
    let generation = [("family", fields["cpu family"]), ("model", fields["model"])]
      .compactMap { name, value in value.map { "\(name) \($0)" } }.joined(separator: " ")
    return HostProcessor(
      model: model, generation: generation,
      vectorExtensions: [("avx2", "AVX2"), ("fma", "FMA"), ("avx512f", "AVX-512F")]
        .filter { flags.contains($0.0) }.map(\.1))
  }

  /// This machine's processor (`nil` where `/proc/cpuinfo` is unreadable).
  public static var current: HostProcessor? {
    (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)).flatMap { parse(cpuinfo: $0) }
  }

  /// `AMD EPYC (family 25 model 1; AVX2, FMA)`.
  public var summary: String {
    let extensions = vectorExtensions.isEmpty ? "no AVX2" : vectorExtensions.joined(separator: ", ")
    return generation.isEmpty
      ? "\(model) (\(extensions))" : "\(model) (\(generation); \(extensions))"
  }
}
