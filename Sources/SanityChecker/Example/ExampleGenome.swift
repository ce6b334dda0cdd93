/// A seeded simulator of a ChIP-seq-style, multi-task DNA example with known motif positions.
///
/// Each motif is one task. A *positive* sequence is i.i.d. background with planted sites:
/// ```
/// background:  P(A) = P(T) = (1 − gc) / 2,   P(C) = P(G) = gc / 2        (gc = 0.42 by default)
/// positive:    one motif (uniformly chosen), or every motif with probability `allMotifsFraction`;
///              each site sampled from its matrix, at a uniform non-overlapping start, on a uniform strand
/// label[t]:    1 when motif t was planted, else 0
/// negative:    a dinucleotide shuffle of the positive before it (labels all 0), as DeepBind drew its
///              negatives (Alipanahi et al. 2015, doi:10.1038/nbt.3300)
/// ```
/// Records come in pairs, positive then its shuffle. Pair `p` of a split draws everything from the
/// stream `(seed, split, p)`, so the first `n` records are the same whatever count is asked for,
/// and the same seed gives the same records on every machine.
///
/// Record `k` of a split is named after the interval it would occupy on a simulated chromosome
/// (`chrSim1` for training, `chrSim2` for testing), 0-based and half-open:
/// `chrSim1:10000-10101`, `chrSim1:10101-10202`, …
///
/// Deviations and limits: the background is i.i.d., not a genome, so negatives differ from
/// positives only by the planted sites; a background stretch may match a motif by chance, and
/// its label is still 0 (label noise, rare for sites of 7 or more informative positions).
public struct ExampleGenome: Sendable {
  /// The simulation's settings.
  public struct Configuration: Hashable, Sendable {
    /// The sequence length L (101, as DeepBind's ENCODE sequences).
    public var length: Int
    /// The background's G+C fraction (0.42, close to the human genome's 41 %).
    public var gcContent: Double
    /// The fraction of positives that carry every motif instead of one.
    public var allMotifsFraction: Double
    /// The start of the first record's interval on its simulated chromosome (0-based).
    public var firstStart: Int

    /// Creates settings.
    /// - Parameters:
    ///   - length: The sequence length.
    ///   - gcContent: The background's G+C fraction, in (0, 1).
    ///   - allMotifsFraction: The fraction of positives with every motif, in [0, 1].
    ///   - firstStart: The first record's start coordinate.
    public init(
      length: Int = 101, gcContent: Double = 0.42, allMotifsFraction: Double = 0.2,
      firstStart: Int = 10_000
    ) {
      self.length = length
      self.gcContent = gcContent
      self.allMotifsFraction = allMotifsFraction
      self.firstStart = firstStart
    }
  }

  /// A part of the example, drawn from its own random streams.
  public enum Split: Int, Hashable, Sendable, CaseIterable {
    /// The training set, on `chrSim1`.
    case train = 0
    /// The test set, on `chrSim2`.
    case test = 1

    /// The simulated chromosome the split's records are named after.
    public var chromosome: String { "chrSim\(rawValue + 1)" }
  }

  /// The motifs, one per task, in label order.
  public let motifs: [MEMEMotif]
  /// The settings.
  public let configuration: Configuration

  /// Creates a simulator.
  /// - Parameters:
  ///   - motifs: The motifs, one per task (e.g. read from `Genomes/motifs.meme`).
  ///   - configuration: The settings.
  /// - Throws: ``ExampleGenomeError`` when there is no motif, the motifs cannot all fit twice
  ///   into one sequence, or a fraction lies outside its range.
  public init(motifs: [MEMEMotif], configuration: Configuration = Configuration())
    throws(ExampleGenomeError)
  {
    guard !motifs.isEmpty else { throw .noMotifs }
    let totalWidth = motifs.reduce(0) { $0 + $1.width }
    guard 2 * totalWidth <= configuration.length else {
      throw .motifsTooWide(totalWidth: totalWidth, length: configuration.length)
    }
    guard configuration.gcContent > 0, configuration.gcContent < 1 else {
      throw .fractionOutOfRange(name: "GC content", value: configuration.gcContent)
    }
    guard (0...1).contains(configuration.allMotifsFraction) else {
      throw .fractionOutOfRange(
        name: "fraction of positives with every motif", value: configuration.allMotifsFraction)
    }
    self.motifs = motifs
    self.configuration = configuration
  }

  /// The first `count` records of a split.
  ///
  /// Records alternate: positive, its shuffle, positive, its shuffle, …
  /// - Parameters:
  ///   - count: The number of records (an odd count ends with a positive).
  ///   - split: Training or test.
  ///   - seed: The seed.
  /// - Returns: The records in order.
  public func records(count: Int, split: Split, seed: UInt64) -> [SimulatedSequence] {
    let pairs = (count + 1) / 2
    let drawn = Parallel.mapChunks(count: pairs, chunkSize: 256) { range in
      range.flatMap { pair -> [SimulatedSequence] in
        let (positive, negative) = self.pair(pair, split: split, seed: seed)
        return [positive, negative]
      }
    }
    return Array(drawn.joined().prefix(count))
  }

  /// Pair `index` of a split: a positive and its dinucleotide shuffle.
  /// - Parameters:
  ///   - index: The pair's index (records `2·index` and `2·index + 1`).
  ///   - split: Training or test.
  ///   - seed: The seed.
  /// - Returns: The positive and the negative.
  public func pair(_ index: Int, split: Split, seed: UInt64) -> (
    positive: SimulatedSequence, negative: SimulatedSequence
  ) {
    var generator = SeededGenerator(
      seed: seed, stream: UInt64(split.rawValue) << 40 | UInt64(index))
    let length = configuration.length
    let (weak, strong) = ((1 - configuration.gcContent) / 2, configuration.gcContent / 2)
    var bases = (0..<length).map { _ in
      MEMEMotif.draw([weak, strong, strong, weak], using: &generator)
    }
    var carried =
      motifs.count > 1 && generator.nextUnitDouble() >= configuration.allMotifsFraction
      ? [generator.index(below: motifs.count)] : Array(motifs.indices)
    generator.shuffle(&carried)
    let positiveID = interval(record: 2 * index, split: split)
    var instances: [MotifInstance] = []
    for motifIndex in carried {
      let motif = motifs[motifIndex]
      let starts = (0...(length - motif.width)).filter { start in
        instances.allSatisfy { start + motif.width <= $0.start || start >= $0.end }
      }
      guard !starts.isEmpty else { continue }
      let start = starts[generator.index(below: starts.count)]
      let strand: MotifInstance.Strand = generator.index(below: 2) == 0 ? .forward : .reverse
      let site = motif.sampledSite(using: &generator)
      bases.replaceSubrange(
        start..<(start + motif.width),
        with: strand == .forward ? site : MEMEMotif.reverseComplement(site))
      instances.append(
        MotifInstance(
          sequenceID: positiveID, motif: motif.identifier, start: start, end: start + motif.width,
          strand: strand))
    }
    instances.sort { $0.start < $1.start }
    let planted = Set(instances.map(\.motif))
    let positive = SimulatedSequence(
      id: positiveID, sequence: bases,
      labels: motifs.map { planted.contains($0.identifier) ? 1 : 0 }, instances: instances)
    let negative = SimulatedSequence(
      id: interval(record: 2 * index + 1, split: split),
      sequence: DinucleotideShuffle.shuffled(bases, using: &generator),
      labels: motifs.map { _ in 0 }, instances: [], shuffleOf: positiveID)
    return (positive, negative)
  }

  /// The name of record `record`: its interval on the split's simulated chromosome.
  func interval(record: Int, split: Split) -> String {
    let start = configuration.firstStart + record * configuration.length
    return "\(split.chromosome):\(start)-\(start + configuration.length)"
  }
}
