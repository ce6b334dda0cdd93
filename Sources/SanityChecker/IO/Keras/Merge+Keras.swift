extension ElementwiseMerge: KerasConfigurable {
  var kerasClassName: String {
    switch operation {
    case .add: return "Add"
    case .subtract: return "Subtract"
    case .multiply: return "Multiply"
    case .average: return "Average"
    case .maximum: return "Maximum"
    case .minimum: return "Minimum"
    }
  }

  var kerasConfig: [String: JSONValue] { [:] }
}

extension Concatenate: KerasConfigurable {
  var kerasClassName: String { "Concatenate" }

  /// Keras counts the batch axis: item axis 1 of `[L, C]` is Keras axis 2; negative axes agree.
  var kerasConfig: [String: JSONValue] {
    ["axis": .number(Double(axis >= 0 ? axis + 1 : axis))]
  }
}
