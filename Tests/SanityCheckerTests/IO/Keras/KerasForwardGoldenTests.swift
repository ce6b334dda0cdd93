import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Loaded models reproduce the logits in the golden files (reference README §2–3): the
/// original models against the float32 forward pass to 1e-5 relative to the largest logit,
/// and every randomized model (whose golden group names its file in `model_file`) against
/// the float64 logits to 1e-4.
@Suite struct KerasForwardGoldenTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let golden: String
    let group: String
    var testDescription: String { "\(golden)\(group)" }
  }

  static let cases: [Case] = {
    var cases: [Case] = []
    for golden in ["dna_golden.h5", "mnist_golden.h5"] {
      cases.append(Case(golden: golden, group: "/"))
      guard let file = try? HDF5File(reading: TestSupport.reference(golden)) else { continue }
      for parent in ["cascade", "independent"] {
        for member in (try? file.members(of: parent)) ?? [] {
          cases.append(Case(golden: golden, group: "/\(parent)/\(member)"))
        }
      }
      if file.exists("/label_permutation") {
        cases.append(Case(golden: golden, group: "/label_permutation"))
      }
    }
    return cases
  }()

  @Test(
    .enabled(if: TestSupport.hasReference, "needs ../shared/reference (models and golden files)"))
  func everyReferenceModelIsCovered() {
    #expect(Self.cases.count == 2 + 3 + 3 + 1 + 6)
  }

  @Test(
    .enabled(if: TestSupport.hasReference, "needs ../shared/reference (models and golden files)"),
    arguments: cases)
  func logitsMatchGolden(_ testCase: Case) throws {
    let golden = try HDF5File(reading: TestSupport.reference(testCase.golden))
    let isOriginal = testCase.group == "/"
    let modelFile =
      isOriginal
      ? (testCase.golden.hasPrefix("dna") ? "dna_deepbind.h5" : "mnist_cnn.h5")
      : try golden.readStringAttribute("model_file", of: testCase.group)
    let model = try Model.loadKeras(TestSupport.reference(modelFile))
    let inputs = try golden.readTensor("/inputs")
    let expected = try golden.readTensor(
      isOriginal ? "/logits_float32" : HDF5File.join(testCase.group, "logits"))
    TestSupport.expectClose(
      model.forward(inputs), expected, relativeTolerance: isOriginal ? 1e-5 : 1e-4, modelFile)
  }
}
