import Foundation

/// A line chart over ordered categories with a shaded interval band per series (the mean's 95%
/// bootstrap interval in reports), as inline SVG.
///
/// Layout (user units of the `viewBox`): the plot area spans ``plotLeft``…``plotRight`` and
/// ``plotTop``…``plotBottom``; the legend sits right of the plot and the category labels below,
/// rotated. A missing mean (NaN) breaks the line and its band. The y range always includes
/// 0 and 1, every mean and the lower band edges, rounded out to a nice tick step (about six
/// ticks); bands are clipped to the plot, so a band poking above a correlation's ceiling of 1
/// does not stretch the axis. A darker line marks 0.
struct SVGLineChart {
  /// One line.
  struct Series {
    /// The legend entry.
    var name: String
    /// The mean per category (NaN where missing).
    var means: [Double]
    /// The band's lower edge per category (NaN, or equal to `highs` and the mean, draws no band).
    var lows: [Double]
    /// The band's upper edge per category.
    var highs: [Double]
    /// The number of values behind each mean, shown in tooltips.
    var counts: [Int]
    /// The stroke colour, such as `#0072B2`.
    var colour: String
    /// The SVG dash pattern, or `nil` for a solid line.
    var dash: String?
  }

  /// The element id.
  var id: String
  /// The accessible title.
  var title: String
  /// The x categories, in order.
  var categories: [String]
  /// The x axis title.
  var xLabel: String
  /// The y axis title.
  var yLabel: String
  /// The lines, drawn in order (later on top).
  var series: [Series]
  /// An optional dotted horizontal line, such as the verdict threshold.
  var reference: (value: Double, label: String)?

  static let width = 640.0
  static let height = 340.0
  static let plotLeft = 58.0
  static let plotRight = 450.0
  static let plotTop = 14.0
  static let plotBottom = 250.0

  /// The y axis range and tick step: includes 0, 1, every mean and every band's low edge, rounded out
  /// to a step of 1, 2, 2.5 or 5 times a power of ten.
  var yScale: (low: Double, high: Double, step: Double) {
    let lows = series.flatMap(\.lows).filter(\.isFinite)
    let means = series.flatMap(\.means).filter(\.isFinite)
    let low = min(0, lows.min() ?? 0, means.min() ?? 0)
    let high = max(1, means.max() ?? 1)
    let raw = (high - low) / 6
    let magnitude = pow(10, floor(log10(raw)))
    let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw * 0.999 } ?? raw
    return ((low / step).rounded(.down) * step, (high / step).rounded(.up) * step, step)
  }

  /// The x coordinate of category `index`.
  func x(_ index: Int) -> Double {
    let span = Self.plotRight - Self.plotLeft
    guard categories.count > 1 else { return Self.plotLeft + span / 2 }
    return Self.plotLeft + 12 + (span - 24) * Double(index) / Double(categories.count - 1)
  }

  /// The y coordinate of `value` on the scale `scale`.
  func y(_ value: Double, _ scale: (low: Double, high: Double, step: Double)) -> Double {
    Self.plotBottom - (value - scale.low) / (scale.high - scale.low)
      * (Self.plotBottom - Self.plotTop)
  }

  /// The chart as an `<svg>` element.
  func svg() -> String {
    let scale = yScale
    var parts = [
      "<svg id=\"\(HTML.escape(id))\" class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" "
        + "role=\"img\" aria-label=\"\(HTML.escape(title))\">",
      HTML.element("title", title),
    ]
    parts += axes(scale)
    for line in series { parts += bandAndLine(line, scale) }
    parts += legend()
    parts.append("</svg>")
    return parts.joined(separator: "\n")
  }

  /// Grid, ticks, the 0 line, the reference line and the axis titles.
  func axes(_ scale: (low: Double, high: Double, step: Double)) -> [String] {
    var parts: [String] = []
    let left = HTML.coordinate(Self.plotLeft)
    let right = HTML.coordinate(Self.plotRight)
    var tick = scale.low
    while tick <= scale.high + scale.step / 1000 {
      let ty = HTML.coordinate(y(tick, scale))
      parts.append(
        "<line class=\"grid\" x1=\"\(left)\" y1=\"\(ty)\" x2=\"\(right)\" y2=\"\(ty)\"/>")
      parts.append(
        "<text class=\"tick\" x=\"\(HTML.coordinate(Self.plotLeft - 6))\" y=\"\(ty)\" dy=\"0.32em\" "
          + "text-anchor=\"end\">\(HTML.number(abs(tick) < scale.step / 1000 ? 0 : tick))</text>")
      tick += scale.step
    }
    let zero = HTML.coordinate(y(0, scale))
    parts.append(
      "<line class=\"zero\" x1=\"\(left)\" y1=\"\(zero)\" x2=\"\(right)\" y2=\"\(zero)\"/>")
    if let reference, reference.value.isFinite {
      let ry = HTML.coordinate(y(reference.value, scale))
      parts.append(
        "<line class=\"reference\" x1=\"\(left)\" y1=\"\(ry)\" x2=\"\(right)\" y2=\"\(ry)\"/>")
      parts.append(
        "<text class=\"reference-label\" x=\"\(HTML.coordinate(Self.plotRight - 4))\" y=\"\(ry)\" dy=\"-4\" "
          + "text-anchor=\"end\">\(HTML.escape(reference.label))</text>")
    }
    let bottom = HTML.coordinate(Self.plotBottom)
    parts.append(
      "<line class=\"axis\" x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\"/>")
    parts.append(
      "<line class=\"axis\" x1=\"\(left)\" y1=\"\(HTML.coordinate(Self.plotTop))\" x2=\"\(left)\" y2=\"\(bottom)\"/>"
    )
    for (index, category) in categories.enumerated() {
      let cx = HTML.coordinate(x(index))
      parts.append(
        "<line class=\"axis\" x1=\"\(cx)\" y1=\"\(bottom)\" x2=\"\(cx)\" y2=\"\(HTML.coordinate(Self.plotBottom + 4))\"/>"
      )
      parts.append(
        "<text class=\"tick\" transform=\"translate(\(cx) \(HTML.coordinate(Self.plotBottom + 10))) rotate(-35)\" "
          + "text-anchor=\"end\" dy=\"0.32em\">\(HTML.escape(category))</text>")
    }
    let middle = HTML.coordinate((Self.plotTop + Self.plotBottom) / 2)
    parts.append(
      "<text class=\"axis-title\" transform=\"translate(14 \(middle)) rotate(-90)\" text-anchor=\"middle\">"
        + "\(HTML.escape(yLabel))</text>")
    parts.append(
      "<text class=\"axis-title\" x=\"\(HTML.coordinate((Self.plotLeft + Self.plotRight) / 2))\" "
        + "y=\"\(HTML.coordinate(Self.height - 6))\" text-anchor=\"middle\">\(HTML.escape(xLabel))</text>"
    )
    return parts
  }

  /// A nested `<svg>` over the plot area in chart coordinates; it clips what it contains.
  var plotViewport: String {
    let box = [
      Self.plotLeft, Self.plotTop, Self.plotRight - Self.plotLeft, Self.plotBottom - Self.plotTop,
    ]
    .map { HTML.coordinate($0) }
    return "<svg x=\"\(box[0])\" y=\"\(box[1])\" width=\"\(box[2])\" height=\"\(box[3])\" "
      + "viewBox=\"\(box.joined(separator: " "))\">"
  }

  /// One series: its band, its line (broken at missing means) and its points with tooltips.
  func bandAndLine(_ line: Series, _ scale: (low: Double, high: Double, step: Double)) -> [String] {
    var parts: [String] = []
    for run in finiteRuns(line.means) {
      if run.contains(where: { line.highs[$0] > line.lows[$0] }) {
        let edge = { (values: [Double], index: Int) in
          values[index].isFinite ? values[index] : line.means[index]
        }
        let upper = run.map {
          "\(HTML.coordinate(x($0))),\(HTML.coordinate(y(edge(line.highs, $0), scale)))"
        }
        let lower = run.reversed().map {
          "\(HTML.coordinate(x($0))),\(HTML.coordinate(y(edge(line.lows, $0), scale)))"
        }
        parts.append(
          plotViewport
            + "<polygon class=\"band\" fill=\"\(line.colour)\" points=\"\((upper + lower).joined(separator: " "))\"/></svg>"
        )
      }
      let points = run.map {
        "\(HTML.coordinate(x($0))),\(HTML.coordinate(y(line.means[$0], scale)))"
      }
      let dash = line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
      parts.append(
        "<polyline class=\"line\" stroke=\"\(line.colour)\"\(dash) points=\"\(points.joined(separator: " "))\"/>"
      )
    }
    for index in line.means.indices where line.means[index].isFinite {
      let tooltip =
        "\(line.name) · \(categories[index]): \(HTML.number(line.means[index])) "
        + "[\(HTML.number(line.lows[index])), \(HTML.number(line.highs[index]))] (n = \(line.counts[index]))"
      parts.append(
        "<circle class=\"point\" cx=\"\(HTML.coordinate(x(index)))\" cy=\"\(HTML.coordinate(y(line.means[index], scale)))\" "
          + "r=\"\(line.dash == nil ? 3 : 2.5)\" fill=\"\(line.colour)\"><title>\(HTML.escape(tooltip))</title></circle>"
      )
    }
    return parts
  }

  /// The legend, right of the plot: a line sample and the name per series.
  func legend() -> [String] {
    var parts: [String] = []
    let left = Self.plotRight + 18
    for (index, line) in series.enumerated() {
      let ly = Self.plotTop + 8 + 18 * Double(index)
      let dash = line.dash.map { " stroke-dasharray=\"\($0)\"" } ?? ""
      parts.append(
        "<line class=\"line\" stroke=\"\(line.colour)\"\(dash) x1=\"\(HTML.coordinate(left))\" y1=\"\(HTML.coordinate(ly))\" "
          + "x2=\"\(HTML.coordinate(left + 22))\" y2=\"\(HTML.coordinate(ly))\"/>")
      parts.append(
        "<text class=\"legend\" x=\"\(HTML.coordinate(left + 28))\" y=\"\(HTML.coordinate(ly))\" dy=\"0.32em\">"
          + "\(HTML.escape(line.name))</text>")
    }
    return parts
  }

  /// The maximal runs of consecutive indices whose values are finite.
  func finiteRuns(_ values: [Double]) -> [[Int]] {
    var runs: [[Int]] = []
    var current: [Int] = []
    for index in values.indices {
      if values[index].isFinite {
        current.append(index)
      } else if !current.isEmpty {
        runs.append(current)
        current = []
      }
    }
    if !current.isEmpty { runs.append(current) }
    return runs
  }
}
