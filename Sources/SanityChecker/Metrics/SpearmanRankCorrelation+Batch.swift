extension SpearmanRankCorrelation {
  /// Spearman's ρ of one reference map against many maps, ranking the reference once.
  ///
  /// Sanity checks compare one original attribution with the attributions of many
  /// randomized models. This ranks the reference once and reuses one workspace, so each
  /// further map costs one sort and no allocation. Every score equals
  /// `score(reference, map)` exactly.
  /// - Parameters:
  ///   - reference: The map every other map is compared with.
  ///   - maps: Maps of the reference's shape.
  /// - Returns: One score per map, in order; all `nil` when the reference is constant or NaN.
  public func scores(_ reference: Tensor, against maps: [Tensor]) -> [Double?] {
    let count = reference.scalars.count
    guard count >= 2 else { return maps.map { _ in nil } }
    var keys = [UInt64](repeating: 0, count: 2 * count)
    var referenceRanks = [Double](repeating: 0, count: count)
    var ranks = [Double](repeating: 0, count: count)
    return keys.withUnsafeMutableBufferPointer { keys in
      referenceRanks.withUnsafeMutableBufferPointer { referenceRanks in
        ranks.withUnsafeMutableBufferPointer { ranks in
          let isRanked = reference.withUnsafeBufferPointer { values in
            Ranking.averageRanks(
              of: values, isAbsolute: isAbsolute, keys: keys, into: referenceRanks)
          }
          return maps.map { map -> Double? in
            precondition(
              map.shape == reference.shape,
              "SpearmanRankCorrelation: shapes \(reference.shape) and \(map.shape) differ")
            guard isRanked,
              map.withUnsafeBufferPointer({ values in
                Ranking.averageRanks(of: values, isAbsolute: isAbsolute, keys: keys, into: ranks)
              })
            else { return nil }
            return Correlation.pearson(
              UnsafeBufferPointer(referenceRanks), UnsafeBufferPointer(ranks))
          }
        }
      }
    }
  }
}
