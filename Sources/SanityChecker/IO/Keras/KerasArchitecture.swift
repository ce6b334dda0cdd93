/// A Keras model configuration reduced to what SanityChecker runs: a chain of layers and the
/// input shape.
///
/// Accepted forms (the `model_config` attribute of a full-model file, or `model.to_json()`):
/// - `Sequential` with `config.layers` (Keras ≥ 2.2) or with `config` itself the layer list
///   (Keras 2.1);
/// - `Functional` or `Model` whose graph is a simple chain: every layer is fed by exactly the
///   layer before it (Keras 2 `inbound_nodes` lists or Keras 3 `keras_history` records).
///
/// The input shape comes from the `InputLayer`'s `batch_input_shape` (`batch_shape` in Keras 3)
/// or, without an `InputLayer`, from the first layer's `batch_input_shape`; the batch axis is
/// dropped and every other extent must be known.
struct KerasArchitecture: Sendable {
  /// The model's name from the configuration, if it has one.
  let name: String?
  /// The layers after the input, first to last.
  let layers: [KerasLayerEntry]
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
    var inbound: [[String]?] = []
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
      inbound.append(raw["inbound_nodes"].flatMap(Self.inboundLayerNames))
    }
    if className != "Sequential" { try Self.requireChain(entries, inbound: inbound, file: file) }

    let inputIndex = entries.firstIndex { $0.className == "InputLayer" }
    if let inputIndex, inputIndex != 0 {
      throw invalid("layer '\(entries[inputIndex].name)'", "is an InputLayer after other layers")
    }
    guard let first = entries.first else { throw invalid("model_config", "has no layers") }
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
    self.inputShape = Shape(extents.compactMap { $0 })
    self.layers = inputIndex == nil ? entries : Array(entries.dropFirst())
    self.name = config?["name"]?.string
  }

  /// The names of the layers feeding a layer, from Keras 2 (`[[["name", 0, 0, {}]]]`) or
  /// Keras 3 (`[{"args": [{"config": {"keras_history": ["name", 0, 0]}}]}]`) node records;
  /// `nil` for more than one node (a shared layer).
  static func inboundLayerNames(_ nodes: JSONValue) -> [String]? {
    guard let nodes = nodes.array else { return nil }
    if nodes.isEmpty { return [] }
    guard nodes.count == 1 else { return nil }
    if let entries = nodes[0].array {
      return entries.compactMap { $0.array?.first?.string }
    }
    let arguments = nodes[0]["args"]?.array ?? []
    return arguments.compactMap { $0["config"]?["keras_history"]?.array?.first?.string }
  }

  /// Checks that each layer of a functional model is fed by exactly the one before it.
  static func requireChain(_ entries: [KerasLayerEntry], inbound: [[String]?], file: String)
    throws(ModelFileError)
  {
    for (index, entry) in entries.enumerated() {
      let expected = index == 0 ? [] : [entries[index - 1].name]
      guard let sources = inbound[index], sources == expected else {
        let fed =
          inbound[index].map { $0.isEmpty ? "nothing" : $0.joined(separator: ", ") }
          ?? "several nodes"
        throw .invalidConfiguration(
          file: file, location: entry.location,
          reason:
            "is fed by \(fed), not by the layer before it; only chains of layers are supported")
      }
    }
  }
}
