import Foundation

extension AttributionExport {
  /// The value of the root attribute `format`.
  public static let hdf5Format = "sanitychecker-attributions-v1"

  /// Writes the export as an HDF5 file.
  ///
  /// Layout (all datasets contiguous; float32 unless noted):
  /// ```
  /// /              attrs: format = "sanitychecker-attributions-v1", method, model_file (vlen UTF-8),
  ///                       target (int64; only when every item has the same target),
  ///                       one attribute per setting
  /// /attributions  [N, L, 4], [N, H, W, C] or [N, L]
  /// /predictions   [N] or [N, K]           (when present)
  /// /ids           [N] vlen UTF-8 strings
  /// /targets       [N] int64
  /// /<extra>       [N, …]                  (each extra dataset, e.g. attributions_centred)
  /// ```
  /// The file is written by ``AtomicOutput``, so a failure leaves nothing behind.
  /// - Parameter url: The destination (a regular file, replaced if it exists).
  /// - Throws: ``OutputError`` for a destination that is not a regular file, ``ExportError`` for
  ///   inconsistent item counts or names (before writing), or ``ModelFileError`` from the HDF5
  ///   library.
  public func writeHDF5(to url: URL) throws {
    try writeHDF5(to: OutputDestination(url))
  }

  /// Writes the export as an HDF5 file at a checked destination (the layout above).
  /// - Parameter destination: A file destination.
  /// - Throws: ``OutputError``, ``ExportError`` or ``ModelFileError``.
  public func writeHDF5(to destination: OutputDestination) throws {
    try validate(file: destination.path)
    try AtomicOutput.write(to: destination) { temporary in
      let file = try HDF5File(creating: temporary)
      try file.writeTensor(attributions, to: "/attributions")
      if let predictions { try file.writeTensor(predictions, to: "/predictions") }
      try file.writeStrings(ids, to: "/ids")
      try file.writeInt64s(metadata.targets.map { Int64($0) }, to: "/targets")
      for (name, tensor) in extraDatasets.sorted(by: { $0.key < $1.key }) {
        try file.writeTensor(tensor, to: HDF5File.join("/", name))
      }
      try file.writeAttribute(.string(Self.hdf5Format, .variableUTF8), named: "format", of: "/")
      try file.writeAttribute(.string(metadata.method, .variableUTF8), named: "method", of: "/")
      try file.writeAttribute(
        .string(metadata.modelFile, .variableUTF8), named: "model_file", of: "/")
      if let first = metadata.targets.first, metadata.targets.allSatisfy({ $0 == first }) {
        try file.writeAttribute(.integer(Int64(first)), named: "target", of: "/")
      }
      for (name, value) in metadata.settings.sorted(by: { $0.key < $1.key }) {
        try file.writeAttribute(value, named: name, of: "/")
      }
    }
  }
}
