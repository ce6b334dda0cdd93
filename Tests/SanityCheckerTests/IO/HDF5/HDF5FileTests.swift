import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct HDF5FileTests {
  @Test func datasetsRoundTrip() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("datasets.h5")
    let tensor = TestSupport.uniform([2, 3, 4], seed: 7)
    do {
      let file = try HDF5File(creating: url)
      try file.writeTensor(tensor, to: "/group/inner/tensor")
      try file.writeFloats([1.5], shape: [], to: "scalar")
      try file.writeInt64s([-3, 0, 1 << 40, 7, 8, 9], shape: [2, 3], to: "/integers")
      try file.writeStrings(["ACGT", "naïve ✓", ""], to: "/ids")
      try file.writeStrings(["conv1d_1/kernel:0", "b"], to: "/fixed", as: .fixedASCII)
      try file.writeStrings([], to: "/empty", as: .fixedASCII)
    }
    let file = try HDF5File(reading: url)
    #expect(try file.readTensor("group/inner/tensor") == tensor)
    #expect(try file.shape(ofDataset: "/group/inner/tensor") == [2, 3, 4])
    #expect(try file.readFloats("/scalar") == HDF5Array(elements: [1.5], shape: []))
    #expect(
      try file.readInt64s("/integers")
        == HDF5Array(elements: [-3, 0, 1 << 40, 7, 8, 9], shape: [2, 3]))
    #expect(try file.readDoubles("/integers").elements == [-3, 0, 0x1p40, 7, 8, 9])
    #expect(try file.readDoubles("/group/inner/tensor").elements == tensor.scalars.map(Double.init))
    #expect(
      try file.readStrings("/ids") == HDF5Array(elements: ["ACGT", "naïve ✓", ""], shape: [3]))
    #expect(try file.readStrings("/fixed").elements == ["conv1d_1/kernel:0", "b"])
    #expect(try file.readStrings("/empty") == HDF5Array(elements: [], shape: [0]))
  }

  @Test func attributesRoundTrip() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("attributes.h5")
    let values: [String: HDF5AttributeValue] = [
      "vlen_utf8": .string("Grad-CAM → ReLU", .variableUTF8),
      "vlen_ascii": .string("tensorflow", .variableASCII),
      "fixed_ascii": .string("2.15.0", .fixedASCII),
      "fixed_utf8": .string("façade", .fixedUTF8),
      "names_fixed": .strings(["conv1d_1", "global_max_pooling1d_1"], .fixedASCII),
      "names_vlen": .strings(["α", "β", ""], .variableUTF8),
      "names_empty": .strings([], .fixedASCII),
      "integer": .integer(-42),
      "integers": .integers([1, 2, 3]),
      "real": .real(0.25),
      "reals": .reals([1e-300, -2.5]),
    ]
    do {
      let file = try HDF5File(creating: url)
      try file.createGroup("/a/b")
      for (name, value) in values {
        try file.writeAttribute(value, named: name, of: "/a/b")
      }
      try file.writeAttribute(.string("old", .variableUTF8), named: "replaced", of: "/")
      try file.writeAttribute(.integer(5), named: "replaced", of: "/")
    }
    let file = try HDF5File(reading: url)
    for (name, value) in values {
      #expect(try file.readAttribute(name, of: "/a/b") == value, "\(name)")
    }
    #expect(try file.attributeNames(of: "/a/b") == values.keys.sorted())
    #expect(try file.readAttribute("replaced", of: "/") == .integer(5))
    #expect(try file.readStringAttribute("fixed_utf8", of: "a/b") == "façade")
    #expect(try file.readStringArrayAttribute("names_empty", of: "a/b") == [])
    #expect(try file.readIntegerAttribute("integers", of: "a/b") == [1, 2, 3])
    #expect(try file.readRealAttribute("integer", of: "a/b") == [-42])
    #expect(file.hasAttribute("real", of: "/a/b"))
    #expect(!file.hasAttribute("real", of: "/a"))
    #expect(!file.hasAttribute("real", of: "/nowhere"))
  }

  @Test func groupsAndMembers() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("groups.h5")
    do {
      let file = try HDF5File(creating: url)
      try file.createGroup("/model_weights/dense_1/dense_1")
      try file.createGroup("/model_weights/conv1d_1")
      try file.createGroup("/model_weights/conv1d_1")
      try file.writeFloats([1, 2], shape: [2], to: "/model_weights/dense_1/dense_1/bias:0")
    }
    let file = try HDF5File(reading: url)
    #expect(try file.members(of: "/") == ["model_weights"])
    #expect(try file.members(of: "/model_weights") == ["conv1d_1", "dense_1"])
    #expect(try file.members(of: "/model_weights/dense_1/dense_1") == ["bias:0"])
    #expect(try file.members(of: "/model_weights/conv1d_1") == [])
    #expect(file.kind(of: "/model_weights/dense_1") == .group)
    #expect(file.kind(of: "/model_weights/dense_1/dense_1/bias:0") == .dataset)
    #expect(file.kind(of: "/model_weights/missing/deeper") == nil)
    #expect(file.exists("/"))
    #expect(!file.exists("/model_weights/dense_2"))
  }

  @Test func errorsNameTheFileAndThePath() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("errors.h5")
    do {
      let file = try HDF5File(creating: url)
      try file.writeStrings(["x"], to: "/names")
      try file.writeFloats([1], shape: [1], to: "/values")
    }
    let file = try HDF5File(reading: url)
    let path = url.path
    #expect(throws: ModelFileError.missingDataset(file: path, path: "/a/kernel:0")) {
      try file.readTensor("a/kernel:0")
    }
    #expect(throws: ModelFileError.missingDataset(file: path, path: "/names/x")) {
      try file.readTensor("/names/x")
    }
    #expect(throws: ModelFileError.missingGroup(file: path, path: "/values")) {
      try file.members(of: "/values")
    }
    #expect(throws: ModelFileError.missingAttribute(file: path, path: "/", name: "model_config")) {
      try file.readStringAttribute("model_config", of: "/")
    }
    #expect(
      throws: ModelFileError.wrongType(
        file: path, path: "/names", expected: "numbers", actual: "string (variable length)")
    ) {
      try file.readFloats("/names")
    }
    #expect(
      throws: ModelFileError.wrongType(
        file: path, path: "/values", expected: "integers", actual: "float32")
    ) {
      try file.readInt64s("/values")
    }
    #expect(
      throws: ModelFileError.wrongType(
        file: path, path: "/values", expected: "strings", actual: "float32")
    ) {
      try file.readStrings("/values")
    }
    let error = ModelFileError.missingDataset(file: path, path: "/a/kernel:0")
    #expect(error.description.hasPrefix("\(path): missing dataset '/a/kernel:0'"))
    #expect(throws: ModelFileError.writeFailed(file: path, path: "/other")) {
      try file.writeFloats([1], shape: [1], to: "/other")
    }
  }

  @Test func refusesMissingAndForeignFiles() throws {
    let folder = try TemporaryDirectory()
    let text = folder.file("model.h5")
    try Data("not an HDF5 file\n".utf8).write(to: text)
    #expect(throws: ModelFileError.notHDF5(file: text.path)) { try HDF5File(reading: text) }
    let missing = folder.file("missing.h5")
    #expect(throws: ModelFileError.fileNotFound(file: missing.path)) {
      try HDF5File(reading: missing)
    }
    #expect(
      ModelFileError.notHDF5(file: text.path).description.hasPrefix(
        "\(text.path): not an HDF5 file"))
  }
}
