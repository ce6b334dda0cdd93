extension DeepBindScanner {
  /// Routes the signal through the winning window of each item under `rule`.
  ///
  /// See the type's discussion. Returns `[N, L, 4]`; bases outside the winning window get 0.
  public func backward(
    _ signal: Tensor, input: Tensor, output: Tensor, rule: BackwardRule
  ) -> Tensor {
    let (network, windows, winners) = winningWindows(input)
    let trace = network.forward(windows)
    let atWindows = network.backward(
      signal.reshaped([input.batchSize, 1]), trace: trace, rule: rule)
    return scatter(atWindows, winners: winners, like: input, windowLength: network.windowLength)
  }

  /// Parameter gradients of the summed scores at the winning windows, under the gradient rule.
  public func parameterGradients(
    _ signal: Tensor, input: Tensor, output: Tensor
  ) -> [String: Tensor] {
    let (network, windows, _) = winningWindows(input)
    let trace = network.forward(windows)
    return network.parameterGradients(signal.reshaped([input.batchSize, 1]), trace: trace)
  }

  /// The winner of each item, `(strand, start)`, and its padded window `[N, P, 4]`.
  private func winningWindows(_ input: Tensor) -> (
    DeepBindWindowNetwork, Tensor, [(strand: Int, start: Int)]
  ) {
    let scores = windowScores(input)
    let (batch, length) = (input.batchSize, input.shape[1])
    let (strands, count) = (scores.shape[1], scores.shape[2])
    let dims = dimensions
    let windowLength = length - count + 1
    let network = DeepBindWindowNetwork(
      weights: weights, dimensions: dims, windowLength: windowLength,
      hasAveragePooling: options.hasAveragePooling)
    var winners: [(strand: Int, start: Int)] = []
    scores.withUnsafeBufferPointer { s in
      for item in 0..<batch {
        var best = (score: -Float.infinity, index: 0)
        for k in 0..<(strands * count) where s[item * strands * count + k] > best.score {
          best = (s[item * strands * count + k], k)
        }
        winners.append((best.index / count, best.index % count))
      }
    }
    let (padding, padded) = (dims.detectorLength - 1, network.paddedLength)
    let unknown = options.unknownBaseValue
    let windows = Tensor(shape: [batch, padded, 4]) { w in
      for i in 0..<w.count { w[i] = unknown }
      input.withUnsafeBufferPointer { x in
        for (item, winner) in winners.enumerated() {
          for i in 0..<windowLength {
            let position = winner.start + i
            for base in 0..<4 {
              let source = Self.inputIndex(
                item: item, position: position, base: base, strand: winner.strand, length: length)
              w[(item * padded + padding + i) * 4 + base] = x[source]
            }
          }
        }
      }
    }
    return (network, windows, winners)
  }

  /// Adds the signal at each winning window's bases back to the input positions.
  private func scatter(
    _ atWindows: Tensor, winners: [(strand: Int, start: Int)], like input: Tensor, windowLength: Int
  ) -> Tensor {
    let length = input.shape[1]
    let (padding, padded) = (atWindows.shape[1] - windowLength, atWindows.shape[1])
    let offset = padding / 2
    return Tensor(shape: input.shape) { dx in
      for i in 0..<dx.count { dx[i] = 0 }
      atWindows.withUnsafeBufferPointer { s in
        for (item, winner) in winners.enumerated() {
          for i in 0..<windowLength {
            let position = winner.start + i
            for base in 0..<4 {
              let target = Self.inputIndex(
                item: item, position: position, base: base, strand: winner.strand, length: length)
              dx[target] += s[(item * padded + offset + i) * 4 + base]
            }
          }
        }
      }
    }
  }

  /// The flat input index of base `base` at `position` of a strand: on the reverse strand
  /// (1), position i is input position L−1−i and base b is 3−b (A↔T, C↔G).
  static func inputIndex(item: Int, position: Int, base: Int, strand: Int, length: Int) -> Int {
    strand == 0
      ? (item * length + position) * 4 + base
      : (item * length + length - 1 - position) * 4 + 3 - base
  }
}
