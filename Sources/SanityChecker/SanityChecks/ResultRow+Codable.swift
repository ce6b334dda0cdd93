extension ResultRow: Codable {
  /// The JSON keys: the TSV columns' names, `values` and (with several targets) `target`.
  enum CodingKeys: String, CodingKey {
    case check, order, method, layer, seed, metric, view, mean, sd, n, undefined, values, target
    case ciLow = "ci_low"
    case ciHigh = "ci_high"
  }

  /// Reads a row written by ``encode(to:)``; rows written before intervals were recorded read
  /// them as NaN.
  /// - Parameter decoder: The decoder.
  /// - Throws: A decoding error, naming the unknown check or order.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    check = try container.decode(CheckKind.self, forKey: .check)
    let orderText = try container.decode(String.self, forKey: .order)
    if orderText == "-" {
      order = nil
    } else if let value = RandomizationOrder(rawValue: orderText) {
      order = value
    } else {
      throw DecodingError.dataCorruptedError(
        forKey: .order, in: container,
        debugDescription:
          "unknown order '\(orderText)'; expected \(RandomizationOrder.allCases.map(\.rawValue)) or -"
      )
    }
    method = try container.decode(String.self, forKey: .method)
    layer = ResultStage(parsing: try container.decode(String.self, forKey: .layer))
    seed = SeedLabel(parsing: try container.decode(String.self, forKey: .seed))
    metric = try container.decode(String.self, forKey: .metric)
    view = try container.decode(String.self, forKey: .view)
    mean = try container.decode(Double.self, forKey: .mean)
    sd = try container.decode(Double.self, forKey: .sd)
    ciLow = try container.decodeIfPresent(Double.self, forKey: .ciLow) ?? .nan
    ciHigh = try container.decodeIfPresent(Double.self, forKey: .ciHigh) ?? .nan
    n = try container.decode(Int.self, forKey: .n)
    undefined = try container.decode(Int.self, forKey: .undefined)
    values = try container.decodeIfPresent([Double?].self, forKey: .values)
    target = try container.decodeIfPresent(String.self, forKey: .target)
  }

  /// Writes the row with the same text as its TSV fields for the labelled columns.
  /// - Parameter encoder: The encoder.
  /// - Throws: An encoding error.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(check, forKey: .check)
    try container.encode(order?.rawValue ?? "-", forKey: .order)
    try container.encode(method, forKey: .method)
    try container.encode(layer.description, forKey: .layer)
    try container.encode(seed.description, forKey: .seed)
    try container.encode(metric, forKey: .metric)
    try container.encode(view, forKey: .view)
    try container.encode(mean, forKey: .mean)
    try container.encode(sd, forKey: .sd)
    try container.encode(ciLow, forKey: .ciLow)
    try container.encode(ciHigh, forKey: .ciHigh)
    try container.encode(n, forKey: .n)
    try container.encode(undefined, forKey: .undefined)
    try container.encodeIfPresent(values, forKey: .values)
    try container.encodeIfPresent(target, forKey: .target)
  }
}
