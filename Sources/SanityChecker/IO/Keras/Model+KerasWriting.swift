import Foundation

extension Model {
  /// The Keras version and backend written into model files.
  static let kerasVersion = "2.15.0"

  /// Writes the model as a Keras 2 full-model HDF5 file, the layout `tf.keras` 2.x
  /// `model.save("x.h5")` writes (reference README §1).
  ///
  /// - Root attributes `keras_version` (`2.15.0`), `backend` (`tensorflow`) and `model_config`:
  ///   for a chain a `Sequential` configuration whose first entry is an `InputLayer` with
  ///   `batch_input_shape` `[null] + inputShape`; for any other graph (merges, several heads) a
  ///   `Functional` configuration wired by `inbound_nodes` (see `kerasModelConfig(file:)`).
  /// - `/model_weights` with `layer_names` (fixed-length byte strings), `backend` and
  ///   `keras_version`; one group per layer with `weight_names` (an empty `|S1` array for
  ///   weightless layers) and the datasets `<layer>/<layer>/<key>:0` (float32).
  ///
  /// The file is written under a temporary name in the same folder and renamed at the end, so
  /// a failure leaves nothing behind. ``loadKeras(_:architecture:)`` reads it back with
  /// identical parameters, wiring and head order (the chosen ``outputHead`` is not stored).
  ///
  /// Unit names (``TargetNames``), when given, are stored as the dataset `target_names`
  /// (variable-length UTF-8 strings) for a model of one head, or as one dataset per named head
  /// under the group `target_names`; a dataset rather than an attribute, so that lists of any
  /// length fit (HDF5 attributes hold 64 KiB).
  /// - Parameters:
  ///   - url: The destination (replaced if it exists).
  ///   - targetNames: One list of unit names per head (``outputNodes`` order; an empty list
  ///     stores none for that head), or empty for none.
  /// - Throws: ``TargetNamesError/countMismatch(file:place:count:units:head:)`` for a list that
  ///   does not fit its head, ``ModelFileError/unsupportedLayer(file:layer:className:supported:)`` for a layer
  ///   with no Keras equivalent (``Reverse``, ``BPNetProfileScalar``),
  ///   ``ModelFileError/unsupportedSetting(file:layer:setting:value:)`` for a graph whose output
  ///   is its input, or ``ModelFileError/writeFailed(file:path:)``.
  public func writeKeras(to url: URL, targetNames: [[String]] = []) throws {
    let modelConfig = try kerasModelConfig(file: url.path)
    let named = try namedHeads(targetNames, file: url.path)
    try AtomicOutput.write(to: try OutputDestination(url)) { temporary in
      let file = try HDF5File(creating: temporary)
      try writeKerasContents(modelConfig: modelConfig.serialized, to: file)
      for (path, names) in named { try file.writeStrings(names, to: path) }
    }
  }

  /// The dataset path and names of each named head, checked against the heads' units.
  private func namedHeads(_ targetNames: [[String]], file: String) throws(TargetNamesError)
    -> [(path: String, names: [String])]
  {
    guard !targetNames.isEmpty else { return [] }
    guard targetNames.count == outputNodes.count else {
      throw .unreadable(
        file: file, place: TargetNames.key,
        reason:
          "\(targetNames.count) lists for \(outputNodes.count) output heads; give one per head")
    }
    var named: [(path: String, names: [String])] = []
    for (head, names) in targetNames.enumerated() where !names.isEmpty {
      let name = outputHeadNames[head]
      let path = "/" + TargetNames.key + (outputNodes.count == 1 ? "" : "/" + name)
      let units = shapes[outputNodes[head]].count
      guard names.count == units else {
        throw .countMismatch(
          file: file, place: "dataset '\(path)'", count: names.count, units: units, head: name)
      }
      named.append((path, names))
    }
    return named
  }

  /// Writes attributes, groups and datasets.
  private func writeKerasContents(modelConfig: String, to file: HDF5File) throws(ModelFileError) {
    let versionType: HDF5StringType = .variableUTF8
    try file.writeAttribute(
      .string(Self.kerasVersion, versionType), named: "keras_version", of: "/")
    try file.writeAttribute(.string("tensorflow", versionType), named: "backend", of: "/")
    let isASCII = modelConfig.utf8.allSatisfy { $0 < 0x80 }
    try file.writeAttribute(
      .string(modelConfig, isASCII ? .variableASCII : .variableUTF8), named: "model_config", of: "/"
    )
    try file.createGroup("/model_weights")
    let namesType: HDF5StringType =
      layerNames.joined().utf8.allSatisfy { $0 < 0x80 } ? .fixedASCII : .fixedUTF8
    try file.writeAttribute(
      .strings(layerNames, namesType), named: "layer_names", of: "/model_weights")
    try file.writeAttribute(
      .string("tensorflow", .variableASCII), named: "backend", of: "/model_weights")
    try file.writeAttribute(
      .string(Self.kerasVersion, .variableASCII), named: "keras_version", of: "/model_weights")
    for layer in layers {
      let group = HDF5File.join("/model_weights", layer.name)
      try file.createGroup(group)
      let parameterized = layer as? any ParameterizedLayer
      let keys = parameterized?.parameterOrder ?? []
      let weightNames = keys.map { "\(layer.name)/\($0):0" }
      try file.writeAttribute(.strings(weightNames, namesType), named: "weight_names", of: group)
      for (key, weightName) in zip(keys, weightNames) {
        guard let tensor = parameterized?.parameters[key] else { continue }
        try file.writeTensor(tensor, to: HDF5File.join(group, weightName))
      }
    }
  }
}
