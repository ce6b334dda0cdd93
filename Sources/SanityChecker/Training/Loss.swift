import Foundation

/// A training loss on the model's raw outputs (logits).
public enum Loss: String, Hashable, Sendable {
  /// Binary cross-entropy on logits, per output unit (multi-task), averaged:
  /// `ℓ = max(z, 0) − z·y + log(1 + e^(−|z|))`, `∂ℓ/∂z = σ(z) − y`.
  case binaryCrossEntropy = "binary-cross-entropy"
  /// Softmax cross-entropy on logits with integer class labels:
  /// `ℓ = log Σ e^(z_j) − z_y`, `∂ℓ/∂z = softmax(z) − onehot(y)`.
  case softmaxCrossEntropy = "softmax-cross-entropy"

  /// The mean loss over the batch and its gradient with respect to the logits.
  /// - Parameters:
  ///   - logits: `[N, O]`.
  ///   - labels: `[N, O]` targets in {0, 1} for binary; `[N, 1]` class indices for softmax.
  ///   - scale: The divisor of the mean (the full batch size when a batch is split into chunks).
  /// - Returns: The summed loss divided by `scale`, and ∂(that)/∂logits.
  func evaluate(logits: Tensor, labels: [Float], scale: Int) -> (loss: Double, gradient: Tensor) {
    let (batch, width) = (logits.batchSize, logits.itemCount)
    var total = 0.0
    var gradient = [Float](repeating: 0, count: logits.scalars.count)
    logits.withUnsafeBufferPointer { z in
      switch self {
      case .binaryCrossEntropy:
        for i in 0..<z.count {
          let (value, target) = (z[i], labels[i])
          total += Double(
            max(value, 0) - value * target + Foundation.log1p(Foundation.exp(-abs(value))))
          gradient[i] = (1 / (1 + Foundation.exp(-value)) - target) / Float(scale * width)
        }
        total /= Double(width)
      case .softmaxCrossEntropy:
        for item in 0..<batch {
          let row = item * width
          let target = Int(labels[item])
          var largest = -Float.infinity
          for j in 0..<width { largest = max(largest, z[row + j]) }
          var sum: Float = 0
          for j in 0..<width { sum += Foundation.exp(z[row + j] - largest) }
          total += Double(Foundation.log(sum) + largest - z[row + target])
          for j in 0..<width {
            let probability = Foundation.exp(z[row + j] - largest) / sum
            gradient[row + j] = (probability - (j == target ? 1 : 0)) / Float(scale)
          }
        }
      }
    }
    return (total / Double(scale), Tensor(shape: logits.shape, scalars: gradient))
  }
}

extension Loss {
  /// The mean loss over a batch and its gradient with respect to the logits.
  /// - Parameters:
  ///   - logits: `[N, O]`.
  ///   - labels: `[N, O]` binary targets, or `[N]` class indices.
  /// - Returns: The mean loss and ∂loss/∂logits.
  public func meanLossAndGradient(logits: Tensor, labels: [Float]) -> (
    loss: Double, gradient: Tensor
  ) {
    evaluate(logits: logits, labels: labels, scale: logits.batchSize)
  }
}
