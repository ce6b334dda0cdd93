/// How 8-bit pixel values become `Float` scalars.
///
/// Image files store bytes `0...255`. Models differ in what they were trained on: the
/// DeepLIFT MNIST network reads raw bytes, most others read `byte / 255`. Every image reader
/// takes a scaling explicitly, so the choice is visible where the data is loaded.
public enum PixelScaling: String, Hashable, Sendable, CaseIterable {
  /// `byte / 255`, in `[0, 1]`.
  case unit
  /// `byte` as is, in `[0, 255]`.
  case raw

  /// The divisor of each byte: `255` or `1`.
  public var divisor: Float {
    switch self {
    case .unit: return 255
    case .raw: return 1
    }
  }

  /// Converts bytes to scalars, `Float(byte) / divisor` (a division, as numpy's `x / 255.0`
  /// on float32 data, so scaled pixels match Python references bit for bit).
  /// - Parameters:
  ///   - bytes: The pixel bytes.
  ///   - output: Receives `bytes.count` scalars.
  func convert(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<Float>)
  {
    let divisor = self.divisor
    for i in 0..<bytes.count { output[i] = Float(bytes[i]) / divisor }
  }
}
