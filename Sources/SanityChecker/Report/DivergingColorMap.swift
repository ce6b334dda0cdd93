import Foundation

/// A diverging colour map for signed attributions: blue for negative, white for zero, red for positive.
///
/// The stops are ColorBrewer's 11-class RdBu (Brewer 2003), which stays readable for the common
/// forms of colour blindness. A value `v` of a map with scale `s = max |v|` is drawn with
/// ```
/// t = clamp(v / s, −1, 1),   colour = stops[round((t + 1) / 2 × (levels − 1))]
/// ```
/// after linear interpolation of the stops to `levels` colours (odd, so 0 is exactly white).
/// Quantizing keeps each heat map to a few paths, one per colour.
enum DivergingColorMap {
  /// ColorBrewer RdBu, from most negative (dark blue) to most positive (dark red).
  static let stops: [(red: Double, green: Double, blue: Double)] = [
    (5, 48, 97), (33, 102, 172), (67, 147, 195), (146, 197, 222), (209, 229, 240), (247, 247, 247),
    (253, 219, 199), (244, 165, 130), (214, 96, 77), (178, 24, 43), (103, 0, 31),
  ]

  /// The number of colour levels.
  static let levels = 41

  /// The colour level of `value` on a map whose largest absolute value is `scale`.
  /// - Parameters:
  ///   - value: The attribution.
  ///   - scale: The map's largest absolute value (0: every value maps to the middle).
  /// - Returns: A level in `0..<levels`; `levels / 2` is zero.
  static func level(_ value: Float, scale: Float) -> Int {
    guard scale > 0, value.isFinite else { return levels / 2 }
    let t = Double(max(-1, min(1, value / scale)))
    return Int(((t + 1) / 2 * Double(levels - 1)).rounded())
  }

  /// The hex colour of a level.
  /// - Parameter level: A level in `0..<levels`.
  /// - Returns: E.g. `#f7f7f7` for the middle level.
  static func colour(level: Int) -> String {
    let position = Double(level) / Double(levels - 1) * Double(stops.count - 1)
    let lower = min(Int(position), stops.count - 2)
    let fraction = position - Double(lower)
    let a = stops[lower]
    let b = stops[lower + 1]
    let mix = { (x: Double, y: Double) in Int((x + (y - x) * fraction).rounded()) }
    return String(
      format: "#%02x%02x%02x", mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue))
  }

  /// The grey hex colour of an intensity.
  /// - Parameter intensity: In [0, 1] (clamped).
  /// - Returns: E.g. `#000000` for 0 and `#ffffff` for 1.
  static func grey(_ intensity: Double) -> String {
    let value = Int((max(0, min(1, intensity)) * 255).rounded())
    return String(format: "#%02x%02x%02x", value, value, value)
  }
}
