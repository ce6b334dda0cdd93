/// A model read as local layers on `[L, C]`, one ``PositionSummaryLayer`` and the remaining
/// layers on vectors, with the windows a single-position change reaches at each local layer.
///
/// For an input position `l` the changed window starts as `[l, l + 1)`; each local layer maps
/// it to the outputs that read it (``LocalLayer/outputs(reading:inputLength:)``). Every window
/// of one layer is given the widest such window's width `W` and moved inside `0..<OL` (a
/// window that covers more than the changed outputs recomputes a few unchanged ones), so all
/// mutants of a layer share one shape and one `sgemm`. Each layer reads the input window
/// ``Step/inputStarts`` of width ``Step/inputWidth``: the changed window of the layer before,
/// completed from the original's activation.
struct LocalChain: Sendable {
  /// One local layer and its windows.
  struct Step: Sendable {
    /// The layer.
    let layer: any LocalLayer
    /// Input positions `L` and channels `C`.
    let inputLength: Int, inputChannels: Int
    /// Output positions and channels.
    let outputLength: Int, outputChannels: Int
    /// The first input position each input position's mutant reads, and the width.
    let inputStarts: [Int], inputWidth: Int
    /// The first output position each mutant recomputes, and the width.
    let outputStarts: [Int], outputWidth: Int
  }

  /// Why a model is not a local chain.
  struct Unsupported: Error, Sendable {
    /// A short reason naming the layer.
    let message: String
  }

  /// The local layers, first to last.
  let steps: [Step]
  /// The first non-local layer.
  let head: any PositionSummaryLayer
  /// The positions and channels the head reads.
  let headLength: Int, headChannels: Int
  /// The layers after the head, on `[units]` vectors.
  let tail: [any Layer]
  /// The model's input positions.
  let length: Int

  /// The chain of `model`, or why there is none.
  /// - Parameter model: A model on `[L, C]` inputs.
  /// - Returns: The chain, or the first layer that does not fit.
  static func of(_ model: Model) -> Result<LocalChain, Unsupported> {
    guard model.isChain else {
      return .failure(Unsupported(message: "the model is a graph, not a chain of layers"))
    }
    guard model.inputShape.rank == 2 else {
      return .failure(Unsupported(message: "the input \(model.inputShape) is not [L, C]"))
    }
    var index = 0
    var locals: [(layer: any LocalLayer, input: Shape, output: Shape)] = []
    while index < model.layers.count, let layer = model.layers[index] as? any LocalLayer,
      model.shapes[index].rank == 2, model.shapes[index + 1].rank == 2
    {
      locals.append((layer, model.shapes[index], model.shapes[index + 1]))
      index += 1
    }
    let reduced = model.shapes[index]
    var isFlattened = false
    while index < model.layers.count,
      model.layers[index] is Flatten || (isFlattened && model.layers[index] is Dropout)
    {
      isFlattened = true
      index += 1
    }
    guard index < model.layers.count else {
      return .failure(Unsupported(message: "no pooling or dense layer follows the local layers"))
    }
    let candidate = model.layers[index]
    guard let head = candidate as? any PositionSummaryLayer, isFlattened == (candidate is Dense)
    else {
      return .failure(
        Unsupported(
          message: "'\(candidate.name)' is neither global pooling nor a dense layer after Flatten"))
    }
    let (length, channels) = (reduced[0], reduced[1])
    var starts = Array(0..<model.inputShape[0])
    var width = 1
    var steps: [Step] = []
    for local in locals {
      let (inputLength, outputLength) = (local.input[0], local.output[0])
      let reached = starts.map {
        local.layer.outputs(reading: $0..<($0 + width), inputLength: inputLength)
      }
      let outputWidth = min(outputLength, reached.map(\.count).max() ?? 0)
      let outputStarts = reached.map { min($0.lowerBound, outputLength - outputWidth) }
      let read = outputStarts.map {
        local.layer.inputs(readBy: $0..<($0 + outputWidth), inputLength: inputLength)
      }
      let inputWidth = min(inputLength, read.map(\.count).max() ?? 0)
      steps.append(
        Step(
          layer: local.layer, inputLength: inputLength, inputChannels: local.input[1],
          outputLength: outputLength,
          outputChannels: local.output[1],
          inputStarts: read.map { max(0, min($0.lowerBound, inputLength - inputWidth)) },
          inputWidth: inputWidth, outputStarts: outputStarts, outputWidth: outputWidth))
      (starts, width) = (outputStarts, outputWidth)
    }
    return .success(
      LocalChain(
        steps: steps, head: head, headLength: length, headChannels: channels,
        tail: Array(model.layers[(index + 1)...]), length: model.inputShape[0]))
  }

  /// The changed window each input position reaches at the head: starts and width.
  var headWindows: (starts: [Int], width: Int) {
    guard let last = steps.last else { return (Array(0..<length), 1) }
    return (last.outputStarts, last.outputWidth)
  }

  /// An upper bound on the scalars one mutant holds at once (windows and column matrices).
  var scalarsPerMutant: Int {
    let locals = steps.map { step in
      step.inputWidth * step.inputChannels * (step.outputWidth + 1) + step.outputWidth
        * step.outputChannels
    }
    return locals.reduce(0, +) + 3 * headWindows.width * headChannels
  }
}
