/// The extents of a tensor, outermost first.
///
/// Shapes are row-major and channels-last: a batch of DNA sequences is `[N, L, 4]`,
/// a batch of images `[N, H, W, C]`. Layers describe their inputs and outputs with
/// per-item shapes, without the leading batch axis.
public struct Shape: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
  /// The extent of each axis, outermost first.
  public var dimensions: [Int]

  /// Creates a shape from its extents.
  /// - Parameter dimensions: The extent of each axis, outermost first.
  public init(_ dimensions: [Int]) {
    self.dimensions = dimensions
  }

  /// Creates a shape from an array literal, as in `[101, 4]`.
  /// - Parameter elements: The extent of each axis.
  public init(arrayLiteral elements: Int...) {
    self.dimensions = elements
  }

  /// The number of axes.
  public var rank: Int { dimensions.count }

  /// The number of scalars a tensor of this shape holds (1 for a scalar shape).
  public var count: Int { dimensions.reduce(1, *) }

  /// The extent of one axis.
  public subscript(axis: Int) -> Int { dimensions[axis] }

  /// The shape with a leading batch axis of `batch` items.
  /// - Parameter batch: The number of items.
  /// - Returns: `[batch] + dimensions`.
  public func batched(_ batch: Int) -> Shape { Shape([batch] + dimensions) }

  /// The shape without its leading (batch) axis.
  public var item: Shape { Shape(Array(dimensions.dropFirst())) }

  /// The shape written as `[a, b, c]`.
  public var description: String {
    "[" + dimensions.map(String.init).joined(separator: ", ") + "]"
  }
}
