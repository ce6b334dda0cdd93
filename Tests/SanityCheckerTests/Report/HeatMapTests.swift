import Testing

@testable import SanityChecker

@Suite struct HeatMapTests {
  @Test func colourMapEndsAndCentre() {
    let middle = DivergingColorMap.levels / 2
    #expect(DivergingColorMap.level(0, scale: 3) == middle)
    #expect(DivergingColorMap.level(3, scale: 3) == DivergingColorMap.levels - 1)
    #expect(DivergingColorMap.level(-7, scale: 3) == 0, "clamped")
    #expect(DivergingColorMap.level(1, scale: 0) == middle, "an all-zero map is white")
    #expect(DivergingColorMap.colour(level: middle) == "#f7f7f7")
    #expect(DivergingColorMap.colour(level: 0) == "#053061")
    #expect(DivergingColorMap.colour(level: DivergingColorMap.levels - 1) == "#67001f")
    for value: Float in [0.1, 0.5, 0.9] {
      let up = DivergingColorMap.level(value, scale: 1)
      #expect(
        DivergingColorMap.level(-value, scale: 1) == DivergingColorMap.levels - 1 - up,
        "antisymmetric")
    }
  }

  /// [[1, 1], [0, −1]]: the top row is one dark-red run, the zero cell is background, the last is dark blue.
  @Test func mergesRunsIntoOnePathPerColour() {
    let map = HeatMap.signed([1, 1, 0, -1], width: 2, height: 2, cellSize: (4, 4), title: "m")
    #expect(map.runPaths.map(\.colour) == ["#053061", "#67001f"])
    #expect(map.runPaths.map(\.path) == ["M1 1h1v1h-1z", "M0 0h2v1h-2z"])
    let svg = map.svg()
    #expect(svg.contains("width=\"8\" height=\"8\" viewBox=\"0 0 2 2\""))
    #expect(svg.contains("<rect width=\"2\" height=\"2\" fill=\"#f7f7f7\"/>"))
  }

  @Test func imagesAreMinMaxScaled() {
    let grey = HeatMap.image(
      [2, 4, 6, 4], width: 2, height: 2, channels: 1, cellSize: 1, title: "g")
    #expect(grey.cells == ["#000000", "#848484", "#ffffff", "#848484"])
    let rgb = HeatMap.image(
      [0, 0, 1, 1, 0, 0], width: 2, height: 1, channels: 3, cellSize: 1, title: "c")
    #expect(rgb.cells == ["#0000ff", "#ff0000"])
  }

  @Test func shortMapsArePaddedWithZero() {
    let map = HeatMap.signed([2, -2, 9], width: 2, height: 2, cellSize: (1, 1), title: "m")
    #expect(map.cells.count == 4)
    #expect(
      map.cells[2] == "#67001f" && map.cells[3] == "#f7f7f7", "9 is the scale; the 4th cell is 0")
    #expect(
      HeatMap.signed([1, 2, 3, 4, 5], width: 2, height: 2, cellSize: (1, 1), title: "m").cells.count
        == 4)
  }
}
