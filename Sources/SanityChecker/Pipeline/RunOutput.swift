import Foundation

/// The files of a run: a whole run's folder, a shard's part folder, and the join of parts.
///
/// ```
/// whole run:  results.tsv  results.json  report.html  attributions/<method>.h5
///             motifs.tsv (with a motif check: its rows plus each stage's best motif and match)
/// part:       part.json (manifest + per-item values)  attributions/<method>.h5 (its block)
/// ```
/// `merge` writes exactly the whole run's files: the summary is recomputed from the joined
/// per-item values, and each map file is the block maps joined in order, written by the same
/// deterministic writer.
public enum RunOutput {
  /// Runs one block and writes its part folder (``RunFolder``).
  /// - Parameters:
  ///   - pipeline: The block's pipeline.
  ///   - folder: The part folder.
  ///   - killAfterItems: Test hook: when the block ends past this many items of the run, the
  ///     process ends abruptly (exit status 3, no clean-up) once the part is computed and before
  ///     it is moved into place, as a run killed midway would.
  /// - Throws: The pipeline's or a writer's error.
  public static func writePart(_ pipeline: RunPipeline, to folder: URL, killAfterItems: Int? = nil)
    throws
  {
    try RunFolder.write(to: folder) { staging in
      let part = try pipeline.part(
        writingAttributionsTo: staging.appendingPathComponent("attributions"))
      try AtomicOutput.write(
        try part.json(), to: OutputDestination(staging.appendingPathComponent("part.json")))
      if let killAfterItems, pipeline.first + pipeline.data.ids.count > killAfterItems { exit(3) }
    }
  }

  /// Runs everything and writes the run's folder.
  /// - Parameters:
  ///   - pipeline: The whole run's pipeline (``Shard/whole``).
  ///   - folder: The output folder.
  /// - Returns: The summary.
  /// - Throws: The pipeline's or a writer's error.
  @discardableResult
  public static func writeRun(_ pipeline: RunPipeline, to folder: URL) throws -> RunSummary {
    var summary: RunSummary?
    try RunFolder.write(to: folder) { staging in
      let part = try pipeline.part(
        writingAttributionsTo: staging.appendingPathComponent("attributions"))
      summary = try writeSummary([("-", part)], model: pipeline.model, to: staging)
    }
    guard let summary else {
      throw RunPartError.unreadable(file: folder.path, reason: "no parts given")
    }
    return summary
  }

  /// Joins part folders into the run's folder.
  /// - Parameters:
  ///   - parts: The part folders, in shard order.
  ///   - folder: The output folder.
  /// - Returns: The summary.
  /// - Throws: ``RunPartError`` for parts that do not join, or a reader's or writer's error.
  @discardableResult
  public static func merge(_ parts: [URL], to folder: URL) throws -> RunSummary {
    let read = try parts.map { url throws(RunPartError) in
      (url.path, try RunPart.read(url.appendingPathComponent("part.json")))
    }
    guard let configuration = read.first?.1.manifest.configuration else {
      throw RunPartError.unreadable(file: "-", reason: "no parts given")
    }
    let model = try ModelLoader.load(
      URL(fileURLWithPath: configuration.model), sequenceLength: read[0].1.length)
    var summary: RunSummary?
    try RunFolder.write(to: folder) { staging in
      summary = try writeSummary(read, model: model, to: staging)
      let maps = staging.appendingPathComponent("attributions")
      if !configuration.exports.attributions.isEmpty {
        try FileManager.default.createDirectory(at: maps, withIntermediateDirectories: true)
      }
      for method in configuration.exports.attributions {
        try joinedMaps(
          zip(parts, read).filter { !$1.1.ids.isEmpty }.map {
            $0.0.appendingPathComponent("attributions/\(method).h5")
          }
        )
        .writeHDF5(to: maps.appendingPathComponent("\(method).h5"))
      }
    }
    guard let summary else {
      throw RunPartError.unreadable(file: folder.path, reason: "no parts given")
    }
    return summary
  }

  /// Writes the results and the report of joined parts into `folder`.
  static func writeSummary(_ parts: [(file: String, part: RunPart)], model: Model, to folder: URL)
    throws -> RunSummary
  {
    let summary = try RunSummary(parts: parts, model: model)
    try AtomicOutput.write(
      summary.report.tsv, to: OutputDestination(folder.appendingPathComponent("results.tsv")))
    try AtomicOutput.write(
      try summary.report.json(),
      to: OutputDestination(folder.appendingPathComponent("results.json")))
    if let motifs = summary.motifs {
      try AtomicOutput.write(
        motifs.tsv, to: OutputDestination(folder.appendingPathComponent("motifs.tsv")))
    }
    if summary.part.manifest.configuration.exports.report {
      try HTMLReport.write(
        try summary.reportContent(model: model), motifs: summary.motifs,
        to: folder.appendingPathComponent("report.html"))
    }
    return summary
  }

  /// The maps of several part files, joined in order.
  static func joinedMaps(_ files: [URL]) throws -> AttributionExport {
    var (maps, predictions, ids, targets) = ([Tensor](), [Tensor](), [String](), [Int]())
    var (method, modelFile) = ("", "")
    var settings: [String: HDF5AttributeValue] = [:]
    for url in files {
      let file = try HDF5File(reading: url)
      maps.append(try file.readTensor("/attributions"))
      predictions.append(try file.readTensor("/predictions"))
      ids += try file.readStrings("/ids").elements
      targets += try file.readInt64s("/targets").elements.map { Int($0) }
      method = try file.readStringAttribute("method", of: "/")
      modelFile = try file.readStringAttribute("model_file", of: "/")
      // Whether the maps were corrected for off-simplex gradients (parts written before the
      // setting existed have no such attribute).
      if let correction = try? file.readStringAttribute(RunPipeline.correctionAttribute, of: "/") {
        settings[RunPipeline.correctionAttribute] = .string(correction, .variableUTF8)
      }
    }
    return AttributionExport(
      attributions: Tensor.concatenating(maps.filter { $0.batchSize > 0 }),
      predictions: Tensor.concatenating(predictions.filter { $0.batchSize > 0 }),
      ids: ids,
      metadata: .init(method: method, targets: targets, modelFile: modelFile, settings: settings))
  }
}
