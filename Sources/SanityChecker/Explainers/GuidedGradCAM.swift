/// Guided Grad-CAM: Guided Backprop multiplied by the upsampled Grad-CAM map.
///
/// ```
/// GGC(x)[p, c] = GBP(x)[p, c] · GradCAM(x)[p]
/// ```
/// Selvaraju et al. 2017, arXiv:1610.02391 (Captum's `GuidedGradCam`, nearest upsampling).
public struct GuidedGradCAM: Explainer {
  /// `guided-grad-cam`.
  public static let identifier = "guided-grad-cam"
  /// The Grad-CAM part's configuration.
  public var gradCAM: GradCAM

  /// Creates the explainer.
  /// - Parameter gradCAM: The Grad-CAM configuration (last convolution, nearest upsampling by default).
  public init(gradCAM: GradCAM = GradCAM()) { self.gradCAM = gradCAM }

  /// Guided Backprop ⊙ Grad-CAM, in the input's shape.
  public func attribution(for input: Tensor, targets: [Int], in model: Model) throws -> Attribution
  {
    try model.validate(input: input, targets: targets)
    let guided = try GuidedBackprop(output: gradCAM.output).attribution(
      for: input, targets: targets, in: model)
    let cam = try gradCAM.attribution(for: input, targets: targets, in: model)
    let channels = model.inputShape.dimensions.last ?? 1
    let values = Tensor(shape: guided.values.shape) { out in
      guided.values.withUnsafeBufferPointer { g in
        cam.values.withUnsafeBufferPointer { m in
          for i in 0..<g.count { out[i] = g[i] * m[i / channels] }
        }
      }
    }
    return Attribution(
      values: values, method: Self.identifier, targets: targets, predictions: guided.predictions)
  }
}
