/// A layer whose activation is fused into it (Dense, Conv1D, Conv2D).
public protocol FusedActivationLayer: Layer {
  /// The fused activation.
  var activation: Activation { get set }
}

extension Dense: FusedActivationLayer {}
extension Conv1D: FusedActivationLayer {}
extension Conv2D: FusedActivationLayer {}
