/// An error in a model's structure, found once when the model is built.
public enum ModelError: Error, Equatable, Sendable, CustomStringConvertible {
  /// A layer received an input of the wrong shape.
  case shapeMismatch(layer: String, expected: String, actual: Shape)
  /// A parameter has the wrong shape.
  case parameterShape(layer: String, parameter: String, expected: Shape, actual: Shape)
  /// A parameter holds NaN or infinity.
  case nonFiniteParameter(layer: String, parameter: String)
  /// A layer name was asked for that the model does not have.
  case unknownLayer(String, available: [String])
  /// Inputs of one shape were given to a model that takes another.
  case inputShape(model: String, expected: Shape, actual: Shape)
  /// A target (output unit) outside the model's outputs.
  case target(model: String, target: Int, outputs: Int)
  /// The number of targets differs from the number of items.
  case targetCount(model: String, targets: Int, items: Int)
  /// A model meant to share another's architecture differs at a layer.
  case architecture(model: String, other: String, layer: String, difference: String)
  /// A graph model's wiring is wrong at a layer (or at `input`/`output`).
  case graph(model: String, layer: String, problem: String)
  /// An output head was asked for that the model does not have.
  case unknownOutputHead(model: String, head: String, available: [String])

  /// A message naming the layer, with a remedy.
  public var description: String {
    switch self {
    case .shapeMismatch(let layer, let expected, let actual):
      return
        "layer '\(layer)' expects input \(expected), got \(actual); check the model's input shape"
    case .parameterShape(let layer, let parameter, let expected, let actual):
      return "layer '\(layer)': parameter '\(parameter)' has shape \(actual), expected \(expected)"
    case .nonFiniteParameter(let layer, let parameter):
      return
        "layer '\(layer)': parameter '\(parameter)' contains NaN or Inf; the model file is corrupt"
    case .unknownLayer(let name, let available):
      return "no layer named '\(name)'; the model has: \(available.joined(separator: ", "))"
    case .inputShape(let model, let expected, let actual):
      return "model '\(model)' takes inputs of shape \(expected), but the inputs are \(actual); "
        + Self.inputRemedy(expected: expected, actual: actual)
    case .target(let model, let target, let outputs):
      return "target \(target) is outside the \(outputs) outputs of model '\(model)'; "
        + "choose a target in 0...\(max(outputs - 1, 0))"
    case .targetCount(let model, let targets, let items):
      return "\(targets) targets for \(items) inputs of model '\(model)'; give one target per input"
    case .architecture(let model, let other, let layer, let difference):
      return
        "model '\(other)' does not have the architecture of '\(model)': layer '\(layer)' \(difference); "
        + "pass randomized copies of the same model"
    case .graph(let model, let layer, let problem):
      return "model '\(model)': layer '\(layer)' \(problem); layers must be in topological order"
    case .unknownOutputHead(let model, let head, let available):
      return "model '\(model)' has no output head '\(head)'; its heads are "
        + available.enumerated().map { "\($0.offset) (\($0.element))" }.joined(separator: ", ")
    }
  }

  /// What to do about inputs of the wrong shape: DNA length or image size.
  private static func inputRemedy(expected: Shape, actual: Shape) -> String {
    if expected.rank == 2, actual.rank == 2, expected.dimensions.last == 4,
      actual.dimensions.last == 4
    {
      return "give sequences of \(expected[0]) bp, or bring them to that length with "
        + "--lengths crop:\(expected[0]) or --lengths pad:\(expected[0])"
    }
    if expected.rank == 3, actual.rank == 3 {
      return "give images of \(expected[0])×\(expected[1]) pixels with \(expected[2]) channel(s)"
    }
    return "give inputs the model was built for"
  }
}
