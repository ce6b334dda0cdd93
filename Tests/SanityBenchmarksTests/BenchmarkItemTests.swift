import Testing

@testable import SanityBenchmarks

@Suite("BenchmarkItem")
struct BenchmarkItemTests {
  @Test("every documented item name parses, in the given order, without repeats")
  func parsesNames() throws {
    let names = [
      "dna.forward", "dna.saliency", "dna.integrated-gradients", "dna.guided-backprop",
      "dna.epsilon-lrp",
      "dna.ism", "dna.cascade", "dna.mprt-saliency", "mnist.forward", "mnist.saliency",
      "mnist.integrated-gradients", "mnist.cascade", "onehot.fasta", "sgemm",
    ]
    #expect(try BenchmarkItem.parse(names).map(\.rawValue) == names)
    #expect(try BenchmarkItem.parse(["sgemm", "dna.ism", "sgemm"]) == [.sgemm, .dnaISM])
    #expect(try BenchmarkItem.parse(nil) == BenchmarkItem.allCases)
    #expect(try BenchmarkItem.parse([]) == BenchmarkItem.allCases)
  }

  @Test("an unknown name throws and the message lists the known items")
  func rejectsUnknownName() {
    #expect(
      throws: BenchmarkError.unknownItem("dna.nope", known: BenchmarkItem.allCases.map(\.rawValue))
    ) {
      try BenchmarkItem.parse(["dna.forward", "dna.nope"])
    }
    let message = BenchmarkError.unknownItem("x", known: ["a", "b"]).description
    #expect(message == "bench: unknown item 'x'; use one of a, b")
  }

  @Test("families and FLOP multipliers")
  func families() {
    #expect(BenchmarkItem.dnaCascade.family == .dna)
    #expect(BenchmarkItem.mnistCascade.family == .mnist)
    #expect(BenchmarkItem.oneHotFASTAGzip.family == .sequenceIO)
    #expect(BenchmarkItem.dnaSaliency.forwardEquivalents == 2)
    #expect(BenchmarkItem.mnistIntegratedGradients.forwardEquivalents == 100)
    #expect(BenchmarkItem.dnaISM.forwardEquivalents == nil)
  }
}
