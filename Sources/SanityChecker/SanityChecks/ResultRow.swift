/// One line of a sanity check's tidy results: a metric's mean over items (and seeds) for one
/// check, order, method, stage, seed and comparison view, with its bootstrap interval.
public struct ResultRow: Hashable, Sendable {
  /// The check.
  public var check: CheckKind
  /// The randomization order, `nil` (written `-`) for checks without one.
  public var order: RandomizationOrder?
  /// The explainer or control (see ``control``), or `model` for a model's performance.
  public var method: String
  /// The stage: the layer randomized through, the trained model, or the compared condition.
  ///
  /// Written in the `layer` column.
  public var layer: ResultStage
  /// The seed, or ``SeedLabel/all`` for the summary over seeds.
  public var seed: SeedLabel
  /// The metric's identifier.
  public var metric: String
  /// The comparison view (`full`, `observed-base`, `channel-sum`) or `-`.
  public var view: String
  /// The mean over defined items (and seeds).
  public var mean: Double
  /// The sample standard deviation over defined items (and seeds); 0 for one value.
  public var sd: Double
  /// The lower end of the mean's 95% bootstrap interval (``Bootstrap``; NaN when undefined).
  public var ciLow: Double
  /// The upper end of the mean's 95% bootstrap interval.
  public var ciHigh: Double
  /// The number of defined values.
  public var n: Int
  /// The number of undefined values (such as the rank correlation of a constant map), excluded
  /// from the mean.
  public var undefined: Int
  /// The per-item values (`nil` where undefined), when asked for.
  public var values: [Double?]?
  /// The explained output unit's label (its name, or `output_i`) in runs over several targets;
  /// `nil` otherwise (no `target` column is written then).
  public var target: String?

  /// The TSV column names, in order.
  public static let columns = [
    "check", "order", "method", "layer", "seed", "metric", "view", "mean", "sd", "ci_low",
    "ci_high",
    "n", "undefined",
  ]

  /// The control this row's method is, if it is one.
  public var control: ControlExplainer.Kind? { ControlExplainer.Kind(rawValue: method) }

  /// Summarizes values of one or several replicates (seeds): the pooled mean and sample sd over
  /// the defined ones, and the mean's interval from a hierarchical bootstrap (replicates, then
  /// items within each).
  /// - Parameters:
  ///   - check: The check.
  ///   - order: The order (`nil` for none).
  ///   - method: The method.
  ///   - layer: The stage.
  ///   - seed: The seed, or `all` when `replicates` holds several seeds.
  ///   - metric: The metric.
  ///   - view: The view.
  ///   - replicates: Per replicate, per-item values, `nil` where undefined.
  ///   - keepValues: Whether to keep the (concatenated) per-item values in the row.
  ///   - bootstrap: The interval's settings.
  public init(
    check: CheckKind, order: RandomizationOrder?, method: String, layer: ResultStage,
    seed: SeedLabel,
    metric: String, view: String, replicates: [[Double?]], keepValues: Bool = false,
    bootstrap: Bootstrap = Bootstrap()
  ) {
    self.check = check
    self.order = order
    self.method = method
    self.layer = layer
    self.seed = seed
    self.metric = metric
    self.view = view
    let values = replicates.flatMap { $0 }
    let defined = values.compactMap { $0 }.filter { $0.isFinite }
    n = defined.count
    undefined = values.count - defined.count
    mean = defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
    let centre = mean
    sd =
      defined.count > 1
      ? (defined.reduce(0) { $0 + ($1 - centre) * ($1 - centre) } / Double(defined.count - 1))
        .squareRoot() : 0
    self.values = keepValues ? values : nil
    (ciLow, ciHigh) = (.nan, .nan)
    (ciLow, ciHigh) = bootstrap.meanInterval(
      replicates, name: fields.prefix(7).joined(separator: "\t"))
  }

  /// Summarizes the values of one replicate (see ``init(check:order:method:layer:seed:metric:view:replicates:keepValues:bootstrap:)``).
  /// - Parameters:
  ///   - check: The check.
  ///   - order: The order (`nil` for none).
  ///   - method: The method.
  ///   - layer: The stage.
  ///   - seed: The seed.
  ///   - metric: The metric.
  ///   - view: The view.
  ///   - values: Per-item values, `nil` where undefined.
  ///   - keepValues: Whether to keep the per-item values in the row.
  public init(
    check: CheckKind, order: RandomizationOrder?, method: String, layer: ResultStage,
    seed: SeedLabel,
    metric: String, view: String, values: [Double?], keepValues: Bool = false
  ) {
    self.init(
      check: check, order: order, method: method, layer: layer, seed: seed, metric: metric,
      view: view,
      replicates: [values], keepValues: keepValues)
  }

  /// The row as TSV fields, in ``columns`` order.
  public var fields: [String] {
    [
      check.rawValue, order?.rawValue ?? "-", method, layer.description, seed.description, metric,
      view,
      Self.number(mean), Self.number(sd), Self.number(ciLow), Self.number(ciHigh), String(n),
      String(undefined),
    ]
  }

  /// A number as written in results (NaN as `nan`, 6 significant digits).
  static func number(_ value: Double) -> String {
    value.isNaN ? "nan" : String(format: "%.6g", value)
  }
}
