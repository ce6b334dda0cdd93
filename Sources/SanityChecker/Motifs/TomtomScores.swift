import Foundation

/// One query's binned column scores against every database column (``TomtomMatcher``).
///
/// ```
/// x_i,j = ⌊(s_i,j − m_i − a)·λ + ½⌋,   gamma_j,i = x_i,j − o,   f_i(x) = #{j : x_i,j = x} / C
/// ```
struct TomtomScores {
  /// The query's width nq.
  let queryWidth: Int
  /// `gamma[j · nq + i]`: the binned score of query column i against database column j, minus
  /// the offset (so a column's median scores about 0).
  let gamma: [Int]
  /// `histograms[i][x]`: the share of database columns whose bin against query column i is x.
  let histograms: [[Double]]
  /// The offset o = −a·λ.
  let offset: Int

  init(query: [[Double]], columns: [[Double]], configuration: TomtomMatcher.Configuration) {
    let width = query.count
    let count = columns.count
    var scores = [[Double]](repeating: [], count: width)
    var lows = [Double](repeating: 0, count: width)
    var medians = [Double](repeating: 0, count: width)
    var lowest = 9_999_999.9
    var highest = -9_999_999.9
    for (index, column) in query.enumerated() {
      let row = columns.map { configuration.similarity.score(column, $0) }
      let (low, high) = (row.min() ?? 0, row.max() ?? 0)
      let median = Self.binnedMedian(row, low: low, high: high, bins: configuration.medianBins)
      (scores[index], lows[index], medians[index]) = (row, low, median)
      lowest = min(lowest, low - median)
      highest = max(highest, high - median)
    }
    let floorLow = Int(lowest.rounded(.down))
    let scale = Int(
      (Double(configuration.scoreBins) / max(highest - Double(floorLow), 1)).rounded(.down))
    let offset = -floorLow * scale
    var gamma = [Int](repeating: 0, count: count * width)
    var histograms = [[Double]](
      repeating: [Double](repeating: 0, count: configuration.scoreBins + 1), count: width)
    let share = 1 / Double(count)
    for index in 0..<width {
      let shifted = medians[index] + Double(floorLow)
      for column in 0..<count {
        let bin = Int(((scores[index][column] - shifted) * Double(scale) + 0.5).rounded(.down))
        let clamped = min(max(bin, 0), configuration.scoreBins)
        histograms[index][clamped] += share
        gamma[column * width + index] = clamped - offset
      }
    }
    queryWidth = width
    self.gamma = gamma
    self.histograms = histograms
    self.offset = offset
  }

  /// memesuite-lite's binned median: values are put in `bins` equal bins over [low, high], the
  /// bins are counted up to half the values, and the mean of the bin reached is returned.
  static func binnedMedian(_ values: [Double], low: Double, high: Double, bins: Int) -> Double {
    let range = high - low
    guard range != 0 else { return low }
    var counts = [Int](repeating: 0, count: bins)
    var sums = [Double](repeating: 0, count: bins)
    for value in values {
      let bin = Int((value - low) / range * Double(bins - 1))
      counts[bin] += 1
      sums[bin] += value
    }
    let halfway = Double(values.count) / 2
    var seen = 0
    for bin in 0..<bins {
      seen += counts[bin]
      if Double(seen) >= halfway { return sums[bin] / Double(counts[bin]) }
    }
    return low
  }
}
