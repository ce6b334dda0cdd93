/// A DeepBind model as one layer: input `[N, L, 4]` → score `[N, 1]`, with v0.11 semantics.
///
/// DeepBind (Alipanahi et al., *Nat Biotechnol* 33:831, 2015, doi:10.1038/nbt.3300) scores a
/// sequence as follows (DeepBind v0.11, the `deepbind` command-line tool):
/// ```
/// W = ⌊1.5·M⌋; windows = every W-base window (stride 1) if L > W, else the whole sequence
/// for each strand (forward; reverse complement if enabled), for each window:
///   pad M−1 columns of 0.25 on both sides; z = full cross-correlation with K (T = W+M−1) + thresholds
///   h = [max_t relu(z_d)] (or interleaved [max, mean] per detector with average pooling)
///   score = h·W1 + b1, or relu(h·W1 + b1)·W2 + b2 with a hidden layer
/// output = max over windows and strands
/// ```
/// Unknown bases are expected as 0.25 in all four channels, as DeepBind encodes them.
///
/// Backward passes route the signal to the winning window of the winning strand (the first
/// maximum, forward strand first, windows left to right), run the window network's backward
/// pass under the rule (ReLUs as ``Activation``, dense layers as ``Dense``, the conv as a linear
/// layer with the ε-LRP z-rule), and scatter the result to the input positions; on the reverse
/// strand position i maps to L−1−i and A↔T, C↔G. Padding columns are constants: they get no
/// gradient, and under ε-LRP the relevance they would receive is dropped, as a bias's is.
///
/// Properties:
/// - Forward scores use shared diagonal sums in `Double` (see `DeepBindWindowScorer`) and match
///   DeepBind v0.11 to about 1e-6; the backward pass recomputes the winning window with im2col
///   and sgemm in `Float`.
/// - The score is piecewise linear in the input, so central differences match the gradient
///   exactly away from ReLU kinks, pooling ties and window ties.
public struct DeepBindScanner: ParameterizedLayer {
  /// Parameter keys, as the converted HDF5 datasets without `:0`.
  enum Key {
    static let detectors = "conv1d_1/kernel"
    static let thresholds = "conv1d_1/bias"
    static let weights1 = "dense_1/kernel"
    static let biases1 = "dense_1/bias"
    static let weights2 = "dense_2/kernel"
    static let biases2 = "dense_2/bias"
  }

  /// The layer's name: the DeepBind model id, such as `D00328.018`.
  public var name: String
  /// The scoring switches.
  public let options: DeepBindOptions
  /// The arrays keyed `conv1d_1/kernel`, `conv1d_1/bias`, `dense_1/kernel`, `dense_1/bias`
  /// and, with a hidden layer, `dense_2/kernel`, `dense_2/bias`.
  public var parameters: [String: Tensor]

  /// Assembles a DeepBind layer from its arrays (params file or HDF5) and checks their shapes.
  /// - Parameters:
  ///   - name: The layer's name.
  ///   - weights: The arrays in Keras layouts.
  ///   - options: The scoring switches; average pooling must match `weights1`'s rows.
  /// - Throws: ``ModelError/parameterShape(layer:parameter:expected:actual:)`` for the first misfit.
  public init(name: String, weights: DeepBindWeights, options: DeepBindOptions) throws(ModelError) {
    _ = try weights.dimensions(options: options, layer: name)
    self.name = name
    self.options = options
    self.parameters = weights.parameters
  }

  /// The arrays as ``DeepBindWeights``.
  public var weights: DeepBindWeights {
    let empty = Tensor(shape: [0])
    return DeepBindWeights(
      detectors: parameters[Key.detectors] ?? empty,
      thresholds: parameters[Key.thresholds] ?? empty,
      weights1: parameters[Key.weights1] ?? empty, biases1: parameters[Key.biases1] ?? empty,
      weights2: parameters[Key.weights2], biases2: parameters[Key.biases2])
  }

  /// The keys from the conv to the output layer.
  public var parameterOrder: [String] {
    let dense2 = parameters[Key.weights2] == nil ? [] : [Key.weights2, Key.biases2]
    return [Key.detectors, Key.thresholds, Key.weights1, Key.biases1] + dense2
  }

  /// `[1]` for an input `[L, 4]` with L ≥ 1.
  public func outputShape(for input: Shape) throws(ModelError) -> Shape {
    guard input.rank == 2, input[1] == 4, input[0] >= 1 else {
      throw .shapeMismatch(layer: name, expected: "[L, 4] with L ≥ 1", actual: input)
    }
    _ = try weights.dimensions(options: options, layer: name)
    return [1]
  }

  /// The checked sizes; the shapes were validated at creation and by `outputShape(for:)`.
  var dimensions: DeepBindDimensions {
    do {
      return try weights.dimensions(options: options, layer: name)
    } catch {
      preconditionFailure("DeepBindScanner '\(name)': \(error)")
    }
  }

  /// The best window score of either strand, `[N, 1]`.
  public func forward(_ input: Tensor) -> Tensor {
    let scores = windowScores(input)
    let (batch, perItem) = (scores.shape[0], scores.shape[1] * scores.shape[2])
    return Tensor(shape: [batch, 1]) { out in
      scores.withUnsafeBufferPointer { s in
        for item in 0..<batch {
          var best = -Float.infinity
          for k in 0..<perItem { best = max(best, s[item * perItem + k]) }
          out[item] = best
        }
      }
    }
  }

  /// The score of every window of every strand, before the maximum.
  /// - Parameter input: `[N, L, 4]`.
  /// - Returns: `[N, S, windows]`: S = 2 strands (forward, then reverse complement) or 1;
  ///   `windows = L − min(L, W) + 1`, window k covering bases `k ..< k + min(L, W)` of its strand.
  public func windowScores(_ input: Tensor) -> Tensor {
    precondition(
      input.shape.rank == 3 && input.shape[2] == 4,
      "DeepBindScanner: input \(input.shape) != [N, L, 4]")
    let dims = dimensions
    let (batch, length) = (input.batchSize, input.shape[1])
    let scorer = DeepBindWindowScorer(
      weights: weights, dimensions: dims, options: options, sequenceLength: length)
    let strands = options.hasReverseComplement ? 2 : 1
    let windows = scorer.windowCount
    let workspace = DeepBindWindowScorer.Workspace(scorer)
    let features = Tensor(shape: [batch * strands * windows, dims.features]) { h in
      var reverse = [Float](repeating: 0, count: length * 4)
      input.withUnsafeBufferPointer { x in
        reverse.withUnsafeMutableBufferPointer { rc in
          for item in 0..<batch {
            let sequence = UnsafeBufferPointer(
              rebasing: x[(item * length * 4)..<((item + 1) * length * 4)])
            for strand in 0..<strands {
              if strand == 1 { Self.reverseComplement(sequence, into: rc) }
              let row = (item * strands + strand) * windows * dims.features
              let target = UnsafeMutableBufferPointer(
                rebasing: h[row..<(row + windows * dims.features)])
              scorer.features(
                of: strand == 1 ? UnsafeBufferPointer(rc) : sequence, into: target,
                workspace: workspace)
            }
          }
        }
      }
    }
    let network = DeepBindWindowNetwork(
      weights: weights, dimensions: dims, windowLength: scorer.windowLength,
      hasAveragePooling: options.hasAveragePooling)
    let hidden = network.firstDense.forward(features)
    let scores = network.secondDense?.forward(hidden) ?? hidden
    return scores.reshaped([batch, strands, windows])
  }

  /// Writes the reverse complement of `[L, 4]` (A, C, G, T): position i ← L−1−i, base b ← 3−b.
  static func reverseComplement(
    _ sequence: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>
  ) {
    let length = sequence.count / 4
    for i in 0..<length {
      for base in 0..<4 { output[i * 4 + base] = sequence[(length - 1 - i) * 4 + 3 - base] }
    }
  }
}
