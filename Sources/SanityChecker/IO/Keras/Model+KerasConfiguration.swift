import Foundation

extension Model {
  /// The `model_config` a Keras 2.15 full-model file holds for this model.
  ///
  /// A chain is a `Sequential` configuration (an `InputLayer`, then the layers). Any other
  /// graph is a `Functional` configuration as `tf.keras` 2.15 writes it: every entry carries
  /// `name` and `inbound_nodes` in the Keras 2 spelling, one call per layer
  /// (`[[["conv1d", 0, 0, {}], ["add", 0, 0, {}]]]`), and `input_layers`/`output_layers` list
  /// `[name, 0, 0]` records, the outputs in the model's head order. Layers are listed in the
  /// model's topological order, which ``KerasArchitecture`` keeps when it reads them back.
  /// - Parameter file: The destination, for messages.
  /// - Returns: The configuration.
  /// - Throws: ``ModelFileError/unsupportedLayer(file:layer:className:supported:)`` for a layer
  ///   with no Keras equivalent, ``ModelFileError/unsupportedSetting(file:layer:setting:value:)``
  ///   for a graph whose output is the input itself.
  func kerasModelConfig(file: String) throws(ModelFileError) -> JSONValue {
    let inputName = kerasInputName
    var entries: [JSONValue] = [kerasInputEntry(named: inputName, isGraph: !isChain)]
    for (index, layer) in layers.enumerated() {
      guard let configurable = layer as? any KerasConfigurable else {
        throw .unsupportedLayer(
          file: file, layer: layer.name, className: String(describing: type(of: layer)),
          supported: KerasLayerFactory.supportedClasses.filter { $0 != "InputLayer" })
      }
      var config = configurable.kerasConfig
      config["name"] = .string(layer.name)
      config["trainable"] = true
      config["dtype"] = "float32"
      var entry: [String: JSONValue] = [
        "class_name": .string(configurable.kerasClassName), "config": .object(config),
      ]
      if !isChain {
        let records = inputNodes[index].map { node -> JSONValue in
          .array([.string(kerasNodeName(node, input: inputName)), 0, 0, .object([:])])
        }
        entry["name"] = .string(layer.name)
        entry["inbound_nodes"] = .array([.array(records)])
      }
      entries.append(.object(entry))
    }
    guard !isChain else {
      return .object([
        "class_name": "Sequential",
        "config": .object(["name": .string(name), "layers": .array(entries)]),
      ])
    }
    if let index = outputNodes.firstIndex(of: 0) {
      throw .unsupportedSetting(
        file: file, layer: name, setting: "output \(index)", value: "the model's input")
    }
    let outputs = outputNodes.map { JSONValue.array([.string(layers[$0 - 1].name), 0, 0]) }
    return .object([
      "class_name": "Functional",
      "config": .object([
        "name": .string(name), "layers": .array(entries),
        "input_layers": .array([.array([.string(inputName), 0, 0])]),
        "output_layers": .array(outputs),
      ]),
    ])
  }

  /// A name for the `InputLayer` that no layer uses.
  private var kerasInputName: String {
    var index = 1
    while layerNames.contains("input_\(index)") { index += 1 }
    return "input_\(index)"
  }

  /// The layer name of node `node` (0 is the input).
  private func kerasNodeName(_ node: Int, input: String) -> String {
    node == 0 ? input : layers[node - 1].name
  }

  /// The `InputLayer` entry.
  private func kerasInputEntry(named inputName: String, isGraph: Bool) -> JSONValue {
    let config: [String: JSONValue] = [
      "name": .string(inputName), "dtype": "float32", "sparse": false, "ragged": false,
      "batch_input_shape": .array([.null] + inputShape.dimensions.map { .number(Double($0)) }),
    ]
    var entry: [String: JSONValue] = ["class_name": "InputLayer", "config": .object(config)]
    if isGraph {
      entry["name"] = .string(inputName)
      entry["inbound_nodes"] = .array([])
    }
    return .object(entry)
  }
}
