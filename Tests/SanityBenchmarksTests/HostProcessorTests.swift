import Testing

@testable import SanityBenchmarks

@Suite("HostProcessor")
struct HostProcessorTests {
  static let zen3 = """
    processor\t: 0
    vendor_id\t: AuthenticAMD
    cpu family\t: 25
    model\t\t: 1
    model name\t: AMD EPYC
    flags\t\t: fpu sse2 fma sse4_2 avx avx2

    processor\t: 1
    model name\t: Other
    flags\t\t: avx512f
    """

  @Test("the first processor's model, generation and vector extensions are read")
  func parsesFirstProcessor() throws {
    let host = try #require(HostProcessor.parse(cpuinfo: Self.zen3))
    #expect(host.model == "AMD EPYC")
    #expect(host.generation == "family 25 model 1")
    #expect(host.vectorExtensions == ["AVX2", "FMA"])
    #expect(host.summary == "AMD EPYC (family 25 model 1; AVX2, FMA)")
  }

  @Test("AVX-512F is named, and a text without a model name gives nil")
  func flagsAndMissingModel() throws {
    let host = try #require(
      HostProcessor.parse(cpuinfo: "model name: X\nflags: avx2 avx512f fma\n"))
    #expect(host.summary == "X (AVX2, FMA, AVX-512F)")
    #expect(HostProcessor.parse(cpuinfo: "flags: avx2\n") == nil)
  }

  @Test("the table names the host under the peers' source")
  func tableNamesHost() throws {
    let host = try #require(HostProcessor.parse(cpuinfo: Self.zen3))
    let result = BenchmarkResult(
      item: "sgemm", seconds: 0.1, items: 1, peakRSSMegabytes: 10, flopsPerItem: nil)
    let lines = BenchmarkTable.render(
      [result], peers: PeerBaselines(figures: [:], source: "test"), host: host
    )
    .split(separator: "\n")
    #expect(lines.suffix(2) == ["peers: test", "host: AMD EPYC (family 25 model 1; AVX2, FMA)"])
  }
}
