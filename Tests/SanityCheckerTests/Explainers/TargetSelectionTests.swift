import SanityChecker
import SanityTestSupport
import Testing

@Suite struct TargetSelectionTests {
  @Test func parsesIndicesListsAndRanges() throws {
    #expect(
      try TargetSelection(parsing: "0,3,5-9", outputCount: 12).indices == [0, 3, 5, 6, 7, 8, 9])
    #expect(try TargetSelection(parsing: "4", outputCount: 5).indices == [4])
    #expect(try TargetSelection(parsing: "2, 1, 2", outputCount: 5).indices == [2, 1])
    #expect(
      try TargetSelection(parsing: "CTCF,0", outputCount: 3, names: ["a", "b", "CTCF"]).indices == [
        2, 0,
      ])
    #expect(
      try TargetSelection(parsing: "0-1", outputCount: 3).labels(names: ["x"]) == ["x", "output_1"])
  }

  @Test(arguments: [
    ("7", TargetSelectionError.outOfRange(7, outputCount: 5)),
    ("2-9", .outOfRange(9, outputCount: 5)),
    ("3-1", .reversedRange("3-1")), ("a", .unreadable("a", in: "a")),
    ("0,,1", .unreadable("", in: "0,,1")),
    ("-1", .outOfRange(-1, outputCount: 5)),
  ])
  func rejects(text: String, error: TargetSelectionError) {
    #expect(throws: error) { try TargetSelection(parsing: text, outputCount: 5) }
    #expect(error.description.contains("--target"))
  }

  @Test func unknownNameListsTheOutputs() {
    #expect(throws: TargetSelectionError.unknownName("GATA", available: ["CTCF", "JUN"])) {
      try TargetSelection(parsing: "GATA", outputCount: 2, names: ["CTCF", "JUN"])
    }
  }

  /// Names select units and label them; a whole list that is one name (commas and all) is
  /// that name; a name before a range.
  @Test func namesSelectAndLabel() throws {
    let names = ["HepG2-CTCF", "H3K4me3, Roadmap", "JUN", "2-1"]
    let selection = try TargetSelection(parsing: "JUN, 0, HepG2-CTCF", outputCount: 4, names: names)
    #expect(selection.indices == [2, 0] && selection.labels() == ["JUN", "HepG2-CTCF"])
    #expect(
      try TargetSelection(parsing: "H3K4me3, Roadmap", outputCount: 4, names: names).indices == [1])
    #expect(try TargetSelection(parsing: "2-1", outputCount: 4, names: names).indices == [3])
    #expect(
      try TargetSelection(parsing: "1", outputCount: 4, names: names).labels() == [
        "H3K4me3, Roadmap"
      ])
  }

  @Test func repeatedNameAsksForAnIndex() throws {
    let names = ["CTCF", "JUN", "CTCF"]
    #expect(throws: TargetSelectionError.ambiguousName("CTCF", indices: [0, 2])) {
      try TargetSelection(parsing: "CTCF", outputCount: 3, names: names)
    }
    #expect(try TargetSelection(parsing: "JUN", outputCount: 3, names: names).indices == [1])
    #expect(
      TargetSelectionError.ambiguousName("CTCF", indices: [0, 2]).description.contains(
        "give the index"))
  }

  /// The unknown-name message lists the closest names (substrings first, then small edits),
  /// else the first ones, and the remedy.
  @Test func unknownNameSuggestsCloseNames() {
    let names = (0..<40).map { "cell\($0)|DNase|None" } + ["K562|CTCF|None", "HepG2|CTCF|None"]
    let typo = TargetSelectionError.unknownName("K562|CTFC|None", available: names).description
    #expect(typo.contains("close names: 'K562|CTCF|None'"), "\(typo)")
    let part = TargetSelectionError.unknownName("ctcf", available: names).description
    #expect(part.contains("'K562|CTCF|None', 'HepG2|CTCF|None'"), "\(part)")
    let far = TargetSelectionError.unknownName("zzzzzzzzzzzzzz", available: names).description
    #expect(far.contains("they begin 'cell0|DNase|None'") && far.contains("index 0-41"), "\(far)")
    #expect(far.hasPrefix("--target 'zzzzzzzzzzzzzz'"))
  }

  /// One ISM pass for several targets equals one run per target, raw and centred.
  @Test func multiTargetISMEqualsOneRunPerTarget() throws {
    let model = try TestSupport.deepBindNetwork(length: 24, filters: 5, outputs: 4, seed: 9)
    let x = TestSupport.oneHotDNA(3, length: 24, seed: 2)
    let selection = try TargetSelection(parsing: "3,0-1", outputCount: 4)
    let ism = InSilicoMutagenesis()
    let maps = try ism.targetMaps(for: x, selection: selection, in: model)
    #expect(maps.values.shape == [3, 24, 4, 3] && maps.predictions.shape == [3, 3])
    for (t, target) in selection.indices.enumerated() {
      let single = try ism.attribution(for: x, targets: [target, target, target], in: model)
      let centred = InSilicoMutagenesis.centred(single.values, input: x)
      for cell in 0..<single.values.scalars.count {
        #expect(maps.values.scalars[cell * 3 + t] == single.values.scalars[cell])
        #expect(maps.centred.scalars[cell * 3 + t] == centred.scalars[cell])
      }
      for item in 0..<3 { #expect(maps.predictions[item, t] == single.predictions[item]) }
    }
  }
}
