import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct AttributionExportTests {
  static func dnaExport(targets: [Int] = [0, 0, 0]) -> AttributionExport {
    AttributionExport(
      attributions: TestSupport.uniform([3, 5, 4], seed: 41),
      predictions: TestSupport.uniform([3, 1], seed: 42),
      ids: ["chr1:100-105", "peak_2 ✓", ""],
      extraDatasets: ["attributions_centred": TestSupport.uniform([3, 5, 4], seed: 43)],
      metadata: .init(
        method: "integrated-gradients", targets: targets, modelFile: "models/dna_deepbind.h5",
        settings: [
          "steps": .integer(50), "baseline": .string("zeros", .variableUTF8),
          "epsilon": .real(1e-6),
        ]))
  }

  @Test func hdf5ExportReadsBack() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("attributions.h5")
    let export = Self.dnaExport()
    try export.writeHDF5(to: url)
    let file = try HDF5File(reading: url)
    #expect(
      try file.members(of: "/") == [
        "attributions", "attributions_centred", "ids", "predictions", "targets",
      ])
    #expect(try file.readTensor("/attributions") == export.attributions)
    #expect(
      try file.readTensor("/attributions_centred") == export.extraDatasets["attributions_centred"])
    #expect(try file.readTensor("/predictions") == export.predictions)
    #expect(try file.readStrings("/ids").elements == export.ids)
    #expect(try file.readInt64s("/targets").elements == [0, 0, 0])
    #expect(
      try file.attributeNames(of: "/") == [
        "baseline", "epsilon", "format", "method", "model_file", "steps", "target",
      ])
    #expect(
      try file.readAttribute("format", of: "/")
        == .string("sanitychecker-attributions-v1", .variableUTF8))
    #expect(try file.readStringAttribute("method", of: "/") == "integrated-gradients")
    #expect(try file.readStringAttribute("model_file", of: "/") == "models/dna_deepbind.h5")
    #expect(try file.readAttribute("target", of: "/") == .integer(0))
    #expect(try file.readAttribute("steps", of: "/") == .integer(50))
    #expect(try file.readAttribute("epsilon", of: "/") == .real(1e-6))
    #expect(try file.readAttribute("baseline", of: "/") == .string("zeros", .variableUTF8))
    #expect(try folder.contents() == ["attributions.h5"])
  }

  /// Image maps `[N, H, W, C]` and tracks `[N, L]`; per-item targets leave out the `target` attribute.
  @Test func otherLayoutsAndPerItemTargets() throws {
    let folder = try TemporaryDirectory()
    for (name, shape) in [("images.h5", Shape([2, 4, 4, 1])), ("tracks.h5", Shape([2, 9]))] {
      let export = AttributionExport(
        attributions: TestSupport.uniform(shape, seed: 44), ids: ["a", "b"],
        metadata: .init(method: "gradcam", targets: [3, 7], modelFile: "mnist_cnn.h5"))
      try export.writeHDF5(to: folder.file(name))
      let file = try HDF5File(reading: folder.file(name))
      #expect(try file.shape(ofDataset: "/attributions") == shape)
      #expect(try file.readInt64s("/targets").elements == [3, 7])
      #expect(!file.hasAttribute("target", of: "/"))
      #expect(!file.exists("/predictions"))
    }
  }

  /// Inconsistent inputs are refused before anything is written; an existing file survives.
  @Test func invalidExportsLeaveNoFile() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("attributions.h5")
    try Self.dnaExport().writeHDF5(to: url)
    let before = try Data(contentsOf: url)
    var export = Self.dnaExport()
    export.ids = ["only one"]
    #expect(
      throws: ExportError.itemCountMismatch(file: url.path, dataset: "ids", expected: 3, actual: 1)
    ) { try export.writeHDF5(to: url) }
    export = Self.dnaExport(targets: [0])
    #expect(
      throws: ExportError.itemCountMismatch(
        file: url.path, dataset: "targets", expected: 3, actual: 1)
    ) { try export.writeHDF5(to: url) }
    export = Self.dnaExport()
    export.extraDatasets["ids"] = Tensor(shape: [3])
    #expect(
      throws: ExportError.invalidName(
        file: url.path, name: "ids", reserved: ["attributions", "predictions", "ids", "targets"])
    ) {
      try export.writeHDF5(to: url)
    }
    export = Self.dnaExport()
    export.metadata.settings["method"] = .integer(1)
    let error = try #require(throws: ExportError.self) { try export.writeHDF5(to: url) }
    #expect(error.description.hasPrefix("\(url.path): invalid name 'method'"))
    #expect(try folder.contents() == ["attributions.h5"])
    #expect(try Data(contentsOf: url) == before)
  }

  @Test func moDIScoExportOfAttributions() throws {
    let folder = try TemporaryDirectory()
    let export = Self.dnaExport()
    try export.writeMoDISco(to: folder.file("shap.npz"))
    let entries = try ZipReader(bytes: Array(try Data(contentsOf: folder.file("shap.npz"))))
      .entries()
    let (_, shape, values) = try ZipReader.npy(try #require(entries.first).data)
    #expect(shape == [3, 4, 5])
    #expect(values[(2 * 4 + 3) * 5 + 1] == export.attributions[2, 1, 3])
  }
}
