/// An image and its attribution maps, drawn as a method × stage grid of heat maps.
///
/// Each map is drawn with a diverging colour map (blue negative, white zero, red positive)
/// scaled by its own largest absolute value, as in Adebayo et al. 2018 (arXiv:1810.03292), Fig. 2.
public struct ImageExample: Hashable, Sendable {
  /// The image's name.
  public var id: String
  /// The width W in pixels.
  public var width: Int
  /// The height H in pixels.
  public var height: Int
  /// The channels C of ``pixels`` (1 for grey, 3 for RGB).
  public var channels: Int
  /// The input, `[H * W * C]` row-major channels-last; drawn after min-max scaling.
  public var pixels: [Float]
  /// The maps, each `[H * W]`; rows follow the methods' first appearance, columns the stages'.
  public var stages: [StageMap]

  /// Creates an image example.
  /// - Parameters:
  ///   - id: The image's name.
  ///   - width: W.
  ///   - height: H.
  ///   - channels: C (1 or 3).
  ///   - pixels: The input, `[H * W * C]`.
  ///   - stages: The maps, each `[H * W]`.
  public init(
    id: String, width: Int, height: Int, channels: Int = 1, pixels: [Float], stages: [StageMap]
  ) {
    self.id = id
    self.width = width
    self.height = height
    self.channels = channels
    self.pixels = pixels
    self.stages = stages
  }
}
