/// How a backward pass propagates its signal through each layer.
///
/// Every layer's `backward` switches over the rule exhaustively, with no `default:`, so a new
/// rule makes every layer decide what it means for it. Rules never modify weights.
///
/// | layer | `gradient` | `guidedBackprop` | `deconvNet` | `epsilonLRP` |
/// |---|---|---|---|---|
/// | ReLU | s·1[z>0] | relu(s)·1[z>0] | relu(s) | s (pass) |
/// | Conv / Dense (grouped and transposed convolutions too) | Wᵀs | Wᵀs | Wᵀs | x ⊙ Wᵀ(R / (z + ε·sign z)) |
/// | max pool (windowed, global) | to the first max | same | same | same |
/// | average pool (K real inputs) | s/K | s/K | s/K | R/K, or x·R/(Σx + ε·sign Σx) |
/// | sigmoid, tanh, softmax | chain rule | chain rule | chain rule | pass |
/// | batch normalization `y = a·x + b` | a·s | a·s | a·s | x·a·R / (y + ε·sign y) |
/// | Flatten, Dropout, Reshape, Permute, cropping, zero padding, Gather | s (moved) | s | s | s |
/// | global sum pooling (K positions) | s | s | s | R/K, or x·R/(Σx + ε·sign Σx) |
/// | exponential, softplus, elu, selu, gelu, swish | chain rule | chain rule | chain rule | pass |
/// | merges (add, concatenate, …) | see the Graph Models article | | | |
///
/// In ε-LRP, `z` includes the bias and `sign(0) = +1`, as zennit 0.5.1 does.
public enum BackwardRule: Hashable, Sendable {
  /// The exact gradient (chain rule).
  case gradient
  /// Guided Backprop (Springenberg et al. 2015, arXiv:1412.6806): ReLUs pass relu(s)·1[z>0].
  case guidedBackprop
  /// DeconvNet (Zeiler & Fergus 2014, arXiv:1311.2901): ReLUs pass relu(s), ignoring the mask.
  case deconvNet
  /// ε-LRP (Bach et al. 2015, doi:10.1371/journal.pone.0130140), z-rule with ε·sign(z).
  case epsilonLRP(epsilon: Float, averagePooling: PoolingRedistribution = .even)
}

/// How ε-LRP redistributes relevance through an average-pooling window of K inputs.
public enum PoolingRedistribution: Hashable, Sendable {
  /// R/K to each input: the plain gradient, as zennit's reference outputs do.
  case even
  /// x_i·R/Σx to each input (proportional to its contribution; ε-stabilized).
  case proportional
}
