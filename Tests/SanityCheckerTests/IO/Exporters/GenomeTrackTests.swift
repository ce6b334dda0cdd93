import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct GenomeTrackTests {
  /// chr2:10-14 (+) with observed values 1 2 3 4; chr2:12-16 (-) with 5 6 7 8 (so genome bases
  /// 15 14 13 12); chr10:0-4 with 1 1 1 2; chrX:100-104 with 0 0 0 0.
  static let handMade = ExportFixtures.explained(
    ids: ["chr2:10-14", "chr2:12-16(-)", "chr10:0-4", "chrX:100-104"],
    observed: [[1, 2, 3, 4], [5, 6, 7, 8], [1, 1, 1, 2], [0, 0, 0, 0]])

  static func intervals(_ track: GenomeTrack) -> [String] {
    track.chromosomes.flatMap { chromosome in
      chromosome.starts.indices.map {
        "\(chromosome.name):\(chromosome.starts[$0])-\(chromosome.ends[$0])=\(chromosome.values[$0])"
      }
    }
  }

  @Test func overlapsAreAveragedAndRunsJoinedInByteOrder() throws {
    let track = try GenomeTrack(Self.handMade, score: .observedBase, merge: .mean, sizes: nil)
    #expect(track.chromosomes.map(\.name) == ["chr10", "chr2", "chrX"])
    #expect(
      Self.intervals(track) == [
        "chr10:0-3=1.0", "chr10:3-4=2.0",
        "chr2:10-11=1.0", "chr2:11-12=2.0", "chr2:12-14=5.5", "chr2:14-15=6.0", "chr2:15-16=5.0",
        "chrX:100-104=0.0",
      ])
  }

  @Test func maxTakesTheLargestValue() throws {
    let track = try GenomeTrack(Self.handMade, score: .observedBase, merge: .max, sizes: nil)
    #expect(
      Array(Self.intervals(track)[2...5]) == [
        "chr2:10-11=1.0", "chr2:11-12=2.0", "chr2:12-13=8.0", "chr2:13-14=7.0",
      ])
  }

  @Test func sumAddsTheOtherChannels() throws {
    let track = try GenomeTrack(Self.handMade, score: .sum, merge: .mean, sizes: nil)
    #expect(Self.intervals(track).first == "chr10:0-3=1.5")
    #expect(Self.intervals(track).last == "chrX:100-104=0.5")
  }

  @Test func bedGraphTextHasTheTrackLineAndOneLinePerInterval() throws {
    let sample = ExportFixtures.explained(ids: ["chr1:5-7"], observed: [[0.25, -1e-5]])
    let text = try GenomeTrack(sample, score: .observedBase, merge: .mean, sizes: nil)
      .bedGraph(name: "saliency \"t0\"", description: "observed base")
    #expect(
      text == """
        track type=bedGraph name="saliency 't0'" description="observed base"
        chr1\t5\t6\t0.25
        chr1\t6\t7\t-1e-05

        """)
  }

  @Test func recordsOutsideTheChromosomeSizesAreRefusedByName() throws {
    let sizes = try ChromosomeSizes(parsing: "chr2\t15\nchr10\t4\nchrX\t200\n", file: "g.sizes")
    #expect(
      throws: CoordinateError.outsideChromosome(
        file: "in.fa", record: "chr2:12-16(-)", end: 16, size: 15, sizes: "g.sizes")
    ) {
      try GenomeTrack(Self.handMade, score: .observedBase, merge: .mean, sizes: sizes)
    }
    let partial = try ChromosomeSizes(parsing: "chr2\t20\nchr10\t4\n", file: "g.sizes")
    #expect(
      throws: CoordinateError.unknownChromosome(
        file: "in.fa", record: "chrX:100-104", chromosome: "chrX", sizes: "g.sizes")
    ) {
      try GenomeTrack(Self.handMade, score: .observedBase, merge: .mean, sizes: partial)
    }
    let unnamed = ExportFixtures.explained(
      ids: ["chr1:0-2", "peak7"], observed: [[1, 2], [3, 4]])
    #expect(throws: CoordinateError.missing(file: "in.fa", record: "peak7")) {
      try GenomeTrack(unnamed, score: .observedBase, merge: .mean, sizes: nil)
    }
  }

  /// Every base of the track, from the records directly: the mean of the covering records.
  @Test func randomOverlapsMatchABaseByBaseReference() throws {
    let (explained, sizes) = try ExportFixtures.random(count: 60, length: 25, seed: 7)
    let track = try GenomeTrack(explained, score: .observedBase, merge: .mean, sizes: sizes)
    let scores = AttributionScore.observedBase.scores(explained)
    var reference: [String: [Int: [Float]]] = [:]
    for (item, id) in explained.ids.enumerated() {
      let place = try RecordCoordinates.parse(id: id, length: 25, file: "random.fa")
      for position in 0..<25 {
        reference[place.chromosome, default: [:]][place.genomePosition(of: position), default: []]
          .append(scores.scalars[item * 25 + position])
      }
    }
    var checked = 0
    for chromosome in track.chromosomes {
      #expect(chromosome.length == sizes.length(of: chromosome.name))
      for index in chromosome.starts.indices {
        #expect(index == 0 || chromosome.starts[index] >= chromosome.ends[index - 1])
        for base in chromosome.starts[index]..<chromosome.ends[index] {
          let values = reference[chromosome.name]?[base] ?? []
          let mean = Float(values.reduce(0.0) { $0 + Double($1) } / Double(values.count))
          #expect(chromosome.values[index] == mean, "\(chromosome.name):\(base)")
          checked += 1
        }
      }
    }
    #expect(checked == reference.values.reduce(0) { $0 + $1.count })
  }
}
