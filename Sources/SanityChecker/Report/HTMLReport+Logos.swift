extension HTMLReport {
  /// The sequence logos: per example, a ruler and one logo row per method and stage.
  static func logoSection(_ examples: [DNAExample]) -> Section? {
    guard !examples.isEmpty else { return nil }
    var parts = [
      "<p class=\"lead\">Attribution at the observed base, one row per method and randomization stage. Letter "
        + "height is proportional to the attribution, scaled to each row's largest absolute value (printed as "
        + "max |a|); letters below the line have negative attribution. The shaded span is the planted motif. "
        + "A faithful method's logo loses the motif once the model is randomized.</p>",
      SequenceLogo.glyphDefinitions,
    ]
    for (index, example) in examples.enumerated() {
      parts.append(logoExample(example, index: index))
    }
    return Section(id: "logo-section", title: "Sequence logos", body: parts.joined(separator: "\n"))
  }

  /// One example's block: heading, ruler, and the rows grouped by method.
  static func logoExample(_ example: DNAExample, index: Int) -> String {
    let bases = Array(example.sequence.uppercased().utf8)
    let length = bases.count
    let baseWidth = min(11, max(2, (820 / Double(max(1, length)) * 10).rounded(.down) / 10))
    var meta = ["L = \(length)"]
    if let motif = example.motif, !motif.isEmpty {
      meta.append("motif \(motif.lowerBound + 1)–\(motif.upperBound)")
    }
    var rows = [
      "<div class=\"logo-label\"></div><div class=\"logo-track\">"
        + SequenceLogo.ruler(bases: bases, baseWidth: baseWidth, motif: example.motif) + "</div>"
    ]
    let methods = ordered(example.stages.map(\.method))
    for method in methods {
      for (position, map) in example.stages.filter({ $0.method == method }).enumerated() {
        let logo = SequenceLogo(
          bases: bases, values: Array(map.values.prefix(length)), motif: example.motif,
          baseWidth: baseWidth,
          title: "\(example.id): \(method), \(map.stage)")
        let first = position == 0 ? " method-start" : ""
        rows.append(
          "<div class=\"logo-label\(first)\">"
            + HTML.element("span", position == 0 ? method : "", attributes: "class=\"method\"")
            + "<span class=\"detail\">"
            + HTML.element("span", map.stage, attributes: "class=\"stage\"")
            + HTML.element(
              "span", "max |a| \(HTML.number(Double(logo.scale)))", attributes: "class=\"scale\"")
            + "</span></div><div class=\"logo-track\(first)\">\(logo.svg())</div>")
      }
    }
    return [
      "<article class=\"example\" id=\"\(HTML.slug(["dna", String(index + 1), example.id]))\">",
      "<h3>\(HTML.escape(example.id)) <span class=\"meta\">\(HTML.escape(meta.joined(separator: " · ")))</span></h3>",
      "<div class=\"logo-scroll\"><div class=\"logo-grid\">",
      rows.joined(separator: "\n"),
      "</div></div>",
      "</article>",
    ].joined(separator: "\n")
  }
}
