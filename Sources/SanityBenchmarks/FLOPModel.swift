import SanityChecker

/// The FLOP count of a forward pass, as the peers' `RESULTS.md` counts it.
///
/// ```
/// FLOP = 2 · Σ_layers MAC,  Conv: output positions × kernel size,  Dense: kernel size
/// ```
/// Multiply-adds count as 2; bias, activations and pooling are ignored. This gives 240,704
/// FLOP per sequence for the DNA model and 19,675,904 per image for the MNIST CNN.
enum FLOPModel {
  /// FLOPs of one item's forward pass.
  static func forward(of model: Model) -> Double {
    var macs = 0
    for (index, layer) in model.layers.enumerated() {
      guard let parameterized = layer as? any ParameterizedLayer,
        let kernel = parameterized.parameters["kernel"]
      else { continue }
      let output = model.shapes[index + 1]
      let positions = layer is Dense ? 1 : output.count / max(1, output.dimensions.last ?? 1)
      macs += positions * kernel.shape.count
    }
    return 2 * Double(macs)
  }
}
