import ArgumentParser
import Foundation
import SanityChecker

/// `sanity explain`: attribution maps of one method, written to HDF5 or to TF-MoDISco's `.npz`.
struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a model's predictions with one attribution method.",
    discussion: """
      Writes the dataset `attributions` ([N, L, 4] or [N, H, W, C]; Grad-CAM [N, L] or [N, H, W]), `predictions`,
      `ids` and `targets` to an .h5 file, or the maps as [N, 4, L] to an .npz file (TF-MoDISco's layout).
      With several targets (--target 0,3,5-9) the maps gain a last axis [N, …, T] and `predictions` is [N, T], named by the
      attributes `target_indices` and `target_names` (`targets` is then −1); gradient methods share one forward pass.
      Sequences of several lengths (models that allow any length) give .h5 maps [N, L_max, …] filled with NaN past
      each sequence's end, and a dataset `lengths`.
      Example: sanity explain --model Models/deepbind-example.h5 --input Genomes/example-test.fa --method integrated-gradients --output ig.h5
      """)

  @OptionGroup var modelOptions: ModelOptions
  @OptionGroup var inputOptions: InputOptions
  @Option(help: "The method: \(MethodOptions.names.joined(separator: ", ")).")
  var method: String
  @OptionGroup var targetOptions: TargetOptions
  @Option(help: "Output file: .h5 or .npz.")
  var output: String
  @Flag(
    help:
      "DNA: subtract each position's mean over A, C, G, T from the maps (off-simplex gradient correction, Majdandzic et al. 2023); recorded in the file's metadata."
  )
  var correctGradient = false
  @OptionGroup var methodOptions: MethodOptions
  @OptionGroup var shardOptions: ShardOptions
  @OptionGroup var common: CommonOptions

  func validate() throws {
    if correctGradient, ["grad-cam", "random", "constant", "input"].contains(method) {
      throw ValidationError(
        "--correct-gradient applies to DNA maps [N, L, 4] of a method, not to \(method)")
    }
  }

  /// The metadata attribute that records whether the maps were corrected.
  var correctionSetting: (String, HDF5AttributeValue) {
    (
      "gradient_correction",
      .string(
        correctGradient ? "applied (\(SimplexCorrected.identifier))" : "not applied", .variableUTF8)
    )
  }

  func run() throws {
    try common.apply()
    let (destination, format) = try Outputs.destination(
      output, formats: [.hdf5, .npz],
      inputs: modelOptions.files + targetOptions.files + [inputOptions.input])
    let explainer = try methodOptions.explainer(method, seed: common.seed).simplexCorrected(
      correctGradient)
    let shard = try shardOptions.parsed()
    let stream = try streaming(shard)
    if StreamingExplain.accepts(stream.input), format == .hdf5, try !stream.hasSeveralLengths(),
      try streamSequences(stream, explainer, to: destination, shard: shard)
    {
      return
    }
    if shard != nil {
      throw ValidationError(
        "--shard needs a FASTA or .seq input of one sequence length, one --target and an .h5 output"
      )
    }
    let groups = try inputOptions.loadGroupedByLength(
      cap: try modelOptions.recordCap(for: inputOptions))
    guard let first = groups.first else {
      throw ValidationError("\(inputOptions.input): the input has no items")
    }
    if format == .npz, first.data.kind != .sequences || method == "grad-cam" || groups.count > 1 {
      throw ValidationError(
        "--output .npz (TF-MoDISco layout) needs DNA maps [N, L, 4] of one length; use .h5 for \(method) on this input"
      )
    }
    if correctGradient, first.data.kind != .sequences {
      throw ValidationError(
        "--correct-gradient applies to DNA maps [N, L, 4]; \(inputOptions.input) holds images")
    }
    let base = try modelOptions.load(for: first.data, from: inputOptions.input)
    let selection = try targetOptions.selection(for: base, modelOptions)
    if let selection, selection.count > 1 {
      return try explainTargets(
        explainer, selection: selection, groups: groups, model: base,
        to: (destination, format))
    }
    let parts = try groups.map { group in
      let model = try base.resized(
        toLength: group.length, file: inputOptions.input, lengths: groups.lengths)
      let targets = try Batches.targets(
        selection?.indices.first, model: model, data: group.data)
      return try Batches.explain(
        explainer, data: group.data, targets: targets, model: model, quiet: common.quiet,
        label: method)
    }
    let targets = groups.gathered(
      parts.map { Tensor(shape: [$0.targets.count], scalars: $0.targets.map(Float.init)) }
    ).scalars.map { Int($0) }
    var settings = methodOptions.settings.mapValues { HDF5AttributeValue.string($0, .variableUTF8) }
    settings["seed"] = .string(String(common.seed), .variableUTF8)
    settings["input_file"] = .string(inputOptions.input, .variableUTF8)
    settings[correctionSetting.0] = correctionSetting.1
    settings.merge(selection?.exportAttributes ?? [:]) { $1 }
    var extras: [String: Tensor] = [:]
    if parts.allSatisfy({ $0.conservationGap != nil }) {
      extras["conservation_gap"] = groups.gathered(
        parts.map {
          Tensor(shape: [$0.conservationGap?.count ?? 0], scalars: $0.conservationGap ?? [])
        })
    }
    if groups.count > 1 {
      extras["lengths"] = groups.gathered(
        groups.map { Tensor(shape: [$0.indices.count], repeating: Float($0.length)) })
    }
    let export = AttributionExport(
      attributions: groups.padded(parts.map(\.values), fill: .nan),
      predictions: groups.gathered(
        parts.map { Tensor(shape: [$0.predictions.count], scalars: $0.predictions) }),
      ids: groups.ids,
      extraDatasets: extras,
      metadata: .init(
        method: parts[0].method, targets: targets, modelFile: modelOptions.model, settings: settings
      ))
    if format == .npz {
      guard first.data.kind == .sequences, export.attributions.shape.rank == 3, groups.count == 1
      else {
        throw ValidationError(
          "--output .npz (TF-MoDISco layout) needs DNA maps [N, L, 4]; use .h5 for \(method) on this input"
        )
      }
      try export.writeMoDISco(to: destination)
    } else {
      try export.writeHDF5(to: destination)
    }
    Progress.note(
      "wrote \(output): \(parts[0].method) for \(groups.ids.count) items", quiet: common.quiet)
  }
}

/// Batch helpers shared by the subcommands.
enum Batches {
  /// The target per item: the given unit, or the predicted one.
  static func targets(_ target: Int?, model: Model, data: InputData) throws -> [Int] {
    if let target {
      try FlagCheck.unit(target, "--target", outputs: model.outputShape.count)
      return [Int](repeating: target, count: data.ids.count)
    }
    return model.predictedTargets(data.inputs)
  }

  /// Explains the data in batches of about 1,024 items (whole chunks of the model,
  /// ``Model/batchSize(near:)``), reporting progress between batches; `first` is the data's
  /// first item's index in the run (with `--shard`), for seeded methods.
  static func explain(
    _ explainer: any Explainer, data: InputData, targets: [Int], model: Model, quiet: Bool,
    label: String, first: Int = 0
  ) throws -> Attribution {
    let progress = Progress(label, total: data.ids.count, quiet: quiet)
    var parts: [Attribution] = []
    let batch = model.batchSize(near: 1024)
    for start in stride(from: 0, to: data.ids.count, by: batch) {
      let range = start..<min(data.ids.count, start + batch)
      parts.append(
        try explainer.numberingItems(from: first + start).attribution(
          for: data.inputs.items(range), targets: Array(targets[range]), in: model))
      progress.update(range.upperBound)
    }
    guard var result = parts.first else {
      throw ValidationError("\(label): the input has no items")
    }
    result.values = Tensor.concatenating(parts.map(\.values))
    result.targets = parts.flatMap(\.targets)
    result.predictions = parts.flatMap(\.predictions)
    result.conservationGap =
      parts.allSatisfy { $0.conservationGap != nil }
      ? parts.flatMap { $0.conservationGap ?? [] } : nil
    return result
  }
}
