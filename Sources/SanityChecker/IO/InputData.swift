import Foundation

/// Inputs read from a user's file, with their ids and any labels.
public struct InputData: Sendable {
  /// What the inputs are.
  public enum Kind: String, Sendable {
    /// One-hot DNA `[N, L, 4]`.
    case sequences
    /// Images `[N, H, W, C]`.
    case images
  }

  /// The inputs, `[N, L, 4]` or `[N, H, W, C]`.
  public var inputs: Tensor
  /// One id per item (record id, or file name / index for images).
  public var ids: [String]
  /// Labels per item (one value per task, or the class index), when the file has them.
  public var labels: [[Float]]?
  /// What the inputs are.
  public var kind: Kind
  /// Class names for image labels (Tiny-ImageNet), when known.
  public var classNames: [String]
  /// The 1-based line of each item's record in its file (a FASTA header, a `.seq` row), when
  /// the items were read from a text file; label errors name it (``TrainingError/labelValue(data:item:record:line:value:allowed:)``).
  public var lines: [Int]?

  /// Creates input data.
  /// - Parameters:
  ///   - inputs: The inputs.
  ///   - ids: One id per item.
  ///   - labels: Labels per item, if any.
  ///   - kind: Sequences or images.
  ///   - classNames: Class names, if known.
  ///   - lines: The line of each item's record in its file, if read from a text file.
  public init(
    inputs: Tensor, ids: [String], labels: [[Float]]?, kind: Kind, classNames: [String] = [],
    lines: [Int]? = nil
  ) {
    self.inputs = inputs
    self.ids = ids
    self.labels = labels
    self.kind = kind
    self.classNames = classNames
    self.lines = lines
  }

  /// The first `count` items (all when `nil` or larger).
  /// - Parameter count: The number of items to keep.
  /// - Returns: The leading items.
  public func prefix(_ count: Int?) -> InputData {
    guard let count, count < ids.count else { return self }
    return InputData(
      inputs: inputs.items(0..<count), ids: Array(ids.prefix(count)),
      labels: labels.map { Array($0.prefix(count)) },
      kind: kind, classNames: classNames, lines: lines.map { Array($0.prefix(count)) })
  }

  /// Labels flattened row by row (what ``Trainer`` takes), or `nil` without labels.
  public var flatLabels: [Float]? { labels?.flatMap { $0 } }

  /// Reads inputs, choosing the reader from the path.
  ///
  /// - `*.fa`, `*.fasta`, `*.fna` (optionally `.gz`): FASTA; labels from `label=` in the headers.
  /// - `*.seq`, `*.seq.gz`: DeepBind's `.seq` (labels from `Bound`).
  /// - `*idx3-ubyte(.gz)`: IDX images, labels from the matching `idx1-ubyte` file when present.
  /// - a folder with `wnids.txt`: Tiny-ImageNet validation images (`val/`); a folder with
  ///   `train/<wnid>/images/` and no `val/` gives the training images of the classes present
  ///   (those of `wnids_subset.txt` when it exists), labelled in that order.
  /// - Parameters:
  ///   - url: The file or folder.
  ///   - oneHot: The one-hot encoder (unknown-base value and length policy).
  ///   - scaling: Pixel scaling for images (0–1 by default).
  ///   - maximumRecordLength: The most bases one FASTA record may have; `nil` for the
  ///     budget-derived ``FASTAReader/defaultMaximumRecordLength``. Give the model's length
  ///     (``LengthPolicy/recordCap(modelLength:)``) to refuse a longer record as soon as it
  ///     grows past it.
  /// - Returns: The inputs.
  /// - Throws: The format's error, naming the file and place.
  public static func load(
    _ url: URL, oneHot: OneHot = OneHot(), scaling: PixelScaling = .unit,
    maximumRecordLength: Int? = nil
  ) throws -> InputData {
    let name = url.lastPathComponent.lowercased()
    let stem = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw FASTAError.fileNotFound(file: url.path)
    }
    if isFolder.boolValue { return try tinyImageNet(url, scaling: scaling) }
    if stem.contains("idx3-ubyte") {
      let labelsURL = url.deletingLastPathComponent().appendingPathComponent(
        url.lastPathComponent.replacingOccurrences(of: "images-idx3", with: "labels-idx1")
          .replacingOccurrences(of: "idx3-ubyte", with: "idx1-ubyte"))
      let images = try IDXImages(contentsOf: url)
      let labelFile =
        FileManager.default.fileExists(atPath: labelsURL.path) && labelsURL != url
        ? try IDXLabels(contentsOf: labelsURL) : nil
      if let labelFile, labelFile.count != images.count {
        throw IDXError.countMismatch(
          imagesFile: images.file, imageCount: images.count, labelsFile: labelFile.file,
          labelCount: labelFile.count)
      }
      let labels = labelFile?.labels.map { [Float($0)] }
      return InputData(
        inputs: images.tensor(scaling: scaling),
        ids: (0..<images.count).map { "\(url.lastPathComponent)#\($0)" },
        labels: labels, kind: .images, classNames: (0..<10).map(String.init))
    }
    let (sequences, lines) =
      stem.hasSuffix(".seq")
      ? try seqRecords(url) : try fastaRecords(url, maximumRecordLength: maximumRecordLength)
    let inputs: Tensor
    do {
      inputs = try oneHot.encode(sequences)
    } catch {
      throw SequenceLengthError.encoding(file: url.path, error)
    }
    return InputData(
      inputs: inputs, ids: sequences.ids,
      labels: sequences.labels.allSatisfy { !$0.isEmpty } ? sequences.labels : nil,
      kind: .sequences, lines: lines)
  }

  /// Keeps the items of some classes and relabels them by their place in `names`.
  ///
  /// For example, a 200-class Tiny-ImageNet validation set read for a model trained on 10 of
  /// its classes.
  /// - Parameter names: The class names, in the new label order.
  /// - Returns: The items whose class is in `names`, in their order; unchanged without class names.
  public func restricted(toClasses names: [String]) -> InputData {
    guard let labels, !classNames.isEmpty else { return self }
    let newLabel = Dictionary(
      names.enumerated().map { ($1, Float($0)) }, uniquingKeysWith: { first, _ in first })
    let kept = labels.indices.filter { item in
      labels[item].first.map {
        classNames.indices.contains(Int($0)) && newLabel[classNames[Int($0)]] != nil
      } ?? false
    }
    return InputData(
      inputs: inputs.gathering(kept), ids: kept.map { ids[$0] },
      labels: kept.map { [newLabel[classNames[Int(labels[$0][0])]] ?? 0] }, kind: kind,
      classNames: names,
      lines: lines.map { all in kept.map { all[$0] } })
  }

  /// Tiny-ImageNet images: validation images when the folder has `val/`, otherwise the training
  /// images of the classes in `wnids_subset.txt` (or of every `wnids.txt` class with a `train/` folder).
  private static func tinyImageNet(_ url: URL, scaling: PixelScaling) throws -> InputData {
    let dataset = try TinyImageNet(root: url)
    let manager = FileManager.default
    let hasValidation = manager.fileExists(atPath: url.appendingPathComponent("val").path)
    let images: LabeledImages
    if !hasValidation, manager.fileExists(atPath: url.appendingPathComponent("train").path) {
      let subset = url.appendingPathComponent("wnids_subset.txt")
      let wnids =
        manager.fileExists(atPath: subset.path)
        ? try TinyImageNet.lines(of: subset).map { $0.text.trimmingCharacters(in: .whitespaces) }
        : dataset.classes.map(\.wnid).filter {
          manager.fileExists(atPath: url.appendingPathComponent("train/\($0)/images").path)
        }
      images = try dataset.trainingImages(of: wnids, scaling: scaling)
    } else {
      images = try dataset.validationImages(scaling: scaling)
    }
    return InputData(
      inputs: images.images, ids: images.files, labels: images.labels.map { [Float($0)] },
      kind: .images,
      classNames: images.classes)
  }

  /// FASTA records with their `label=` values when the headers have them, and without labels
  /// when none has.
  ///
  /// A label that is not a number, a header without `label=` in a labelled file, or a row with
  /// another number of tasks is a ``LabelError`` naming the record and its line. The bases read
  /// are checked against the memory budget as they accumulate (17 bytes per base: the text and
  /// its one-hot row).
  /// - Returns: The records, and each record's header line.
  static func fastaRecords(_ url: URL, maximumRecordLength: Int? = nil) throws -> (
    records: LabeledSequences, lines: [Int]
  ) {
    let reader = try FASTAReader(url: url, maximumRecordLength: maximumRecordLength)
    var (ids, sequences, labels, lines) = ([String](), [[UInt8]](), [[Float]](), [Int]())
    var firstLabelled: (line: Int, tasks: Int)?
    var firstUnlabelled: (line: Int, record: String)?
    var totalBases = 0
    while let record = try reader.next() {
      totalBases += record.sequence.count
      try MemoryBudget.current.reserve(
        totalBases, of: 1 + 4 * MemoryLayout<Float>.stride,
        for:
          "\(reader.file):\(record.line): the \(totalBases) bases read up to record '\(record.id)'")
      ids.append(record.id)
      sequences.append(record.sequence)
      lines.append(record.line)
      guard let text = record.attributes["label"] else {
        firstUnlabelled = firstUnlabelled ?? (record.line, record.id)
        labels.append([])
        continue
      }
      var row: [Float] = []
      for part in text.split(separator: ",", omittingEmptySubsequences: false) {
        guard let value = Float(part), value.isFinite else {
          throw LabelError.invalidHeaderLabel(
            file: reader.file, line: record.line, record: record.id, value: String(part))
        }
        row.append(value)
      }
      if let first = firstLabelled, first.tasks != row.count {
        throw LabelError.taskCount(
          file: reader.file, line: record.line, expected: first.tasks, actual: row.count)
      }
      firstLabelled = firstLabelled ?? (record.line, row.count)
      labels.append(row)
    }
    if firstLabelled != nil, let missing = firstUnlabelled {
      throw LabelError.missingLabel(
        file: reader.file, line: missing.line, record: missing.record, key: "label")
    }
    if firstLabelled != nil {
      return (LabeledSequences(ids: ids, sequences: sequences, labels: labels), lines)
    }
    return (LabeledSequences(ids: ids, sequences: sequences, labels: ids.map { _ in [] }), lines)
  }

  /// The records of a DeepBind `.seq` file (labels from `Bound`), and each record's line.
  static func seqRecords(_ url: URL) throws -> (records: LabeledSequences, lines: [Int]) {
    let rows = try SeqFileReader(url: url).readAll()
    return (
      LabeledSequences(
        ids: rows.map(\.id), sequences: rows.map(\.sequence), labels: rows.map { [$0.label] }),
      rows.map(\.line)
    )
  }

}
