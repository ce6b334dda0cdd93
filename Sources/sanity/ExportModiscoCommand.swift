import ArgumentParser
import Foundation
import SanityChecker

/// `sanity export modisco`: the one-hot sequences and hypothetical contributions TF-MoDISco reads.
struct ExportModiscoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "modisco",
    abstract:
      "Write TF-MoDISco's input: P.ohe.npz and P.attr.npz (arr_0, float32 [N, 4, L]) and P.settings.json.",
    discussion: """
      P.attr.npz holds hypothetical contributions: DeepLIFT/DeepSHAP multipliers combined with each reference;
      the gradient at every base for saliency, smoothgrad and gradient-x-input; IG's averaged path gradients; the
      mean-centred ISM delta. deeplift, deepshap, gradient-x-input and integrated-gradients need --model.
      Then: modisco motifs -s P.ohe.npz -a P.attr.npz -n 2000 -w L (L = the sequence length) -o modisco.h5
      With --shard K/N (--model and --method; FASTA or .seq input) the rows of block K of N are written at the prefix \
      with P.part.json beside them; `sanity merge P1 P2 … --output P` writes the unsharded three files, byte for byte.
      Example: sanity export modisco --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method deepshap --output-prefix example
      """)

  @OptionGroup var source: ExportSourceOptions

  @Option(help: "Output prefix P: writes P.ohe.npz, P.attr.npz and P.settings.json.")
  var outputPrefix: String

  @Flag(
    help:
      "Gradient methods: subtract the mean over the four bases at each position (Majdandzic et al. 2023)."
  )
  var correctGradient = false

  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions

  func run() throws {
    try common.apply()
    let destinations = try ModiscoExport.destinations(prefix: outputPrefix, inputs: source.files)
    let export = ModiscoExport(correctsGradient: correctGradient)
    if let method = source.method { try export.validate(method: method, mapFile: nil) }
    if let shard = try shardOptions.parsed() {
      let (explained, items, total) = try source.explainedBlock(common, shard: shard)
      if let explained { try export.write(explained, to: destinations) }
      try shardOptions.writeManifest(
        "export modisco", kind: .modisco, output: outputPrefix, items: items, total: total)
      return Progress.note(
        "wrote the rows of items \(items.lowerBound)..<\(items.upperBound) of \(total) at \(outputPrefix)",
        quiet: common.quiet)
    }
    let explained = try source.load(common)
    let rule = try export.write(explained, to: destinations)
    Progress.note(
      "wrote \(destinations.sequences.path) and \(destinations.contributions.path): \(explained.count) sequences of \(explained.length) bp; \(rule)",
      quiet: common.quiet)
  }
}
