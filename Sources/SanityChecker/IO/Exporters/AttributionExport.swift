/// Attribution maps with their model outputs, item identifiers and provenance, ready to be
/// written to disk (``writeHDF5(to:)``, ``writeMoDISco(to:)``).
///
/// Every dataset is indexed by item along its first axis: `attributions` is `[N, L, 4]` (DNA),
/// `[N, H, W, C]` (images) or `[N, L]` (e.g. a Grad-CAM track), and `predictions`, `ids`,
/// `targets` and each extra dataset have `N` entries.
public struct AttributionExport: Sendable {
  /// The attribution maps, `[N, …]`.
  public var attributions: Tensor
  /// The model's outputs per item, `[N]` or `[N, K]`, if recorded.
  public var predictions: Tensor?
  /// One identifier per item (FASTA record names, image file names).
  public var ids: [String]
  /// Further maps or per-item values (such as `attributions_centred`), each `[N, …]`.
  public var extraDatasets: [String: Tensor]
  /// How the maps were made.
  public var metadata: Metadata

  /// Provenance: the method, the explained output, the model and every setting.
  public struct Metadata: Sendable, Equatable {
    /// The explainer's identifier, such as `guided-backprop`.
    public var method: String
    /// The output index explained for each item (`N` entries).
    public var targets: [Int]
    /// The model file the maps were computed from.
    public var modelFile: String
    /// Every other setting (baseline, steps, ε, seed, …), written as attributes.
    public var settings: [String: HDF5AttributeValue]

    /// Creates the metadata.
    /// - Parameters:
    ///   - method: The explainer's identifier.
    ///   - targets: The explained output index per item.
    ///   - modelFile: The model file.
    ///   - settings: Every other setting, by name.
    public init(
      method: String, targets: [Int], modelFile: String,
      settings: [String: HDF5AttributeValue] = [:]
    ) {
      self.method = method
      self.targets = targets
      self.modelFile = modelFile
      self.settings = settings
    }
  }

  /// Creates an export.
  /// - Parameters:
  ///   - attributions: The maps, `[N, …]`.
  ///   - predictions: The model outputs, `[N]` or `[N, K]`, or `nil`.
  ///   - ids: One identifier per item.
  ///   - extraDatasets: Further `[N, …]` datasets by name.
  ///   - metadata: The provenance.
  public init(
    attributions: Tensor, predictions: Tensor? = nil, ids: [String],
    extraDatasets: [String: Tensor] = [:],
    metadata: Metadata
  ) {
    self.attributions = attributions
    self.predictions = predictions
    self.ids = ids
    self.extraDatasets = extraDatasets
    self.metadata = metadata
  }

  /// Dataset names the HDF5 layout uses itself.
  static let reservedDatasets = ["attributions", "predictions", "ids", "targets"]
  /// Root attribute names the HDF5 layout uses itself.
  static let reservedAttributes = ["format", "method", "target", "model_file"]

  /// The number of items.
  var itemCount: Int { attributions.shape.rank == 0 ? 0 : attributions.shape[0] }

  /// Checks item counts and names before anything is written.
  /// - Parameter file: The destination, for messages.
  /// - Throws: ``ExportError``.
  func validate(file: String) throws(ExportError) {
    let count = itemCount
    guard attributions.shape.rank >= 2 else {
      throw .unsupportedShape(
        file: file, dataset: "attributions", shape: attributions.shape,
        expected: "[N, ...] with N items")
    }
    var counts = [("ids", ids.count), ("targets", metadata.targets.count)]
    if let predictions {
      counts.append(("predictions", predictions.shape.rank == 0 ? 0 : predictions.shape[0]))
    }
    for (name, tensor) in extraDatasets.sorted(by: { $0.key < $1.key }) {
      guard !name.isEmpty, !name.contains("/"), !Self.reservedDatasets.contains(name) else {
        throw .invalidName(file: file, name: name, reserved: Self.reservedDatasets)
      }
      counts.append((name, tensor.shape.rank == 0 ? 0 : tensor.shape[0]))
    }
    for (name, actual) in counts where actual != count {
      throw .itemCountMismatch(file: file, dataset: name, expected: count, actual: actual)
    }
    for name in metadata.settings.keys.sorted() {
      guard !name.isEmpty, !name.contains("/"), !Self.reservedAttributes.contains(name) else {
        throw .invalidName(file: file, name: name, reserved: Self.reservedAttributes)
      }
    }
  }
}
