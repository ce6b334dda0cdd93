/// The contents of an HDF5 dataset or attribute: its elements in row-major order and its shape.
public struct HDF5Array<Element: Sendable & Equatable>: Sendable, Equatable {
  /// The elements in row-major (C) order.
  public var elements: [Element]
  /// The extents (`[]` for a scalar).
  public var shape: Shape

  /// Creates an array from its elements and shape.
  /// - Parameters:
  ///   - elements: The elements in row-major order; `shape.count` of them.
  ///   - shape: The extents.
  public init(elements: [Element], shape: Shape) {
    precondition(
      elements.count == shape.count,
      "HDF5Array: shape \(shape) needs \(shape.count) elements, got \(elements.count)")
    self.elements = elements
    self.shape = shape
  }
}

/// How strings are stored in an HDF5 file: fixed or variable length, ASCII or UTF-8.
///
/// h5py writes Python `str` as variable-length UTF-8 and NumPy `|S` byte strings as fixed-length
/// ASCII; Keras uses both (see the reference README, §1).
public struct HDF5StringType: Sendable, Equatable {
  /// Whether each string is stored with its own length (otherwise padded to a common size).
  public var isVariableLength: Bool
  /// Whether the character set is UTF-8 (otherwise ASCII).
  public var isUTF8: Bool

  /// Creates a string type.
  /// - Parameters:
  ///   - isVariableLength: Whether strings have their own lengths.
  ///   - isUTF8: Whether the character set is UTF-8.
  public init(isVariableLength: Bool, isUTF8: Bool) {
    self.isVariableLength = isVariableLength
    self.isUTF8 = isUTF8
  }

  /// Variable-length UTF-8, what h5py writes for `str`.
  public static let variableUTF8 = HDF5StringType(isVariableLength: true, isUTF8: true)
  /// Variable-length ASCII.
  public static let variableASCII = HDF5StringType(isVariableLength: true, isUTF8: false)
  /// Fixed-length, null-padded ASCII, what h5py writes for NumPy `|S` arrays.
  public static let fixedASCII = HDF5StringType(isVariableLength: false, isUTF8: false)
  /// Fixed-length, null-padded UTF-8.
  public static let fixedUTF8 = HDF5StringType(isVariableLength: false, isUTF8: true)
}

/// A value to store as an HDF5 attribute.
public enum HDF5AttributeValue: Sendable, Equatable {
  /// One string (a scalar attribute).
  case string(String, HDF5StringType)
  /// A one-dimensional array of strings (may be empty).
  case strings([String], HDF5StringType)
  /// One 64-bit integer.
  case integer(Int64)
  /// A one-dimensional array of 64-bit integers.
  case integers([Int64])
  /// One 64-bit float.
  case real(Double)
  /// A one-dimensional array of 64-bit floats.
  case reals([Double])
}
