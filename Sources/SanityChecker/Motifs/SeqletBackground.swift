/// The background of ``RecursiveSeqletCaller``: binned scores and the survival function of the
/// sum of `L` independent binned scores, for every `L` up to the longest seqlet.
///
/// ```
/// pdf_1 = f,   pdf_L = pdf_{L−1} ∗ f,   survival_L(k) = Σ_{j ≥ k} pdf_L(j)
/// ```
/// The survival function is summed from the top, so small tail probabilities keep their relative
/// precision (as tangermeme does).
struct SeqletBackground: Sendable {
  /// The lowest score.
  let minimum: Double
  /// The width of one bin.
  let width: Double
  /// The number of bins.
  let bins: Int
  /// `survival[L][k]`: P(sum of L bins ≥ k), for k in `0 ... bins·L` (the last entry 0).
  let survival: [[Double]]

  /// Builds the background of every score in `values`; `nil` when all scores are equal (or none
  /// is finite), where no span can stand out.
  init?(_ values: [[Float]], bins: Int, maximumLength: Int) {
    var low = Double.infinity
    var high = -Double.infinity
    var count = 0
    for row in values {
      for value in row where value.isFinite {
        low = min(low, Double(value))
        high = max(high, Double(value))
        count += 1
      }
    }
    guard count > 0, high > low else { return nil }
    minimum = low
    width = (high - low) / Double(bins - 1)
    self.bins = bins
    var histogram = [Double](repeating: 0, count: bins)
    for row in values {
      for value in row where value.isFinite {
        histogram[Self.bin(Double(value), minimum: low, width: width, bins: bins)] += 1
      }
    }
    let frequencies = histogram.map { $0 / Double(count) }
    let nonzero = frequencies.indices.filter { frequencies[$0] != 0 }
    var table: [[Double]] = [[1, 0]]
    var pdf = frequencies
    for length in 1...maximumLength {
      if length > 1 {
        var next = [Double](repeating: 0, count: bins * length)
        pdf.withUnsafeBufferPointer { previous in
          next.withUnsafeMutableBufferPointer { output in
            for bin in nonzero {
              let weight = frequencies[bin]
              for index in previous.indices where previous[index] != 0 {
                output[index + bin] += previous[index] * weight
              }
            }
          }
        }
        pdf = next
      }
      var row = [Double](repeating: 0, count: pdf.count + 1)
      var total = 0.0
      for index in stride(from: pdf.count - 1, through: 0, by: -1) {
        total += pdf[index]
        row[index] = min(1, total)
      }
      table.append(row)
    }
    survival = table
  }

  /// The bin of one score (non-finite scores take the lowest bin).
  func bin(_ value: Float) -> Int {
    value.isFinite ? Self.bin(Double(value), minimum: minimum, width: width, bins: bins) : 0
  }

  /// P(sum of `length` bins ≥ `binSum`).
  func survival(length: Int, binSum: Int) -> Double {
    let row = survival[length]
    return row[min(max(binSum, 0), row.count - 1)]
  }

  static func bin(_ value: Double, minimum: Double, width: Double, bins: Int) -> Int {
    min(max(Int(((value - minimum) / width).rounded(.down)), 0), bins - 1)
  }
}
