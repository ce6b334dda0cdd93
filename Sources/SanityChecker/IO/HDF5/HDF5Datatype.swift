import CHDF5

/// Reading helpers for HDF5 datatypes and dataspaces.
enum HDF5Datatype {
  /// A short, user-facing name for a datatype: `float32`, `int64`, `uint8`, `string (17 bytes)`,
  /// `string (variable length)`, `compound`, ….
  /// - Parameter type: An open datatype.
  /// - Returns: The name.
  static func describe(_ type: hid_t) -> String {
    let bits = H5Tget_size(type) * 8
    switch H5Tget_class(type) {
    case H5T_FLOAT:
      return "float\(bits)"
    case H5T_INTEGER:
      return (H5Tget_sign(type) == H5T_SGN_NONE ? "uint" : "int") + "\(bits)"
    case H5T_STRING:
      return H5Tis_variable_str(type) > 0
        ? "string (variable length)" : "string (\(H5Tget_size(type)) bytes)"
    case H5T_COMPOUND: return "compound"
    case H5T_ENUM: return "enum"
    case H5T_ARRAY: return "array"
    case H5T_VLEN: return "variable-length sequence"
    case H5T_OPAQUE: return "opaque"
    case H5T_REFERENCE: return "reference"
    case H5T_BITFIELD: return "bitfield"
    default: return "unknown type"
    }
  }

  /// Whether a datatype is an integer or a floating-point number.
  /// - Parameter type: An open datatype.
  /// - Returns: `true` for numbers.
  static func isNumeric(_ type: hid_t) -> Bool {
    let typeClass = H5Tget_class(type)
    return typeClass == H5T_FLOAT || typeClass == H5T_INTEGER
  }

  /// The extents of a dataspace (`[]` for a scalar).
  /// - Parameter space: An open dataspace.
  /// - Returns: The shape, or `nil` if the space cannot be queried.
  static func shape(of space: hid_t) -> Shape? {
    let rank = H5Sget_simple_extent_ndims(space)
    guard rank >= 0 else { return nil }
    var dimensions = [hsize_t](repeating: 0, count: Int(rank))
    guard rank == 0 || H5Sget_simple_extent_dims(space, &dimensions, nil) >= 0 else { return nil }
    var extents: [Int] = []
    for dimension in dimensions {
      guard let extent = Int(exactly: dimension) else { return nil }
      extents.append(extent)
    }
    return Shape(extents)
  }

  /// A simple dataspace of the given shape (scalar for `[]`).
  /// - Parameter shape: The extents.
  /// - Returns: The dataspace, or `nil` if HDF5 refuses it.
  static func dataspace(_ shape: Shape) -> HDF5Handle? {
    if shape.rank == 0 { return HDF5Handle(H5Screate(H5S_SCALAR), .dataspace) }
    let dimensions = shape.dimensions.map { hsize_t($0) }
    return HDF5Handle(H5Screate_simple(Int32(shape.rank), dimensions, nil), .dataspace)
  }

  /// A string datatype: variable length, or fixed with `size` bytes; UTF-8 or ASCII.
  /// - Parameters:
  ///   - size: Bytes per string, or `nil` for variable length.
  ///   - isUTF8: Whether the character set is UTF-8 (otherwise ASCII).
  /// - Returns: The datatype, or `nil` on failure.
  static func string(size: Int?, isUTF8: Bool) -> HDF5Handle? {
    guard let type = HDF5Handle(H5Tcopy(shim_H5T_C_S1()), .datatype) else { return nil }
    let length = size.map { max(1, $0) } ?? shim_H5T_VARIABLE()
    guard H5Tset_size(type.id, length) >= 0,
      H5Tset_cset(type.id, isUTF8 ? H5T_CSET_UTF8 : H5T_CSET_ASCII) >= 0,
      size == nil || H5Tset_strpad(type.id, H5T_STR_NULLPAD) >= 0
    else { return nil }
    return type
  }
}
