import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Unit names stored in HDF5 model files: a root attribute or dataset (fixed or variable-length
/// strings), a group of per-head datasets, and the errors naming the file and the key.
@Suite struct TargetNamesHDF5Tests {
  static let names = ["8988T|DNase|None", "β-cell|CTCF|None", "K562|GATA1|None"]

  /// A three-output model (the names are read against its head).
  static func model() throws -> Model {
    try TestSupport.deepBindNetwork(length: 20, filters: 3, width: 5, outputs: 3, seed: 4)
  }

  /// A file holding only what `write` puts in it.
  static func file(_ write: (HDF5File) throws -> Void) throws -> (TemporaryDirectory, URL) {
    let folder = try TemporaryDirectory()
    let url = folder.file("names.h5")
    let file = try HDF5File(creating: url)
    try write(file)
    return (folder, url)
  }

  @Test(arguments: [
    HDF5StringType.fixedASCII, .fixedUTF8, .variableASCII, .variableUTF8,
  ])
  func rootAttribute(type: HDF5StringType) throws {
    let names = type.isUTF8 ? Self.names : ["8988T|DNase|None", "HeLa|CTCF|None", "K562|JUN|None"]
    let (folder, url) = try Self.file {
      try $0.writeAttribute(.strings(names, type), named: "target_names", of: "/")
    }
    #expect(try TargetNames.read(modelFile: url, for: Self.model()) == [names])
    _ = folder
  }

  @Test(arguments: [HDF5StringType.fixedUTF8, .variableUTF8])
  func rootDataset(type: HDF5StringType) throws {
    let (folder, url) = try Self.file {
      try $0.writeStrings(Self.names, to: "/target_names", as: type)
    }
    #expect(try TargetNames.read(modelFile: url, for: Self.model()) == [Self.names])
    _ = folder
  }

  @Test func noNamesGivesEmptyLists() throws {
    let (folder, url) = try Self.file { try $0.createGroup("/model_weights") }
    #expect(try TargetNames.read(modelFile: url, for: Self.model()) == [[]])
    _ = folder
  }

  @Test func countMismatchNamesTheFileAndKey() throws {
    let (folder, url) = try Self.file {
      try $0.writeAttribute(
        .strings(Array(Self.names.prefix(2)), .variableUTF8), named: "target_names", of: "/")
    }
    let model = try Self.model()
    let expected = TargetNamesError.countMismatch(
      file: url.path, place: "root attribute 'target_names'", count: 2, units: 3,
      head: model.outputHeadNames[0])
    #expect(throws: expected) { try TargetNames.read(modelFile: url, for: model) }
    #expect(expected.description.hasPrefix("\(url.path): root attribute 'target_names' holds 2"))
    _ = folder
  }

  @Test func numbersAreNotNames() throws {
    let (folder, url) = try Self.file {
      try $0.writeAttribute(.integers([1, 2, 3]), named: "target_names", of: "/")
    }
    let error = try #require(
      throws: TargetNamesError.self,
      performing: { try TargetNames.read(modelFile: url, for: Self.model()) })
    guard case .unreadable(let file, let place, let reason) = error else {
      Issue.record("expected .unreadable, got \(error)")
      return
    }
    #expect(file == url.path && place == "root attribute 'target_names'")
    #expect(reason.contains("not strings"), "\(reason)")
    _ = folder
  }

  /// A group of per-head datasets names each head; a single list on two heads, or a list for a
  /// head the model lacks, is refused.
  @Test func perHeadGroup() throws {
    let model = try OutputHeadTests.twoHeads(seed: 1)
    let profile = (0..<24).map { "bin\($0)" }
    let (folder, url) = try Self.file {
      try $0.writeStrings(profile, to: "/target_names/profile")
      try $0.writeStrings(["total"], to: "/target_names/counts")
    }
    #expect(try TargetNames.read(modelFile: url, for: model) == [profile, ["total"]])
    let (flatFolder, flat) = try Self.file { try $0.writeStrings(profile, to: "/target_names") }
    #expect(
      throws: TargetNamesError.flatNamesOnSeveralHeads(
        file: flat.path, place: "dataset '/target_names'", heads: ["profile", "counts"])
    ) { try TargetNames.read(modelFile: flat, for: model) }
    let (otherFolder, other) = try Self.file {
      try $0.writeStrings(["x"], to: "/target_names/shape")
    }
    #expect(
      throws: TargetNamesError.unknownHead(
        file: other.path, place: "dataset '/target_names/shape'", head: "shape",
        heads: ["profile", "counts"])
    ) { try TargetNames.read(modelFile: other, for: model) }
    _ = (folder, flatFolder, otherFolder)
  }

  /// `writeKeras(to:targetNames:)` stores the names where the loader's reader finds them, for
  /// one head and for several.
  @Test func kerasWriterCarriesNames() throws {
    let folder = try TemporaryDirectory()
    let single = try Self.model()
    try single.writeKeras(to: folder.file("one.h5"), targetNames: [Self.names])
    let loaded = try ModelLoader.load(folder.file("one.h5"))
    #expect(try TargetNames.read(modelFile: folder.file("one.h5"), for: loaded) == [Self.names])
    let heads = try OutputHeadTests.twoHeads(seed: 2)
    try heads.writeKeras(to: folder.file("two.h5"), targetNames: [[], ["total"]])
    let twoLoaded = try ModelLoader.load(folder.file("two.h5"))
    #expect(
      try TargetNames.read(modelFile: folder.file("two.h5"), for: twoLoaded) == [[], ["total"]])
    #expect(
      throws: TargetNamesError.countMismatch(
        file: folder.file("bad.h5").path, place: "dataset '/target_names'", count: 2, units: 3,
        head: single.outputHeadNames[0])
    ) { try single.writeKeras(to: folder.file("bad.h5"), targetNames: [["a", "b"]]) }
    #expect(!FileManager.default.fileExists(atPath: folder.file("bad.h5").path))
  }
}
