import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export track`: per-base attribution on the genome, as bedGraph or bigWig.
struct ExportTrackCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "track",
    abstract: "Write a genome-browser track (bedGraph or bigWig) of per-base attribution.",
    discussion: """
      Records are placed by their ids, chr:start-end with an optional strand ((+), (-), :+ or :-), read as BED
      coordinates (0-based start, end excluded; what bedtools getfasta writes); a record one base longer than its
      span is read as 1-based (samtools faidx). A minus-strand record's map is reversed onto the genome. Records
      without coordinates are refused. Overlapping records are merged per base (--merge); equal neighbours are
      joined. Chromosomes are in byte order (sort -k1,1 -k2,2n with LC_COLLATE=C). The bedGraph starts with a
      track line (remove it for bedGraphToBigWig, or write .bw directly; bigWig needs --chrom-sizes).
      Example: sanity export track --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method saliency --target 0 --output ctcf.bedGraph
      """)

  @OptionGroup var source: ExportSourceOptions

  @Option(
    help:
      "Chromosome sizes: a .fai or chrom.sizes file (needed for .bw; records are checked against it)."
  )
  var chromSizes: String?

  @Option(
    help:
      "Per-base value: observed-base (attribution at the observed base) or sum (over the four bases)."
  )
  var score: String = AttributionScore.observedBase.rawValue

  @Option(help: "Overlapping records: mean or max of their values at each base.")
  var merge: String = GenomeTrack.MergeRule.mean.rawValue

  @Option(help: "Track: .bedGraph (.bg, .bdg; standard output when `-`) or .bw (.bigWig).")
  var output: String

  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    _ = try ExportFlags.score(score)
    guard GenomeTrack.MergeRule(rawValue: merge) != nil else {
      throw ValidationError("--merge must be mean or max, not '\(merge)'")
    }
  }

  func run() throws {
    try common.apply()
    let inputs = source.files + [chromSizes].compactMap { $0 }
    let format = try TrackFormat.of(output)
    let destination = try format.destination(output, inputs: inputs)
    let sizes = try chromSizes.map { try ChromosomeSizes(contentsOf: URL(fileURLWithPath: $0)) }
    if format == .bigWig, sizes == nil { throw TrackError.missingChromosomeSizes(file: output) }
    try shardOptions.requireFile(output)
    let shard = try shardOptions.parsed()
    if format == .bedGraph, source.attributions == nil,
      StreamingExplain.accepts(URL(fileURLWithPath: source.input))
    {
      return try stream(shard: shard, sizes: sizes, to: destination)
    }
    if let shard {
      guard format == .bedGraph else {
        throw ValidationError("--shard writes .bedGraph parts; convert the merged track to bigWig")
      }
      let block = try source.explainedBlock(common, shard: shard)
      try write(block.explained, format: format, sizes: sizes, to: destination)
      return try shardOptions.writeManifest(
        "export track", kind: .bedGraph, output: output, items: block.items, total: block.total)
    }
    let data = try source.loadSequences()
    _ = try GenomeTrack.places(
      of: data.ids, length: data.inputs.shape[1], file: source.input, sizes: sizes)
    try write(try source.explained(data, common), format: format, sizes: sizes, to: destination)
  }

  /// Explains a sequence file batch by batch into a bedGraph (``StreamingTrack``), whole or one
  /// shard, and with `--shard` writes the part's manifest beside it.
  private func stream(shard: Shard?, sizes: ChromosomeSizes?, to destination: OutputDestination)
    throws
  {
    guard let modelFile = source.model, let method = source.method else {
      throw ValidationError("give --model with --method, or --attributions")
    }
    let input = StreamingExplain(
      input: URL(fileURLWithPath: source.input),
      encoder: OneHot(unknownBase: source.unknownAsZero ? .zero : .quarter), limit: source.limit,
      shard: shard ?? .whole)
    let (count, probe) = try input.survey()
    let model = try ReadWatchdog.reading(modelFile) {
      try ModelLoader.load(
        URL(fileURLWithPath: modelFile),
        architecture: source.architecture.map { URL(fileURLWithPath: $0) },
        sequenceLength: probe.shape[1])
    }.adapted(toSequenceLength: probe.shape[1])
    do throws(ModelError) {
      try model.validate(input: probe)
    } catch {
      throw ModelFileError.inputDoesNotFit(input: source.input, file: modelFile, error)
    }
    if let target = source.target {
      try FlagCheck.unit(target, "--target", outputs: model.outputShape.count)
    }
    let track = StreamingTrack(
      source: input, score: try ExportFlags.score(score),
      merge: GenomeTrack.MergeRule(rawValue: merge) ?? .mean, sizes: sizes)
    let progress = Progress(method, total: count, quiet: common.quiet)
    let (items, intervals) = try track.write(
      try source.methodOptions.explainer(method, seed: common.seed), model: model,
      target: source.target, modelFile: modelFile, count: count, to: destination
    ) { progress.update($0) }
    try shardOptions.writeManifest(
      "export track", kind: .bedGraph, output: output, items: items, total: count)
    Progress.note(
      "wrote \(destination.path): \(intervals) intervals from \(items.count) sequences",
      quiet: common.quiet || destination == .standardOutput || items.isEmpty)
  }

  /// Writes the track of the maps (nothing for an empty shard).
  private func write(
    _ explained: ExplainedSequences?, format: TrackFormat, sizes: ChromosomeSizes?,
    to destination: OutputDestination
  ) throws {
    guard let explained else { return }
    let scoreRule = try ExportFlags.score(score)
    let mergeRule = GenomeTrack.MergeRule(rawValue: merge) ?? .mean
    let track = try GenomeTrack(explained, score: scoreRule, merge: mergeRule, sizes: sizes)
    switch format {
    case .bedGraph:
      let title = GenomeTrack.title(
        method: explained.method, targets: explained.targets, score: scoreRule, merge: mergeRule)
      try track.writeBedGraph(to: destination, name: title.name, description: title.description)
    case .bigWig:
      try track.writeBigWig(to: destination)
    }
    Progress.note(
      "wrote \(destination.path): \(track.intervalCount) intervals from \(explained.count) sequences",
      quiet: common.quiet || destination == .standardOutput)
  }
}
