import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The simulated example shipped in `Genomes/` (made by `sanity simulate --output Genomes --seed 1`).
@Suite struct ShippedGenomesTests {
  static let folder = TestSupport.repositoryRoot.appendingPathComponent("Genomes")

  static func file(_ name: String) -> URL { folder.appendingPathComponent(name) }

  static func testRecords() throws -> [FASTARecord] {
    try FASTAReader(url: file("example-test.fa")).readAll()
  }

  @Test func motifsAreCTCFAndREST() throws {
    let motifs = try MEMEMotif.read(Self.file("motifs.meme"))
    #expect(motifs.map(\.identifier) == ["MA0139.2", "MA0138.3"])
    #expect(motifs.map(\.name) == ["CTCF", "REST"] && motifs.map(\.width) == [15, 20])
  }

  @Test(.enabled(if: TestSupport.hasSharedData, "needs ../shared/data/motifs (JASPAR 2024)"))
  func motifsAreJASPARsMatrices() throws {
    let jaspar = try MEMEMotif.read(
      TestSupport.sharedData("motifs/JASPAR2024_CORE_vertebrates_non-redundant.meme"))
    for motif in try MEMEMotif.read(Self.file("motifs.meme")) {
      let original = try #require(jaspar.first { $0.identifier == motif.identifier })
      #expect(original.name == motif.name && original.width == motif.width)
      let difference =
        zip(original.probabilities.joined(), motif.probabilities.joined()).map { abs($0 - $1) }
        .max() ?? 1
      #expect(difference < 2e-6, "\(motif.identifier): max |difference| \(difference)")
    }
  }

  @Test func filesParseWithInputDataLoad() throws {
    let test = try InputData.load(Self.file("example-test.fa"))
    #expect(test.inputs.shape == [500, 101, 4] && test.kind == .sequences)
    let labels = try #require(test.labels)
    #expect(
      labels.allSatisfy { $0.count == 2 } && labels.joined().allSatisfy { $0 == 0 || $0 == 1 })
    #expect(labels.filter { $0[0] == 1 }.count > 100 && labels.filter { $0[1] == 1 }.count > 100)
    let compressed = try InputData.load(Self.file("example-test.fa.gz"))
    #expect(
      compressed.inputs == test.inputs && compressed.ids == test.ids
        && compressed.labels == test.labels)
    let training = try InputData.load(Self.file("example-train.fa.gz"))
    #expect(training.inputs.shape == [20_000, 101, 4] && training.labels?.first?.count == 2)
    #expect(Set(training.ids).isDisjoint(with: test.ids))
  }

  @Test func truthTableMatchesTheHeadersAndTheBases() throws {
    let truth = try MotifInstance.readTable(Self.file("example-test.motifs.tsv"))
    let records = try Self.testRecords()
    let motifs = Dictionary(
      uniqueKeysWithValues: try MEMEMotif.read(Self.file("motifs.meme")).map { ($0.identifier, $0) }
    )
    let grouped = MotifInstance.grouped(truth, by: records.map(\.id))
    #expect(grouped.map(\.count).reduce(0, +) == truth.count)
    var (matched, total) = (0, 0)
    for (record, instances) in zip(records, grouped) {
      let tokens = instances.map(\.headerToken)
      #expect(
        record.attributes["motifs"] == (tokens.isEmpty ? "none" : tokens.joined(separator: ",")),
        "\(record.id)")
      let planted = Set(instances.map(\.motif))
      let expected = ["MA0139.2", "MA0138.3"].map { planted.contains($0) ? "1" : "0" }.joined(
        separator: ",")
      #expect(record.attributes["label"] == expected, "\(record.id)")
      for instance in instances {
        let motif = try #require(motifs[instance.motif])
        let bases = Array(record.sequence[instance.positions])
        let site = instance.strand == .forward ? bases : MEMEMotif.reverseComplement(bases)
        matched += zip(site, Array(motif.consensus.utf8)).filter { $0 == $1 }.count
        total += motif.width
      }
    }
    // CTCF's and REST's consensus bases have mean probability 0.74 and 0.77.
    #expect(total > 0 && Double(matched) / Double(total) > 0.7)
  }

  @Test func theREADMECommandRegeneratesTheShippedRecords() throws {
    let genome = try ExampleGenome(motifs: try MEMEMotif.read(Self.file("motifs.meme")))
    let shipped = try Self.testRecords().prefix(40)
    let regenerated = genome.records(count: 40, split: .test, seed: 1)
    #expect(regenerated.map(\.header) == shipped.map { "\($0.id) \($0.description)" })
    #expect(regenerated.map(\.sequence) == shipped.map(\.sequence))
    let reader = try FASTAReader(url: Self.file("example-train.fa.gz"))
    for record in genome.records(count: 10, split: .train, seed: 1) {
      let next = try #require(try reader.next())
      #expect(next.sequence == record.sequence && "\(next.id) \(next.description)" == record.header)
    }
  }
}
