/// Everything one HTML sanity-check report shows: the check results plus example explanations.
///
/// The report is a pure function of this value: the same content renders to byte-identical
/// HTML (no timestamps, no dictionary-order dependence), so reports can be diffed and
/// committed beside the results they describe.
public struct ReportContent: Sendable {
  /// The page title, such as `DeepBind CTCF: sanity checks`.
  public var title: String
  /// A line under the title: the command or the experiment's name.
  public var subtitle: String
  /// The tidy rows, verdicts and settings (see ``CheckReport``).
  public var report: CheckReport
  /// The model, in words (architecture, training data, accuracy).
  public var modelDescription: String
  /// The explained data, in words (file, number of items, selection).
  public var dataDescription: String
  /// DNA sequences with their attribution per method and stage, drawn as sequence logos.
  public var dnaExamples: [DNAExample]
  /// Images with their attribution per method and stage, drawn as heat-map grids.
  public var imageExamples: [ImageExample]
  /// Maps for two output classes, drawn side by side.
  public var classSensitivity: [ClassSensitivityExample]
  /// The similarity of an explanation with itself, by metric (the `original` point of each
  /// randomization curve); metrics not listed score 1, as correlations and SSIM do.
  public var perfectScores: [String: Double]

  /// Creates report content.
  /// - Parameters:
  ///   - title: The page title.
  ///   - subtitle: A line under the title.
  ///   - report: The check results.
  ///   - modelDescription: The model, in words.
  ///   - dataDescription: The data, in words.
  ///   - dnaExamples: Sequences to draw as logos (none by default).
  ///   - imageExamples: Images to draw as heat-map grids (none by default).
  ///   - classSensitivity: Class pairs to draw side by side (none by default).
  ///   - perfectScores: Self-similarity by metric, for metrics where it is not 1 (e.g. distances).
  public init(
    title: String, subtitle: String = "", report: CheckReport, modelDescription: String = "",
    dataDescription: String = "", dnaExamples: [DNAExample] = [],
    imageExamples: [ImageExample] = [],
    classSensitivity: [ClassSensitivityExample] = [], perfectScores: [String: Double] = [:]
  ) {
    self.title = title
    self.subtitle = subtitle
    self.report = report
    self.modelDescription = modelDescription
    self.dataDescription = dataDescription
    self.dnaExamples = dnaExamples
    self.imageExamples = imageExamples
    self.classSensitivity = classSensitivity
    self.perfectScores = perfectScores
  }
}
