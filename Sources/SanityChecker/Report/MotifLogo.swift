/// A stacked logo of a motif's contribution matrix, as inline SVG.
///
/// Each position stacks the four bases' mean contributions: positive ones upward from the axis
/// (smallest first), negative ones downward, each letter's height proportional to its value:
/// ```
/// height_p,b = |c_p,b| / max_p (Σ_b max(c_p,b, 0), Σ_b max(−c_p,b, 0)) × halfHeight
/// ```
/// The glyphs are ``SequenceLogo``'s (defined once per page by ``SequenceLogo/glyphDefinitions``).
struct MotifLogo {
  /// `[w][4]` contributions (A, C, G, T).
  var contributions: [[Double]]
  /// The accessible title.
  var title: String
  /// The width of one position in pixels.
  var columnWidth = 12.0

  /// The logo's height in pixels; the axis is in the middle.
  static let height = 48.0

  /// The logo as an `<svg>` element.
  func svg() -> String {
    let width = Double(contributions.count) * columnWidth
    let middle = Self.height / 2
    let scale =
      contributions.map { row in
        max(row.filter { $0 > 0 }.reduce(0, +), -row.filter { $0 < 0 }.reduce(0, +))
      }.max() ?? 0
    var parts = [
      "<svg class=\"logo motif-logo\" width=\"\(HTML.coordinate(width))\" height=\"\(HTML.coordinate(Self.height))\" "
        + "viewBox=\"0 0 \(HTML.coordinate(width)) \(HTML.coordinate(Self.height))\" role=\"img\" "
        + "aria-label=\"\(HTML.escape(title))\">",
      "<line class=\"logo-axis\" x1=\"0\" y1=\"\(HTML.coordinate(middle))\" x2=\"\(HTML.coordinate(width))\" "
        + "y2=\"\(HTML.coordinate(middle))\"/>",
    ]
    for (position, row) in contributions.enumerated() where scale > 0 {
      var above = middle
      var below = middle
      for channel in row.indices.sorted(by: { (abs(row[$0]), $0) < (abs(row[$1]), $1) })
      where row[channel].isFinite {
        let glyphHeight = abs(row[channel]) / scale * (middle - 1)
        guard glyphHeight >= 0.05, channel < SequenceLogo.colours.count else { continue }
        let top: Double
        if row[channel] > 0 {
          above -= glyphHeight
          top = above
        } else {
          top = below
          below += glyphHeight
        }
        let left = Double(position) * columnWidth + columnWidth * 0.05
        parts.append(
          "<use href=\"#glyph-\(SequenceLogo.colours[channel].name)\" transform=\"translate(\(HTML.coordinate(left, digits: 2)) "
            + "\(HTML.coordinate(top, digits: 2))) scale(\(HTML.coordinate(columnWidth * 0.009, digits: 4)) "
            + "\(HTML.coordinate(glyphHeight / 100, digits: 4)))\"/>")
      }
    }
    parts.append("</svg>")
    return parts.joined()
  }
}
