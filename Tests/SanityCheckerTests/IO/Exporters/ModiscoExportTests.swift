import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ModiscoExportTests {
  static let data = AttributionSourceTests.data(count: 5, length: 20, seed: 21)

  static func explained(_ explainer: any Explainer, target: Int = 1) throws -> ExplainedSequences {
    try AttributionSource.computed(
      AttributionSourceTests.computation(target: target, explainer: explainer)
    )
    .explained(data, inputFile: "in.fa")
  }

  /// Σ over bases of `h ⊙ x` per position, which must give the method's actual contributions.
  static func observed(_ values: Tensor, _ sequences: Tensor) -> [Float] {
    let product = values.multiplied(by: sequences)
    return stride(from: 0, to: product.scalars.count, by: 4).map {
      product.scalars[$0..<($0 + 4)].reduce(0, +)
    }
  }

  static func maxDifference(_ a: [Float], _ b: [Float]) -> Float {
    zip(a, b).map { abs($0 - $1) }.max() ?? .infinity
  }

  @Test func deepSHAPContributionsGiveItsMapAtTheObservedBases() throws {
    let explained = try Self.explained(DeepSHAP(referenceCount: 3, seed: 4))
    let (values, rule) = try ModiscoExport().hypotheticalContributions(explained)
    let sums = stride(from: 0, to: explained.attributions.scalars.count, by: 4).map {
      explained.attributions.scalars[$0..<($0 + 4)].reduce(0, +)
    }
    let difference = Self.maxDifference(Self.observed(values, explained.sequences), sums)
    #expect(difference < 1e-5, "max |Σ_b h⊙x − Σ_b map| = \(difference)")
    #expect(rule.contains("shuffled reference"))
  }

  @Test func gradientTimesInputAndIntegratedGradientsGiveTheirGradients() throws {
    let gradientTimesInput = try Self.explained(GradientTimesInput())
    let (gradients, _) = try ModiscoExport().hypotheticalContributions(gradientTimesInput)
    let model = try AttributionSourceTests.computation().model
    #expect(
      gradients
        == (try Saliency().attribution(for: Self.data.inputs, targets: [1, 1, 1, 1, 1], in: model)
          .values))
    // IG with a zero baseline is x ⊙ ḡ: the path gradients at the observed bases give the map.
    let integrated = try Self.explained(IntegratedGradients(steps: 16))
    let (path, rule) = try ModiscoExport().hypotheticalContributions(integrated)
    let difference = Self.maxDifference(
      path.multiplied(by: integrated.sequences).scalars, integrated.attributions.scalars)
    #expect(difference < 1e-5, "max |x ⊙ ḡ − IG| = \(difference)")
    #expect(rule.contains("path gradients"))
  }

  @Test func ismIsTheMeanCentredDeltaAndTheCorrectionCentresGradients() throws {
    let ism = try Self.explained(InSilicoMutagenesis())
    let (centred, _) = try ModiscoExport().hypotheticalContributions(ism)
    for position in stride(from: 0, to: centred.scalars.count, by: 4) {
      let delta = ism.attributions.scalars[position..<(position + 4)]
      let mean = delta.reduce(0, +) / 4
      for base in 0..<4 {
        #expect(abs(centred.scalars[position + base] - (delta[position + base] - mean)) < 1e-6)
      }
    }
    let saliency = try Self.explained(Saliency())
    let (plain, _) = try ModiscoExport().hypotheticalContributions(saliency)
    #expect(plain == saliency.attributions)
    let (corrected, rule) = try ModiscoExport(correctsGradient: true).hypotheticalContributions(
      saliency)
    #expect(rule.hasSuffix("(gradient correction)"))
    for position in stride(from: 0, to: corrected.scalars.count, by: 4) {
      #expect(abs(corrected.scalars[position..<(position + 4)].reduce(0, +)) < 1e-5)
      let shift = plain.scalars[position] - corrected.scalars[position]
      #expect(abs(plain.scalars[position + 3] - corrected.scalars[position + 3] - shift) < 1e-6)
    }
  }

  @Test func methodsWithoutContributionsAreRefused() throws {
    let guided = try Self.explained(GuidedBackprop())
    #expect(throws: ModiscoError.noHypotheticalContributions(method: "guided-backprop")) {
      try ModiscoExport().hypotheticalContributions(guided)
    }
    var fromFile = try Self.explained(DeepLIFT())
    fromFile.computation = nil
    fromFile.attributionFile = "a.h5"
    #expect(throws: ModiscoError.needsModel(method: "deeplift", file: "a.h5")) {
      try ModiscoExport().hypotheticalContributions(fromFile)
    }
    #expect(throws: ModiscoError.correctionNotApplicable(method: "ism")) {
      try ModiscoExport(correctsGradient: true).hypotheticalContributions(
        try Self.explained(InSilicoMutagenesis()))
    }
  }

  @Test func writesTheTwoArraysChannelsFirstAndTheSettings() throws {
    let explained = try Self.explained(Saliency())
    let folder = try TemporaryDirectory()
    let prefix = folder.file("run").path
    let destinations = try ModiscoExport.destinations(prefix: prefix, inputs: [])
    try ModiscoExport(correctsGradient: true).write(explained, to: destinations)
    #expect(
      try FolderListing.names(folder.url) == ["run.attr.npz", "run.ohe.npz", "run.settings.json"])
    for (name, expected) in [
      ("run.ohe.npz", explained.sequences), ("run.attr.npz", corrected(explained.attributions)),
    ] {
      let entries = try ZipReader(bytes: [UInt8](Data(contentsOf: folder.file(name)))).entries()
      #expect(entries.map(\.name) == ["arr_0.npy"])
      let array = try ZipReader.npy(entries[0].data)
      #expect(array.shape == [5, 4, 20], "\(name) is [N, 4, L]")
      // arr_0[n, b, l] == values[n, l, b]
      for (item, position, base) in [(0, 0, 0), (1, 7, 2), (4, 19, 3)] {
        #expect(
          array.values[(item * 4 + base) * 20 + position]
            == expected.scalars[(item * 20 + position) * 4 + base])
      }
    }
    let settings =
      try JSONSerialization.jsonObject(with: Data(contentsOf: folder.file("run.settings.json")))
      as? [String: String]
    #expect(
      settings?["correct_gradient"] == "true" && settings?["method"] == "saliency"
        && settings?["target"] == "1")
  }

  /// The gradient correction computed here: each position minus its mean over the bases.
  func corrected(_ values: Tensor) -> Tensor {
    var scalars = values.scalars
    for position in stride(from: 0, to: scalars.count, by: 4) {
      let mean = scalars[position..<(position + 4)].reduce(0, +) / 4
      for base in 0..<4 { scalars[position + base] -= mean }
    }
    return Tensor(shape: values.shape, scalars: scalars)
  }
}
