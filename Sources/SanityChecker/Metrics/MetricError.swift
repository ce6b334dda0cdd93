/// A metric asked to compare maps it cannot read.
public enum MetricError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The maps have a shape the metric does not define a score for.
  case unsupportedShape(metric: String, shape: Shape, supported: String)

  /// A message naming the metric and the shape, with a remedy.
  public var description: String {
    switch self {
    case .unsupportedShape(let metric, let shape, let supported):
      return "metric '\(metric)' cannot compare maps of shape \(shape); it reads \(supported); "
        + "choose another metric (e.g. spearman) for these maps"
    }
  }
}
