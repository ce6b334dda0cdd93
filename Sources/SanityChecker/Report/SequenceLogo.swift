/// A sequence logo of one attribution track, as inline SVG.
///
/// Each base is drawn as a glyph (A, C, G, T; paths in a 100 × 100 box, defined once per page by
/// ``glyphDefinitions``) whose height is proportional to the attribution at that position:
/// ```
/// height_i = |a_i| / max_j |a_j| × halfHeight      (above the axis for a_i > 0, below for a_i < 0)
/// ```
/// Scaling per row keeps the pattern of a near-zero map visible; the row's scale, `max |a|`, is
/// printed beside it. The motif span is shaded behind the glyphs. Letters other than A, C, G, T
/// (e.g. N) draw nothing.
struct SequenceLogo {
  /// The bases, uppercased ASCII.
  var bases: [UInt8]
  /// The attribution at the observed base, `[L]`.
  var values: [Float]
  /// The shaded span, 0-based half-open.
  var motif: Range<Int>?
  /// The width of one base in pixels.
  var baseWidth: Double
  /// The accessible title.
  var title: String

  /// The logo's height in pixels; the axis is in the middle.
  static let height = 44.0

  /// The base colours (A green, C blue, G amber, T red, as in logomaker's `classic` scheme).
  static let colours: [(base: UInt8, name: String, colour: String)] = [
    (UInt8(ascii: "A"), "A", "#109648"), (UInt8(ascii: "C"), "C", "#255C99"),
    (UInt8(ascii: "G"), "G", "#D99A00"), (UInt8(ascii: "T"), "T", "#D62839"),
  ]

  /// The glyph outlines in a 100 × 100 box (y down), filled with the even-odd rule.
  static let glyphPaths: [String: String] = [
    "A": "M0,100 L39,0 L61,0 L100,100 L78,100 L69,76 L31,76 L22,100 Z M37,58 L63,58 L50,22 Z",
    "C": "M88.3,17.9 A50,50 0 1 0 88.3,82.1 L74.5,70.6 A32,32 0 1 1 74.5,29.4 Z",
    "G": "M88.3,17.9 A50,50 0 1 0 100,52 L100,46 L54,46 L54,62 L79.7,62 A32,32 0 1 1 74.5,29.4 Z",
    "T": "M0,0 L100,0 L100,18 L59,18 L59,100 L41,100 L41,18 L0,18 Z",
  ]

  /// A hidden SVG defining `glyph-A` … `glyph-T`, placed once before the first logo.
  static var glyphDefinitions: String {
    let paths = colours.map { entry in
      "<path id=\"glyph-\(entry.name)\" fill=\"\(entry.colour)\" fill-rule=\"evenodd\" d=\"\(glyphPaths[entry.name] ?? "")\"/>"
    }
    return "<svg class=\"glyph-definitions\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>"
      + paths.joined() + "</defs></svg>"
  }

  /// The largest absolute attribution (0 for an empty or all-zero track).
  var scale: Float { values.reduce(0) { max($0, abs($1).isFinite ? abs($1) : $0) } }

  /// The logo as an `<svg>` element of `L × baseWidth` by ``height`` pixels.
  func svg() -> String {
    let width = Double(values.count) * baseWidth
    let middle = Self.height / 2
    var parts = [
      "<svg class=\"logo\" width=\"\(HTML.coordinate(width))\" height=\"\(HTML.coordinate(Self.height))\" "
        + "viewBox=\"0 0 \(HTML.coordinate(width)) \(HTML.coordinate(Self.height))\" role=\"img\" "
        + "aria-label=\"\(HTML.escape(title))\">"
    ]
    if let motif, !motif.isEmpty {
      parts.append(
        "<rect class=\"motif\" x=\"\(HTML.coordinate(Double(motif.lowerBound) * baseWidth))\" y=\"0\" "
          + "width=\"\(HTML.coordinate(Double(motif.count) * baseWidth))\" height=\"\(HTML.coordinate(Self.height))\"/>"
      )
    }
    parts.append(
      "<line class=\"logo-axis\" x1=\"0\" y1=\"\(HTML.coordinate(middle))\" x2=\"\(HTML.coordinate(width))\" "
        + "y2=\"\(HTML.coordinate(middle))\"/>")
    let scale = scale
    for index in values.indices where index < bases.count && scale > 0 && values[index].isFinite {
      guard let entry = Self.colours.first(where: { $0.base == bases[index] }) else { continue }
      let glyphHeight = Double(abs(values[index]) / scale) * (middle - 1)
      guard glyphHeight >= 0.05 else { continue }
      let top = values[index] > 0 ? middle - glyphHeight : middle
      let left = Double(index) * baseWidth + baseWidth * 0.05
      parts.append(
        "<use href=\"#glyph-\(entry.name)\" transform=\"translate(\(HTML.coordinate(left, digits: 2)) "
          + "\(HTML.coordinate(top, digits: 2))) scale(\(HTML.coordinate(baseWidth * 0.009, digits: 4)) "
          + "\(HTML.coordinate(glyphHeight / 100, digits: 4)))\"/>")
    }
    parts.append("</svg>")
    return parts.joined()
  }

  /// A ruler for the logos above it: the bases as small text (when wide enough) and position
  /// ticks every 10 bases, numbered from 1.
  /// - Parameters:
  ///   - bases: The bases.
  ///   - baseWidth: The width of one base in pixels.
  ///   - motif: The shaded span.
  /// - Returns: An `<svg>` element 22 pixels high.
  static func ruler(bases: [UInt8], baseWidth: Double, motif: Range<Int>?) -> String {
    let width = Double(bases.count) * baseWidth
    var parts = [
      "<svg class=\"ruler\" width=\"\(HTML.coordinate(width))\" height=\"22\" "
        + "viewBox=\"0 0 \(HTML.coordinate(width)) 22\" aria-hidden=\"true\">"
    ]
    if let motif, !motif.isEmpty {
      parts.append(
        "<rect class=\"motif\" x=\"\(HTML.coordinate(Double(motif.lowerBound) * baseWidth))\" y=\"0\" "
          + "width=\"\(HTML.coordinate(Double(motif.count) * baseWidth))\" height=\"11\"/>")
    }
    if baseWidth >= 6 {
      for (index, base) in bases.enumerated() {
        let colour = colours.first { $0.base == base }?.colour ?? "#777777"
        parts.append(
          "<text class=\"base\" x=\"\(HTML.coordinate((Double(index) + 0.5) * baseWidth))\" y=\"9\" "
            + "fill=\"\(colour)\">\(HTML.escape(String(UnicodeScalar(base))))</text>")
      }
    }
    for position in stride(from: 0, to: bases.count, by: 10) {
      let tickX = HTML.coordinate((Double(position) + 0.5) * baseWidth)
      parts.append("<line class=\"axis\" x1=\"\(tickX)\" y1=\"12\" x2=\"\(tickX)\" y2=\"15\"/>")
      parts.append("<text class=\"position\" x=\"\(tickX)\" y=\"21\">\(position + 1)</text>")
    }
    parts.append("</svg>")
    return parts.joined()
  }
}
