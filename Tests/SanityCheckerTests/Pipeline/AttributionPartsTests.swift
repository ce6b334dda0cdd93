import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// Merging attribution parts checks each part's row shapes against the first part's, and the
/// rows it will hold against the memory budget, before reading any: a typed error names the
/// part file and the dataset, and nothing is written.
@Suite struct AttributionPartsTests {
  /// A part of `count` items with maps `[count] + rowShape`.
  static func part(_ url: URL, count: Int, rowShape: [Int], first: Int = 0) throws {
    try AttributionExport(
      attributions: Tensor(
        shape: Shape([count] + rowShape),
        scalars: (0..<(count * rowShape.reduce(1, *))).map { Float($0 % 7) }),
      predictions: Tensor(shape: [count], scalars: (0..<count).map(Float.init)),
      ids: (first..<(first + count)).map { "seq\($0)" },
      metadata: .init(
        method: "saliency", targets: [Int](repeating: 0, count: count), modelFile: "m.h5")
    ).writeHDF5(to: url)
  }

  /// A part whose maps are declared `[2, 2^40, 4]` (16 TiB per row) and never written.
  static func absurdPart(_ url: URL) throws {
    let file = try HDF5File(creating: url)
    try file.createFloatDataset("/attributions", shape: [2, 1 << 40, 4])
    try file.writeTensor(Tensor(shape: [2], scalars: [0, 1]), to: "/predictions")
    try file.writeStrings(["seq0", "seq1"], to: "/ids")
    try file.writeInt64s([0, 0], to: "/targets")
    try file.writeAttribute(.string("saliency", .variableUTF8), named: "method", of: "/")
    try file.writeAttribute(.string("m.h5", .variableUTF8), named: "model_file", of: "/")
  }

  @Test func aPartWhoseRowsDifferFromTheFirstPartsIsRefusedInBothJoins() throws {
    let folder = try TemporaryDirectory()
    let (first, second) = (folder.file("a.h5"), folder.file("b.h5"))
    try Self.part(first, count: 3, rowShape: [10, 4])
    try Self.part(second, count: 2, rowShape: [12, 4], first: 3)
    let merged = folder.file("merged.h5")
    let expected = CommandPartError.rowShape(
      file: second.path, dataset: "/attributions", expected: [10, 4], actual: [12, 4])
    #expect(throws: expected) {
      try AttributionParts.stream([first, second], count: 5, to: OutputDestination(merged))
    }
    #expect(throws: expected) { _ = try AttributionParts.joined([first, second]) }
    #expect(expected.description.contains("b.h5: dataset '/attributions' has rows of shape"))
    #expect(!FileManager.default.fileExists(atPath: merged.path))
  }

  @Test func aPartClaimingAbsurdRowsIsRefusedBeforeAllocating() throws {
    let folder = try TemporaryDirectory()
    let (first, absurd) = (folder.file("a.h5"), folder.file("huge.h5"))
    try Self.part(first, count: 2, rowShape: [4, 4])
    try Self.absurdPart(absurd)
    let merged = folder.file("merged.h5")
    for parts in [[absurd], [first, absurd]] {
      let error = #expect(throws: CommandPartError.self) {
        try AttributionParts.stream(parts, count: 4, to: OutputDestination(merged))
      }
      switch error {
      case .exceedsBudget(let file, let dataset, _)?:
        #expect(file == absurd.path && dataset == "/attributions")
      case .rowShape(let file, let dataset, _, _)?:
        #expect(parts.count == 2 && file == absurd.path && dataset == "/attributions")
      default: Issue.record("unexpected \(String(describing: error))")
      }
    }
    let error = #expect(throws: CommandPartError.self) { _ = try AttributionParts.joined([absurd]) }
    #expect(error?.description.contains("huge.h5: dataset '/attributions'") == true)
    #expect(!FileManager.default.fileExists(atPath: merged.path))
  }

  @Test func readingRowsOfAnAbsurdDatasetIsRefusedWithTheBudget() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("huge.h5")
    try Self.absurdPart(url)
    let file = try HDF5File(reading: url)
    let error = #expect(throws: ModelFileError.self) {
      _ = try file.readRows("/attributions", rows: 0..<1)
    }
    guard case .exceedsBudget(let name, _)? = error else {
      Issue.record("expected the budget's refusal, got \(String(describing: error))")
      return
    }
    #expect(name == url.path)
    #expect(try file.readRows("/attributions", rows: 0..<0).shape == [0, 1 << 40, 4])
  }
}
