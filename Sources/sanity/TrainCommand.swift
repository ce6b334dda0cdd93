import ArgumentParser
import Foundation
import SanityChecker

/// `sanity train`: trains a model and writes it as a Keras full-model `.h5`.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract:
      "Train a model (DeepBind architecture, a small image CNN, or a Keras JSON architecture).",
    discussion: """
      Labels come from the training file (FASTA `label=`, .seq `Bound`, IDX labels, Tiny-ImageNet classes).
      A file of positives only (DeepBind's *_AC.seq) gets one dinucleotide-shuffled negative per sequence.
      Example: sanity train --architecture deepbind --train Genomes/example-train.fa.gz --limit 2000 --epochs 2 --output model.h5
      """)

  @Option(help: "deepbind, image-cnn, or a Keras JSON architecture file.")
  var architecture: String
  @Option(help: "Training data with labels.")
  var train: String
  @Option(help: "Validation data with labels (reported each epoch; used for early stopping).")
  var valid: String?
  @Option(help: "Output model (.h5, Keras 2 full-model layout).")
  var output: String
  @Option(parsing: .unconditional, help: "Epochs (at least 1).")
  var epochs: Int = 10
  @Option(parsing: .unconditional, help: "Mini-batch size (at least 1).")
  var batchSize: Int = 64
  @Option(parsing: .unconditional, help: "Learning rate (above 0).")
  var learningRate: Float = 3e-3
  @Option(help: "adam or sgd (momentum 0.9).")
  var optimizer: String = "adam"
  @Option(
    parsing: .unconditional,
    help:
      "Without --valid, hold out this share (between 0 and 1) of the training items (seeded) for validation."
  )
  var validationSplit: Double?
  @Option(
    parsing: .unconditional,
    help: "Stop after this many epochs without validation improvement (at least 1).")
  var patience: Int?
  @Option(parsing: .unconditional, help: "Use only the first N training items (at least 1).")
  var limit: Int?
  @OptionGroup var common: CommonOptions

  func validate() throws {
    try FlagCheck.atLeast(1, epochs, "--epochs")
    try FlagCheck.atLeast(1, batchSize, "--batch-size")
    try FlagCheck.positive(learningRate, "--learning-rate")
    if let validationSplit {
      try FlagCheck.within(validationSplit, 0, 1, "--validation-split", open: true)
    }
    try FlagCheck.atLeast(1, patience, "--patience")
    try FlagCheck.atLeast(1, limit, "--limit")
    guard ["adam", "sgd"].contains(optimizer) else {
      throw ValidationError("--optimizer must be adam or sgd, not '\(optimizer)'")
    }
  }

  func run() throws {
    try common.apply()
    let architectureFile = ["deepbind", "image-cnn"].contains(architecture) ? nil : architecture
    let (destination, _) = try Outputs.destination(
      output, formats: [.hdf5], inputs: [train, valid, architectureFile])
    var training = try Self.labelled(train, limit: limit, seed: common.seed)
    var validation = try valid.map { path in
      let data = try Self.labelled(path, limit: nil, seed: common.seed &+ 1)
      // A Tiny-ImageNet validation folder lists all 200 classes: keep and relabel the trained ones.
      guard data.kind == .images, !training.classNames.isEmpty,
        data.classNames != training.classNames
      else { return data }
      let restricted = data.restricted(toClasses: training.classNames)
      guard !restricted.ids.isEmpty else {
        throw ValidationError("\(path): has none of the training classes")
      }
      return restricted
    }
    if validation == nil, let fraction = validationSplit {
      (training, validation) = training.split(validationFraction: fraction, seed: common.seed)
    }
    let outputs =
      training.classNames.isEmpty ? training.labels?.first?.count ?? 1 : training.classNames.count
    let model = try initialModel(for: training, outputs: outputs)
    let loss: Loss = training.kind == .images ? .softmaxCrossEntropy : .binaryCrossEntropy
    let rule: Optimizer =
      optimizer == "sgd" ? .sgd(learningRate: learningRate) : .adam(learningRate: learningRate)
    let trainer = Trainer(
      .init(
        loss: loss, optimizer: rule, epochs: epochs, batchSize: batchSize, seed: common.seed,
        patience: patience))
    try trainer.validate(
      model, inputs: training.inputs, labels: training.flatLabels ?? [],
      validation: validation.map { ($0.inputs, $0.flatLabels ?? []) },
      names: (train, valid ?? "validation split"),
      records: training.ids, lines: training.lines)
    let (trained, history) = trainer.train(
      model, inputs: training.inputs, labels: training.flatLabels ?? [],
      validation: validation.map { ($0.inputs, $0.flatLabels ?? []) })
    for epoch in history where !common.quiet {
      Progress.note(Self.describe(epoch), quiet: common.quiet)
    }
    guard let url = destination.url else {
      throw OutputError.standardOutputNotSupported(format: "HDF5")
    }
    try trained.writeKeras(
      to: url, targetNames: training.classNames.isEmpty ? [] : [training.classNames])
    Progress.note("wrote \(output)", quiet: common.quiet)
  }

  /// The untrained model for the data.
  func initialModel(for data: InputData, outputs: Int) throws -> Model {
    let shape = data.inputs.shape.item
    switch architecture {
    case "deepbind":
      guard data.kind == .sequences else {
        throw ValidationError("--architecture deepbind needs DNA sequences")
      }
      return try Architectures.deepBind(length: shape[0], outputs: outputs, seed: common.seed)
    case "image-cnn":
      guard data.kind == .images else {
        throw ValidationError("--architecture image-cnn needs images")
      }
      return try Architectures.imageCNN(
        height: shape[0], width: shape[1], channels: shape[2], classes: outputs, seed: common.seed)
    default:
      return try Model.initializedKeras(
        architecture: URL(fileURLWithPath: architecture), seed: common.seed)
    }
  }

  /// Labelled data; positives-only DNA gets shuffled negatives.
  static func labelled(_ path: String, limit: Int?, seed: UInt64) throws -> InputData {
    let data = try InputCheck.nonEmpty(
      try InputData.load(URL(fileURLWithPath: path)).prefix(limit), file: path)
    guard data.labels != nil else {
      throw ValidationError("\(path): has no labels (FASTA needs label= in every header)")
    }
    return data.kind == .sequences && data.hasOnlyPositives
      ? data.withShuffledNegatives(seed: seed) : data
  }

  static func describe(_ epoch: Trainer.EpochReport) -> String {
    var text = String(
      format: "epoch %d: loss %.4f, accuracy %.4f", epoch.epoch, epoch.trainingLoss,
      epoch.trainingAccuracy)
    if let auroc = epoch.trainingAUROC { text += String(format: ", AUROC %.4f", auroc) }
    if let loss = epoch.validationLoss, let accuracy = epoch.validationAccuracy {
      text += String(format: "; validation loss %.4f, accuracy %.4f", loss, accuracy)
      if let auroc = epoch.validationAUROC { text += String(format: ", AUROC %.4f", auroc) }
    }
    return text
  }
}
