/// Attributions that do not belong to the sequences they are exported with, naming the file
/// and the dataset, item or record.
public enum AttributionSourceError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The inputs are not one-hot DNA `[N, L, 4]` (images, for example).
  case notSequences(file: String, shape: Shape)
  /// The file is not an attribution file of `sanity explain` (its root attribute `format`).
  case notAttributionFile(file: String, format: String?)
  /// The file holds maps of several lengths (dataset `lengths`, padded with NaN).
  case severalLengths(file: String)
  /// A dataset's shape does not fit the sequences.
  case shape(file: String, dataset: String, shape: Shape, expected: Shape)
  /// The file holds another number of items than the sequences.
  case itemCount(file: String, count: Int, inputFile: String, inputCount: Int)
  /// Item `item` of the file has another id than record `item` of the sequences.
  case id(file: String, item: Int, id: String, inputFile: String, expected: String)
  /// A map holds NaN or infinity.
  case nonFinite(file: String, record: String)

  /// A compiler-style message, `file: what is wrong; remedy`.
  public var description: String {
    switch self {
    case .notSequences(let file, let shape):
      return
        "\(file): the inputs are \(shape), not one-hot DNA [N, L, 4]; exports need DNA sequences"
    case .notAttributionFile(let file, let format):
      let found = format.map { "format '\($0)'" } ?? "no root attribute 'format'"
      return
        "\(file): \(found), expected '\(AttributionExport.hdf5Format)'; give an .h5 written by `sanity explain`"
    case .severalLengths(let file):
      return
        "\(file): the maps have several lengths (dataset 'lengths'); exports need one length, explain with --lengths pad:L or crop:L"
    case .shape(let file, let dataset, let shape, let expected):
      return
        "\(file): dataset '\(dataset)' has shape \(shape), expected \(expected); give the maps of these sequences"
    case .itemCount(let file, let count, let inputFile, let inputCount):
      return
        "\(file): holds \(count) items, \(inputFile) has \(inputCount); give the file explained from the same sequences (and the same --limit)"
    case .id(let file, let item, let id, let inputFile, let expected):
      return
        "\(file): item \(item) is '\(id)', but record \(item) of \(inputFile) is '\(expected)'; give the maps of these sequences, in their order"
    case .nonFinite(let file, let record):
      return "\(file): the map of record '\(record)' holds NaN or infinity; recompute it"
    }
  }
}
