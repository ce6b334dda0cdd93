/// The null distributions of ``TomtomMatcher``: for each target length, the survival function of
/// the best alignment score of independent column draws.
///
/// In the score coordinate `k = nq·o + Σ_aligned (x − o)`, a span of query columns `i ... j`
/// (m columns) has the distribution `A_i,j = f_i ∗ … ∗ f_j` placed at `(nq − m)·o`. For a target
/// of length t the maximum over its alignments (see ``TomtomMatcher``) is built by
/// ```
/// pdf_max(k) = x(k)·Y(k) + y(k)·X(k) − x(k)·y(k)       (X, Y: cumulative sums of x, y)
/// ```
/// over the spans in turn, and `survival_t(k) = Σ_{k' ≥ k} pdf_t(k')` is summed from the top.
struct TomtomNull {
  /// `survival[t]`, indexed by score, for every needed target length t.
  let survival: [Int: [Double]]

  init(histograms: [[Double]], offset: Int, scoreBins: Int, lengths: Set<Int>, minimumOverlap: Int)
  {
    let width = histograms.count
    let size = width * scoreBins + width * offset + 1
    var maxima = [Int: [Double]]()
    let sortedLengths = lengths.sorted()
    for first in 0..<width {
      var span = [Double](repeating: 0, count: size)
      var support = (low: offset * (width - 1), high: offset * (width - 1) + scoreBins)
      for bin in 0...scoreBins { span[bin + offset * (width - 1)] = histograms[first][bin] }
      for last in first..<width {
        if last > first {
          span = Self.extend(
            span, with: histograms[last], offset: offset, support: &support, size: size)
        }
        let spanWidth = last - first + 1
        for length in sortedLengths {
          let copies = Self.copies(
            first: first, last: last, queryWidth: width, targetLength: length)
          guard copies > 0, spanWidth >= min(minimumOverlap, length, width) else { continue }
          for _ in 0..<copies { Self.combineMaximum(&maxima[length], with: span) }
        }
      }
    }
    var survival = [Int: [Double]]()
    for (length, pdf) in maxima {
      var row = [Double](repeating: 0, count: size + 1)
      var total = 0.0
      for index in stride(from: size - 1, through: 0, by: -1) {
        total += pdf[index]
        row[index] = min(max(total, 0), 1)
      }
      survival[length] = row
    }
    self.survival = survival
  }

  /// P(best score ≥ `score`) for a target of `length` columns.
  func survival(length: Int, score: Int) -> Double {
    guard let row = survival[length] else { return 1 }
    return row[min(max(score, 0), row.count - 1)]
  }

  /// How often the span `first ... last` is an alignment of a target of `targetLength` columns.
  static func copies(first: Int, last: Int, queryWidth: Int, targetLength: Int) -> Int {
    let spanWidth = last - first + 1
    let isPrefix = first == 0
    let isSuffix = last == queryWidth - 1
    if targetLength < queryWidth {
      if spanWidth == targetLength { return 1 }
      return (isPrefix || isSuffix) && spanWidth < targetLength ? 1 : 0
    }
    if isPrefix && isSuffix { return targetLength - queryWidth + 1 }
    return isPrefix || isSuffix ? 1 : 0
  }

  /// The span one column longer: `new(k − o + l) += old(k) · f(l)`.
  static func extend(
    _ span: [Double], with histogram: [Double], offset: Int, support: inout (low: Int, high: Int),
    size: Int
  ) -> [Double] {
    var next = [Double](repeating: 0, count: size)
    let bins = histogram.count
    span.withUnsafeBufferPointer { old in
      histogram.withUnsafeBufferPointer { f in
        next.withUnsafeMutableBufferPointer { new in
          for index in support.low...min(support.high, size - 1) where old[index] != 0 {
            let value = old[index]
            let base = index - offset
            for bin in 0..<bins where f[bin] != 0 && base + bin < size {
              new[base + bin] += value * f[bin]
            }
          }
        }
      }
    }
    support = (max(0, support.low - offset), min(size - 1, support.high - offset + bins - 1))
    return next
  }

  /// Replaces `maximum` by the distribution of the larger of two independent draws from it and
  /// from `span` (the first span is copied).
  static func combineMaximum(_ maximum: inout [Double]?, with span: [Double]) {
    guard var current = maximum else {
      maximum = span
      return
    }
    var currentTotal = 0.0
    var spanTotal = 0.0
    current.withUnsafeMutableBufferPointer { x in
      span.withUnsafeBufferPointer { y in
        for index in 0..<x.count {
          currentTotal += x[index]
          spanTotal += y[index]
          x[index] = x[index] * spanTotal + y[index] * currentTotal - x[index] * y[index]
        }
      }
    }
    maximum = current
  }
}
