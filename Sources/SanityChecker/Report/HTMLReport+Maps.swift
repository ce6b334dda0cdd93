extension HTMLReport {
  /// The image grids: per example, the input and a method × stage table of heat maps.
  static func imageSection(_ examples: [ImageExample]) -> Section? {
    guard !examples.isEmpty else { return nil }
    var parts = [
      "<p class=\"lead\">Attribution maps per method (rows) and randomization stage (columns), each scaled to its "
        + "own largest absolute value: red is positive, blue negative, white zero. A faithful method's map "
        + "changes as the model is randomized; one that still shows the input's edges is explaining the input, "
        + "not the model.</p>",
      colourBar(),
    ]
    for (index, example) in examples.enumerated() {
      let cellSize = max(
        1, min(16, (112 / Double(max(example.width, example.height, 1))).rounded(.down)))
      let stages = ordered(example.stages.map(\.stage))
      let methods = ordered(example.stages.map(\.method))
      let input = HeatMap.image(
        example.pixels, width: example.width, height: example.height, channels: example.channels,
        cellSize: cellSize,
        title: "\(example.id): input")
      var table = [
        "<article class=\"example\" id=\"\(HTML.slug(["image", String(index + 1), example.id]))\">",
        HTML.element("h3", example.id),
        "<div class=\"table-scroll\"><table class=\"map-grid\">",
        "<thead><tr><th scope=\"col\"><figure class=\"input\">\(input.svg())<figcaption>input</figcaption></figure></th>"
          + stages.map { HTML.element("th", $0, attributes: "scope=\"col\"") }.joined()
          + "</tr></thead>",
        "<tbody>",
      ]
      for method in methods {
        var cells = [HTML.element("th", method, attributes: "scope=\"row\"")]
        for stage in stages {
          guard let map = example.stages.first(where: { $0.method == method && $0.stage == stage })
          else {
            cells.append("<td class=\"empty\">—</td>")
            continue
          }
          let heatMap = HeatMap.signed(
            map.values, width: example.width, height: example.height,
            cellSize: (cellSize, cellSize),
            title: "\(example.id): \(method), \(stage)")
          cells.append("<td>\(heatMap.svg())</td>")
        }
        table.append("<tr>\(cells.joined())</tr>")
      }
      table += ["</tbody>", "</table></div>", "</article>"]
      parts.append(table.joined(separator: "\n"))
    }
    return Section(
      id: "image-section", title: "Attribution maps", body: parts.joined(separator: "\n"))
  }

  /// The class-sensitivity pairs: per example, the maps of both classes and their difference.
  static func classSensitivitySection(_ examples: [ClassSensitivityExample]) -> Section? {
    guard !examples.isEmpty else { return nil }
    var parts = [
      "<p class=\"lead\">The same input explained for two output classes. A class-sensitive method gives different "
        + "maps; near-identical maps mean the explanation does not depend on the class asked about. The third map "
        + "is the difference (first − second), on its own scale.</p>",
      "<div class=\"pair-grid\">",
    ]
    for (index, example) in examples.enumerated() {
      let isSequence = example.height <= 1
      let size: (width: Double, height: Double)
      if isSequence {
        size = (min(12, max(1, (680 / Double(max(1, example.width)) * 10).rounded(.down) / 10)), 22)
      } else {
        let side = max(
          1, min(16, (104 / Double(max(example.width, example.height, 1))).rounded(.down)))
        size = (side, side)
      }
      let difference = zip(example.mapA, example.mapB).map { $0 - $1 }
      let panels = [
        (example.classA, example.mapA), (example.classB, example.mapB), ("difference", difference),
      ]
      .map { name, values in
        let map = HeatMap.signed(
          values, width: example.width, height: max(1, example.height), cellSize: size,
          title: "\(example.id): \(example.method), \(name)")
        return "<figure>\(map.svg())\(HTML.element("figcaption", name))</figure>"
      }
      parts.append(
        "<article class=\"pair\(isSequence ? " sequence" : "")\" id=\"\(HTML.slug(["pair", String(index + 1), example.id]))\">"
          + "<h3>\(HTML.escape(example.id)) <span class=\"meta\">\(HTML.escape(example.method))</span></h3>"
          + "<div class=\"panels\">\(panels.joined())</div></article>")
    }
    parts.append("</div>")
    return Section(
      id: "class-section", title: "Class sensitivity", body: parts.joined(separator: "\n"))
  }

  /// A horizontal legend of the diverging colour map, from −max |a| through 0 to +max |a|.
  static func colourBar() -> String {
    let levels = DivergingColorMap.levels
    let cells = (0..<levels).map { level in
      "<rect x=\"\(level * 4)\" y=\"0\" width=\"4\" height=\"10\" fill=\"\(DivergingColorMap.colour(level: level))\"/>"
    }
    return
      "<div class=\"colour-bar\"><span>−max |a|</span><svg width=\"\(levels * 4)\" height=\"10\" "
      + "shape-rendering=\"crispEdges\" aria-hidden=\"true\">\(cells.joined())</svg><span>+max |a|</span>"
      + "<span class=\"note\">white = 0; each map has its own scale</span></div>"
  }
}
