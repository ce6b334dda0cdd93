import CHDF5
import Foundation

/// A dataset or an attribute opened for reading: the two share the dataspace/datatype
/// queries and differ only in the read call.
struct HDF5Source {
  /// The open dataset or attribute.
  let handle: HDF5Handle
  /// Whether `handle` is an attribute (otherwise a dataset).
  let isAttribute: Bool
  /// Where it is, for messages: `/path` or `/path@name`.
  let location: String
  /// The file's name, for messages.
  let file: String

  /// The stored datatype.
  func datatype() throws(ModelFileError) -> HDF5Handle {
    let id = isAttribute ? H5Aget_type(handle.id) : H5Dget_type(handle.id)
    guard let type = HDF5Handle(id, .datatype) else {
      throw .readFailed(file: file, path: location)
    }
    return type
  }

  /// The dataspace.
  func dataspace() throws(ModelFileError) -> HDF5Handle {
    let id = isAttribute ? H5Aget_space(handle.id) : H5Dget_space(handle.id)
    guard let space = HDF5Handle(id, .dataspace) else {
      throw .readFailed(file: file, path: location)
    }
    return space
  }

  /// The extents.
  func shape() throws(ModelFileError) -> Shape {
    let space = try dataspace()
    guard let shape = HDF5Datatype.shape(of: space.id) else {
      throw .readFailed(file: file, path: location)
    }
    return shape
  }

  /// Reads every element, converted to `memoryType`, into `buffer`.
  func read(_ memoryType: hid_t, into buffer: UnsafeMutableRawPointer) throws(ModelFileError) {
    let status =
      isAttribute
      ? H5Aread(handle.id, memoryType, buffer)
      : H5Dread(handle.id, memoryType, shim_H5S_ALL(), shim_H5S_ALL(), shim_H5P_DEFAULT(), buffer)
    guard status >= 0 else { throw .readFailed(file: file, path: location) }
  }

  /// Reads every element into an array's storage (which must hold all of them).
  func readAll<Element>(_ memoryType: hid_t, into elements: inout [Element]) throws(ModelFileError)
  {
    let result = elements.withUnsafeMutableBytes { bytes -> Result<Void, ModelFileError> in
      guard let base = bytes.baseAddress else { return .success(()) }
      return Result { () throws(ModelFileError) in try read(memoryType, into: base) }
    }
    try result.get()
  }

  /// Checks, before anything is allocated, that a dataset's or attribute's declared shape fits
  /// the memory budget and, for a dataset stored without filters, the file's size.
  ///
  /// A crafted file can declare a dataset of 10¹² floats in a few bytes; HDF5 would read it
  /// as fill values. Unfiltered data occupies its full size in the file, so a declared size
  /// beyond the file's is refused; compressed data is bounded by the budget alone.
  /// - Parameters:
  ///   - shape: The declared extents.
  ///   - elementBytes: Bytes per element once read.
  ///   - fileType: The stored datatype.
  /// - Throws: ``ModelFileError/exceedsBudget(file:_:)`` or
  ///   ``ModelFileError/datasetLargerThanFile(file:path:shape:fileBytes:)``.
  func requireAffordable(_ shape: Shape, elementBytes: Int, fileType: hid_t) throws(ModelFileError)
  {
    let count = SizeCheck.product(shape.dimensions)
    do throws(MemoryBudgetError) {
      try MemoryBudget.current.reserve(
        count ?? Int.max, of: elementBytes,
        for: "\(isAttribute ? "attribute" : "dataset") '\(location)' \(shape)")
    } catch {
      throw .exceedsBudget(file: file, error)
    }
    guard !isAttribute, let count, count > 0, !hasFilters,
      let fileBytes = try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int
    else { return }
    let (storedBytes, overflow) = count.multipliedReportingOverflow(
      by: max(1, H5Tget_size(fileType)))
    if overflow || storedBytes > fileBytes {
      throw .datasetLargerThanFile(file: file, path: location, shape: shape, fileBytes: fileBytes)
    }
  }

  /// Whether the dataset is stored through filters (compression), which can make it smaller
  /// in the file than in memory.
  private var hasFilters: Bool {
    guard let plist = HDF5Handle(H5Dget_create_plist(handle.id), .propertyList) else { return true }
    return H5Pget_nfilters(plist.id) != 0
  }

  /// Reads a numeric dataset or attribute, converted by HDF5 to `memoryType`.
  /// - Parameters:
  ///   - memoryType: The native type of `Element`.
  ///   - integersOnly: Whether floating-point data is refused.
  ///   - expected: The type named in a wrong-type error.
  /// - Returns: The elements and shape.
  /// - Throws: ``ModelFileError/wrongType(file:path:expected:actual:)`` or a read failure.
  func numbers<Element: Sendable & Equatable & Numeric>(
    _ memoryType: hid_t, integersOnly: Bool, expected: String
  ) throws(ModelFileError) -> HDF5Array<Element> {
    let type = try datatype()
    let isAcceptable =
      integersOnly ? H5Tget_class(type.id) == H5T_INTEGER : HDF5Datatype.isNumeric(type.id)
    guard isAcceptable else {
      throw .wrongType(
        file: file, path: location, expected: expected, actual: HDF5Datatype.describe(type.id))
    }
    let shape = try shape()
    try requireAffordable(shape, elementBytes: MemoryLayout<Element>.stride, fileType: type.id)
    var elements = [Element](repeating: 0, count: shape.count)
    if shape.count > 0 {
      try readAll(memoryType, into: &elements)
    }
    return HDF5Array(elements: elements, shape: shape)
  }

  /// Reads strings, fixed or variable length.
  ///
  /// An empty dataspace gives `[]` whatever its type, as Keras stores empty `weight_names` as float64 or `|S1` arrays of shape `(0,)`.
  func strings() throws(ModelFileError) -> HDF5Array<String> {
    let shape = try shape()
    let type = try datatype()
    let isVariable = H5Tget_class(type.id) == H5T_STRING && H5Tis_variable_str(type.id) > 0
    try requireAffordable(
      shape,
      elementBytes: isVariable
        ? MemoryLayout<UnsafeRawPointer>.stride : max(1, H5Tget_size(type.id)),
      fileType: type.id)
    if shape.count == 0 { return HDF5Array(elements: [], shape: shape) }
    guard H5Tget_class(type.id) == H5T_STRING else {
      throw .wrongType(
        file: file, path: location, expected: "strings", actual: HDF5Datatype.describe(type.id))
    }
    let elements =
      H5Tis_variable_str(type.id) > 0
      ? try variableLengthStrings(count: shape.count, fileType: type.id)
      : try fixedLengthStrings(count: shape.count, fileType: type.id)
    return HDF5Array(elements: elements, shape: shape)
  }

  private func variableLengthStrings(count: Int, fileType: hid_t) throws(ModelFileError) -> [String]
  {
    guard
      let memoryType = HDF5Datatype.string(
        size: nil, isUTF8: H5Tget_cset(fileType) == H5T_CSET_UTF8)
    else { throw .readFailed(file: file, path: location) }
    let space = try dataspace()
    var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
    try readAll(memoryType.id, into: &pointers)
    defer {
      pointers.withUnsafeMutableBytes { bytes in
        if let base = bytes.baseAddress {
          H5Dvlen_reclaim(memoryType.id, space.id, shim_H5P_DEFAULT(), base)
        }
      }
    }
    return pointers.map { $0.map { String(cString: $0) } ?? "" }
  }

  private func fixedLengthStrings(count: Int, fileType: hid_t) throws(ModelFileError) -> [String] {
    guard let memoryType = HDF5Handle(H5Tcopy(fileType), .datatype) else {
      throw .readFailed(file: file, path: location)
    }
    let size = H5Tget_size(fileType)
    let isSpacePadded = H5Tget_strpad(fileType) == H5T_STR_SPACEPAD
    var bytes = [UInt8](repeating: 0, count: count * size)
    try readAll(memoryType.id, into: &bytes)
    return (0..<count).map { index in
      var element = bytes[(index * size)..<((index + 1) * size)]
      if let end = element.firstIndex(of: 0) { element = element[..<end] }
      if isSpacePadded { while element.last == 0x20 { element = element.dropLast() } }
      return String(decoding: element, as: UTF8.self)
    }
  }
}
