/// Exact incremental ISM for chains of local layers ending in global pooling or `Flatten → Dense`.
///
/// Nair et al. 2022, "fastISM", doi:10.1093/bioinformatics/btac135.
///
/// The original sequence's activation is kept at every local layer. A substitution at position
/// `l` changes each local layer's output only in the window ``LocalChain`` derives (the window
/// grows by each convolution's span and shrinks through pooling strides); for each mutant only
/// that window is recomputed. A convolution adds `K·Δ` of the changed input positions to its
/// cached pre-activation (``IncrementalLocalLayer``); pooling and pointwise layers recompute
/// their window from the changed window below, completed with the cached activation. The first
/// non-local layer updates its cached result from the window alone (``PositionSummaryLayer``):
/// a dense layer adds `W·Δ` over the window's rows, a global max combines the window with the
/// prefix and suffix maxima outside it, a global average adds the window's change. The
/// remaining layers run once per mutant, batched.
///
/// Cost per mutant on DeepSEA (1,000 bp): about 29 M multiply-adds (4·8 taps of the third
/// convolution, 3·8 of the second, 11 positions of the first dense layer) against 1.1 G for a
/// full forward pass.
///
/// Properties:
/// - Equal to naive ISM to float rounding (1e-5 of the largest delta in the tests): the
///   recomputed windows sum the same terms in another order, and windows may recompute a few
///   unchanged positions (which then get their value again).
/// - A mutant whose first non-local result equals the original's value for value gets a delta
///   of exactly 0; so does the observed base.
/// - Positions are cut into chunks of at most ``positionsPerChunk`` (fewer only when one chunk
///   would not fit in an eighth of the memory budget); the cut does not depend on the thread
///   count.
struct FastISMChain: Sendable {
  /// The chain of the explained model.
  let chain: LocalChain
  /// The explained model.
  let model: Model

  /// Positions per chunk when the memory budget allows.
  static let positionsPerChunk = 64

  /// The plan for a model, or why there is none.
  /// - Parameter model: The explained model, on `[L, 4]`.
  /// - Returns: The plan, or the layer that stops it.
  static func plan(for model: Model) -> Result<FastISMChain, LocalChain.Unsupported> {
    LocalChain.of(model).map { FastISMChain(chain: $0, model: model) }
  }

  /// The positions one chunk takes within the memory budget.
  var chunkPositions: Int {
    let bytesPerPosition = 4 * chain.scalarsPerMutant * MemoryLayout<Float>.stride
    return min(
      Self.positionsPerChunk, MemoryBudget.current.items(each: bytesPerPosition, share: 0.125))
  }

  /// The deltas `[N, L, 4, O]` of every output, and the original outputs `[N, O]`.
  /// - Parameter input: `[N, L, 4]`.
  /// - Returns: The deltas and the original outputs.
  func deltas(for input: Tensor) -> (deltas: Tensor, outputs: Tensor) {
    let length = chain.length
    let width = model.outputShape.count
    var deltas: [Tensor] = []
    var outputs: [Tensor] = []
    for item in 0..<input.batchSize {
      let x = input.items(item..<(item + 1))
      let original = model.evaluate(x, at: [model.outputNode])[0]
      let cache = chain.cache(of: x)
      let summary = chain.head.summary(
        of: cache.headInput, length: chain.headLength, channels: chain.headChannels)
      let parts = Parallel.mapChunks(count: length, chunkSize: chunkPositions) { positions in
        mutantDeltas(positions, x: x.scalars, cache: cache, summary: summary, width: width)
      }
      deltas.append(Tensor(shape: [1, length, 4, width], scalars: parts.flatMap { $0 }))
      outputs.append(original.reshaped([1, width]))
    }
    return (Tensor.concatenating(deltas), Tensor.concatenating(outputs))
  }
}
