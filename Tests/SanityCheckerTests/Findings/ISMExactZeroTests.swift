import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// ISM deltas are exactly zero where a substitution cannot change the output.
///
/// On the reference DNA model (conv → ReLU → global max pool → dense), a substitution outside
/// every filter's winning window leaves the pooled features, hence the output, unchanged. The
/// float64 reference (tangermeme-equivalent plain ISM) stores exactly 0 there; about 29 such
/// mutants per sequence besides the 101 observed bases. Rank metrics on ISM maps hinge on these
/// ties (`spearman-abs` moved by up to 0.008 when float32 specks of ±1 ulp replaced them).
@Suite(
  .enabled(if: TestSupport.hasReference, "needs ../shared/reference (golden ISM and DNA models)"))
struct ISMExactZeroTests {
  @Test(arguments: ["dna_deepbind.h5", "dna_cascade_1_dense_2.h5", "dna_cascade_3_conv1d_1.h5"])
  func fastISMIsZeroExactlyWhereTheReferenceIs(modelFile: String) throws {
    let golden = try GoldenFile.named("dna")
    let model = try Model.loadKeras(TestSupport.reference(modelFile))
    let reference: Tensor
    switch modelFile {
    case "dna_deepbind.h5": reference = try golden.map("attributions/ism_delta")
    case "dna_cascade_1_dense_2.h5":
      reference = try golden.map("cascade/1_dense_2/attributions/ism_delta")
    default: reference = try golden.map("cascade/3_conv1d_1/attributions/ism_delta")
    }
    let deltas = try InSilicoMutagenesis(fast: true).deltas(for: golden.inputs, in: model)
    #expect(deltas.isFast, "the reference DNA model should take the incremental path")
    let ours = deltas.values.scalars
    #expect(ours.count == reference.scalars.count)
    let observed = golden.inputs.scalars.filter { $0 == 1 }.count
    let referenceZeros = reference.scalars.indices.filter { reference.scalars[$0] == 0 }
    let extraZeros = referenceZeros.count - observed
    #expect(extraZeros > 0, "the reference has no output-neutral mutants beyond the observed bases")
    let specks = referenceZeros.filter { ours[$0] != 0 }
    #expect(
      specks.isEmpty,
      "\(specks.count) mutants are nonzero where the reference is 0, e.g. \(specks.prefix(3).map { ours[$0] })"
    )
    let missing = reference.scalars.indices.filter { ours[$0] == 0 && reference.scalars[$0] != 0 }
    #expect(missing.isEmpty, "\(missing.count) mutants are 0 where the reference is not")
    FindingsSample.record(
      "ism-zeros \(modelFile) observed=\(observed) neutral=\(extraZeros) specks=\(specks.count)")
  }
}
