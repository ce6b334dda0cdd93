import Testing

@testable import SanityChecker

@Suite struct SVGLineChartTests {
  /// A chart of one series whose band is `means ± spreads` (no band without spreads).
  static func chart(_ means: [Double], spreads: [Double]? = nil) -> SVGLineChart {
    let spread = spreads ?? means.map { _ in 0 }
    return SVGLineChart(
      id: "c", title: "t", categories: ["original", "b", "c"], xLabel: "x", yLabel: "y",
      series: [
        .init(
          name: "m", means: means, lows: zip(means, spread).map { $0 - $1 },
          highs: zip(means, spread).map { $0 + $1 },
          counts: means.map { _ in 4 },
          colour: "#0072B2", dash: nil)
      ], reference: nil)
  }

  /// Plot area x 58…450 with 12 px insets, y 14…250: x = 70, 254, 438; y(1) = 14, y(0.5) = 132, y(0) = 250.
  @Test func mapsValuesToThePlotArea() {
    let chart = Self.chart([1, 0.5, 0])
    let scale = chart.yScale
    #expect(scale.low == 0 && scale.high == 1 && abs(scale.step - 0.2) < 1e-12)
    #expect(
      chart.svg().contains(
        "<polyline class=\"line\" stroke=\"#0072B2\" points=\"70,14 254,132 438,250\"/>"))
  }

  /// A lower band edge of -0.3 widens the range to a nice step: (1 + 0.3) / 6 = 0.217 → step 0.25,
  /// low -0.5; the band's upper edge above 1 does not widen it (the band is clipped).
  @Test func rangeIncludesNegativeBandsOnNiceSteps() {
    let chart = Self.chart([1, -0.1, 0.9], spreads: [0, 0.2, 0.3])
    let scale = chart.yScale
    #expect(scale.low == -0.5 && scale.high == 1 && scale.step == 0.25)
    let svg = chart.svg()
    for tick in ["-0.5", "0", "0.5", "1"] {
      #expect(svg.contains(">\(tick)</text>"), "tick \(tick)")
    }
    // The zero line: y(0) = 250 - 0.5 / 1.5 × 236.
    #expect(svg.contains("<line class=\"zero\" x1=\"58\" y1=\"171.3\" x2=\"450\" y2=\"171.3\"/>"))
    #expect(
      svg.contains(
        "<svg x=\"58\" y=\"14\" width=\"392\" height=\"236\" viewBox=\"58 14 392 236\"><polygon class=\"band\""
      ))
  }

  @Test func missingMeansBreakTheLine() {
    let svg = Self.chart([1, .nan, 0.2]).svg()
    #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
    #expect(svg.components(separatedBy: "<circle").count - 1 == 2)
    #expect(!svg.contains("<polygon"), "no band without spread")
  }

  @Test func referenceLineAndLegend() {
    var chart = Self.chart([1, 0.4, 0.1])
    chart.reference = (0.5, "threshold 0.5")
    chart.series.append(
      .init(
        name: "random <ctrl>", means: [1, 0, 0], lows: [.nan, .nan, .nan],
        highs: [.nan, .nan, .nan], counts: [1, 1, 1],
        colour: "#7a7a7a", dash: "6 3"))
    let svg = chart.svg()
    #expect(svg.contains("<line class=\"reference\" x1=\"58\" y1=\"132\" x2=\"450\" y2=\"132\"/>"))
    #expect(svg.contains(">random &lt;ctrl&gt;</text>"))
    #expect(
      svg.components(separatedBy: "stroke-dasharray=\"6 3\"").count - 1 == 2,
      "dashed line and legend sample")
  }
}
