/// A Keras model configuration reduced to what SanityChecker runs: layers in topological order,
/// the nodes each reads, the output nodes and the input shape.
///
/// Accepted forms (the `model_config` attribute of a full-model file, or `model.to_json()`):
/// - `Sequential` with `config.layers` (Keras ≥ 2.2) or with `config` itself the layer list
///   (Keras 2.1): a chain;
/// - `Functional` or `Model`: a directed acyclic graph with one input and one or more outputs,
///   wired by each layer's `inbound_nodes` (Keras 2 lists or Keras 3 `keras_history` records,
///   see ``KerasGraph``). Layers are put in topological order; among layers whose inputs are
///   all ready, the one listed first in the file comes first (Keras writes its layers in such
///   an order, so the file order is kept).
///
/// The input shape comes from the `InputLayer`'s `batch_input_shape` (`batch_shape` in Keras 3)
/// or, without an `InputLayer`, from the first layer's `batch_input_shape`; the batch axis is
/// dropped and every other extent must be known.
struct KerasArchitecture: Sendable {
  /// The model's name from the configuration, if it has one.
  let name: String?
  /// The layers after the input, in topological order.
  let layers: [KerasLayerEntry]
  /// For each layer, the nodes it reads (0 is the input, `i + 1` the output of `layers[i]`).
  let reads: [[Int]]
  /// The output nodes, in the configuration's order.
  let outputs: [Int]
  /// The shape of one input item.
  let inputShape: Shape

  /// Parses a configuration.
  /// - Parameters:
  ///   - json: The configuration's JSON text.
  ///   - file: The file it came from, for messages.
  /// - Throws: ``ModelFileError/invalidConfiguration(file:location:reason:)``.
  init(json: String, file: String) throws(ModelFileError) {
    func invalid(_ location: String, _ reason: String) -> ModelFileError {
      .invalidConfiguration(file: file, location: location, reason: reason)
    }
    guard let root = JSONValue.parse(json) else {
      throw invalid("model_config", "is not valid JSON")
    }
    let className = root["class_name"]?.string ?? "(none)"
    guard ["Sequential", "Functional", "Model"].contains(className) else {
      throw invalid(
        "model_config", "has class '\(className)'; expected Sequential, Functional or Model")
    }
    let config = root["config"]
    guard let rawLayers = config?.array ?? config?["layers"]?.array else {
      throw invalid("model_config", "has no layer list")
    }
    var entries: [KerasLayerEntry] = []
    for (index, raw) in rawLayers.enumerated() {
      guard let layerClass = raw["class_name"]?.string, let layerConfig = raw["config"]?.object,
        let name = layerConfig["name"]?.string ?? raw["name"]?.string
      else {
        throw invalid(
          "model_config.layers[\(index)]", "needs 'class_name' and 'config' with a 'name'")
      }
      guard !entries.contains(where: { $0.name == name }) else {
        throw invalid("layer '\(name)'", "appears twice in the configuration")
      }
      entries.append(
        KerasLayerEntry(className: layerClass, name: name, config: layerConfig, file: file))
    }
    guard !entries.isEmpty else { throw invalid("model_config", "has no layers") }
    if className != "Sequential", let config {
      let graph = try KerasGraph(
        config: config, rawLayers: rawLayers, names: entries.map(\.name), file: file)
      let wiring = try Self.wiring(entries, graph: graph, file: file)
      (self.layers, self.reads, self.outputs) = (wiring.layers, wiring.reads, wiring.outputs)
      self.inputShape = try Self.inputShape(of: wiring.input, file: file)
      self.name = config["name"]?.string
      return
    }
    let inputIndex = entries.firstIndex { $0.className == "InputLayer" }
    if let inputIndex, inputIndex != 0 {
      throw invalid("layer '\(entries[inputIndex].name)'", "is an InputLayer after other layers")
    }
    self.layers = inputIndex == nil ? entries : Array(entries.dropFirst())
    self.reads = layers.indices.map { [$0] }
    self.outputs = [layers.count]
    self.inputShape = try Self.inputShape(of: entries[0], file: file)
    self.name = config?["name"]?.string
  }

  /// The input shape from an entry's `batch_input_shape` (`batch_shape` in Keras 3).
  static func inputShape(of first: KerasLayerEntry, file: String) throws(ModelFileError) -> Shape {
    func invalid(_ location: String, _ reason: String) -> ModelFileError {
      .invalidConfiguration(file: file, location: location, reason: reason)
    }
    guard let batchShape = first.config["batch_input_shape"] ?? first.config["batch_shape"] else {
      throw invalid(first.location, "has no 'batch_input_shape'; the input shape is unknown")
    }
    guard let extents = batchShape.array?.dropFirst().map(\.integer), !extents.isEmpty,
      extents.allSatisfy({ ($0 ?? 0) > 0 })
    else {
      throw invalid(
        first.location,
        "input shape \(batchShape.serialized) has an unknown extent; re-save the model with a fixed input shape"
      )
    }
    return Shape(extents.compactMap { $0 })
  }

  /// The layers of a functional model in topological order, with the nodes they read.
  static func wiring(_ entries: [KerasLayerEntry], graph: KerasGraph, file: String)
    throws(ModelFileError)
    -> (input: KerasLayerEntry, layers: [KerasLayerEntry], reads: [[Int]], outputs: [Int])
  {
    let inputName = graph.inputs[0]
    guard let input = entries.first(where: { $0.name == inputName }) else {
      throw .invalidConfiguration(
        file: file, location: "model_config.input_layers",
        reason: "names '\(inputName)', which is not a layer")
    }
    var node = [inputName: 0]
    var layers: [KerasLayerEntry] = []
    var reads: [[Int]] = []
    var pending = entries.indices.filter { entries[$0].name != inputName }
    while !pending.isEmpty {
      guard
        let ready = pending.firstIndex(where: { graph.inbound[$0].allSatisfy { node[$0] != nil } })
      else {
        let stuck = entries[pending[0]]
        let missing = graph.inbound[pending[0]].filter { node[$0] == nil }
        throw .invalidConfiguration(
          file: file, location: stuck.location,
          reason: missing.isEmpty
            ? "reads no layer; only layers reached from the model's one input are supported"
            : "reads \(missing.joined(separator: ", ")), which no path from the input reaches (or a cycle)"
        )
      }
      let index = pending.remove(at: ready)
      let sources = graph.inbound[index]
      guard !sources.isEmpty else {
        throw .invalidConfiguration(
          file: file, location: entries[index].location,
          reason:
            "reads no layer; a second input is not supported (the model's input is '\(inputName)')")
      }
      reads.append(sources.compactMap { node[$0] })
      layers.append(entries[index])
      node[entries[index].name] = layers.count
    }
    var outputs: [Int] = []
    for name in graph.outputs {
      guard let output = node[name] else {
        throw .invalidConfiguration(
          file: file, location: "model_config.output_layers",
          reason: "names '\(name)', which is not a layer")
      }
      outputs.append(output)
    }
    return (input, layers, reads, outputs)
  }
}
