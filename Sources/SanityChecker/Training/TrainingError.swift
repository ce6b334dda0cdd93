/// Training data that does not fit the model: wrong shapes, label counts or label values.
///
/// Each case names the data set (`training` or `validation`, or a file the caller gives) and,
/// for a label, the item (its record id and the line it was read from, when known) and the
/// value, and ends with a remedy.
public enum TrainingError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The inputs do not have the model's input shape.
  case inputShape(data: String, expected: Shape, actual: Shape)
  /// The number of labels is not one (softmax) or one per output (binary) for every item.
  case labelCount(data: String, labels: Int, items: Int, perItem: Int)
  /// A label value is not allowed by the loss: a class index outside the model's classes, or
  /// a binary target outside [0, 1]. `line` is the 1-based line of the item's record in the
  /// file `data` (a FASTA header, a `.seq` row), when the data came from a text file.
  case labelValue(
    data: String, item: Int, record: String?, line: Int?, value: Float, allowed: String)
  /// Training and validation data have different numbers of tasks (labels per item).
  case taskCount(training: Int, validation: Int)
  /// The training set is empty.
  case empty(data: String)

  /// A message naming the data set and the item, with a remedy.
  public var description: String {
    switch self {
    case .inputShape(let data, let expected, let actual):
      return "\(data): inputs have shape \(actual), but the model takes \(expected); "
        + "give inputs of the model's shape or build the model for these inputs"
    case .labelCount(let data, let labels, let items, let perItem):
      return
        "\(data): \(labels) labels for \(items) items, expected \(perItem) per item (\(perItem * items)); "
        + "give every item one label per model output (or one class index)"
    case .labelValue(let data, let item, let record, let line, let value, let allowed):
      let name = record.map { "record '\($0)' (item \(item + 1))" } ?? "item \(item + 1)"
      let place = line.map { "\(data):\($0)" } ?? data
      return "\(place): \(name) has label \(Self.format(value)), expected \(allowed); "
        + "fix the label or train a model with more outputs"
    case .taskCount(let training, let validation):
      return
        "the training data have \(training) labels per item but the validation data \(validation); "
        + "give both the same tasks"
    case .empty(let data):
      return "\(data): no items to train on; give a file with labelled items"
    }
  }

  private static func format(_ value: Float) -> String {
    value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : "\(value)"
  }
}
