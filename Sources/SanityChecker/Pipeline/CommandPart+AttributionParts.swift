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

  /// Checks, before anything is read, that a part's dataset has rows of the first part's shape.
  /// - Parameters:
  ///   - dataset: The dataset's path.
  ///   - file: The part.
  ///   - expected: The first part's row shape (`nil` for the first part).
  /// - Returns: The part's row count and row shape.
  /// - Throws: ``CommandPartError/rowShape(file:dataset:expected:actual:)``, or
  ///   ``ModelFileError`` for a missing dataset.
  static func rows(_ dataset: String, of file: HDF5File, expected: [Int]?) throws
    -> (count: Int, shape: [Int])
  {
    let dimensions = try file.shape(ofDataset: dataset).dimensions
    let rowShape = Array(dimensions.dropFirst())
    if let expected, dimensions.isEmpty || rowShape != expected {
      throw CommandPartError.rowShape(
        file: file.url.path, dataset: dataset, expected: expected, actual: rowShape)
    }
    return (dimensions.first ?? 1, rowShape)
  }

  /// Checks that `count` rows of `rowShape` fit ``MemoryBudget/current`` before they are read.
  /// - Parameters:
  ///   - count: The rows held at once.
  ///   - rowShape: The shape of one row (from the file, so possibly absurd).
  ///   - dataset: The dataset's path.
  ///   - file: The part.
  /// - Throws: ``CommandPartError/exceedsBudget(file:dataset:_:)``.
  static func reserve(_ count: Int, rowsOf rowShape: [Int], dataset: String, file: HDF5File)
    throws(CommandPartError)
  {
    do throws(MemoryBudgetError) {
      try MemoryBudget.current.reserve(
        SizeCheck.product([count] + rowShape) ?? .max, of: MemoryLayout<Float>.stride,
        for: "\(count) rows of shape \(rowShape)")
    } catch {
      throw .exceedsBudget(file: file.url.path, dataset: dataset, error)
    }
  }

  /// The parts read whole and joined, to be written by ``AttributionExport/writeHDF5(to:)-(OutputDestination)``.
  static func joined(_ urls: [URL]) throws -> AttributionExport {
    var (maps, predictions, ids, targets) = ([Tensor](), [Tensor](), [String](), [Int]())
    var extras: [String: [Tensor]] = [:]
    var metadata: AttributionExport.Metadata?
    var rowShapes: [String: [Int]] = [:]
    var heldRows: [String: Int] = [:]
    for url in urls {
      let file = try HDF5File(reading: url)
      // Every dataset joined by rows has the first part's row shape, and the joined rows fit the
      // budget, before any is read.
      for name in try file.members(of: "/") where name != "ids" && name != "targets" {
        let dataset = HDF5File.join("/", name)
        let (count, rowShape) = try rows(dataset, of: file, expected: rowShapes[name])
        rowShapes[name] = rowShape
        heldRows[name, default: 0] += count
        try reserve(heldRows[name, default: 0], rowsOf: rowShape, dataset: dataset, file: file)
      }
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
    // Every part's rows have the first part's shape, and a block of them fits the budget.
    var rowShapes: [String: [Int]] = [:]
    for file in files {
      for dataset in ["/attributions", "/predictions"] {
        let (count, rowShape) = try rows(dataset, of: file, expected: rowShapes[dataset])
        try reserve(min(count, rowsPerRead), rowsOf: rowShape, dataset: dataset, file: file)
        rowShapes[dataset] = rowShape
      }
    }
    let itemShape = Shape(rowShapes["/attributions"] ?? [])
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
