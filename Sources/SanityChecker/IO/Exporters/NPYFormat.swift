/// The NumPy `.npy` format, version 1.0, for little-endian float32 arrays.
///
/// A file is the magic `\x93NUMPY`, the version bytes `1 0`, a little-endian `UInt16` header
/// length, and an ASCII header — a Python dict literal such as
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4, 101), }` padded with spaces and
/// ending in `\n` so that the data start at a multiple of 64 bytes — followed by the data in
/// C order. The padding follows NumPy 2.x's writer (`numpy.lib.format`) byte for byte, including
/// the spare room it leaves for the first extent to grow. Reference: NumPy Enhancement
/// Proposal 1, "A Simple File Format for NumPy Arrays".
enum NPYFormat {
  /// The header (magic through padding) for a float32 array of `shape`.
  /// - Parameter shape: The array's extents (`[]` for a scalar).
  /// - Returns: The header bytes; their count is a multiple of 64.
  static func header(shape: Shape) -> [UInt8] {
    let extents: String
    switch shape.rank {
    case 0: extents = "()"
    case 1: extents = "(\(shape[0]),)"
    default: extents = "(" + shape.dimensions.map(String.init).joined(separator: ", ") + ")"
    }
    var dictionary = Array("{'descr': '<f4', 'fortran_order': False, 'shape': \(extents), }".utf8)
    if shape.rank > 0 {
      // NumPy leaves room for the first extent to grow to 21 digits.
      dictionary += [UInt8](repeating: 0x20, count: max(0, 21 - String(shape[0]).count))
    }
    let padding = 64 - (10 + dictionary.count + 1) % 64
    dictionary += [UInt8](repeating: 0x20, count: padding) + [0x0A]
    let length = UInt16(dictionary.count)
    return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
      + dictionary
  }

  /// The data bytes of a float32 array, little-endian.
  /// - Parameter tensor: The array.
  /// - Returns: `4 × count` bytes.
  static func data(_ tensor: Tensor) -> [UInt8] {
    tensor.withUnsafeBufferPointer { scalars in
      [UInt8](unsafeUninitializedCapacity: scalars.count * 4) { bytes, count in
        for (index, scalar) in scalars.enumerated() {
          let bits = scalar.bitPattern.littleEndian
          bytes[4 * index] = UInt8(truncatingIfNeeded: bits)
          bytes[4 * index + 1] = UInt8(truncatingIfNeeded: bits >> 8)
          bytes[4 * index + 2] = UInt8(truncatingIfNeeded: bits >> 16)
          bytes[4 * index + 3] = UInt8(truncatingIfNeeded: bits >> 24)
        }
        count = scalars.count * 4
      }
    }
  }
}
