/// One line of a sanity check's tidy results: a metric's mean over items (and seeds) for one
/// check, order, method, stage, seed and comparison view.
public struct ResultRow: Hashable, Sendable, Codable {
  /// The check: `model-randomization`, `smooth-model-randomization`, `efficient-model-randomization`,
  /// `label-randomization`, `class-sensitivity`, `input-invariance`, `motif-recovery`.
  public var check: String
  /// The randomization order (`cascading`, `bottom-up`, `independent`, `complete`) or `-`.
  public var order: String
  /// The explainer or control.
  public var method: String
  /// The stage: the layer randomized through, `original`, or the compared condition.
  public var layer: String
  /// The seed, or `all` for the summary over seeds.
  public var seed: String
  /// The metric's identifier.
  public var metric: String
  /// The comparison view (`full`, `observed-base`, `channel-sum`).
  public var view: String
  /// The mean over defined items (and seeds).
  public var mean: Double
  /// The sample standard deviation over defined items (and seeds); 0 for one value.
  public var sd: Double
  /// The number of defined values.
  public var n: Int
  /// The number of undefined values (e.g. rank correlation of a constant map), excluded from the mean.
  public var undefined: Int
  /// The per-item values (`nil` where undefined), when asked for.
  public var values: [Double?]?

  /// The TSV column names, in order.
  public static let columns = ["check", "order", "method", "layer", "seed", "metric", "view", "mean", "sd", "n", "undefined"]

  /// Summarizes values: mean and sample sd over the defined ones.
  /// - Parameters:
  ///   - check: The check.
  ///   - order: The order.
  ///   - method: The method.
  ///   - layer: The stage.
  ///   - seed: The seed or `all`.
  ///   - metric: The metric.
  ///   - view: The view.
  ///   - values: Per-item values, `nil` where undefined.
  ///   - keepValues: Whether to keep the per-item values in the row.
  public init(
    check: String, order: String, method: String, layer: String, seed: String, metric: String, view: String,
    values: [Double?], keepValues: Bool = false
  ) {
    self.check = check
    self.order = order
    self.method = method
    self.layer = layer
    self.seed = seed
    self.metric = metric
    self.view = view
    let defined = values.compactMap { $0 }.filter { $0.isFinite }
    n = defined.count
    undefined = values.count - defined.count
    mean = defined.isEmpty ? .nan : defined.reduce(0, +) / Double(defined.count)
    let centre = mean
    sd = defined.count > 1
      ? (defined.reduce(0) { $0 + ($1 - centre) * ($1 - centre) } / Double(defined.count - 1)).squareRoot() : 0
    self.values = keepValues ? values : nil
  }

  /// The row as TSV fields, in ``columns`` order.
  public var fields: [String] {
    [check, order, method, layer, seed, metric, view, Self.number(mean), Self.number(sd), String(n), String(undefined)]
  }

  /// A number as written in results (NaN as `nan`, 6 significant digits).
  static func number(_ value: Double) -> String {
    value.isNaN ? "nan" : String(format: "%.6g", value)
  }
}

import Foundation
