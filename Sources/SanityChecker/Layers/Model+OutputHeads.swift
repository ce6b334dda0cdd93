/// Choosing which output of a model with several heads (BPNet's profile and counts) targets,
/// explanations and checks refer to.
///
/// A model's outputs are ``Model/outputNodes``; ``Model/outputHead`` picks one, 0 by default
/// (Keras's first output). ``Model/forwardHeads(_:)`` computes them all, for predictions.
extension Model {
  /// A name for each head: the name of the layer that produces it (`input` for node 0).
  public var outputHeadNames: [String] {
    outputNodes.map { $0 == 0 ? "input" : layers[$0 - 1].name }
  }

  /// The head a name or a 0-based index refers to.
  /// - Parameter head: A head's name (``outputHeadNames``) or its index.
  /// - Returns: The head's index into ``outputNodes``.
  /// - Throws: ``ModelError/unknownOutputHead(model:head:available:)``.
  public func outputHeadIndex(_ head: String) throws(ModelError) -> Int {
    if let index = outputHeadNames.firstIndex(of: head) { return index }
    if let index = Int(head), outputNodes.indices.contains(index) { return index }
    throw .unknownOutputHead(model: name, head: head, available: outputHeadNames)
  }

  /// The same model with another head chosen.
  /// - Parameter head: The head's index into ``outputNodes``.
  /// - Returns: The model whose passes, targets and explanations refer to that head.
  /// - Throws: ``ModelError/unknownOutputHead(model:head:available:)`` for an index out of range.
  public func selectingOutputHead(_ head: Int) throws(ModelError) -> Model {
    guard outputNodes.indices.contains(head) else {
      throw .unknownOutputHead(model: name, head: String(head), available: outputHeadNames)
    }
    var copy = self
    copy.outputHead = head
    return copy
  }

  /// The same model with the head named `head` (or numbered) chosen.
  /// - Parameter head: A head's name or index, as `--output-head` takes it.
  /// - Returns: The model with that head chosen.
  /// - Throws: ``ModelError/unknownOutputHead(model:head:available:)``.
  public func selectingOutputHead(_ head: String) throws(ModelError) -> Model {
    try selectingOutputHead(try outputHeadIndex(head))
  }

  /// The model with the chosen head replaced by its BPNet profile scalar (one output unit,
  /// target 0), as bpnet-lite explains a profile head; see ``BPNetProfileScalar``.
  ///
  /// The scalar is a new last layer named `<head>_profile_scalar` reading the chosen head; the
  /// other heads stay, so predictions still write them.
  /// - Returns: The model whose chosen head is the scalar.
  public func explainingProfileScalar() -> Model {
    let head = outputHeadNames[outputHead]
    var names = Set(layerNames)
    var scalarName = "\(head)_profile_scalar"
    while names.contains(scalarName) { scalarName += "_" }
    names.insert(scalarName)
    var outputs = outputNodes
    outputs[outputHead] = layers.count + 1
    do {
      var copy = try Model(
        name: name, inputShape: inputShape, layers: layers + [BPNetProfileScalar(name: scalarName)],
        inputNodes: inputNodes + [[outputNode]], outputNodes: outputs)
      copy.outputHead = outputHead
      return copy
    } catch {
      preconditionFailure("explainingProfileScalar: a scalar fits any head: \(error)")
    }
  }
}
