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
      let sum =
        target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
        + source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
      target.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    while i &+ 4 <= count {
      let sum =
        target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self)
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
  static func add(
    scaled a: Float, _ x: UnsafePointer<Float>, to y: UnsafeMutablePointer<Float>, count: Int
  ) {
    var i = 0
    let (source, target) = (UnsafeRawPointer(x), UnsafeMutableRawPointer(y))
    let a16 = SIMD16<Float>(repeating: a)
    while i &+ 16 <= count {
      let sum =
        target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
        + a16 * source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
      target.storeBytes(of: sum, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    let a4 = SIMD4<Float>(repeating: a)
    while i &+ 4 <= count {
      let sum =
        target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self)
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
      var total =
        b.map { UnsafeRawPointer($0).loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self) }
        ?? .zero
      for offset in offsets {
        total += source.loadUnaligned(fromByteOffset: (offset &+ i) &* 4, as: SIMD16<Float>.self)
      }
      UnsafeMutableRawPointer(y).storeBytes(of: total, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    while i &+ 4 <= count {
      var total =
        b.map { UnsafeRawPointer($0).loadUnaligned(fromByteOffset: i &* 4, as: SIMD4<Float>.self) }
        ?? .zero
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

  /// Whether `x[i] == 0` for every `i < count` (NaN counts as nonzero).
  @inline(__always)
  static func isZero(_ x: UnsafePointer<Float>, count: Int) -> Bool {
    var i = 0
    let source = UnsafeRawPointer(x)
    while i &+ 16 <= count {
      if any(source.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self) .!= .zero) {
        return false
      }
      i &+= 16
    }
    while i < count {
      if x[i] != 0 { return false }
      i &+= 1
    }
    return true
  }

  /// ReLU backward in place: `s[i] = 0` where `output[i] <= 0` (and, when guided, where
  /// `s[i] < 0`); other signals pass unchanged.
  static func rectifiedBackward(
    _ signal: UnsafeMutableBufferPointer<Float>, output: UnsafeBufferPointer<Float>, isGuided: Bool
  ) {
    guard let s = signal.baseAddress, let y = output.baseAddress else { return }
    let count = signal.count
    let (target, mask) = (UnsafeMutableRawPointer(s), UnsafeRawPointer(y))
    var i = 0
    while i &+ 16 <= count {
      var value = target.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self)
      var isOff = mask.loadUnaligned(fromByteOffset: i &* 4, as: SIMD16<Float>.self) .<= .zero
      if isGuided { isOff = isOff .| (value .< .zero) }
      value.replace(with: 0, where: isOff)
      target.storeBytes(of: value, toByteOffset: i &* 4, as: SIMD16<Float>.self)
      i &+= 16
    }
    while i < count {
      if y[i] <= 0 || (isGuided && s[i] < 0) { s[i] = 0 }
      i &+= 1
    }
  }

  /// Whether `x` holds at most `limit` nonzero values (NaN counts as nonzero); stops counting
  /// as soon as the limit is passed.
  static func hasAtMost(_ limit: Int, nonzerosIn x: UnsafeBufferPointer<Float>) -> Bool {
    guard let base = x.baseAddress else { return true }
    let source = UnsafeRawPointer(base)
    var (i, count) = (0, 0)
    while i &+ 64 <= x.count {
      var lanes = SIMD16<Int32>(repeating: 0)
      for block in 0..<4 {
        let value = source.loadUnaligned(
          fromByteOffset: (i &+ 16 &* block) &* 4, as: SIMD16<Float>.self)
        lanes.replace(with: lanes &+ 1, where: value .!= .zero)
      }
      count &+= Int(lanes.wrappedSum())
      if count > limit { return false }
      i &+= 64
    }
    while i < x.count {
      count &+= x[i] != 0 ? 1 : 0
      i &+= 1
    }
    return count <= limit
  }

  /// Copies the row `x[0..<count]` into each of `rows` consecutive rows of `y`.
  static func broadcast(
    _ x: UnsafePointer<Float>, count: Int, into y: UnsafeMutablePointer<Float>, rows: Int
  ) {
    guard count < 64 else {
      for row in 0..<rows { (y + row &* count).update(from: x, count: count) }
      return
    }
    for row in 0..<rows {
      let target = y + row &* count
      var i = 0
      while i &+ 4 <= count {
        UnsafeMutableRawPointer(target + i).storeBytes(
          of: UnsafeRawPointer(x + i).loadUnaligned(as: SIMD4<Float>.self), as: SIMD4<Float>.self)
        i &+= 4
      }
      while i < count {
        target[i] = x[i]
        i &+= 1
      }
    }
  }
}
