import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct ExampleGenomeTests {
  /// A CTCF-like and a GATA-like matrix, enough for the simulator's logic (the shipped file is tested apart).
  static let motifs = [
    MEMEMotif(
      identifier: "M1", name: "GCRICH",
      probabilities: [
        [0.1, 0.1, 0.7, 0.1], [0.05, 0.85, 0.05, 0.05], [0.02, 0.94, 0.02, 0.02],
        [0.8, 0.1, 0.05, 0.05],
        [0.1, 0.5, 0.3, 0.1], [0.05, 0.05, 0.85, 0.05], [0.1, 0.1, 0.1, 0.7],
        [0.05, 0.05, 0.85, 0.05],
      ]),
    MEMEMotif(
      identifier: "M2", name: "ATRICH",
      probabilities: [
        [0.05, 0.85, 0.05, 0.05], [0.02, 0.02, 0.02, 0.94], [0.7, 0.02, 0.02, 0.26],
        [0.94, 0.02, 0.02, 0.02],
        [0.02, 0.02, 0.02, 0.94], [0.05, 0.85, 0.05, 0.05],
      ]),
  ]

  static func genome(length: Int = 60) throws -> ExampleGenome {
    try ExampleGenome(motifs: motifs, configuration: .init(length: length))
  }

  /// The site as read on its strand (reverse-complemented back for `-`).
  static func site(of instance: MotifInstance, in record: SimulatedSequence) -> [UInt8] {
    let bases = Array(record.sequence[instance.positions])
    return instance.strand == .forward ? bases : MEMEMotif.reverseComplement(bases)
  }

  @Test func sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws {
    let (first, second, third) = (
      try TemporaryDirectory(), try TemporaryDirectory(), try TemporaryDirectory()
    )
    let genome = try Self.genome()
    try genome.write(to: first.url, trainCount: 41, testCount: 12, seed: 7)
    try genome.write(to: second.url, trainCount: 41, testCount: 12, seed: 7)
    try genome.write(to: third.url, trainCount: 41, testCount: 12, seed: 8)
    #expect(try first.contents() == ExampleGenome.fileNames.sorted())
    for name in ExampleGenome.fileNames {
      let bytes = try Data(contentsOf: first.file(name))
      #expect(!bytes.isEmpty, "\(name) is empty")
      #expect(
        bytes == (try Data(contentsOf: second.file(name))),
        "\(name) differs between runs with one seed")
    }
    #expect(
      try Data(contentsOf: first.file("example-test.fa"))
        != (try Data(contentsOf: third.file("example-test.fa"))))
  }

  @Test func recordsDoNotDependOnTheCountOrTheThreads() throws {
    let genome = try Self.genome()
    Parallel.threadCount = 1
    let serial = genome.records(count: 600, split: .train, seed: 3)
    Parallel.threadCount = 0
    #expect(genome.records(count: 600, split: .train, seed: 3) == serial)
    #expect(genome.records(count: 11, split: .train, seed: 3) == Array(serial.prefix(11)))
    #expect(genome.records(count: 11, split: .test, seed: 3) != Array(serial.prefix(11)))
  }

  @Test func plantedSitesFollowTheirMatricesAndNeverOverlap() throws {
    let genome = try Self.genome()
    let records = genome.records(count: 1200, split: .train, seed: 11)
    for motif in Self.motifs {
      let consensus = Array(motif.consensus.utf8)
      let sites = records.flatMap { record in
        record.instances.filter { $0.motif == motif.identifier }.map {
          Self.site(of: $0, in: record)
        }
      }
      #expect(sites.count > 100)
      // Per position the consensus base is drawn with probability max p; the mean match must agree
      // (σ ≈ 0.4/√(sites·w) < 0.01, tolerance 0.03), and most of every site's positions match.
      let expected = motif.probabilities.map { $0.max() ?? 0 }.reduce(0, +) / Double(motif.width)
      let matches = sites.map { site in zip(site, consensus).filter { $0 == $1 }.count }
      let mean = Double(matches.reduce(0, +)) / Double(sites.count * motif.width)
      #expect(
        abs(mean - expected) < 0.03, "\(motif.identifier): mean match \(mean), expected \(expected)"
      )
      let mostlyMatching = matches.filter { 2 * $0 > motif.width }.count
      #expect(Double(mostlyMatching) >= 0.9 * Double(sites.count))
    }
    let strands = records.flatMap(\.instances).map(\.strand)
    #expect(strands.contains(.forward) && strands.contains(.reverse))
    for record in records {
      for (a, b) in zip(record.instances, record.instances.dropFirst()) {
        #expect(a.end <= b.start, "\(record.id)")
      }
      #expect(
        record.instances.allSatisfy { $0.start >= 0 && $0.end <= 60 && $0.sequenceID == record.id })
    }
  }

  @Test func labelsSayWhichMotifsArePlanted() throws {
    let records = try Self.genome().records(count: 2000, split: .test, seed: 5)
    var both = 0
    for (index, record) in records.enumerated() {
      let planted = Set(record.instances.map(\.motif))
      #expect(record.labels == Self.motifs.map { planted.contains($0.identifier) ? 1 : 0 })
      #expect((index % 2 == 0) == (record.shuffleOf == nil))
      #expect(index % 2 == 1 || !planted.isEmpty)
      if planted.count == 2 { both += 1 }
    }
    // 20 % of the 1000 positives carry both motifs (σ ≈ 13).
    #expect((150...250).contains(both), "\(both) positives with both motifs")
  }

  @Test func negativesAreDinucleotideShufflesOfTheirPositives() throws {
    let records = try Self.genome().records(count: 400, split: .train, seed: 9)
    func pairs(_ bases: [UInt8]) -> [String: Int] {
      zip(bases, bases.dropFirst()).reduce(into: [:]) { $0["\($1.0)-\($1.1)", default: 0] += 1 }
    }
    var identical = 0
    for index in stride(from: 0, to: records.count, by: 2) {
      let (positive, negative) = (records[index], records[index + 1])
      #expect(
        negative.shuffleOf == positive.id && negative.instances.isEmpty
          && negative.labels == [0, 0])
      #expect(pairs(negative.sequence) == pairs(positive.sequence))
      #expect(
        negative.sequence.first == positive.sequence.first
          && negative.sequence.last == positive.sequence.last)
      if negative.sequence == positive.sequence { identical += 1 }
    }
    #expect(identical == 0)
  }

  @Test func backgroundHasTheConfiguredGCContent() throws {
    let genome = try ExampleGenome(
      motifs: [Self.motifs[1]], configuration: .init(length: 101, gcContent: 0.42))
    let records = genome.records(count: 800, split: .train, seed: 2).filter { $0.shuffleOf == nil }
    var (strong, total) = (0, 0)
    for record in records {
      let site = Set(record.instances.flatMap { Array($0.positions) })
      for (position, base) in record.sequence.enumerated() where !site.contains(position) {
        total += 1
        if base == UInt8(ascii: "G") || base == UInt8(ascii: "C") { strong += 1 }
      }
    }
    // About 38,000 background bases: σ ≈ 0.0025.
    #expect(abs(Double(strong) / Double(total) - 0.42) < 0.01)
  }

  @Test func headersCarryCoordinatesLabelsAndSites() throws {
    let records = try Self.genome().records(count: 4, split: .train, seed: 1)
    #expect(records[0].id == "chrSim1:10000-10060" && records[1].id == "chrSim1:10060-10120")
    let text = records.map(\.fasta).joined()
    let parsed = try FASTAReader(bytes: Array(text.utf8), name: "example.fa").readAll()
    #expect(parsed.map(\.id) == records.map(\.id))
    for (record, fasta) in zip(records, parsed) {
      #expect(fasta.sequence == record.sequence)
      #expect(
        fasta.attributes["label"]
          == record.labels.map { $0 > 0.5 ? "1" : "0" }.joined(separator: ","))
      let tokens = record.instances.map { "\($0.motif):\($0.start):\($0.strand.rawValue)" }
      #expect(
        fasta.attributes["motifs"] == (tokens.isEmpty ? "none" : tokens.joined(separator: ",")))
    }
    #expect(parsed[1].attributes["shuffle-of"] == records[0].id)
  }

  @Test func impossibleSettingsAreRejected() throws {
    #expect(throws: ExampleGenomeError.noMotifs) { try ExampleGenome(motifs: []) }
    #expect(throws: ExampleGenomeError.motifsTooWide(totalWidth: 14, length: 20)) {
      try ExampleGenome(motifs: Self.motifs, configuration: .init(length: 20))
    }
    #expect(throws: ExampleGenomeError.fractionOutOfRange(name: "GC content", value: 1.5)) {
      try ExampleGenome(motifs: Self.motifs, configuration: .init(gcContent: 1.5))
    }
    let message = ExampleGenomeError.motifsTooWide(totalWidth: 14, length: 20).description
    #expect(message.contains("14 bp") && message.contains("longer sequences"))
  }
}
