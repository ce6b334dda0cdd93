/// A grid of cells drawn as inline SVG: a signed attribution map or an input image.
///
/// Cells of equal colour in a row are merged into runs, and all runs of one colour form a single
/// `<path>`, so a 28 × 28 map costs a few kilobytes instead of 784 `<rect>` elements. Signed maps
/// use ``DivergingColorMap`` scaled by the map's largest absolute value; zero cells show the white
/// background. Images are min-max scaled to [0, 1] and quantized to 32 grey levels (one channel)
/// or 16 levels per channel (three channels).
struct HeatMap {
  /// The number of columns W.
  var width: Int
  /// The number of rows H.
  var height: Int
  /// The colour key of each cell, `[H * W]` row-major.
  var cells: [String]
  /// The background colour, for cells whose key equals it (not drawn).
  var background: String
  /// The width of one cell in pixels.
  var cellWidth: Double
  /// The height of one cell in pixels.
  var cellHeight: Double
  /// The accessible title.
  var title: String

  /// A heat map of a signed map with the diverging colour map.
  ///
  /// Cells beyond the end of a short map are drawn as zero (background); extra values are ignored.
  /// - Parameters:
  ///   - values: The map, `[H * W]`.
  ///   - width: W.
  ///   - height: H.
  ///   - cellSize: The cell size in pixels, width × height.
  ///   - title: The accessible title.
  /// - Returns: The heat map.
  static func signed(
    _ values: [Float], width: Int, height: Int, cellSize: (width: Double, height: Double),
    title: String
  ) -> HeatMap {
    let count = max(0, width) * max(0, height)
    let fitted =
      Array(values.prefix(count)) + [Float](repeating: 0, count: max(0, count - values.count))
    let scale = fitted.reduce(Float(0)) { abs($1).isFinite ? max($0, abs($1)) : $0 }
    let cells = fitted.map {
      DivergingColorMap.colour(level: DivergingColorMap.level($0, scale: scale))
    }
    return HeatMap(
      width: width, height: height, cells: cells,
      background: DivergingColorMap.colour(level: DivergingColorMap.levels / 2),
      cellWidth: cellSize.width, cellHeight: cellSize.height, title: title)
  }

  /// A heat map of an input image, min-max scaled.
  /// - Parameters:
  ///   - pixels: The image, `[H * W * C]` channels-last.
  ///   - width: W.
  ///   - height: H.
  ///   - channels: C: 1 (grey) or 3 (RGB); otherwise the first channel is drawn in grey.
  ///   - cellSize: The cell size in pixels.
  ///   - title: The accessible title.
  /// - Returns: The heat map.
  static func image(
    _ pixels: [Float], width: Int, height: Int, channels: Int, cellSize: Double, title: String
  ) -> HeatMap {
    let finite = pixels.filter(\.isFinite)
    let low = Double(finite.min() ?? 0)
    let range = max(Double(finite.max() ?? 1) - low, 1e-12)
    let stride = max(1, channels)
    let quantize = { (value: Float, levels: Double) -> Double in
      ((Double(value.isFinite ? value : Float(low)) - low) / range * (levels - 1)).rounded()
        / (levels - 1)
    }
    let cells = (0..<(width * height)).map { cell -> String in
      let base = cell * stride
      guard base + stride <= pixels.count else { return "#000000" }
      guard channels == 3 else { return DivergingColorMap.grey(quantize(pixels[base], 32)) }
      let rgb = (0..<3).map { Int((quantize(pixels[base + $0], 16) * 255).rounded()) }
      return "#" + rgb.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
    }
    return HeatMap(
      width: width, height: height, cells: cells, background: "#000000", cellWidth: cellSize,
      cellHeight: cellSize,
      title: title)
  }

  /// For each colour (sorted), the path data of its row runs, in cell units.
  var runPaths: [(colour: String, path: String)] {
    var paths: [String: String] = [:]
    for row in 0..<height {
      var column = 0
      while column < width {
        let colour = cells[row * width + column]
        var end = column + 1
        while end < width, cells[row * width + end] == colour { end += 1 }
        if colour != background {
          paths[colour, default: ""] += "M\(column) \(row)h\(end - column)v1h-\(end - column)z"
        }
        column = end
      }
    }
    return paths.keys.sorted().map { ($0, paths[$0] ?? "") }
  }

  /// The map as an `<svg>` element of `W × cellWidth` by `H × cellHeight` pixels.
  func svg() -> String {
    let pixelWidth = HTML.coordinate(Double(width) * cellWidth)
    let pixelHeight = HTML.coordinate(Double(height) * cellHeight)
    var parts = [
      "<svg class=\"heatmap\" width=\"\(pixelWidth)\" height=\"\(pixelHeight)\" viewBox=\"0 0 \(width) \(height)\" "
        + "preserveAspectRatio=\"none\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(HTML.escape(title))\">",
      HTML.element("title", title),
      "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(background)\"/>",
    ]
    for (colour, path) in runPaths { parts.append("<path fill=\"\(colour)\" d=\"\(path)\"/>") }
    parts.append("</svg>")
    return parts.joined()
  }
}

extension String {
  /// The string padded with leading zeros to `length` characters.
  fileprivate func leftPadded(to length: Int) -> String {
    String(repeating: "0", count: max(0, length - count)) + self
  }
}
