/// Per-item similarity of two batches of attribution maps under a metric and a view.
enum MapComparison {
  /// The metric's score for each item of `a` against the same item of `b`.
  /// - Parameters:
  ///   - a: Maps `[N, …]` (e.g. the original model's).
  ///   - b: Maps of the same shape (e.g. a randomized model's).
  ///   - input: The explained inputs `[N] + inputShape` (the views need the one-hot bases).
  ///   - metric: The similarity metric.
  ///   - view: How DNA maps are reduced before comparing.
  /// - Returns: One score per item, `nil` where undefined.
  /// - Throws: ``MetricError`` when the metric cannot read maps of this shape.
  static func scores(
    _ a: Tensor, _ b: Tensor, input: Tensor, metric: any SimilarityMetric, view: AttributionView
  ) throws(MetricError) -> [Double?] {
    precondition(a.shape == b.shape, "MapComparison: \(a.shape) != \(b.shape)")
    try metric.validate(
      mapShape: comparedShape(of: a.shape.item, input: input.shape.item, view: view))
    let parts = Parallel.mapChunks(count: a.batchSize, chunkSize: 64) { range in
      range.map { item -> Double? in
        let (left, right, x) = (
          a.items(item..<(item + 1)), b.items(item..<(item + 1)), input.items(item..<(item + 1))
        )
        let itemShape = a.shape.item
        let inputShape = input.shape.item
        guard appliesView(to: itemShape, input: inputShape) else {
          return metric.score(left.reshaped(itemShape), right.reshaped(itemShape))
        }
        return metric.score(
          view.values(of: left.reshaped(itemShape), input: x.reshaped(inputShape)),
          view.values(of: right.reshaped(itemShape), input: x.reshaped(inputShape)))
      }
    }
    return parts.flatMap { $0 }
  }

  /// The metric's score for each item of `reference` against the same item of each of `maps`.
  ///
  /// Equal to ``scores(_:_:input:metric:view:)`` per map; each reference item is prepared once
  /// for all maps through ``SimilarityMetric/scores(_:against:)``.
  /// - Parameters:
  ///   - reference: Maps `[N, …]` (the original model's).
  ///   - maps: Batches of the same shape (e.g. one per randomization stage).
  ///   - input: The explained inputs `[N] + inputShape`.
  ///   - metric: The similarity metric.
  ///   - view: How DNA maps are reduced before comparing.
  /// - Returns: Per batch of `maps`, one score per item.
  /// - Throws: ``MetricError`` when the metric cannot read maps of this shape.
  static func scores(
    _ reference: Tensor, against maps: [Tensor], input: Tensor, metric: any SimilarityMetric,
    view: AttributionView
  ) throws(MetricError) -> [[Double?]] {
    for map in maps {
      precondition(
        reference.shape == map.shape, "MapComparison: \(reference.shape) != \(map.shape)")
    }
    let itemShape = reference.shape.item
    let inputShape = input.shape.item
    let isDNAView = appliesView(to: itemShape, input: inputShape)
    try metric.validate(mapShape: comparedShape(of: itemShape, input: inputShape, view: view))
    let parts = Parallel.mapChunks(count: reference.batchSize, chunkSize: 64) { range in
      range.map { item -> [Double?] in
        let x = isDNAView ? input.items(item..<(item + 1)).reshaped(inputShape) : nil
        func prepared(_ batch: Tensor) -> Tensor {
          let map = batch.items(item..<(item + 1)).reshaped(itemShape)
          return x.map { view.values(of: map, input: $0) } ?? map
        }
        return metric.scores(prepared(reference), against: maps.map(prepared))
      }
    }
    let perItem = parts.flatMap { $0 }
    return maps.indices.map { index in perItem.map { $0[index] } }
  }

  /// Whether a DNA view reduces maps of this shape: maps `[L, 4]` of one-hot inputs `[L, 4]`.
  ///
  /// Image maps and 1-D maps (Grad-CAM) are compared in full.
  /// - Parameters:
  ///   - mapShape: The shape of one map.
  ///   - inputShape: The shape of one input.
  /// - Returns: `true` when ``AttributionView`` applies.
  static func appliesView(to mapShape: Shape, input inputShape: Shape) -> Bool {
    mapShape == inputShape && mapShape.rank == 2 && mapShape.dimensions.last == 4
  }

  /// The name of the view rows are labelled with: the view for DNA maps, `full` otherwise.
  /// - Parameters:
  ///   - view: The configured view.
  ///   - mapShape: The shape of one map.
  ///   - inputShape: The shape of one input.
  /// - Returns: The view's raw value, or `full` when the view does not apply.
  static func viewName(_ view: AttributionView, mapShape: Shape, input inputShape: Shape) -> String
  {
    appliesView(to: mapShape, input: inputShape) ? view.rawValue : AttributionView.full.rawValue
  }

  /// The shape of one compared map after the view.
  static func comparedShape(of mapShape: Shape, input inputShape: Shape, view: AttributionView)
    -> Shape
  {
    guard appliesView(to: mapShape, input: inputShape), view != .full else { return mapShape }
    return Shape(Array(mapShape.dimensions.dropLast()))
  }
}
