import Foundation

/// Where the attribution maps of an export come from: computed now by a method on a model, or
/// read from the `.h5` file that `sanity explain` writes.
///
/// Every `sanity export` subcommand (tracks, TF-MoDISco, summaries, seqlets, motifs) takes its
/// maps through this one type, so that `--model M --method NAME [--target T]` and
/// `--attributions a.h5` mean the same everywhere:
///
/// - ``computed(_:)``: the model is run on the sequences once (its outputs `[N, K]` are kept
///   for summaries); each item is explained at the given target, or at its predicted unit (the
///   arg-max of the outputs, 0 for a single output); items are explained in batches of 1,024 with
///   each batch numbered from its first item, so seeded methods give the maps `sanity explain`
///   gives.
/// - ``file(_:)``: the file must hold ``AttributionExport/hdf5Format`` maps `[N, L, 4]` of one
///   length whose `ids` are the sequences' record ids in the same order; its `targets`,
///   `predictions` and `method` are taken as written. A file `sanity explain` wrote for ISM holds
///   the raw delta (0 at the observed base).
///
/// Either way the maps are checked to be finite, naming the record otherwise. An export holds
/// about four copies of `[N, L, 4]` floats at once (sequences, maps, and a derived array with its
/// written form), which must fit ``MemoryBudget/current``; larger inputs are refused before any
/// work, and are exported in parts (`--limit`, or split files).
public enum AttributionSource: Sendable {
  /// Explain the sequences now.
  case computed(Computation)
  /// Read maps that `sanity explain` wrote.
  case file(URL)

  /// A model, a method and a target: what ``AttributionSource/computed(_:)`` runs.
  public struct Computation: Sendable {
    /// The model.
    public var model: Model
    /// The model file, for messages and metadata.
    public var modelFile: String
    /// The method, configured.
    public var explainer: any Explainer
    /// The output unit to explain for every item, or `nil` for each item's predicted unit.
    public var target: Int?
    /// The data-set index of the first item explained, so that seeded methods draw the same
    /// numbers for an item in a shard (`--shard K/N`) as in the whole run; 0 by default.
    public var firstItem = 0

    /// Creates a computation.
    /// - Parameters:
    ///   - model: The model.
    ///   - modelFile: The model file.
    ///   - explainer: The method.
    ///   - target: The unit to explain, or `nil` for the predicted one.
    public init(model: Model, modelFile: String, explainer: any Explainer, target: Int? = nil) {
      self.model = model
      self.modelFile = modelFile
      self.explainer = explainer
      self.target = target
    }
  }

  /// Bytes an export holds per input value: four float copies of `[N, L, 4]`.
  static let bytesPerValue = 16

  /// Items explained per call, as `sanity explain` batches them.
  static let batchSize = 1024

  /// The sequences with their maps.
  /// - Parameters:
  ///   - data: One-hot DNA `[N, L, 4]` with its record ids.
  ///   - inputFile: The file `data` was read from, for messages.
  ///   - itemLimit: For a ``file(_:)`` source: use only its first `itemLimit` items (as the
  ///     sequences were cut by the same limit).
  ///   - progress: Called with the number of items explained so far.
  /// - Returns: The explained sequences.
  /// - Throws: ``AttributionSourceError``, ``MemoryBudgetError`` (the export would not fit the
  ///   budget), ``ModelError`` (the sequences do not fit the model,
  ///   or the target is not an output), ``ModelFileError`` (the attribution file cannot be read),
  ///   or an explainer's error.
  public func explained(
    _ data: InputData, inputFile: String, itemLimit: Int? = nil,
    progress: (Int) -> Void = { _ in }
  ) throws -> ExplainedSequences {
    let shape = data.inputs.shape
    guard data.kind == .sequences, shape.rank == 3, shape[2] == 4 else {
      throw AttributionSourceError.notSequences(file: inputFile, shape: shape)
    }
    try MemoryBudget.current.reserve(
      shape.count, of: Self.bytesPerValue,
      for: "exporting \(data.ids.count) sequences of \(shape[1]) bp from \(inputFile)")
    let explained: ExplainedSequences
    switch self {
    case .computed(let computation):
      explained = try Self.compute(
        computation, data: data, inputFile: inputFile, progress: progress)
    case .file(let url):
      explained = try Self.read(url, data: data, inputFile: inputFile, itemLimit: itemLimit)
    }
    try Self.checkFinite(explained)
    return explained
  }

  /// Runs the model and the method over the sequences.
  private static func compute(
    _ computation: Computation, data: InputData, inputFile: String, progress: (Int) -> Void
  ) throws -> ExplainedSequences {
    let model = computation.model
    try model.validate(input: data.inputs)
    let outputs = model.forward(data.inputs)
    let width = model.outputShape.count
    let flatOutputs = outputs.reshaped([data.ids.count, width])
    let targets: [Int]
    if let target = computation.target {
      try model.validate(targets: [target])
      targets = [Int](repeating: target, count: data.ids.count)
    } else {
      targets = argmax(flatOutputs)
    }
    var maps: [Tensor] = []
    var predictions: [Float] = []
    var method = type(of: computation.explainer).identifier
    let batch = model.batchSize(near: batchSize)
    for start in stride(from: 0, to: data.ids.count, by: batch) {
      let range = start..<min(data.ids.count, start + batch)
      let attribution = try computation.explainer.numberingItems(
        from: computation.firstItem + start
      ).attribution(
        for: data.inputs.items(range), targets: Array(targets[range]), in: model)
      maps.append(attribution.values)
      method = attribution.method
      predictions += attribution.predictions
      progress(range.upperBound)
    }
    return ExplainedSequences(
      ids: data.ids, sequences: data.inputs, attributions: Tensor.concatenating(maps),
      method: method, targets: targets,
      predictions: predictions,
      provenance: .init(inputFile: inputFile, computation: computation, outputs: flatOutputs))
  }

  /// The unit with the largest output per row of `[N, K]` (the first on ties; 0 when K = 1).
  private static func argmax(_ outputs: Tensor) -> [Int] {
    let (count, width) = (outputs.shape[0], outputs.shape[1])
    return outputs.withUnsafeBufferPointer { values in
      (0..<count).map { item in
        var best = 0
        for unit in 1..<max(1, width)
        where values[item * width + unit] > values[item * width + best] {
          best = unit
        }
        return best
      }
    }
  }

  /// Refuses maps with NaN or infinity, naming the first such record.
  private static func checkFinite(_ explained: ExplainedSequences) throws(AttributionSourceError) {
    let perItem = explained.length * 4
    let bad: Int? = explained.attributions.withUnsafeBufferPointer { values in
      for item in 0..<explained.count {
        for index in (item * perItem)..<((item + 1) * perItem) where !values[index].isFinite {
          return item
        }
      }
      return nil
    }
    if let bad {
      throw .nonFinite(file: explained.mapSource, record: explained.ids[bad])
    }
  }
}
