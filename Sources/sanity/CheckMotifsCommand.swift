import ArgumentParser
import Foundation
import SanityChecker

/// `sanity check motifs`: whether the motifs an explainer's seqlets match survive randomization.
struct CheckMotifsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "motifs",
    abstract:
      "Motif-level check: seqlets, motifs and database matches on the trained and randomized models.",
    discussion: """
      For each method and the random control (added when --methods has none), seqlets are called (recursive rule),
      clustered into motifs and matched against --database (Tomtom), on the trained model, on each randomization
      stage and on --permuted-model when given. A method fails when its significant matches keep at least
      t = f + 0.5 × (1 − f) of their seqlet support after full randomization, or on the permuted model, f being the
      share the random control keeps on the same models; or when f itself reaches 0.5.
      Example: sanity check motifs --model Models/deepbind-example.h5 --input Genomes/example-test.fa --methods saliency,ism --database motifs.meme --output motifs.tsv
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "Comma-separated methods.")
  var methods: String = "saliency,ism"
  @Option(help: "Motif database in MEME format (e.g. JASPAR).")
  var database: String
  @Option(help: "cascading, bottom-up, independent or complete.")
  var order: String = "cascading"
  @Option(
    parsing: .unconditional, help: "Number of randomization seeds (seed, seed+1, …; at least 1).")
  var seeds: Int = 1
  @Option(help: "A model of the same architecture trained on permuted labels (a stage of its own).")
  var permutedModel: String?
  @Option(help: "q-value below which a match counts (0 < q ≤ 1).")
  var significance: Double = 0.05
  @Option(help: "Seqlet p-value threshold (0 < p ≤ 1).")
  var seqletThreshold: Double = 0.01
  @Option(help: "Column similarity of the matcher: pearson or euclidean.")
  var similarity: String = "pearson"
  @Option(parsing: .unconditional, help: "Minimum aligned columns of a match (at least 1).")
  var minimumOverlap: Int = 5
  @Option(help: "Results: .tsv or .json (standard output when absent or `-`).")
  var output: String?
  @Flag(help: "Exit with code 1 when any method fails.")
  var failOnFail = false
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: UnshardableOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, seeds, "--seeds")
    try FlagCheck.atLeast(1, minimumOverlap, "--minimum-overlap")
    guard significance > 0, significance <= 1 else {
      throw ValidationError("--significance must be in (0, 1], not \(significance)")
    }
    guard ColumnSimilarity(rawValue: similarity) != nil else {
      throw ValidationError("--similarity must be pearson or euclidean, not '\(similarity)'")
    }
    guard RandomizationOrder(rawValue: order) != nil else {
      throw ValidationError(
        "--order must be cascading, bottom-up, independent or complete, not '\(order)'")
    }
  }

  func run() throws {
    try shardOptions.refuse(
      "its motifs are clustered over all items' seqlets: run it unsharded, or put it in a run configuration (checks.motifs) and use `sanity run --shard K/N`, whose parts `sanity merge` joins"
    )
    try common.apply()
    let output = try Outputs.destination(
      output, formats: [.tsv, .json], standardOutputFormat: common.json ? .json : .tsv,
      inputs: modelOptions.files + [inputOptions.input, database, permutedModel])
    let motifs = try MEMEMotif.read(URL(fileURLWithPath: database))
    let matcher = try TomtomMatcher(
      database: motifs,
      configuration: .init(
        similarity: ColumnSimilarity(rawValue: similarity) ?? .pearson,
        minimumOverlap: minimumOverlap),
      file: database)
    let discovery = MotifDiscovery(
      caller: try RecursiveSeqletCaller(threshold: seqletThreshold), matcher: matcher)
    let data = try inputOptions.load()
    guard data.kind == .sequences else {
      throw ValidationError("\(inputOptions.input): the motif check needs DNA sequences")
    }
    let model = try modelOptions.load(for: data, from: inputOptions.input)
    let permuted = try permutedModel.map { path in
      try ReadWatchdog.reading(path) {
        try ModelLoader.load(URL(fileURLWithPath: path), sequenceLength: data.inputs.shape[1])
      }
    }
    let explainers = try methodOptions.explainers(methods, seed: common.seed)
    let check = MotifCheck(
      .init(
        order: RandomizationOrder(rawValue: order) ?? .cascadingTopDown,
        seeds: (0..<UInt64(seeds)).map { common.seed &+ $0 }, significance: significance,
        permutedModelNote: "--permuted-model was not given"),
      discovery: discovery)
    Progress.note(
      "motif check: \(explainers.count) methods on \(data.ids.count) sequences", quiet: common.quiet
    )
    var result = try check.run(
      model: model, input: data.inputs, explainers: explainers, permutedModel: permuted)
    result.report.settings["model-file"] = modelOptions.model
    result.report.settings["input-file"] = inputOptions.input
    result.report.settings["database-file"] = database
    if let permutedModel { result.report.settings["permuted-model-file"] = permutedModel }
    switch output.format {
    case .json:
      let text = try result.json()
      try AtomicOutput.write(
        output.destination.url == nil ? text + Data("\n".utf8) : text, to: output.destination)
    default:
      try AtomicOutput.write(result.tsv, to: output.destination)
    }
    if output.destination.url != nil {
      Progress.note("wrote \(output.destination)", quiet: common.quiet)
    }
    for verdict in result.report.verdicts {
      Progress.note(
        "\(verdict.check) \(verdict.method): \(verdict.outcome.rawValue) — \(verdict.evidence)",
        quiet: common.quiet)
    }
    if failOnFail, result.report.verdicts.contains(where: { $0.outcome == .fails }) {
      throw ExitCode(1)
    }
  }
}
