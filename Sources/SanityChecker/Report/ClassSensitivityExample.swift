/// One input's attribution maps for two output classes, drawn side by side.
///
/// A class-sensitive method gives visibly different maps for different classes
/// (Sixt et al. 2020, arXiv:1912.09818). Images (`height > 1`) are drawn as heat maps,
/// sequences (`height == 1`) as signed bar tracks.
public struct ClassSensitivityExample: Hashable, Sendable {
  /// The input's name.
  public var id: String
  /// The method.
  public var method: String
  /// The first class's name (usually the predicted one).
  public var classA: String
  /// The second class's name.
  public var classB: String
  /// The map for ``classA``, `[H * W]` (or `[L]` with `height == 1`).
  public var mapA: [Float]
  /// The map for ``classB``, same shape.
  public var mapB: [Float]
  /// W, or L for a sequence.
  public var width: Int
  /// H, or 1 for a sequence.
  public var height: Int

  /// Creates a class-sensitivity example.
  /// - Parameters:
  ///   - id: The input's name.
  ///   - method: The method.
  ///   - classA: The first class.
  ///   - classB: The second class.
  ///   - mapA: The first map, `[H * W]`.
  ///   - mapB: The second map, `[H * W]`.
  ///   - width: W (or L).
  ///   - height: H (1 for a sequence).
  public init(
    id: String, method: String, classA: String, classB: String, mapA: [Float], mapB: [Float],
    width: Int,
    height: Int = 1
  ) {
    self.id = id
    self.method = method
    self.classA = classA
    self.classB = classB
    self.mapA = mapA
    self.mapB = mapB
    self.width = width
    self.height = height
  }
}
