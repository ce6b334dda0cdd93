import Foundation

extension RunSummary {
  /// The report page: verdicts, curves, logos of example sequences per stage, and a class pair.
  /// - Parameter model: The trained model (its layers are listed).
  /// - Returns: The page's content.
  /// - Throws: ``MotifError`` when the motif file cannot be read (task names).
  public func reportContent(model: Model) throws -> ReportContent {
    let configuration = part.manifest.configuration
    let motifs =
      try configuration.checks.motifRecovery.map {
        try MEMEMotif.read(URL(fileURLWithPath: $0.memeFile))
      } ?? []
    func taskName(_ task: Int) -> String {
      task < motifs.count ? motifs[task].name : "task \(task)"
    }
    let examples = part.examples.map { example in
      DNAExample(
        id: example.id, sequence: example.sequence,
        motif: example.motif.flatMap { $0.count == 2 ? $0[0]..<$0[1] : nil },
        stages: example.stages.map {
          StageMap(stage: $0.stage, method: $0.method, values: $0.values)
        })
    }
    let pairs = part.classPairs.map { pair in
      ClassSensitivityExample(
        id: pair.id, method: pair.method, classA: "\(taskName(0)) task",
        classB: "\(taskName(1)) task", mapA: pair.mapA,
        mapB: pair.mapB, width: pair.mapA.count)
    }
    return ReportContent(
      title: configuration.title, subtitle: configuration.subtitle, report: report,
      modelDescription: "\(configuration.model) (\(model.layerNames.joined(separator: " → ")))",
      dataDescription: "\(configuration.inputs.file), \(part.total) sequences of \(part.length) bp",
      dnaExamples: examples, classSensitivity: pairs)
  }
}
