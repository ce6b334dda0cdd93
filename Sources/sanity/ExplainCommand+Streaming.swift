import ArgumentParser
import Foundation
import SanityChecker

extension ExplainCommand {
  /// The input as a streamed sequence file, whole or one shard.
  func streaming(_ shard: Shard?) throws -> StreamingExplain {
    StreamingExplain(
      input: URL(fileURLWithPath: inputOptions.input),
      encoder: OneHot(
        unknownBase: inputOptions.unknownAsZero ? .zero : .quarter,
        lengthPolicy: try inputOptions.lengthPolicy()),
      limit: inputOptions.limit, shard: shard ?? .whole)
  }

  /// Explains a sequence file batch by batch into an `.h5` (``StreamingExplain``), and with
  /// `--shard` writes the part's manifest beside it.
  /// - Returns: `false`, having written nothing, when `--target` selects several units.
  func streamSequences(
    _ stream: StreamingExplain, _ explainer: any Explainer, to destination: OutputDestination,
    shard: Shard?
  ) throws -> Bool {
    let (count, probe) = try stream.survey()
    let model = try modelOptions.load(sequenceLength: probe.shape[1])
    do throws(ModelError) {
      try model.validate(input: probe)
    } catch {
      throw ModelFileError.inputDoesNotFit(
        input: inputOptions.input, file: modelOptions.model, error)
    }
    let selection = try targetOptions.selection(for: model, modelOptions)
    if let selection, selection.count > 1 { return false }
    let target = selection?.indices.first
    var settings = methodOptions.settings.mapValues { HDF5AttributeValue.string($0, .variableUTF8) }
    settings["seed"] = .string(String(common.seed), .variableUTF8)
    settings["input_file"] = .string(inputOptions.input, .variableUTF8)
    settings[correctionSetting.0] = correctionSetting.1
    settings.merge(selection?.exportAttributes ?? [:]) { $1 }
    let progress = Progress(method, total: count, quiet: common.quiet)
    let items = try stream.write(
      explainer, model: model, target: target,
      metadata: .init(
        method: method, targets: [], modelFile: modelOptions.model, settings: settings),
      count: count, to: destination
    ) { progress.update($0) }
    try shardOptions.writeManifest(
      "explain", kind: .streamedAttributions, output: output, items: items, total: count)
    Progress.note(
      "wrote \(output): \(method) for \(items.count) of \(count) sequences", quiet: common.quiet)
    return true
  }
}
