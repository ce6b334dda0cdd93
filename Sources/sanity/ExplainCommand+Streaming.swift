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
  func streamSequences(
    _ stream: StreamingExplain, _ explainer: any Explainer, to destination: OutputDestination,
    shard: Shard?
  ) throws {
    let (count, probe) = try stream.survey()
    let model = try modelOptions.load(sequenceLength: probe.shape[1])
    do throws(ModelError) {
      try model.validate(input: probe)
    } catch {
      throw ModelFileError.inputDoesNotFit(
        input: inputOptions.input, file: modelOptions.model, error)
    }
    if let target { try FlagCheck.unit(target, "--target", outputs: model.outputShape.count) }
    var settings = methodOptions.settings.mapValues { HDF5AttributeValue.string($0, .variableUTF8) }
    settings["seed"] = .string(String(common.seed), .variableUTF8)
    settings["input_file"] = .string(inputOptions.input, .variableUTF8)
    settings[correctionSetting.0] = correctionSetting.1
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
  }
}
