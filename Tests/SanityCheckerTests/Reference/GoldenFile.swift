import Foundation
import SanityChecker
import SanityTestSupport

/// One of the reference golden files (`dna_golden.h5`, `mnist_golden.h5`) with its model.
struct GoldenFile {
  let file: HDF5File
  let model: Model
  let inputs: Tensor
  let targets: [Int]

  init(_ name: String, model modelName: String) throws {
    file = try HDF5File(reading: TestSupport.reference(name))
    model = try Model.loadKeras(TestSupport.reference(modelName))
    inputs = try file.readTensor("inputs")
    targets = try file.readInt64s("targets").elements.map { Int($0) }
  }

  /// A stored attribution map, as Float.
  func map(_ path: String) throws -> Tensor { try file.readTensor(path) }

  /// The model of a randomized group (`cascade/1_dense_2`), from the group's `model_file` attribute.
  func groupModel(_ group: String) throws -> Model {
    let name = try file.readStringAttribute("model_file", of: group)
    return try Model.loadKeras(TestSupport.reference(URL(fileURLWithPath: name).lastPathComponent))
  }

  /// The group names under `cascade`, `independent` or `label_permutation`.
  func groups(_ parent: String) throws -> [String] {
    guard file.exists(parent) else { return [] }
    if parent == "label_permutation" { return [parent] }
    return try file.members(of: parent).sorted().map { "\(parent)/\($0)" }
  }
}
