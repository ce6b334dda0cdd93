import Foundation
import SanityChecker

/// Loading the reference `.h5` models the workloads use.
enum ReferenceModels {
  /// Loads one model file from the reference folder.
  /// - Throws: ``BenchmarkError/missingReference(file:item:)`` when it is absent, else the
  ///   loader's error.
  static func load(_ name: String, in folder: URL, item: String) throws -> Model {
    let url = folder.appendingPathComponent(name)
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw BenchmarkError.missingReference(file: url.path, item: item)
    }
    return try ModelLoader.load(url)
  }

  /// The cumulative cascade stages `<prefix><k>_<layer>.h5`, in the order of `k`.
  ///
  /// Stage `k` is named after the layer it randomizes last and lists every layer randomized
  /// up to it, as ``SanityChecker/RandomizationStage`` does for drawn stages.
  /// - Throws: ``BenchmarkError/missingReference(file:item:)`` when there is no stage file.
  static func cascade(prefix: String, in folder: URL, item: String) throws -> [RandomizationStage] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    let files = names.compactMap { name -> (index: Int, layer: String, name: String)? in
      guard name.hasPrefix(prefix), name.hasSuffix(".h5") else { return nil }
      let stem = name.dropFirst(prefix.count).dropLast(3)
      guard let separator = stem.firstIndex(of: "_"), let index = Int(stem[..<separator]) else {
        return nil
      }
      return (index, String(stem[stem.index(after: separator)...]), name)
    }.sorted { $0.index < $1.index }
    guard !files.isEmpty else {
      throw BenchmarkError.missingReference(
        file: folder.appendingPathComponent(prefix + "*.h5").path, item: item)
    }
    var randomized: [String] = []
    return try files.map { file in
      randomized.append(file.layer)
      return RandomizationStage(
        name: file.layer, randomizedLayers: randomized,
        model: try load(file.name, in: folder, item: item))
    }
  }
}
