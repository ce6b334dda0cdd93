import ArgumentParser
import Foundation
import SanityChecker

extension ExplainCommand {
  /// Explains every item at several units and writes maps with a target axis last, as
  /// `sanity ism` does: `attributions` [N, …, T], `predictions` [N, T], `targets` −1, and the
  /// attributes `target_indices` and `target_names`.
  func explainTargets(
    _ explainer: any Explainer, selection: TargetSelection, groups: [LengthGroup],
    model base: Model,
    to output: (destination: OutputDestination, format: OutputFormat)
  ) throws {
    guard output.format == .hdf5 else {
      throw ValidationError(
        "--target \(targetOptions.target ?? ""): several targets need an .h5 --output (TF-MoDISco's .npz holds one map per item)"
      )
    }
    let parts = try groups.map { group in
      let model = try base.resized(
        toLength: group.length, file: inputOptions.input, lengths: groups.lengths)
      let progress = Progress(method, total: group.data.ids.count, quiet: common.quiet)
      var batches: [TargetAttributions] = []
      for start in stride(from: 0, to: group.data.ids.count, by: 1024) {
        let range = start..<min(group.data.ids.count, start + 1024)
        batches.append(
          try explainer.numberingItems(from: start).targetAttributions(
            for: group.data.inputs.items(range), selection: selection, in: model))
        progress.update(range.upperBound)
      }
      return TargetAttributions.concatenating(batches)
    }
    var settings = methodOptions.settings.mapValues { HDF5AttributeValue.string($0, .variableUTF8) }
    settings["seed"] = .string(String(common.seed), .variableUTF8)
    settings["input_file"] = .string(inputOptions.input, .variableUTF8)
    settings[correctionSetting.0] = correctionSetting.1
    settings.merge(selection.exportAttributes) { $1 }
    var extras: [String: Tensor] = [:]
    if parts.allSatisfy({ $0.conservationGap != nil }) {
      extras["conservation_gap"] = groups.gathered(parts.compactMap(\.conservationGap))
    }
    if groups.count > 1 {
      extras["lengths"] = groups.gathered(
        groups.map { Tensor(shape: [$0.indices.count], repeating: Float($0.length)) })
    }
    let export = AttributionExport(
      attributions: groups.padded(parts.map(\.values), fill: .nan),
      predictions: groups.gathered(parts.map(\.predictions)), ids: groups.ids,
      extraDatasets: extras,
      metadata: .init(
        method: parts[0].method, targets: [Int](repeating: -1, count: groups.ids.count),
        modelFile: modelOptions.model, settings: settings))
    try export.writeHDF5(to: output.destination)
    Progress.note(
      "wrote \(self.output): \(parts[0].method) for \(groups.ids.count) items at \(selection.count) targets",
      quiet: common.quiet)
  }
}
