import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@testable import SanityBenchmarks

@Suite("BenchmarkSuite")
struct BenchmarkSuiteTests {
  let tiny = BenchmarkOptions(threads: 2, runs: 1, warmups: 0, scale: 0.01)

  @Test(
    "the FLOP model counts 240,704 per DNA sequence",
    .enabled(if: TestSupport.hasReference, "needs ../shared/reference"))
  func flopModel() throws {
    let model = try ModelLoader.load(TestSupport.reference("dna_deepbind.h5"))
    #expect(FLOPModel.forward(of: model) == 240_704)
  }

  @Test(
    "the cascade stages are read in stage order and cumulate their layers",
    .enabled(if: TestSupport.hasReference, "needs ../shared/reference"))
  func cascadeStages() throws {
    let stages = try ReferenceModels.cascade(
      prefix: "dna_cascade_", in: TestSupport.reference(""), item: "dna.cascade")
    #expect(stages.map(\.name) == ["dense_2", "dense_1", "conv1d_1"])
    #expect(stages.last?.randomizedLayers == ["dense_2", "dense_1", "conv1d_1"])
  }

  @Test(
    "a scaled DNA item counts its items and reports a peak RSS",
    .enabled(if: TestSupport.hasReference, "needs ../shared/reference"))
  func scaledDNAItem() throws {
    let results = try BenchmarkSuite.run(
      items: ["dna.forward", "dna.saliency"], referenceFolder: TestSupport.reference(""),
      options: tiny)
    #expect(results.map(\.item) == ["dna.forward", "dna.saliency"])
    #expect(results.allSatisfy { $0.items == 100 })
    #expect(results.allSatisfy { abs($0.itemsPerSecond * $0.seconds - 100) < 1e-6 })
    #expect(results.allSatisfy { $0.peakRSSMegabytes > 1 })
    let ratio =
      (results[1].gflops ?? 0) / (results[0].gflops ?? 1) * results[0].itemsPerSecond
      / results[1].itemsPerSecond
    #expect(abs(ratio - 2) < 1e-9)
  }

  @Test("random one-hot sequences have exactly one base per position")
  func randomSequences() {
    let x = DNAWorkload.randomSequences(count: 3, length: 10, seed: 1)
    #expect(x.shape == [3, 10, 4])
    #expect(x.scalars.reduce(0, +) == 30)
    #expect(x == DNAWorkload.randomSequences(count: 3, length: 10, seed: 1))
  }

  @Test("generated FASTA has whole records of 101 bases")
  func generatedFASTA() throws {
    let bytes = SequenceIOWorkload.fasta(targetBytes: 1_000, length: 101, seed: 3)
    let records = try FASTAReader(bytes: bytes, name: "random.fa").readAll()
    #expect(records.count == bytes.filter { $0 == UInt8(ascii: ">") }.count)
    #expect(records.allSatisfy { $0.sequence.count == 101 })
  }

  @Test("a missing reference folder names the file and the remedy")
  func missingReference() throws {
    let folder = try TemporaryDirectory()
    #expect(throws: BenchmarkError.self) {
      try BenchmarkSuite.run(items: ["dna.forward"], referenceFolder: folder.url, options: tiny)
    }
    let message = BenchmarkError.missingReference(file: "/r/dna_deepbind.h5", item: "dna.*")
      .description
    #expect(
      message
        == "/r/dna_deepbind.h5: not found (needed by dna.*); pass the reference folder with --reference PATH"
    )
  }

  @Test("child arguments pass the options on")
  func childArguments() {
    let options = BenchmarkOptions(threads: 1, runs: 2, warmups: 0, scale: 0.5)
    let arguments = BenchmarkSuite.childArguments(
      item: .sgemm, referenceFolder: URL(fileURLWithPath: "/ref"), options: options)
    #expect(
      arguments == [
        "bench", "--item", "sgemm", "--json", "--reference", "/ref", "--threads", "1", "--warmups",
        "0",
        "--runs", "2", "--scale", "0.5",
      ])
  }
}
