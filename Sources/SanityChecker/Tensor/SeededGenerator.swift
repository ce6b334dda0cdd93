import Foundation

/// A portable, seeded pseudo-random generator (xoshiro256**, seeded through SplitMix64).
///
/// The same seed gives the same sequence on every machine: the integer stream is defined
/// bit for bit, uniform floats take the top 24 (Float) or 53 (Double) bits, and normal
/// deviates use the Box–Muller transform in `Double`. Work split over threads derives one
/// generator per item with ``init(seed:stream:)``, so results never depend on the thread count.
///
/// Reference: Blackman & Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47 (2021), doi:10.1145/3460772.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: (UInt64, UInt64, UInt64, UInt64)

  /// Creates a generator from a seed.
  /// - Parameter seed: Any 64-bit value; equal seeds give equal sequences.
  public init(seed: UInt64) {
    var mixer = seed
    state = (
      Self.splitMix(&mixer), Self.splitMix(&mixer), Self.splitMix(&mixer), Self.splitMix(&mixer)
    )
  }

  /// Creates the generator of one independent stream, for example one item of a batch.
  /// - Parameters:
  ///   - seed: The run's seed.
  ///   - stream: The stream's index (an item, a layer, a sample).
  public init(seed: UInt64, stream: UInt64) {
    var mixer = seed ^ 0x5851_F42D_4C95_7F2D
    let streamKey = Self.splitMix(&mixer) &+ stream &* 0x9E37_79B9_7F4A_7C15
    self.init(seed: streamKey ^ Self.splitMix(&mixer))
  }

  private static func splitMix(_ x: inout UInt64) -> UInt64 {
    x &+= 0x9E37_79B9_7F4A_7C15
    var z = x
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  /// - Returns: A uniformly distributed `UInt64`.
  public mutating func next() -> UInt64 {
    let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
    let shifted = state.1 << 17
    state.2 ^= state.0
    state.3 ^= state.1
    state.1 ^= state.2
    state.0 ^= state.3
    state.2 ^= shifted
    state.3 = state.3 << 45 | state.3 >> 19
    return result
  }

  /// A uniform `Double` in [0, 1) with 53 random bits.
  /// - Returns: The deviate.
  public mutating func nextUnitDouble() -> Double {
    Double(next() >> 11) * 0x1.0p-53
  }

  /// A uniform `Float` in [low, high).
  /// - Parameters:
  ///   - low: The lower bound (included).
  ///   - high: The upper bound (excluded).
  /// - Returns: The deviate.
  public mutating func uniform(_ low: Float, _ high: Float) -> Float {
    let unit = Float(next() >> 40) * 0x1.0p-24
    return low + (high - low) * unit
  }

  /// A normal deviate with the given mean and standard deviation (Box–Muller, in `Double`).
  /// - Parameters:
  ///   - mean: The mean.
  ///   - standardDeviation: The standard deviation.
  /// - Returns: The deviate.
  public mutating func normal(mean: Float = 0, standardDeviation: Float = 1) -> Float {
    let u1 = 1 - nextUnitDouble()  // (0, 1]
    let u2 = nextUnitDouble()
    let z = (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
    return mean + standardDeviation * Float(z)
  }

  /// A uniform integer in `0..<upperBound`, without modulo bias (Lemire's method).
  /// - Parameter upperBound: The exclusive bound, > 0.
  /// - Returns: The integer.
  public mutating func index(below upperBound: Int) -> Int {
    precondition(upperBound > 0, "index(below:): upperBound must be positive")
    let bound = UInt64(upperBound)
    var product = next().multipliedFullWidth(by: bound)
    if product.low < bound {
      let threshold = (0 &- bound) % bound
      while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
    }
    return Int(product.high)
  }

  /// Shuffles a collection in place (Fisher–Yates, from the end).
  /// - Parameter elements: The collection to shuffle.
  public mutating func shuffle<C: MutableCollection & RandomAccessCollection>(_ elements: inout C)
  where C.Index == Int {
    guard elements.count > 1 else { return }
    for offset in stride(from: elements.count - 1, to: 0, by: -1) {
      let other = index(below: offset + 1)
      elements.swapAt(elements.startIndex + offset, elements.startIndex + other)
    }
  }

  /// A random permutation of `0..<count`.
  /// - Parameter count: The number of elements.
  /// - Returns: The indices in shuffled order.
  public mutating func permutation(_ count: Int) -> [Int] {
    var indices = Array(0..<count)
    shuffle(&indices)
    return indices
  }
}
