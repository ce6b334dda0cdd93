import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// Unit names in an ONNX model's `metadata_props`: a JSON array or one name per line, per head
/// with `target_names/<head>`, read without decoding the graph again.
@Suite struct TargetNamesONNXTests {
  static let source = TestSupport.fixture("ONNX/basset.torchscript.onnx")

  /// The Basset-style fixture (three outputs) with `entries` added to its metadata.
  static func model(_ entries: [String: String]) throws -> (TemporaryDirectory, URL) {
    var proto = try Onnx_ModelProto(serializedBytes: try Data(contentsOf: source))
    for (key, value) in entries.sorted(by: { $0.key < $1.key }) {
      var entry = Onnx_StringStringEntryProto()
      entry.key = key
      entry.value = value
      proto.metadataProps.append(entry)
    }
    let folder = try TemporaryDirectory()
    let url = folder.file("named.onnx")
    let bytes: Data = try proto.serializedBytes()
    try bytes.write(to: url)
    return (folder, url)
  }

  @Test(arguments: [
    "[\"CTCF\", \"GATA1|K562\", \"JUN\"]", "CTCF\nGATA1|K562\n\nJUN\n",
    "  CTCF\r\nGATA1|K562\r\nJUN",
  ])
  func readsJSONOrLines(value: String) throws {
    let (folder, url) = try Self.model(["producer_note": "x", "target_names": value])
    let model = try ONNXImport(contentsOf: url).model
    #expect(try TargetNames.read(modelFile: url, for: model) == [["CTCF", "GATA1|K562", "JUN"]])
    _ = folder
  }

  @Test func withoutMetadataThereAreNoNames() throws {
    let model = try ONNXImport(contentsOf: Self.source).model
    #expect(try TargetNames.read(modelFile: Self.source, for: model) == [[]])
  }

  @Test func perHeadKeyOfTheOnlyHead() throws {
    let head = try ONNXImport(contentsOf: Self.source).model.outputHeadNames[0]
    let (folder, url) = try Self.model(["target_names/\(head)": "[\"a\", \"b\", \"c\"]"])
    let model = try ONNXImport(contentsOf: url).model
    #expect(try TargetNames.read(modelFile: url, for: model) == [["a", "b", "c"]])
    _ = folder
  }

  @Test func countMismatchAndBadJSONNameTheEntry() throws {
    let (folder, url) = try Self.model(["target_names": "[\"a\", \"b\"]"])
    let model = try ONNXImport(contentsOf: url).model
    #expect(
      throws: TargetNamesError.countMismatch(
        file: url.path, place: "metadata_props entry 'target_names'", count: 2, units: 3,
        head: model.outputHeadNames[0])
    ) { try TargetNames.read(modelFile: url, for: model) }
    let (badFolder, bad) = try Self.model(["target_names": "[\"a\", 2, \"c\"]"])
    let error = try #require(
      throws: TargetNamesError.self,
      performing: { try TargetNames.read(modelFile: bad, for: model) })
    #expect(error.description.hasPrefix("\(bad.path): metadata_props entry 'target_names'"))
    #expect(error.description.contains("JSON array of strings"))
    _ = (folder, badFolder)
  }

  /// The field walker skips every wire type and stops at damage instead of trapping.
  @Test func fieldReaderWalksAndStopsAtDamage() throws {
    // field 1 varint 300, field 2 fixed64, field 14 bytes "ab", field 3 fixed32
    let bytes: [UInt8] = [
      0x08, 0xAC, 0x02, 0x11, 1, 2, 3, 4, 5, 6, 7, 8, 0x72, 2, 0x61, 0x62, 0x1D, 1, 2, 3, 4,
    ]
    var reader = ProtobufFieldReader(data: Data(bytes))
    var fields: [UInt64] = []
    while !reader.isAtEnd, let next = reader.nextField() {
      fields.append(next.field)
      if next.field == 14 { #expect(next.bytes.map(Array.init) == [0x61, 0x62]) }
    }
    #expect(fields == [1, 2, 14, 3] && reader.isAtEnd)
    var truncated = ProtobufFieldReader(data: Data(bytes.prefix(14)))
    _ = truncated.nextField()
    _ = truncated.nextField()
    #expect(truncated.nextField() == nil)
  }
}
