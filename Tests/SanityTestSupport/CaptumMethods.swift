import SanityChecker

extension TestSupport {
  /// The gradient methods every Captum reference file holds (`../shared/reference/README.md`,
  /// `Tests/Fixtures/ONNX/`), keyed by the map's name in the file.
  public static let captumMethods: [(name: String, explainer: any Explainer)] = [
    ("saliency", Saliency()),
    ("input_x_gradient", GradientTimesInput()),
    (
      "integrated_gradients_riemann_trapezoid_50",
      IntegratedGradients(steps: 50, integration: .riemannTrapezoid)
    ),
    ("guided_backprop", GuidedBackprop()),
    ("deconvolution", DeconvNet()),
  ]
}
