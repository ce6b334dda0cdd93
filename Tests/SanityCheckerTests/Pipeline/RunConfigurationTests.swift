import Foundation
import SanityChecker
import Testing

/// Run configurations: the demo's round trip through YAML and JSON, and every kind of mistake
/// reported with its line and key.
@Suite struct RunConfigurationTests {
  @Test func demoConfigurationRoundTripsThroughYAML() throws {
    let demo = RunConfiguration.demo(count: 37, seeds: 3, seed: 5)
    let parsed = try RunConfiguration.parse(demo.yaml(), file: "demo.yaml")
    #expect(parsed == demo)
    #expect(parsed.seeds == [5, 6, 7])
  }

  @Test func jsonIsReadToo() throws {
    let demo = RunConfiguration.demo()
    let encoder = JSONEncoder()
    let json = String(decoding: try encoder.encode(demo), as: UTF8.self)
    #expect(try RunConfiguration.parse(json, file: "run.json") == demo)
  }

  /// Replaces one line of the demo's YAML.
  static func demoYAML(replacing old: String, with new: String) -> String {
    let text = RunConfiguration.demo().yaml()
    #expect(text.contains(old), "the demo's YAML has '\(old)'")
    return text.replacingOccurrences(of: old, with: new)
  }

  /// The 1-based line of the first occurrence of `text`.
  static func line(of text: String, in yaml: String) -> Int {
    (yaml.components(separatedBy: "\n").firstIndex { $0.contains(text) } ?? -1) + 1
  }

  @Test func unknownKeyNamesLineAndKey() {
    let yaml = Self.demoYAML(replacing: "  modelRandomization:", with: "  modelRandomisation:")
    #expect {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    } throws: { error in
      let text = String(describing: error)
      return text.contains("run.yaml:\(Self.line(of: "modelRandomisation", in: yaml)):")
        && text.contains("'checks.modelRandomisation'") && text.contains("modelRandomization")
    }
  }

  @Test func wrongTypeNamesLineAndKey() {
    let yaml = Self.demoYAML(replacing: "seed: 0\n", with: "seed: zero\n")
    #expect {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    } throws: { error in
      String(describing: error).contains(
        "run.yaml:\(Self.line(of: "seed: zero", in: yaml)): key 'seed' is 'zero'; expected a whole number"
      )
    }
  }

  @Test func invalidMethodNamesItsIndex() {
    let yaml = Self.demoYAML(replacing: "- gradient-x-input", with: "- gradient-times-input")
    #expect {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    } throws: { error in
      String(describing: error).contains(
        "run.yaml:\(Self.line(of: "gradient-times-input", in: yaml)): key 'methods[1]' is 'gradient-times-input'"
      )
    }
  }

  @Test func missingKeyIsNamed() {
    let yaml = Self.demoYAML(replacing: "model: Models/deepbind-example.h5\n", with: "")
    #expect(throws: RunConfigurationError.missingKey(file: "run.yaml", line: 1, key: "model")) {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    }
  }

  @Test func syntaxErrorHasLineAndColumn() {
    #expect {
      _ = try RunConfiguration.parse("model: [a, b\nseeds: 1\n", file: "bad.yaml")
    } throws: { error in
      guard case .syntax(let file, let line, _, _) = error as? RunConfigurationError else {
        return false
      }
      return file == "bad.yaml" && line >= 1
    }
  }

  /// The reverse-complement and off-simplex keys: each mistake names its key and line.
  @Test(arguments: [
    (
      "    - constant\n    metrics:\n    - spearman\n    - spearman-abs\n    view: full\n",
      "    - constant\n    metrics:\n    - spearman\n    - spearman-abs\n    view: fulll\n",
      "fulll",
      "key 'checks.reverseComplement.view' is 'fulll'"
    ),
    (
      "  offSimplex:\n    methods:\n    - saliency\n",
      "  offSimplex:\n    methods:\n    - salience\n", "salience",
      "key 'checks.offSimplex.methods[0]' is 'salience'; expected one of the run's methods"
    ),
    (
      "    modelRandomization: true\n", "    modelRandomization: yes please\n", "yes please",
      "key 'checks.offSimplex.modelRandomization' is 'yes please'; expected true or false"
    ),
    (
      "  correctGradient: false\n", "  correctGradient: 2\n", "correctGradient: 2",
      "key 'methodSettings.correctGradient' is '2'"
    ),
    (
      "  correctGradient: false\n", "  correctGradient: false\n  maxPooling: captums\n",
      "maxPooling: captums",
      "key 'methodSettings.maxPooling' is 'captums'; expected difference-routing, captum or winner-takes-all"
    ),
    (
      "  correctGradient: false\n", "  correctGradient: false\n  lrpComposite: zenit\n",
      "lrpComposite: zenit", "key 'methodSettings.lrpComposite' is 'zenit'"
    ),
  ])
  func dnaCheckMistakesNameTheirKey(
    old: String, new: String, marker: String, expected: String
  ) {
    let yaml = Self.demoYAML(replacing: old, with: new)
    #expect {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    } throws: { error in
      let text = String(describing: error)
      return text.contains("run.yaml:\(Self.line(of: marker, in: yaml)):")
        && text.contains(expected)
    }
  }

  /// The off-simplex diagnostic's model randomization takes the run's model-randomization
  /// settings, so it needs them.
  @Test func offSimplexRandomizationNeedsModelRandomization() {
    var configuration = RunConfiguration.demo()
    configuration.checks.modelRandomization = nil
    #expect(
      throws: RunConfigurationError.invalidValue(
        file: "", line: 0, key: "checks.offSimplex.modelRandomization", value: "true",
        expected: "false, or checks.modelRandomization to take the settings from")
    ) {
      try configuration.validate()
    }
    configuration.checks.offSimplex?.modelRandomization = false
    #expect(throws: Never.self) { try configuration.validate() }
  }

  /// The demo runs both checks and states the correction (off).
  @Test func demoRunsTheDNAChecks() throws {
    let demo = RunConfiguration.demo()
    #expect(demo.checks.reverseComplement?.methods.contains("random") == true)
    #expect(
      demo.checks.offSimplex?.methods == ["saliency", "smoothgrad", "guided-backprop", "deconvnet"])
    #expect(demo.methodSettings.correctGradient == false)
    #expect(demo.yaml().contains("reverseComplement:") && demo.yaml().contains("offSimplex:"))
  }

  @Test func emptySeedsAreRefused() {
    let yaml = Self.demoYAML(replacing: "seeds:\n- 0\n- 1\n- 2\n- 3\n- 4\n", with: "seeds: []\n")
    #expect {
      _ = try RunConfiguration.parse(yaml, file: "run.yaml")
    } throws: { error in
      String(describing: error).contains("key 'seeds' is '[]'; expected at least one seed")
    }
  }
}

/// Shards: contiguous blocks of whole granules that cover every item once, in order.
@Suite struct ShardTests {
  @Test(arguments: [1, 2, 3, 7, 12])
  func blocksCoverEveryItemOnceInOrder(count: Int) throws {
    for (total, granule) in [(0, 1), (5, 1), (450, 210), (500, 7), (13, 20)] {
      var next = 0
      for index in 1...count {
        let range = try Shard(parsing: "\(index)/\(count)").range(of: total, granule: granule)
        #expect(
          range.lowerBound == next,
          "block \(index)/\(count) of \(total) starts where the previous ended")
        #expect(range.lowerBound % granule == 0 || range.isEmpty)
        next = range.upperBound
      }
      #expect(next == total)
    }
  }

  @Test(arguments: ["0/3", "4/3", "1/0", "a/b", "2", "1/2/3", "-1/2"])
  func malformedShardIsRefused(text: String) {
    #expect(throws: ShardError.invalid(flag: "--shard", value: text)) {
      _ = try Shard(parsing: text)
    }
  }
}
