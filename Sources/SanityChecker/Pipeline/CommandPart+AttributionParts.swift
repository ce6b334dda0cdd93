import Foundation

/// Joins attribution files (``AttributionExport``'s layout) of a sharded command.
enum AttributionParts {
  /// Rows read from a part at a time when streaming.
  static let rowsPerRead = 1024

  /// The root attributes that are settings (all but format, method, model file and target).
  static func settings(of file: HDF5File) throws -> [String: HDF5AttributeValue] {
    var settings: [String: HDF5AttributeValue] = [:]
    for name in try file.attributeNames(of: "/")
    where !AttributionExport.reservedAttributes.contains(name) {
      settings[name] = try file.readAttribute(name, of: "/")
    }
    return settings
  }

  /// The parts read whole and joined, to be written by ``AttributionExport/writeHDF5(to:)-(OutputDestination)``.
  static func joined(_ urls: [URL]) throws -> AttributionExport {
    var (maps, predictions, ids, targets) = ([Tensor](), [Tensor](), [String](), [Int]())
    var extras: [String: [Tensor]] = [:]
    var metadata: AttributionExport.Metadata?
    for url in urls {
      let file = try HDF5File(reading: url)
      let partMetadata = AttributionExport.Metadata(
        method: try file.readStringAttribute("method", of: "/"), targets: [],
        modelFile: try file.readStringAttribute("model_file", of: "/"),
        settings: try settings(of: file))
      guard metadata == nil || metadata == partMetadata else {
        throw CommandPartError.mismatch(file: url.path, reason: "the method or a setting")
      }
      metadata = partMetadata
      maps.append(try file.readTensor("/attributions"))
      if file.exists("/predictions") { predictions.append(try file.readTensor("/predictions")) }
      ids += try file.readStrings("/ids").elements
      targets += try file.readInt64s("/targets").elements.map { Int($0) }
      for name in try file.members(of: "/")
      where !AttributionExport.reservedDatasets.contains(name) {
        extras[name, default: []].append(try file.readTensor(HDF5File.join("/", name)))
      }
    }
    guard var metadata else {
      throw CommandPartError.order(file: "-", reason: "no part holds items")
    }
    metadata.targets = targets
    return AttributionExport(
      attributions: Tensor.concatenating(maps),
      predictions: predictions.count == maps.count ? Tensor.concatenating(predictions) : nil,
      ids: ids, extraDatasets: extras.mapValues { Tensor.concatenating($0) }, metadata: metadata)
  }

  /// The parts copied a block of rows at a time into one file written as
  /// ``StreamingAttributionExport`` writes it, in memory that does not grow with the parts.
  static func stream(_ urls: [URL], count: Int, to destination: OutputDestination) throws {
    let files = try urls.map { try HDF5File(reading: $0) }
    guard let first = files.first else {
      throw CommandPartError.order(file: "-", reason: "no part holds items")
    }
    let metadata = AttributionExport.Metadata(
      method: try first.readStringAttribute("method", of: "/"), targets: [],
      modelFile: try first.readStringAttribute("model_file", of: "/"),
      settings: try settings(of: first))
    let itemShape = try first.shape(ofDataset: "/attributions").item
    try StreamingAttributionExport.write(
      to: destination, itemShape: itemShape, count: count, metadata: metadata
    ) { export in
      for (url, file) in zip(urls, files) {
        guard try settings(of: file) == metadata.settings,
          try file.readStringAttribute("method", of: "/") == metadata.method
        else {
          throw CommandPartError.mismatch(file: url.path, reason: "the method or a setting")
        }
        let ids = try file.readStrings("/ids").elements
        let targets = try file.readInt64s("/targets").elements.map { Int($0) }
        for start in stride(from: 0, to: ids.count, by: rowsPerRead) {
          let rows = start..<min(ids.count, start + rowsPerRead)
          let maps = try file.readRows("/attributions", rows: rows)
          try export.append(
            Attribution(
              values: maps, method: metadata.method, targets: Array(targets[rows]),
              predictions: try file.readRows("/predictions", rows: rows).scalars),
            ids: Array(ids[rows]))
        }
      }
    }
  }
}
