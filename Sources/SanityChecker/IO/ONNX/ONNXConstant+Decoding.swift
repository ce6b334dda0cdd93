import Foundation

extension ONNXConstant {
  /// Reads a `TensorProto` (an initializer or a `Constant` node's value).
  ///
  /// The declared element count is checked against the memory budget (`MemoryBudget.reserve`)
  /// before anything is allocated, and the stored data (`raw_data`, little-endian, or the typed
  /// `*_data` field) must hold exactly that many elements.
  /// - Parameters:
  ///   - proto: The tensor.
  ///   - name: The tensor's name, for errors.
  ///   - file: The model file, for errors.
  /// - Throws: ``ONNXError/invalidTensor(file:tensor:reason:)`` for external data, an unsupported
  ///   data type or a wrong byte count; ``ONNXError/exceedsBudget(file:_:)``.
  init(_ proto: Onnx_TensorProto, name: String, file: String) throws(ONNXError) {
    func invalid(_ reason: String) -> ONNXError {
      .invalidTensor(file: file, tensor: name, reason: reason)
    }
    if proto.dataLocation == .external {
      throw invalid(
        "its data is stored in an external file, which is not supported; export with "
          + "external_data=False")
    }
    if proto.hasSegment { throw invalid("segmented tensors are not supported") }
    let dims = proto.dims.map { Int(clamping: $0) }
    guard let count = SizeCheck.product(dims) else {
      throw invalid("dimensions \(proto.dims) are negative or overflow")
    }
    guard let kind = ElementKind(rawValue: proto.dataType) else {
      throw invalid(
        "data type \(proto.dataType) is not supported (float32, float64 and integer types are); "
          + "convert the model to float32 before export")
    }
    do throws(MemoryBudgetError) {
      try MemoryBudget.current.reserve(count, of: 8, for: "tensor '\(name)' \(Shape(dims))")
    } catch {
      throw .exceedsBudget(file: file, error)
    }
    let raw = proto.rawData
    if !raw.isEmpty {
      guard raw.count == count * kind.byteWidth else {
        throw invalid(
          "raw_data holds \(raw.count) bytes, expected \(count) × \(kind.byteWidth) for shape "
            + "\(Shape(dims)); the file is damaged")
      }
      self.init(shape: dims, values: kind.decode(raw, count: count))
      return
    }
    let values: Values
    let stored: Int
    switch kind {
    case .float32:
      (values, stored) = (.floats(proto.floatData), proto.floatData.count)
    case .float64:
      (values, stored) = (.floats(proto.doubleData.map { Float($0) }), proto.doubleData.count)
    case .int64:
      (values, stored) = (.integers(proto.int64Data), proto.int64Data.count)
    case .uint32:
      (values, stored) = (
        .integers(proto.uint64Data.map { Int64(clamping: $0) }), proto.uint64Data.count
      )
    case .int32, .int16, .int8, .uint16, .uint8, .bool:
      (values, stored) = (.integers(proto.int32Data.map { Int64($0) }), proto.int32Data.count)
    }
    guard stored == count else {
      throw invalid("holds \(stored) values, expected \(count) for shape \(Shape(dims))")
    }
    self.init(shape: dims, values: values)
  }

  /// The ONNX element types SanityChecker reads, with `TensorProto.DataType` raw values.
  enum ElementKind: Int32 {
    case float32 = 1
    case uint8 = 2
    case int8 = 3
    case uint16 = 4
    case int16 = 5
    case int32 = 6
    case int64 = 7
    case bool = 9
    case float64 = 11
    case uint32 = 12

    /// Bytes per element in `raw_data`.
    var byteWidth: Int {
      switch self {
      case .uint8, .int8, .bool: return 1
      case .uint16, .int16: return 2
      case .float32, .int32, .uint32: return 4
      case .int64, .float64: return 8
      }
    }

    /// Decodes `count` little-endian elements (the byte count is checked by the caller).
    func decode(_ raw: Data, count: Int) -> Values {
      raw.withUnsafeBytes { bytes in
        func load<T: FixedWidthInteger>(_: T.Type, _ index: Int) -> T {
          T(
            littleEndian: bytes.loadUnaligned(
              fromByteOffset: index * MemoryLayout<T>.size, as: T.self))
        }
        switch self {
        case .float32:
          return .floats((0..<count).map { Float(bitPattern: load(UInt32.self, $0)) })
        case .float64:
          return .floats((0..<count).map { Float(Double(bitPattern: load(UInt64.self, $0))) })
        case .uint8, .bool: return .integers((0..<count).map { Int64(load(UInt8.self, $0)) })
        case .int8: return .integers((0..<count).map { Int64(load(Int8.self, $0)) })
        case .uint16: return .integers((0..<count).map { Int64(load(UInt16.self, $0)) })
        case .int16: return .integers((0..<count).map { Int64(load(Int16.self, $0)) })
        case .int32: return .integers((0..<count).map { Int64(load(Int32.self, $0)) })
        case .uint32: return .integers((0..<count).map { Int64(load(UInt32.self, $0)) })
        case .int64: return .integers((0..<count).map { load(Int64.self, $0) })
        }
      }
    }
  }
}
