/// The wiring of a Keras functional configuration: which layers feed each layer, and which are
/// the model's inputs and outputs.
///
/// Both spellings of a layer's `inbound_nodes` are read:
/// - Keras 2: `[[["conv1d", 0, 0, {}], ["add", 0, 0, {}]]]`, one list per call of the layer;
/// - Keras 3: `[{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history":
///   ["conv1d", 0, 0]}}], "kwargs": {}}]`, where a merge's tensors sit in a list inside `args`.
///
/// `input_layers` and `output_layers` are lists of `[name, node, tensor]` records (a single
/// record in some Keras 3 files); without them, the layers that read nothing are the inputs and
/// those no layer reads the outputs. A layer called more than once (a shared layer), a reference
/// to a node or tensor other than 0, and a model with several inputs are refused with the file
/// and the names.
struct KerasGraph: Sendable {
  /// For each layer of the configuration (file order), the layers it reads, in order.
  let inbound: [[String]]
  /// The names of the model's input layers.
  let inputs: [String]
  /// The names of the layers whose outputs are the model's outputs, in order.
  let outputs: [String]

  /// Reads the wiring.
  /// - Parameters:
  ///   - config: The model's `config` object.
  ///   - rawLayers: Its layer list.
  ///   - names: The layers' names, in file order.
  ///   - file: The file, for messages.
  /// - Throws: ``ModelFileError/invalidConfiguration(file:location:reason:)``.
  init(config: JSONValue, rawLayers: [JSONValue], names: [String], file: String)
    throws(ModelFileError)
  {
    var inbound: [[String]] = []
    for (raw, name) in zip(rawLayers, names) {
      let nodes = raw["inbound_nodes"]?.array ?? []
      guard nodes.count <= 1 else {
        throw .invalidConfiguration(
          file: file, location: "layer '\(name)'",
          reason:
            "is called \(nodes.count) times (a shared layer); only layers called once are supported"
        )
      }
      var sources: [String] = []
      for record in nodes.first.map(Self.tensorRecords) ?? [] {
        guard let source = record.first?.string, record.count >= 3,
          record[1].integer == 0, record[2].integer == 0
        else {
          throw .invalidConfiguration(
            file: file, location: "layer '\(name)'",
            reason:
              "reads \(JSONValue.array(record).serialized); only the first output of a layer called once can be read"
          )
        }
        sources.append(source)
      }
      inbound.append(sources)
    }
    self.inbound = inbound
    // Without `input_layers`/`output_layers` (hand-written configurations): the layers that
    // read nothing are the inputs, and those no layer reads are the outputs, in file order.
    let read = Set(inbound.joined())
    if let listed = config["input_layers"] {
      self.inputs = try Self.layerNames(listed, key: "input_layers", file: file)
    } else {
      self.inputs = zip(names, inbound).filter { $0.1.isEmpty }.map(\.0)
    }
    if let listed = config["output_layers"] {
      self.outputs = try Self.layerNames(listed, key: "output_layers", file: file)
    } else {
      self.outputs = names.filter { !read.contains($0) }
    }
    guard inputs.count == 1 else {
      throw .invalidConfiguration(
        file: file, location: "model_config.input_layers",
        reason:
          "lists \(inputs.count) inputs (\(inputs.joined(separator: ", "))); only models with one input are supported"
      )
    }
    guard !outputs.isEmpty else {
      throw .invalidConfiguration(
        file: file, location: "model_config.output_layers", reason: "lists no outputs")
    }
  }

  /// The `[name, node, tensor]` records one call of a layer reads, in either spelling.
  static func tensorRecords(_ node: JSONValue) -> [[JSONValue]] {
    if let records = node.array {
      return records.compactMap(\.array)
    }
    var records: [[JSONValue]] = []
    func collect(_ value: JSONValue) {
      if let history = value["config"]?["keras_history"]?.array {
        records.append(history)
      } else if let list = value.array {
        list.forEach(collect)
      }
    }
    (node["args"]?.array ?? []).forEach(collect)
    return records
  }

  /// The layer names of an `input_layers`/`output_layers` field.
  static func layerNames(_ value: JSONValue, key: String, file: String) throws(ModelFileError)
    -> [String]
  {
    guard let list = value.array else {
      throw .invalidConfiguration(
        file: file, location: "model_config.\(key)", reason: "is not a list")
    }
    if let single = list.first?.string { return [single] }
    var names: [String] = []
    for record in list {
      guard let name = record.array?.first?.string else {
        throw .invalidConfiguration(
          file: file, location: "model_config.\(key)",
          reason: "holds \(record.serialized), expected [name, 0, 0]")
      }
      names.append(name)
    }
    return names
  }
}
