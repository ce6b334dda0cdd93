import Foundation

/// Attributions written to HDF5 batch by batch, in the layout of ``AttributionExport``, so that
/// millions of sequences are explained in constant memory.
///
/// The file is written by ``AtomicOutput``: a failure, in `produce` or in writing, leaves
/// nothing behind.
public final class StreamingAttributionExport {
  private let file: HDF5File
  private let count: Int
  private var rows = 0
  private var ids: [String] = []
  private var targets: [Int64] = []

  private init(file: HDF5File, itemShape: Shape, count: Int) throws {
    self.file = file
    self.count = count
    try file.createFloatDataset("/attributions", shape: itemShape.batched(count))
    try file.createFloatDataset("/predictions", shape: [count])
  }

  /// Writes `count` items produced in batches by `produce`, then the ids, targets and metadata.
  /// - Parameters:
  ///   - destination: The destination `.h5` (a regular file, replaced if it exists).
  ///   - itemShape: The shape of one item's map, e.g. `[L, 4]`.
  ///   - count: The number of items that `produce` will append.
  ///   - metadata: The method, model file and settings (its `targets` are ignored; batches give them).
  ///   - produce: Appends every batch through ``append(_:)``.
  /// - Throws: An error of `produce`, ``ExportError/itemCountMismatch(file:dataset:expected:actual:)``
  ///   when fewer or more items arrive, ``OutputError`` or ``ModelFileError``.
  public static func write(
    to destination: OutputDestination, itemShape: Shape, count: Int,
    metadata: AttributionExport.Metadata,
    _ produce: (StreamingAttributionExport) throws -> Void
  ) throws {
    try AtomicOutput.write(to: destination) { temporary in
      let export = try StreamingAttributionExport(
        file: try HDF5File(creating: temporary), itemShape: itemShape, count: count)
      try produce(export)
      guard export.rows == count else {
        throw ExportError.itemCountMismatch(
          file: destination.path, dataset: "attributions", expected: count, actual: export.rows)
      }
      try export.file.writeStrings(export.ids, to: "/ids")
      try export.file.writeInt64s(export.targets, to: "/targets")
      try export.file.writeAttribute(
        .string(AttributionExport.hdf5Format, .variableUTF8), named: "format", of: "/")
      try export.file.writeAttribute(
        .string(metadata.method, .variableUTF8), named: "method", of: "/")
      try export.file.writeAttribute(
        .string(metadata.modelFile, .variableUTF8), named: "model_file", of: "/")
      if let first = export.targets.first, export.targets.allSatisfy({ $0 == first }) {
        try export.file.writeAttribute(.integer(first), named: "target", of: "/")
      }
      for (name, value) in metadata.settings.sorted(by: { $0.key < $1.key }) {
        try export.file.writeAttribute(value, named: name, of: "/")
      }
    }
  }

  /// Appends one batch.
  /// - Parameters:
  ///   - attribution: The batch's attributions (maps, predictions and targets).
  ///   - batchIds: The batch's item ids.
  /// - Throws: ``ModelFileError`` when the batch does not fit.
  public func append(_ attribution: Attribution, ids batchIds: [String]) throws {
    try file.writeRows(attribution.values, to: "/attributions", firstRow: rows)
    try file.writeRows(
      Tensor(shape: [attribution.predictions.count], scalars: attribution.predictions),
      to: "/predictions", firstRow: rows)
    rows += attribution.values.batchSize
    ids += batchIds
    targets += attribution.targets.map { Int64($0) }
  }
}
