import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct GenomeTrackBigWigTests {
  /// The bedGraph's intervals, parsed back from its text.
  static func parsedBedGraph(_ text: String) -> [String: [(Int, Int, Float)]] {
    var intervals: [String: [(Int, Int, Float)]] = [:]
    for line in text.split(separator: "\n").dropFirst() {
      let fields = line.split(separator: "\t")
      guard fields.count == 4, let start = Int(fields[1]), let end = Int(fields[2]),
        let value = Float(fields[3])
      else {
        Issue.record("malformed bedGraph line '\(line)'")
        continue
      }
      intervals[String(fields[0]), default: []].append((start, end, value))
    }
    return intervals
  }

  @Test func bigWigReadsBackEveryBedGraphInterval() throws {
    let (explained, sizes) = try ExportFixtures.random(count: 80, length: 30, seed: 11)
    let track = try GenomeTrack(explained, score: .observedBase, merge: .mean, sizes: sizes)
    let folder = try TemporaryDirectory()
    let url = folder.file("track.bw")
    try track.writeBigWig(to: OutputDestination(url))
    let readBack = try GenomeTrack(readingBigWig: url)
    #expect(readBack == track)
    let bedGraph = Self.parsedBedGraph(track.bedGraph(name: "t", description: "d"))
    var compared = 0
    for chromosome in readBack.chromosomes {
      let lines = bedGraph[chromosome.name] ?? []
      #expect(lines.count == chromosome.starts.count, "\(chromosome.name)")
      for (index, line) in lines.enumerated() where index < chromosome.starts.count {
        #expect(line.0 == chromosome.starts[index] && line.1 == chromosome.ends[index])
        #expect(line.2 == chromosome.values[index], "\(chromosome.name):\(line.0)")
        compared += 1
      }
    }
    #expect(compared == track.intervalCount && compared > 1000)
    #expect(try FolderListing.names(folder.url) == ["track.bw"])
  }

  @Test func bigWigWithoutChromosomeSizesIsRefusedAndLeavesNothing() throws {
    let (explained, _) = try ExportFixtures.random(count: 5, length: 10, seed: 3)
    let track = try GenomeTrack(explained, score: .sum, merge: .max, sizes: nil)
    let folder = try TemporaryDirectory()
    let url = folder.file("track.bw")
    #expect(throws: TrackError.missingChromosomeSizes(file: url.path)) {
      try track.writeBigWig(to: OutputDestination(url))
    }
    #expect(try FolderListing.names(folder.url).isEmpty)
  }

  @Test func aFileThatIsNotBigWigIsRefused() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("not.bw")
    try Data("track type=bedGraph\n".utf8).write(to: url)
    #expect(throws: TrackError.bigWig(file: url.path, step: "open the file as a bigWig")) {
      try GenomeTrack(readingBigWig: url)
    }
  }

  @Test func trackFormatsFollowTheExtension() throws {
    #expect(try TrackFormat.of("a/b.bedGraph") == .bedGraph)
    #expect(try TrackFormat.of("x.BW") == .bigWig)
    #expect(try TrackFormat.of("-") == .bedGraph)
    #expect(
      throws: OutputError.unknownExtension(
        path: "x.wig", accepted: ["bedgraph", "bg", "bdg", "bw", "bigwig"])
    ) {
      try TrackFormat.of("x.wig")
    }
    #expect(throws: OutputError.standardOutputNotSupported(format: "bigWig")) {
      try TrackFormat.bigWig.destination("-", inputs: [])
    }
  }
}

/// The names in a folder, sorted (temporary files start with a dot and would show).
enum FolderListing {
  static func names(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }
}
