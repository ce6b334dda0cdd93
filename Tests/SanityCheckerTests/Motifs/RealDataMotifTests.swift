import Foundation
@testable import SanityChecker
import SanityTestSupport
import Testing

/// The real CTCF DeepBind model (D00328.018) on CTCF ChIP-seq peaks (Keras-genomics `valid.fa`,
/// the 500 peaks, not the shuffled negatives): the top motif from Saliency and from ISM matches a
/// JASPAR 2024 CTCF matrix (MA0139, MA1929 or MA1930) with q < 0.01.
@Suite(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data (DeepBind, ChIP-seq, JASPAR)"))
struct RealDataMotifTests {
  @Test(arguments: ["saliency", "ism"])
  func topMotifIsCTCF(method: String) throws {
    let model = try ModelLoader.load(
      TestSupport.sharedData("deepbind/hdf5/D00328.018_CTCF_ChIP-seq.h5"))
    let data = try InputData.load(TestSupport.sharedData("chipseq/ctcf_keras_genomics/valid.fa"))
    let peaks = data.ids.indices.filter { !data.ids[$0].hasSuffix("_shuf") }
    #expect(peaks.count == 500)
    let input = data.inputs.gathering(peaks)
    let explainer: any Explainer = method == "ism" ? InSilicoMutagenesis(centred: true) : Saliency()
    let maps = try explainer.attribution(
      for: input, targets: [Int](repeating: 0, count: peaks.count), in: model)
    let database = try MEMEMotif.read(
      TestSupport.sharedData("motifs/JASPAR2024_CORE_vertebrates_non-redundant.meme"))
    let result = try MotifDiscovery(
      caller: try RecursiveSeqletCaller(), matcher: try TomtomMatcher(database: database)
    )
    .run(maps: maps.values, input: input)
    let top = try #require(result.motifs.first)
    let best = try #require(result.matches.first?.first)
    let isCTCF = ["MA0139", "MA1929", "MA1930"].contains { best.targetIdentifier.hasPrefix($0) }
    #expect(
      isCTCF,
      "\(method): top motif \(top.identifier) (\(top.seqletCount) seqlets) best \(result.matches.first?.prefix(3) ?? [])"
    )
    #expect(best.qValue < 0.01, "\(best)")
  }
}
