/// Seqlets by the recursive rule of tangermeme's `recursive_seqlets` (Schreiber, tangermeme 1.6,
/// github.com/jmschrei/tangermeme), on both signs.
///
/// ```
/// bin(s)        = clamp(⌊(s − min) / w⌋, 0, B − 1),   w = (max − min) / (B − 1)
/// f             = histogram of bin(s) over every position of every item (the background)
/// P_L(≥ k)      = P(sum of L independent draws from f ≥ k)          (f convolved L times)
/// p(k, L)       = max(P_L(≥ Σ_{i<L} bin(s_{k+i})), p(k, L − 1))    (p(k, m − 1) = 0 for L = m)
/// span [k, k+L) is called when every span [k', k'+L') inside it with L' ≥ m has p < threshold
/// ```
/// Spans are visited from the longest (``maximumLength``) to the shortest (``minimumLength``),
/// within one length by p (ties by start), and a span is taken only when none of its positions
/// is in a seqlet taken already; the reported p-value is the span's own `P_L`. Negative seqlets
/// are the positive seqlets of `−s` (with their own background), minus any that overlap a positive
/// one, with their sum negated back — the route tangermeme's documentation gives.
///
/// Defaults and deviations: tangermeme's defaults (threshold 0.01, lengths 4–25, 1000 bins, no
/// flank). The p-values rank spans and are not error rates: positions are not independent and the
/// background contains the signal (tangermeme's own caveat). No `X_control` false-discovery mode.
///
/// Properties: deterministic (no random draws); an all-constant input calls nothing; scaling
/// every score by a positive factor calls the same seqlets (the bins scale with the range).
/// Cost: the background is `O(B² · maximumLength²)` once per call and sign; calling is
/// `O(L · maximumLength)` per item, with `O(L · maximumLength)` memory.
public struct RecursiveSeqletCaller: Sendable {
  /// The p-value every span inside a seqlet must be below.
  public var threshold: Double
  /// The shortest seqlet, and the shortest span held to the threshold.
  public var minimumLength: Int
  /// The longest seqlet.
  public var maximumLength: Int
  /// Positions added on each side after calling (clipped to the sequence).
  public var flank: Int
  /// The number of bins of the background histogram.
  public var bins: Int

  /// Creates a caller.
  /// - Parameters:
  ///   - threshold: 0.01 by default.
  ///   - minimumLength: 4 by default.
  ///   - maximumLength: 25 by default.
  ///   - flank: 0 by default.
  ///   - bins: 1000 by default.
  /// - Throws: ``MotifDiscoveryError/invalidSetting(name:value:expected:)`` for a threshold
  ///   outside (0, 1], lengths below 1 or out of order, a negative flank, or fewer than 2 bins.
  public init(
    threshold: Double = 0.01, minimumLength: Int = 4, maximumLength: Int = 25, flank: Int = 0,
    bins: Int = 1000
  ) throws(MotifDiscoveryError) {
    guard threshold > 0, threshold <= 1 else {
      throw .invalidSetting(
        name: "seqlet threshold", value: "\(threshold)", expected: "a p-value in (0, 1]")
    }
    guard minimumLength >= 1, maximumLength >= minimumLength, maximumLength <= 256 else {
      throw .invalidSetting(
        name: "seqlet lengths", value: "\(minimumLength)-\(maximumLength)",
        expected: "1 ≤ minimum ≤ maximum ≤ 256")
    }
    guard flank >= 0, flank <= 1000 else {
      throw .invalidSetting(name: "seqlet flank", value: "\(flank)", expected: "0 to 1000")
    }
    guard bins >= 2, bins <= 10_000 else {
      throw .invalidSetting(name: "seqlet bins", value: "\(bins)", expected: "2 to 10000")
    }
    self.threshold = threshold
    self.minimumLength = minimumLength
    self.maximumLength = maximumLength
    self.flank = flank
    self.bins = bins
  }

  /// Positive and negative seqlets of every item.
  /// - Parameter scores: Per item, one score per position (``PositionScores``).
  /// - Returns: The seqlets, positive ones first, each sign ordered by item, then p-value, then
  ///   start.
  public func seqlets(_ scores: [[Float]]) -> [Seqlet] {
    let positive = signed(scores, sign: .positive)
    let negated = scores.map { $0.map { -$0 } }
    var taken = [Int: [Range<Int>]]()
    for seqlet in positive { taken[seqlet.item, default: []].append(seqlet.start..<seqlet.end) }
    let negative = signed(negated, sign: .negative).filter { seqlet in
      !(taken[seqlet.item] ?? []).contains { $0.overlaps(seqlet.start..<seqlet.end) }
    }
    return positive + negative
  }

  /// The seqlets of one sign, called on `values` (already negated for the negative sign).
  func signed(_ values: [[Float]], sign: Seqlet.Sign) -> [Seqlet] {
    guard let background = SeqletBackground(values, bins: bins, maximumLength: maximumLength) else {
      return []
    }
    var seqlets: [Seqlet] = []
    for (item, row) in values.enumerated() {
      for var seqlet in decode(row, background: background) {
        seqlet.item = item
        seqlet.sign = sign
        if sign == .negative { seqlet.attribution = -seqlet.attribution }
        seqlets.append(seqlet)
      }
    }
    return seqlets
  }

  /// The seqlets of one row, ordered by p-value then start.
  func decode(_ row: [Float], background: SeqletBackground) -> [Seqlet] {
    let length = row.count
    guard length >= minimumLength else { return [] }
    var binSums = [Int](repeating: 0, count: length + 1)
    var sums = [Double](repeating: 0, count: length + 1)
    for (position, value) in row.enumerated() {
      binSums[position + 1] = binSums[position] + background.bin(value)
      sums[position + 1] = sums[position] + Double(value)
    }
    let longest = min(maximumLength, length)
    // p[L][k]: the largest P over the prefixes of [k, k+L); q[L][k]: the largest p over the
    // spans inside it (its triangle). Rows below minimumLength are zeros.
    var p = [[Double]](repeating: [Double](repeating: 0, count: length + 1), count: longest + 1)
    var q = p
    for spanLength in minimumLength...max(minimumLength, longest) where spanLength <= longest {
      for start in 0...(length - spanLength) {
        let own = background.survival(
          length: spanLength, binSum: binSums[start + spanLength] - binSums[start])
        let value = max(own, p[spanLength - 1][start])
        p[spanLength][start] = value
        q[spanLength][start] = max(value, q[spanLength - 1][start + 1])
      }
    }
    var called = [Bool](repeating: false, count: length)
    var seqlets: [Seqlet] = []
    for spanLength in stride(from: longest, through: minimumLength, by: -1) {
      let candidates = (0...(length - spanLength)).filter { q[spanLength][$0] < threshold }
        .sorted { (p[spanLength][$0], $0) < (p[spanLength][$1], $1) }
      for start in candidates where !called[start..<(start + spanLength)].contains(true) {
        for position in start..<(start + spanLength) { called[position] = true }
        let own = background.survival(
          length: spanLength, binSum: binSums[start + spanLength] - binSums[start])
        let (from, to) = (max(0, start - flank), min(length, start + spanLength + flank))
        seqlets.append(
          Seqlet(
            item: 0, start: from, end: to, sign: .positive, attribution: sums[to] - sums[from],
            pValue: own))
      }
    }
    return seqlets.sorted { ($0.pValue, $0.start) < ($1.pValue, $1.start) }
  }
}
