import Foundation

/// Writes float32 arrays as NumPy `.npz` archives (a zip of stored `.npy` files), including the
/// layout TF-MoDISco reads.
///
/// `np.load(url)["name"]` returns each array with its shape. The archive is written by
/// ``AtomicOutput``, so a failure leaves nothing behind.
public enum NPZExport {
  /// Writes named arrays, in name order, as `<name>.npy` entries.
  /// - Parameters:
  ///   - arrays: The arrays by name (a name must be non-empty and contain no `/`).
  ///   - url: The destination (a regular file, replaced if it exists).
  /// - Throws: ``OutputError`` or ``ExportError``.
  public static func write(_ arrays: [String: Tensor], to url: URL) throws {
    try write(arrays, to: OutputDestination(url))
  }

  /// Writes named arrays, in name order, as `<name>.npy` entries to a checked destination.
  /// - Parameters:
  ///   - arrays: The arrays by name.
  ///   - destination: A file destination.
  /// - Throws: ``OutputError`` or ``ExportError``.
  public static func write(_ arrays: [String: Tensor], to destination: OutputDestination) throws {
    let file = destination.path
    for name in arrays.keys.sorted() where name.isEmpty || name.contains("/") {
      throw ExportError.invalidName(file: file, name: name, reserved: [])
    }
    try write(
      entries: arrays.sorted(by: { $0.key < $1.key }).map { name, tensor in
        ("\(name).npy", [NPYFormat.header(shape: tensor.shape), NPYFormat.data(tensor)])
      }, to: destination)
  }

  /// Writes an archive of stored `.npy` entries, each given as chunks of bytes, in order.
  ///
  /// Entries carry a fixed date and no extra fields (``ZipArchiveWriter``), so the same arrays
  /// give the same bytes.
  /// - Parameters:
  ///   - entries: Each entry's name and its bytes (header and data), in chunks.
  ///   - destination: The archive (replaced atomically).
  /// - Throws: ``ExportError`` or ``OutputError``.
  static func write(entries: [(name: String, chunks: [[UInt8]])], to destination: OutputDestination)
    throws
  {
    let file = destination.path
    try AtomicOutput.write(to: destination) { temporary in
      guard let handle = FileHandle(forWritingAtPath: temporary.path) else {
        throw ExportError.writeFailed(file: file, reason: "cannot open the temporary file")
      }
      defer { try? handle.close() }
      var archive = ZipArchiveWriter(handle: handle, file: file)
      for entry in entries {
        try archive.addEntry(named: entry.name, chunks: entry.chunks)
      }
      try archive.finish()
    }
  }

  /// Writes DNA maps or one-hot sequences `[N, L, 4]` in TF-MoDISco's layout: one array
  /// `arr_0` of shape `[N, 4, L]` (channels first), float32.
  ///
  /// This is what `modisco motifs -s sequences.npz -a attributions.npz` loads (modisco-lite
  /// reads `np.load(path)["arr_0"]`); write the attributions and the one-hot inputs with it.
  /// - Parameters:
  ///   - tensor: The maps or sequences, `[N, L, 4]`.
  ///   - url: The destination (a regular file, replaced if it exists).
  /// - Throws: ``ExportError/unsupportedShape(file:dataset:shape:expected:)`` unless the tensor
  ///   is `[N, L, 4]`, or ``OutputError``.
  public static func writeMoDISco(_ tensor: Tensor, to url: URL) throws {
    try writeMoDISco(tensor, to: OutputDestination(url))
  }

  /// Writes `[N, L, 4]` maps in TF-MoDISco's layout to a checked destination.
  /// - Parameters:
  ///   - tensor: The maps or sequences, `[N, L, 4]`.
  ///   - destination: A file destination.
  /// - Throws: ``ExportError`` or ``OutputError``.
  public static func writeMoDISco(_ tensor: Tensor, to destination: OutputDestination) throws {
    let shape = tensor.shape
    guard shape.rank == 3, shape[2] == 4 else {
      throw ExportError.unsupportedShape(
        file: destination.path, dataset: "arr_0", shape: shape, expected: "[N, L, 4]")
    }
    let (items, length) = (shape[0], shape[1])
    let channelsFirst = Tensor(shape: [items, 4, length]) { out in
      tensor.withUnsafeBufferPointer { x in
        for item in 0..<items {
          for position in 0..<length {
            for channel in 0..<4 {
              out[(item * 4 + channel) * length + position] =
                x[(item * length + position) * 4 + channel]
            }
          }
        }
      }
    }
    try write(["arr_0": channelsFirst], to: destination)
  }
}

extension AttributionExport {
  /// Writes the attributions for TF-MoDISco: `arr_0`, `[N, 4, L]` float32 (see
  /// ``NPZExport/writeMoDISco(_:to:)``).
  /// - Parameter url: The destination `.npz`.
  /// - Throws: ``ExportError`` unless the attributions are `[N, L, 4]`, or ``OutputError``.
  public func writeMoDISco(to url: URL) throws {
    try NPZExport.writeMoDISco(attributions, to: OutputDestination(url))
  }

  /// Writes the attributions for TF-MoDISco to a checked destination.
  /// - Parameter destination: The destination `.npz`.
  /// - Throws: ``ExportError`` unless the attributions are `[N, L, 4]`, or ``OutputError``.
  public func writeMoDISco(to destination: OutputDestination) throws {
    try NPZExport.writeMoDISco(attributions, to: destination)
  }
}
