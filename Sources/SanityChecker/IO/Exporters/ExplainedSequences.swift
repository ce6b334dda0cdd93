/// One-hot DNA with one attribution map per sequence, as every `sanity export` subcommand reads
/// them: made by ``AttributionSource/explained(_:inputFile:itemLimit:progress:)``.
///
/// Shapes: `sequences` and `attributions` are `[N, L, 4]` (one length for all items); `targets`
/// and `predictions` have `N` entries; `outputs`, when the model was run, is `[N, K]`.
public struct ExplainedSequences: Sendable {
  /// The record ids, in the input's order.
  public var ids: [String]
  /// The one-hot sequences `[N, L, 4]` as encoded from the input file.
  public var sequences: Tensor
  /// The attribution maps `[N, L, 4]`.
  public var attributions: Tensor
  /// The method's identifier, such as `deepshap`.
  public var method: String
  /// The explained output unit per item.
  public var targets: [Int]
  /// The explained output (logit or probability, as the method was configured) per item.
  public var predictions: [Float]
  /// Every model output per item, `[N, K]`, when the maps were computed now (the model's own
  /// outputs, after any final sigmoid or softmax); `nil` for maps read from a file.
  public var outputs: Tensor?
  /// The model, explainer and target, when the maps were computed now; hypothetical
  /// contributions (``ModiscoExport``) need them for some methods.
  public var computation: AttributionSource.Computation?
  /// The file the sequences came from, for messages.
  public var inputFile: String
  /// The attribution file the maps came from, or `nil` when they were computed now.
  public var attributionFile: String?

  /// Creates explained sequences.
  /// - Parameters:
  ///   - ids: One id per item.
  ///   - sequences: One-hot `[N, L, 4]`.
  ///   - attributions: Maps `[N, L, 4]`.
  ///   - method: The method's identifier.
  ///   - targets: The explained unit per item.
  ///   - predictions: The explained output per item.
  ///   - provenance: Where the sequences and maps came from (see the properties of that name).
  public init(
    ids: [String], sequences: Tensor, attributions: Tensor, method: String, targets: [Int],
    predictions: [Float], provenance: Provenance
  ) {
    self.ids = ids
    self.sequences = sequences
    self.attributions = attributions
    self.method = method
    self.targets = targets
    self.predictions = predictions
    self.outputs = provenance.outputs
    self.computation = provenance.computation
    self.inputFile = provenance.inputFile
    self.attributionFile = provenance.attributionFile
  }

  /// Where explained sequences came from.
  public struct Provenance: Sendable {
    /// The sequence file.
    public var inputFile: String
    /// The attribution file, when the maps were read.
    public var attributionFile: String?
    /// The computation, when the maps were computed now.
    public var computation: AttributionSource.Computation?
    /// Every model output `[N, K]`, when the model was run.
    public var outputs: Tensor?

    /// Creates a provenance record.
    /// - Parameters:
    ///   - inputFile: The sequence file.
    ///   - attributionFile: The attribution file, if read.
    ///   - computation: The computation, if computed now.
    ///   - outputs: The model outputs `[N, K]`, if the model was run.
    public init(
      inputFile: String, attributionFile: String? = nil,
      computation: AttributionSource.Computation? = nil, outputs: Tensor? = nil
    ) {
      self.inputFile = inputFile
      self.attributionFile = attributionFile
      self.computation = computation
      self.outputs = outputs
    }
  }

  /// The number of sequences `N`.
  public var count: Int { ids.count }
  /// The sequence length `L`.
  public var length: Int { sequences.shape[1] }

  /// The file the maps came from: the attribution file, or the model file.
  public var mapSource: String {
    attributionFile ?? computation?.modelFile ?? inputFile
  }
}
