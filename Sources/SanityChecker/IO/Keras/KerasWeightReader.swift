/// Reads each layer's weights from a Keras 2 HDF5 file, in `weight_names` order.
///
/// Layout (reference README §1): the weights of layer `L` live in the group `<root>/L`, whose
/// attribute `weight_names` (or `weight_names0`, `weight_names1`, … when Keras split a long list)
/// names the datasets under the group, e.g. `L/kernel:0`, `L/bias:0`. `<root>` is
/// `/model_weights` in full-model files and `/` in weights-only files (`save_weights`).
/// Datasets are taken in list order, never by their names.
struct KerasWeightReader: KerasWeightSource {
  let file: HDF5File
  /// `/model_weights` or `/`.
  let root: String

  /// Picks the weights root of a file.
  /// - Parameters:
  ///   - file: The open file.
  ///   - isFullModel: Whether the file holds its own configuration (then `/model_weights` is required).
  /// - Throws: ``ModelFileError/missingGroup(file:path:)`` when neither layout fits.
  init(file: HDF5File, isFullModel: Bool) throws(ModelFileError) {
    self.file = file
    if file.kind(of: "/model_weights") == .group {
      root = "/model_weights"
    } else if !isFullModel, file.hasAttribute("layer_names", of: "/") {
      root = "/"
    } else {
      throw .missingGroup(file: file.url.path, path: "/model_weights")
    }
  }

  /// A list attribute that Keras may have split into `name0`, `name1`, ….
  func splitStringList(_ name: String, of path: String) throws(ModelFileError) -> [String] {
    if file.hasAttribute(name, of: path) {
      return try file.readStringArrayAttribute(name, of: path)
    }
    var names: [String] = []
    var chunk = 0
    while file.hasAttribute("\(name)\(chunk)", of: path) {
      names += try file.readStringArrayAttribute("\(name)\(chunk)", of: path)
      chunk += 1
    }
    guard chunk > 0 else {
      throw .missingAttribute(file: file.url.path, path: HDF5File.canonical(path), name: name)
    }
    return names
  }

  /// The names of the layers stored in the file (the root's `layer_names`).
  func layerNames() throws(ModelFileError) -> [String] {
    try splitStringList("layer_names", of: root)
  }

  /// The weights of one layer, checked against the shapes its configuration implies.
  ///
  /// - Parameters:
  ///   - layer: The layer's name.
  ///   - expected: One shape per weight, in `weight_names` order (e.g. kernel, then bias).
  /// - Returns: The tensors, in the same order.
  /// - Throws: ``ModelFileError`` naming the group or dataset: missing, wrong count, wrong
  ///   shape, or holding NaN/Inf.
  func weights(of layer: String, expected: [Shape]) throws(ModelFileError) -> [Tensor] {
    let group = HDF5File.join(root, layer)
    guard file.kind(of: group) == .group else {
      throw .missingGroup(file: file.url.path, path: group)
    }
    let names = try splitStringList("weight_names", of: group)
    guard names.count == expected.count else {
      throw .invalidConfiguration(
        file: file.url.path, location: "\(group)@weight_names",
        reason:
          "lists \(names.count) weights (\(names.joined(separator: ", "))), but the layer's configuration needs \(expected.count)"
      )
    }
    var tensors: [Tensor] = []
    for (name, shape) in zip(names, expected) {
      let path = HDF5File.join(group, name)
      // The declared shape is checked before the data are read: a dataset declaring 10¹² floats
      // is refused without allocating them.
      let declared = try file.shape(ofDataset: path)
      guard declared == shape else {
        throw .shapeMismatch(file: file.url.path, path: path, expected: shape, actual: declared)
      }
      let tensor = try file.readTensor(path)
      guard tensor.isFinite else { throw .nonFiniteValues(file: file.url.path, path: path) }
      tensors.append(tensor)
    }
    return tensors
  }
}
