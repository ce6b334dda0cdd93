/// One entry of a Keras model configuration's layer list, with typed, checked field access.
///
/// Each accessor throws ``ModelFileError/invalidConfiguration(file:location:reason:)`` naming
/// the layer and the field when a value is missing or has the wrong JSON type.
struct KerasLayerEntry: Sendable {
  /// The Keras class, such as `Conv1D`.
  let className: String
  /// The layer's name, such as `conv1d_1`.
  let name: String
  /// The layer's `config` object.
  let config: [String: JSONValue]
  /// The file (or JSON file) the configuration came from, for messages.
  let file: String

  /// Where the entry is, for messages: `layer 'conv1d_1' (Conv1D)`.
  var location: String { "layer '\(name)' (\(className))" }

  func invalid(_ key: String, _ expectation: String) -> ModelFileError {
    .invalidConfiguration(file: file, location: location, reason: "'\(key)' \(expectation)")
  }

  /// An integer field; a one-element list (Keras stores `kernel_size: [24]`) also counts.
  func integer(_ key: String, default fallback: Int? = nil) throws(ModelFileError) -> Int {
    let values = try integers(key, count: 1, default: fallback.map { [$0] })
    return values[0]
  }

  /// A list of `count` integers; a single integer is repeated (`pool_size: 2` means `[2, 2]`).
  func integers(_ key: String, count: Int, default fallback: [Int]? = nil) throws(ModelFileError)
    -> [Int]
  {
    guard let value = config[key], value != .null else {
      guard let fallback else { throw invalid(key, "is missing") }
      return fallback
    }
    if let single = value.integer { return Array(repeating: single, count: count) }
    guard let list = value.array?.compactMap(\.integer), list.count == value.array?.count,
      list.count == count
    else {
      throw invalid(key, "should be \(count == 1 ? "an integer" : "a list of \(count) integers")")
    }
    return list
  }

  /// An integer field that must be at least `minimum` (a stride, a pool or kernel size, a unit
  /// count): a layer config with `strides: 0` is refused here, naming the file and the layer.
  func integer(_ key: String, atLeast minimum: Int, default fallback: Int? = nil)
    throws(ModelFileError) -> Int
  {
    try integers(key, count: 1, atLeast: minimum, default: fallback.map { [$0] })[0]
  }

  /// Like ``integers(_:count:default:)``, each value at least `minimum`.
  func integers(_ key: String, count: Int, atLeast minimum: Int, default fallback: [Int]? = nil)
    throws(ModelFileError) -> [Int]
  {
    let values = try integers(key, count: count, default: fallback)
    if let bad = values.first(where: { $0 < minimum }) {
      throw invalid(key, "is \(bad), expected an integer ≥ \(minimum)")
    }
    return values
  }

  /// The borders of `Cropping2D`/`ZeroPadding2D` as `[top, bottom, left, right]`: Keras
  /// writes `((top, bottom), (left, right))`, and also accepts one integer for all four or a
  /// pair `(rows, columns)` for both sides; the default is 1 everywhere.
  func borders(_ key: String) throws(ModelFileError) -> [Int] {
    try requireChannelsLast()
    guard let value = config[key], value != .null else { return [1, 1, 1, 1] }
    if let single = value.integer, single >= 0 { return [single, single, single, single] }
    let items = value.array ?? []
    let flat = items.map { $0.integer }
    if items.count == 2, flat.allSatisfy({ ($0 ?? -1) >= 0 }) {
      let (rows, columns) = (flat[0] ?? 0, flat[1] ?? 0)
      return [rows, rows, columns, columns]
    }
    let pairs = items.map { $0.array?.compactMap(\.integer) ?? [] }
    guard pairs.count == 2, pairs.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0 >= 0 } }) else {
      throw invalid(key, "should be ((top, bottom), (left, right)) of integers ≥ 0")
    }
    return pairs[0] + pairs[1]
  }

  /// Like ``integers(_:count:default:)``, but `nil` when the field is absent or `null`.
  func optionalIntegers(_ key: String, count: Int, atLeast minimum: Int = Int.min)
    throws(ModelFileError) -> [Int]?
  {
    guard let value = config[key], value != .null else { return nil }
    return try integers(key, count: count, atLeast: minimum)
  }

  /// A string field.
  func string(_ key: String, default fallback: String? = nil) throws(ModelFileError) -> String {
    guard let value = config[key], value != .null else {
      guard let fallback else { throw invalid(key, "is missing") }
      return fallback
    }
    guard let string = value.string else { throw invalid(key, "should be a string") }
    return string
  }

  /// A Boolean field.
  func bool(_ key: String, default fallback: Bool) throws(ModelFileError) -> Bool {
    guard let value = config[key], value != .null else { return fallback }
    guard let bool = value.bool else { throw invalid(key, "should be true or false") }
    return bool
  }

  /// A numeric field, as `Float`.
  func float(_ key: String, default fallback: Float? = nil) throws(ModelFileError) -> Float {
    guard let value = config[key], value != .null else {
      guard let fallback else { throw invalid(key, "is missing") }
      return fallback
    }
    guard let number = value.number else { throw invalid(key, "should be a number") }
    return Float(number)
  }

  /// A setting that must have one of the supported values, or
  /// ``ModelFileError/unsupportedSetting(file:layer:setting:value:)``.
  func setting<Value: RawRepresentable<String>>(
    _ key: String, as type: Value.Type, default fallback: String? = nil
  ) throws(ModelFileError) -> Value {
    let raw = try string(key, default: fallback)
    guard let value = Value(rawValue: raw) else {
      throw .unsupportedSetting(file: file, layer: name, setting: key, value: raw)
    }
    return value
  }

  /// The fused or standalone activation (`linear` when absent).
  func activation() throws(ModelFileError) -> Activation {
    guard let value = config["activation"], value != .null else { return .linear }
    guard let raw = value.string else {
      throw .unsupportedSetting(
        file: file, layer: name, setting: "activation", value: value.serialized)
    }
    guard let activation = Activation(rawValue: raw == "silu" ? "swish" : raw),
      activation != .geluTanh
    else {
      throw .unsupportedSetting(file: file, layer: name, setting: "activation", value: raw)
    }
    return activation
  }

  /// Refuses `data_format: channels_first`: SanityChecker is channels-last throughout.
  func requireChannelsLast() throws(ModelFileError) {
    let format = try string("data_format", default: "channels_last")
    guard format == "channels_last" else {
      throw .unsupportedSetting(file: file, layer: name, setting: "data_format", value: format)
    }
  }
}
