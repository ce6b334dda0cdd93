import ArgumentParser

/// Range checks of numeric flags, with messages that name the flag as it is typed.
enum FlagCheck {
  /// Requires `value ≥ minimum`.
  static func atLeast<Value: BinaryInteger>(_ minimum: Value, _ value: Value, _ flag: String) throws
  {
    guard value >= minimum else {
      throw ValidationError("\(flag) must be at least \(minimum), not \(value)")
    }
  }

  /// Requires `value ≥ minimum` when the flag was given.
  static func atLeast<Value: BinaryInteger>(_ minimum: Value, _ value: Value?, _ flag: String)
    throws
  {
    if let value { try atLeast(minimum, value, flag) }
  }

  /// Requires a finite value above zero.
  static func positive<Value: BinaryFloatingPoint>(_ value: Value, _ flag: String) throws {
    guard value.isFinite, value > 0 else {
      throw ValidationError("\(flag) must be a finite number above 0, not \(value)")
    }
  }

  /// Requires a finite value.
  static func finite<Value: BinaryFloatingPoint>(_ value: Value?, _ flag: String) throws {
    if let value, !value.isFinite {
      throw ValidationError("\(flag) must be a finite number, not \(value)")
    }
  }

  /// Requires `low ≤ value ≤ high` (or `low < value < high` when `open`).
  static func within(
    _ value: Double, _ low: Double, _ high: Double, _ flag: String, open: Bool = false
  ) throws {
    let inside = open ? (value > low && value < high) : (value >= low && value <= high)
    guard value.isFinite, inside else {
      let bounds = open ? "between \(low) and \(high), exclusive" : "between \(low) and \(high)"
      throw ValidationError("\(flag) must be \(bounds), not \(value)")
    }
  }

  /// Requires a unit index within the model's outputs.
  static func unit(_ value: Int, _ flag: String, outputs: Int) throws {
    guard (0..<outputs).contains(value) else {
      throw ValidationError(
        "\(flag) \(value) is outside the model's \(outputs) outputs; give 0 to \(outputs - 1)")
    }
  }
}
