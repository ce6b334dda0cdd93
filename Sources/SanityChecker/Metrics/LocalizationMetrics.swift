/// How well one map's per-position scores single out known positions (a planted motif).
///
/// ```
/// AUROC  = P(score of a random positive > score of a random negative) + ½ P(tie)
///        = (Σ_{positives} rank − P(P + 1)/2) / (P · N)        (ranks averaged over ties)
/// AUPR   = Σ_t (R_t − R_{t−1}) · Prec_t                        (average precision; one step per
///                                                              distinct score, ties together)
/// SNR_max  = mean_{inside} |s| / max_{background} |s|
/// SNR_mean = mean_{inside} |s| / mean_{background} |s|
/// ```
/// The Koo lab's `interpretability_performance` scores attribution maps of simulated sequences
/// by AUROC and AUPR against the positions of planted motifs whose column information exceeds
/// 0.01 bits (Koo and Eddy 2019, doi:10.1371/journal.pcbi.1007560; Koo and Ploenzke 2021,
/// doi:10.1038/s42256-020-00291-x). The signal-to-noise ratios compare the map's magnitude inside the
/// motif with the background's largest and typical magnitude (deviation: taken on the per-position
/// score's magnitude, so a strongly negative motif also counts as signal). Average precision
/// follows scikit-learn's `average_precision_score` (ties form one threshold).
///
/// **Chance levels.** A map unrelated to the positions gives AUROC ½, SNR_mean 1, and AUPR
/// ``expectedAveragePrecision(positives:length:)``, which is above the positive fraction P / L for
/// few positives (0.186 for 15 of 100, against 0.15).
///
/// **Properties.** AUROC and AUPR depend only on the order of the scores; AUROC(−s) = 1 − AUROC(s).
/// Every value is `nil` when undefined: no positive or no negative position, or (SNR) a background
/// of zeros.
public enum LocalizationMetrics {
  /// The area under the ROC curve of `scores` against `labels`.
  /// - Parameters:
  ///   - scores: One score per position (NaN ranks lowest).
  ///   - labels: `true` at the known positions.
  /// - Returns: AUROC in [0, 1], or `nil` without positives or negatives.
  public static func auroc(scores: [Float], labels: [Bool]) -> Double? {
    let positives = labels.filter { $0 }.count
    let negatives = labels.count - positives
    guard positives > 0, negatives > 0, scores.count == labels.count else { return nil }
    let ranks = averageRanks(scores)
    var sum = 0.0
    for (rank, label) in zip(ranks, labels) where label { sum += rank }
    let p = Double(positives)
    return (sum - p * (p + 1) / 2) / (p * Double(negatives))
  }

  /// Average precision (the area under the precision-recall curve, step-wise).
  /// - Parameters:
  ///   - scores: One score per position.
  ///   - labels: `true` at the known positions.
  /// - Returns: AUPR in [0, 1], or `nil` without positives.
  public static func averagePrecision(scores: [Float], labels: [Bool]) -> Double? {
    let positives = labels.filter { $0 }.count
    guard positives > 0, scores.count == labels.count else { return nil }
    let key = scores.map { $0.isNaN ? -Float.infinity : $0 }
    let order = key.indices.sorted { key[$0] > key[$1] }
    var (truePositives, seen, previousRecall, area) = (0, 0, 0.0, 0.0)
    var index = 0
    while index < order.count {
      let value = key[order[index]]
      while index < order.count && key[order[index]] == value {
        if labels[order[index]] { truePositives += 1 }
        seen += 1
        index += 1
      }
      let recall = Double(truePositives) / Double(positives)
      area += (recall - previousRecall) * Double(truePositives) / Double(seen)
      previousRecall = recall
    }
    return area
  }

  /// The expected average precision of a uniformly random order of L positions, P of them
  /// positive.
  ///
  /// ```
  /// E[AP] = (1 / L) · (H_L + (P − 1)(L − H_L) / (L − 1)),    H_L = Σ_{r=1}^{L} 1/r
  /// ```
  /// A positive at rank r has, on average, 1 + (r − 1)(P − 1)/(L − 1) positives at or above it;
  /// its rank is uniform over 1 … L.
  /// - Parameters:
  ///   - positives: P ≥ 1.
  ///   - length: L ≥ P.
  /// - Returns: E[AP], `nil` when P < 1 or L < P.
  public static func expectedAveragePrecision(positives: Int, length: Int) -> Double? {
    guard positives >= 1, length >= positives else { return nil }
    guard length > 1 else { return 1 }
    let harmonic = (1...length).reduce(0.0) { $0 + 1 / Double($1) }
    let l = Double(length)
    return (harmonic + Double(positives - 1) * (l - harmonic) / (l - 1)) / l
  }

  /// The signal-to-noise of magnitudes inside the known positions against the background.
  /// - Parameters:
  ///   - scores: One score per position (magnitudes are taken).
  ///   - inside: `true` at the known positions.
  ///   - background: `true` at the background positions.
  /// - Returns: `(max, mean)`: the mean inside over the background's maximum and mean; each
  ///   `nil` when undefined.
  public static func signalToNoise(scores: [Float], inside: [Bool], background: [Bool])
    -> (max: Double?, mean: Double?)
  {
    var (insideSum, insideCount, backgroundSum, backgroundCount) = (0.0, 0, 0.0, 0)
    var backgroundMax = 0.0
    for index in scores.indices where scores[index].isFinite {
      let value = Double(abs(scores[index]))
      if inside[index] {
        insideSum += value
        insideCount += 1
      } else if background[index] {
        backgroundSum += value
        backgroundCount += 1
        backgroundMax = max(backgroundMax, value)
      }
    }
    guard insideCount > 0, backgroundCount > 0 else { return (nil, nil) }
    let signal = insideSum / Double(insideCount)
    let backgroundMean = backgroundSum / Double(backgroundCount)
    return (
      backgroundMax > 0 ? signal / backgroundMax : nil,
      backgroundMean > 0 ? signal / backgroundMean : nil
    )
  }

  /// Ranks 1 … n in increasing score order, tied scores sharing their average rank (NaN lowest).
  static func averageRanks(_ scores: [Float]) -> [Double] {
    let key = scores.map { $0.isNaN ? -Float.infinity : $0 }
    let order = key.indices.sorted { key[$0] < key[$1] }
    var ranks = [Double](repeating: 0, count: scores.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count && key[order[end + 1]] == key[order[start]] { end += 1 }
      let rank = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = rank }
      start = end + 1
    }
    return ranks
  }
}
