import CHDF5

extension HDF5File {
  /// Opens an attribute as a read source.
  func attributeSource(_ name: String, of path: String) throws(ModelFileError) -> HDF5Source {
    let object = try openObject(path)
    let path = Self.canonical(path)
    guard H5Aexists(object.id, name) > 0,
      let attribute = HDF5Handle(H5Aopen(object.id, name, shim_H5P_DEFAULT()), .attribute)
    else { throw .missingAttribute(file: fileName, path: path, name: name) }
    return HDF5Source(
      handle: attribute, isAttribute: true, location: "\(path)@\(name)", file: fileName)
  }

  /// Whether the group or dataset at `path` has an attribute called `name`.
  /// - Parameters:
  ///   - name: The attribute's name.
  ///   - path: The object's path.
  /// - Returns: `false` also when there is no object at `path`.
  public func hasAttribute(_ name: String, of path: String) -> Bool {
    guard let object = try? openObject(path) else { return false }
    return H5Aexists(object.id, name) > 0
  }

  /// The names of the attributes of the object at `path`, in name order.
  /// - Parameter path: The object's path.
  /// - Returns: The attribute names.
  /// - Throws: ``ModelFileError/missingGroup(file:path:)`` when there is no object.
  public func attributeNames(of path: String) throws(ModelFileError) -> [String] {
    let object = try openObject(path)
    var info = H5O_info_t()
    guard H5Oget_info2(object.id, &info, UInt32(H5O_INFO_NUM_ATTRS)) >= 0 else {
      throw .readFailed(file: fileName, path: Self.canonical(path))
    }
    return (0..<info.num_attrs).compactMap { index in
      let length = H5Aget_name_by_idx(
        object.id, ".", H5_INDEX_NAME, H5_ITER_INC, index, nil, 0, shim_H5P_DEFAULT())
      guard length >= 0 else { return nil }
      var name = [CChar](repeating: 0, count: length + 1)
      H5Aget_name_by_idx(
        object.id, ".", H5_INDEX_NAME, H5_ITER_INC, index, &name, length + 1, shim_H5P_DEFAULT())
      return String(decoding: name.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
  }

  /// Reads a string attribute: a scalar, or an array holding exactly one string.
  /// - Parameters:
  ///   - name: The attribute's name.
  ///   - path: The object's path (`"/"` for the root).
  /// - Returns: The string.
  /// - Throws: ``ModelFileError/missingAttribute(file:path:name:)`` or
  ///   ``ModelFileError/wrongType(file:path:expected:actual:)``.
  public func readStringAttribute(_ name: String, of path: String) throws(ModelFileError) -> String
  {
    let source = try attributeSource(name, of: path)
    let array = try source.strings()
    guard array.elements.count == 1, let value = array.elements.first else {
      throw .wrongType(
        file: fileName, path: source.location, expected: "one string",
        actual: "\(array.elements.count) strings")
    }
    return value
  }

  /// Reads a string-array attribute; an empty array of any type gives `[]`.
  /// - Parameters:
  ///   - name: The attribute's name.
  ///   - path: The object's path.
  /// - Returns: The strings, flattened in row-major order.
  /// - Throws: As ``readStringAttribute(_:of:)``.
  public func readStringArrayAttribute(_ name: String, of path: String) throws(ModelFileError)
    -> [String]
  {
    try attributeSource(name, of: path).strings().elements
  }

  /// Reads an integer attribute (scalar or array) as `Int64`.
  /// - Parameters:
  ///   - name: The attribute's name.
  ///   - path: The object's path.
  /// - Returns: The integers, flattened.
  /// - Throws: As ``readStringAttribute(_:of:)``.
  public func readIntegerAttribute(_ name: String, of path: String) throws(ModelFileError)
    -> [Int64]
  {
    try attributeSource(name, of: path)
      .numbers(shim_H5T_NATIVE_INT64(), integersOnly: true, expected: "integers").elements
  }

  /// Reads a numeric attribute (scalar or array) as `Double`.
  /// - Parameters:
  ///   - name: The attribute's name.
  ///   - path: The object's path.
  /// - Returns: The numbers, flattened.
  /// - Throws: As ``readStringAttribute(_:of:)``.
  public func readRealAttribute(_ name: String, of path: String) throws(ModelFileError) -> [Double]
  {
    try attributeSource(name, of: path)
      .numbers(shim_H5T_NATIVE_DOUBLE(), integersOnly: false, expected: "numbers").elements
  }

  /// Reads an attribute as the ``HDF5AttributeValue`` that matches its stored type.
  ///
  /// Scalars become `.string`, `.integer` or `.real`; arrays become `.strings`, `.integers`
  /// or `.reals`. Integers of any width become `Int64`, floats become `Double`.
  /// - Parameters:
  ///   - name: The attribute's name.
  ///   - path: The object's path.
  /// - Returns: The value.
  /// - Throws: ``ModelFileError/wrongType(file:path:expected:actual:)`` for other types.
  public func readAttribute(_ name: String, of path: String) throws(ModelFileError)
    -> HDF5AttributeValue
  {
    let source = try attributeSource(name, of: path)
    let type = try source.datatype()
    let isScalar = try source.shape().rank == 0
    switch H5Tget_class(type.id) {
    case H5T_STRING:
      let kind = HDF5StringType(
        isVariableLength: H5Tis_variable_str(type.id) > 0,
        isUTF8: H5Tget_cset(type.id) == H5T_CSET_UTF8)
      let strings = try source.strings().elements
      return isScalar ? .string(strings.first ?? "", kind) : .strings(strings, kind)
    case H5T_INTEGER:
      let values: HDF5Array<Int64> = try source.numbers(
        shim_H5T_NATIVE_INT64(), integersOnly: true, expected: "integers")
      return isScalar ? .integer(values.elements.first ?? 0) : .integers(values.elements)
    case H5T_FLOAT:
      let values: HDF5Array<Double> = try source.numbers(
        shim_H5T_NATIVE_DOUBLE(), integersOnly: false, expected: "numbers")
      return isScalar ? .real(values.elements.first ?? 0) : .reals(values.elements)
    default:
      throw .wrongType(
        file: fileName, path: source.location, expected: "a string or number",
        actual: HDF5Datatype.describe(type.id))
    }
  }
}
