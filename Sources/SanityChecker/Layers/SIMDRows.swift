/// Row updates `y += a·x` over contiguous `Float` rows, 16 lanes at a time.
///
/// The loads and stores are unaligned; the remainder past the last full block of 16 (then 4)
/// lanes is done one scalar at a time, so any length works.
enum SIMDRows {
  /// `y[i] += x[i]` for `i < count`.
  @inline(__always)
  static func add(_ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    let (source, target) = (UnsafeRawPointer(x), UnsafeMutableRawPointer(y))
    while i &+ 16 <= count {
      let sum = target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
        + source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
      target.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    while i &+ 4 <= count {
      let sum = target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self)
        + source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self)
      target.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD4<Float>.self)
      i &+= 4
    }
    while i < count {
      y[i] += x[i]
      i &+= 1
    }
  }

  /// `y[i] += a · x[i]` for `i < count`.
  @inline(__always)
  static func add(scaled a: Float, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int) {
    var i = 0
    let (source, target) = (UnsafeRawPointer(x), UnsafeMutableRawPointer(y))
    let a16 = SIMD16<Float>(repeating: a)
    while i &+ 16 <= count {
      let sum = target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
        + a16 * source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
      target.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    let a4 = SIMD4<Float>(repeating: a)
    while i &+ 4 <= count {
      let sum = target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self)
        + a4 * source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self)
      target.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD4<Float>.self)
      i &+= 4
    }
    while i < count {
      y[i] += a * x[i]
      i &+= 1
    }
  }

  /// `y[i] = b[i] + Σ_j x[offsets[j] + i]` for `i < count` (`b` = 0 when `nil`), summing in
  /// registers 16 lanes at a time.
  @inline(__always)
  static func sum(
    of x: UnsafePointer<Float>, at offsets: UnsafeBufferPointer<Int>, plus b: UnsafePointer<Float>?,
    into y: UnsafeMutablePointer<Float>, count: Int
  ) {
    var i = 0
    let source = UnsafeRawPointer(x)
    while i &+ 16 <= count {
      var total = b.map { UnsafeRawPointer($0).loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self) } ?? .zero
      for offset in offsets {
        total += source.loadUnaligned(fromByteOffset: (offset &+ i) &* 4, as: SIMD16<Float>.self)
      }
      UnsafeMutableRawPointer(y).storeBytes(of: total, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    while i &+ 4 <= count {
      var total = b.map { UnsafeRawPointer($0).loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self) } ?? .zero
      for offset in offsets {
        total += source.loadUnaligned(fromByteOffset: (offset &+ i) &* 4, as: SIMD4<Float>.self)
      }
      UnsafeMutableRawPointer(y).storeBytes(of: total, toByteOffset: i &* 4, as: SIMD4<Float>.self)
      i &+= 4
    }
    while i < count {
      var total = b?[i] ?? 0
      for offset in offsets { total += x[offset &+ i] }
      y[i] = total
      i &+= 1
    }
  }
}
