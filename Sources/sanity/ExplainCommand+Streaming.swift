import ArgumentParser
import Foundation
import SanityChecker

extension ExplainCommand {
  /// Whether the input is a sequence file that can be streamed (FASTA or `.seq`, plain or gzip).
  var isStreamableInput: Bool {
    let name = inputOptions.input.lowercased()
    let stem = name.hasSuffix(".gz") ? String(name.dropLast(3)) : name
    return [".fa", ".fasta", ".fna", ".seq"].contains { stem.hasSuffix($0) }
  }

  /// Whether the records (up to `--limit`) have several lengths and `--lengths` keeps them: the
  /// maps are then ragged and written from memory, one length group at a time.
  func hasSeveralLengths() throws -> Bool {
    guard case .reject = try inputOptions.lengthPolicy() else { return false }
    let reader = try sequenceReader()
    var (bases, length, seen) = ([UInt8](), Int?.none, 0)
    while seen < (inputOptions.limit ?? .max), try reader.nextSequence(into: &bases) != nil {
      if let length, length != bases.count { return true }
      (length, seen) = (bases.count, seen + 1)
    }
    return false
  }

  /// A fresh reader over the input's records.
  func sequenceReader() throws -> any SequenceRecordReader {
    let url = URL(fileURLWithPath: inputOptions.input)
    let name = url.lastPathComponent.lowercased()
    return name.hasSuffix(".seq") || name.hasSuffix(".seq.gz")
      ? try SeqFileReader(url: url) : try FASTAReader(url: url)
  }

  /// Explains a sequence file batch by batch into an `.h5`, in constant memory: one pass counts
  /// the records, a second encodes, explains and writes 1,024 sequences at a time.
  /// - Returns: `false`, having written nothing, when `--target` selects several units.
  func streamSequences(_ explainer: any Explainer, to destination: OutputDestination) throws
    -> Bool
  {
    var bases: [UInt8] = []
    var first: [UInt8]?
    let counter = try sequenceReader()
    var total = 0
    while try counter.nextSequence(into: &bases) != nil {
      if first == nil { first = bases }
      total += 1
    }
    let count = min(total, inputOptions.limit ?? total)
    guard count > 0, let first else {
      throw ValidationError("\(inputOptions.input): the input has no records")
    }
    let encoder = OneHot(
      unknownBase: inputOptions.unknownAsZero ? .zero : .quarter,
      lengthPolicy: try inputOptions.lengthPolicy())
    let probe = try encoder.encode([first])
    let model = try modelOptions.explainedHead(
      of: ReadWatchdog.reading(modelOptions.model) {
        try ModelLoader.load(
          URL(fileURLWithPath: modelOptions.model),
          architecture: modelOptions.architecture.map { URL(fileURLWithPath: $0) },
          sequenceLength: probe.shape[1])
      }.adapted(toSequenceLength: probe.shape[1]))
    do throws(ModelError) {
      try model.validate(input: probe)
    } catch {
      throw ModelFileError.inputDoesNotFit(
        input: inputOptions.input, file: modelOptions.model, error)
    }
    let selection = try targetOptions.selection(for: model)
    if let selection, selection.count > 1 { return false }
    let target = selection?.indices.first
    let itemShape = try explainer.attribution(for: probe, targets: [target ?? 0], in: model).values
      .shape.item
    var settings = methodOptions.settings.mapValues { HDF5AttributeValue.string($0, .variableUTF8) }
    settings["seed"] = .string(String(common.seed), .variableUTF8)
    settings["input_file"] = .string(inputOptions.input, .variableUTF8)
    let progress = Progress(method, total: count, quiet: common.quiet)
    try StreamingAttributionExport.write(
      to: destination, itemShape: itemShape, count: count,
      metadata: .init(
        method: method, targets: [], modelFile: modelOptions.model, settings: settings)
    ) { export in
      _ = try encoder.forEachBatch(from: try sequenceReader(), batchSize: 1024) { batch in
        guard batch.offset < count else { return }
        let inputs = batch.inputs.items(0..<min(batch.inputs.batchSize, count - batch.offset))
        let targets =
          target.map { [Int](repeating: $0, count: inputs.batchSize) }
          ?? model.predictedTargets(inputs)
        try export.append(
          try explainer.numberingItems(from: batch.offset).attribution(
            for: inputs, targets: targets, in: model),
          ids: Array(batch.ids.prefix(inputs.batchSize)))
        progress.update(batch.offset + inputs.batchSize)
      }
    }
    Progress.note("wrote \(output): \(method) for \(count) sequences", quiet: common.quiet)
    return true
  }
}
