import Foundation

/// The scalar through which a profile head is explained, as BPNet does: the profile logits
/// weighted by their own softmax, with the softmax treated as a constant.
///
/// ```
/// p = softmax(x)  over all units of the item, held constant (detached)
/// y = Σ_i p_i · x_i
/// ```
/// Avsec et al. 2021, doi:10.1038/s41588-021-00782-6, and bpnet-lite's `_ProfileLogitScaling`
/// (`(logits * softmax(logits).detach()).sum(-1)`). Attributions of `y` weigh each position
/// by how much of the predicted profile it carries, without the softmax's own gradient.
///
/// Shapes: input `[N, …]` (the flattened profile, or `[N, L, S]`), output `[N, 1]`.
///
/// Backward rules, with `p` from the forward pass's input:
/// - gradient, Guided Backprop, DeconvNet: `s · p_i` (the layer is linear with weights `p`);
/// - ε-LRP: `x_i p_i · R / (y + ε·sign y)`, the z-rule of that linear map;
/// - DeepLIFT passes the gradient. **Deviation:** the reference's scalar uses the reference's
///   own softmax, so summation-to-delta holds only up to the change of `p`.
public struct BPNetProfileScalar: Layer {
  /// The layer's name.
  public var name: String

  /// Creates the scalar layer.
  /// - Parameter name: The layer's name.
  public init(name: String) { self.name = name }

  /// `[1]`.
  /// - Throws: ``ModelError/shapeMismatch(layer:expected:actual:)`` for an empty item.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank >= 1, input.count >= 1 else {
      throw .shapeMismatch(layer: name, expected: "a profile of at least one unit", actual: input)
    }
    return [1]
  }

  /// `softmax(x)` over each item's units.
  private func weights(_ input: Tensor) -> Tensor {
    var flat = input.reshaped([input.batchSize, input.itemCount])
    Activation.softmax.apply(to: &flat)
    return flat.reshaped(input.shape)
  }

  /// `Σ_i p_i x_i` per item.
  public func forward(_ input: Tensor) -> Tensor {
    let weighted = weights(input).multiplied(by: input)
    return Tensor(shape: [input.batchSize, 1], scalars: weighted.itemSums())
  }

  /// The signal at the profile logits (see the rules above).
  public func backward(_ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule)
    -> Tensor
  {
    let p = weights(input)
    let width = input.itemCount
    var perItem = [Float](repeating: 0, count: input.batchSize)
    switch rule {
    case .gradient, .guidedBackprop, .deconvNet:
      for item in perItem.indices { perItem[item] = signal.scalars[item] }
      return Self.scaled(p, perItem: perItem, width: width)
    case .epsilonLRP(let epsilon, _):
      for item in perItem.indices {
        let z = output.scalars[item]
        let denominator = z + (z >= 0 ? epsilon : -epsilon)
        perItem[item] = denominator == 0 ? 0 : signal.scalars[item] / denominator
      }
      return Self.scaled(p.multiplied(by: input), perItem: perItem, width: width)
    }
  }

  /// `t[n, i] · factor[n]`.
  private static func scaled(_ t: Tensor, perItem: [Float], width: Int) -> Tensor {
    Tensor(shape: t.shape) { out in
      t.withUnsafeBufferPointer { x in
        for i in 0..<x.count { out[i] = x[i] * perItem[i / width] }
      }
    }
  }
}
