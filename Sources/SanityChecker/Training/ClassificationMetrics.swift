/// Accuracy and AUROC of model outputs against labels.
public enum ClassificationMetrics {
  /// The area under the ROC curve of scores for binary labels (ties counted one half).
  ///
  /// Computed as the Mann–Whitney U statistic with average ranks, `(R₊ − n₊(n₊+1)/2) / (n₊·n₋)`.
  /// - Parameters:
  ///   - scores: One score per item.
  ///   - labels: 1 for positives, 0 for negatives.
  /// - Returns: The AUROC, or `nil` when one class is absent.
  public static func auroc(scores: [Float], labels: [Float]) -> Double? {
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var ranks = [Double](repeating: 0, count: scores.count)
    var start = 0
    while start < order.count {
      var end = start
      while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
      let average = Double(start + end) / 2 + 1
      for position in start...end { ranks[order[position]] = average }
      start = end + 1
    }
    let positives = labels.filter { $0 > 0.5 }.count
    let negatives = labels.count - positives
    guard positives > 0, negatives > 0 else { return nil }
    let positiveRankSum = zip(ranks, labels).reduce(0.0) { $0 + ($1.1 > 0.5 ? $1.0 : 0) }
    return (positiveRankSum - Double(positives * (positives + 1)) / 2)
      / Double(positives * negatives)
  }

  /// The fraction of correct predictions.
  ///
  /// One output: positive when the logit is > 0. Several outputs with ``Loss/softmaxCrossEntropy``
  /// labels: the arg-max class. Several outputs with binary labels: every unit thresholded at 0.
  /// - Parameters:
  ///   - logits: `[N, O]`.
  ///   - labels: `[N, O]` binary, or `[N]` class indices.
  /// - Returns: The accuracy in [0, 1].
  public static func accuracy(logits: Tensor, labels: [Float]) -> Double {
    let (batch, width) = (logits.batchSize, logits.itemCount)
    guard batch > 0 else { return 0 }
    var correct = 0
    if labels.count == batch && width > 1 {
      for item in 0..<batch {
        let row = Array(logits.scalars[(item * width)..<((item + 1) * width)])
        let predicted = row.indices.max { row[$0] < row[$1] } ?? 0
        if predicted == Int(labels[item]) { correct += 1 }
      }
      return Double(correct) / Double(batch)
    }
    for i in 0..<logits.scalars.count where (logits.scalars[i] > 0) == (labels[i] > 0.5) {
      correct += 1
    }
    return Double(correct) / Double(logits.scalars.count)
  }
}
