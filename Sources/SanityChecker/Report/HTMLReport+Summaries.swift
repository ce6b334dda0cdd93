extension HTMLReport {
  /// The summary rows (seed `all`) of the checks without randomization stages, one table per
  /// check, each row with a dot-and-whisker of the mean and its 95% bootstrap interval on a scale
  /// shared within the table (0 … 1, widened to halves to hold every mean).
  static func summarySection(_ report: CheckReport) -> Section? {
    let isPValue = { (row: ResultRow) in
      row.check == .motifRecovery
        && (row.metric == MotifRecovery.pValueMetric || row.metric == MotifRecovery.holmMetric)
    }
    // Reverse-complement and off-simplex rows have their own sections.
    let rows = report.rows.filter {
      !$0.check.isStaged && ($0.seed == .all || $0.seed == .notApplicable) && !$0.layer.isScale
        && !isPValue($0) && $0.method != "model"
        && ![.reverseComplement, .offSimplex].contains($0.check)
    }
    let checks = ordered(rows.map(\.check))
    guard !checks.isEmpty else { return nil }
    var parts = [
      "<p class=\"lead\">Mean ± sd over items of each check's similarity (or score) for every method and "
        + "condition, with the mean's 95% bootstrap interval (drawn as the whisker); n counts the defined values and “undefined” those left out (e.g. the rank "
        + "correlation of a constant map).</p>"
    ]
    for check in checks {
      let group = rows.filter { $0.check == check }
      let means = group.map(\.mean).filter(\.isFinite)
      let range = (
        low: (min(0, means.min() ?? 0) * 2).rounded(.down) / 2,
        high: (max(1, means.max() ?? 1) * 2).rounded(.up) / 2
      )
      parts.append(HTML.element("h3", check.rawValue))
      parts.append(
        "<div class=\"table-scroll\"><table class=\"summary\" id=\"\(HTML.slug(["summary", check.rawValue]))\">"
      )
      parts.append(
        "<thead><tr><th scope=\"col\">Method</th><th scope=\"col\">Condition</th><th scope=\"col\">Metric</th>"
          + "<th scope=\"col\">View</th><th scope=\"col\" class=\"number\">Mean ± sd</th>"
          + "<th scope=\"col\" class=\"number\">95% interval</th>"
          + "<th scope=\"col\">\(HTML.number(range.low)) … \(HTML.number(range.high))</th>"
          + "<th scope=\"col\" class=\"number\">n</th><th scope=\"col\" class=\"number\">Undefined</th></tr></thead><tbody>"
      )
      for row in group {
        let cells = [row.method, row.layer.description, row.metric, row.view]
          .map { HTML.element("td", $0) }
          .joined()
        parts.append(
          "<tr>\(cells)<td class=\"number\">"
            + (row.mean.isFinite ? "\(HTML.number(row.mean)) ± \(HTML.number(row.sd))" : "n/a")
            + "</td><td class=\"number\">"
            + (row.ciLow.isFinite
              ? "\(HTML.number(row.ciLow)) … \(HTML.number(row.ciHigh))" : "n/a")
            + "</td>"
            + "<td>\(dotPlot(mean: row.mean, interval: (row.ciLow, row.ciHigh), range: range))</td>"
            + "<td class=\"number\">\(row.n)</td><td class=\"number\">\(row.undefined)</td></tr>")
      }
      parts.append("</tbody></table></div>")
    }
    return Section(
      id: "summary-section", title: "Other checks", body: parts.joined(separator: "\n"))
  }

  /// A 140 × 14 pixel dot-and-whisker of `mean` and its interval on `range`, with a tick at 0;
  /// whiskers are clamped to the range, and left out when the interval is undefined.
  static func dotPlot(
    mean: Double, interval: (low: Double, high: Double), range: (low: Double, high: Double)
  ) -> String {
    let width = 140.0
    let position = { (value: Double) in
      4 + (width - 8) * (min(range.high, max(range.low, value)) - range.low)
        / (range.high - range.low)
    }
    var parts = [
      "<svg class=\"dot-plot\" width=\"140\" height=\"14\" viewBox=\"0 0 140 14\" aria-hidden=\"true\">",
      "<line class=\"grid\" x1=\"4\" y1=\"7\" x2=\"136\" y2=\"7\"/>",
      "<line class=\"zero\" x1=\"\(HTML.coordinate(position(0)))\" y1=\"2\" x2=\"\(HTML.coordinate(position(0)))\" y2=\"12\"/>",
    ]
    if mean.isFinite {
      if interval.low.isFinite, interval.high.isFinite {
        parts.append(
          "<line class=\"whisker\" x1=\"\(HTML.coordinate(position(interval.low)))\" y1=\"7\" "
            + "x2=\"\(HTML.coordinate(position(interval.high)))\" y2=\"7\"/>")
      }
      parts.append(
        "<circle class=\"dot\" cx=\"\(HTML.coordinate(position(mean)))\" cy=\"7\" r=\"3.5\"/>")
    }
    parts.append("</svg>")
    return parts.joined()
  }

  /// Each verdict's reading on the run's scale: the floor (random control), the method's
  /// ceiling, and the normalized score with its 95% interval on 0 (floor) … 1 (ceiling), with the
  /// verdict's threshold; then the exact test of motif recovery per method.
  static func scaleSection(_ report: CheckReport) -> Section? {
    let normalized = report.rows.filter { $0.layer == .normalized }
    let significance = report.rows.filter {
      $0.check == .motifRecovery && $0.layer == .original && $0.metric == MotifRecovery.holmMetric
    }
    guard !normalized.isEmpty || !significance.isEmpty else { return nil }
    var parts = [
      "<p class=\"lead\">Each similarity verdict reads the normalized score (s − floor) / (ceiling − floor): "
        + "0 is what the random control reaches, 1 what the method reaches against a second draw of itself on "
        + "the unchanged model. Controls are held to the same rule. The whisker is the 95% bootstrap "
        + "interval.</p>"
    ]
    for check in ordered(normalized.map(\.check)) {
      parts.append(HTML.element("h3", check.rawValue))
      parts.append(
        "<div class=\"table-scroll\"><table class=\"summary scale\" id=\"\(HTML.slug(["scale", check.rawValue]))\">"
          + "<thead><tr><th scope=\"col\">Method</th><th scope=\"col\">Reading</th>"
          + "<th scope=\"col\" class=\"number\">Floor</th><th scope=\"col\" class=\"number\">Ceiling</th>"
          + "<th scope=\"col\" class=\"number\">Normalized</th><th scope=\"col\" class=\"number\">95% interval</th>"
          + "<th scope=\"col\">-0.5 … 1.5</th></tr></thead><tbody>")
      for row in normalized where row.check == check {
        let point = { (stage: ResultStage) in
          report.rows.first {
            $0.check == check && $0.method == row.method && $0.metric == row.metric
              && $0.layer == stage
          }
        }
        let cells = [row.method, row.metric].map { HTML.element("td", $0) }.joined()
        let numbers =
          [point(.floor), point(.ceiling)].map { reference in
            guard let reference, reference.mean.isFinite else {
              return "<td class=\"number\">n/a</td>"
            }
            let interval =
              reference.ciLow.isFinite
              ? " <span class=\"interval\">(\(Self.interval(reference.ciLow, reference.ciHigh)))</span>"
              : ""
            return "<td class=\"number\">\(HTML.number(reference.mean))\(interval)</td>"
          }.joined()
          + "<td class=\"number\">\(row.mean.isFinite ? HTML.number(row.mean) : "n/a")</td>"
        parts.append(
          "<tr>\(cells)\(numbers)<td class=\"number\">"
            + (row.ciLow.isFinite
              ? "\(HTML.number(row.ciLow)) … \(HTML.number(row.ciHigh))" : "n/a")
            + "</td><td>\(dotPlot(mean: row.mean, interval: (row.ciLow, row.ciHigh), range: (-0.5, 1.5)))</td></tr>"
        )
      }
      parts.append("</tbody></table></div>")
    }
    if !significance.isEmpty {
      parts.append(
        HTML.element("h3", "\(CheckKind.motifRecovery.rawValue): exact test of top-k-in-motif"))
      parts.append(
        "<div class=\"table-scroll\"><table class=\"summary\" id=\"motif-significance\"><thead><tr>"
          + "<th scope=\"col\">Method</th><th scope=\"col\" class=\"number\">p (trained)</th>"
          + "<th scope=\"col\" class=\"number\">Holm p (trained)</th>"
          + "<th scope=\"col\" class=\"number\">Holm p (randomized, per seed)</th></tr></thead><tbody>"
      )
      for row in significance {
        let raw =
          report.rows.first {
            $0.check == .motifRecovery && $0.method == row.method && $0.layer == .original
              && $0.metric == MotifRecovery.pValueMetric
          }?.mean ?? .nan
        let randomized = report.rows.filter {
          $0.check == .motifRecovery && $0.method == row.method && $0.layer.isRandomization
            && $0.metric == MotifRecovery.holmMetric
        }.map { HTML.number($0.mean) }.joined(separator: ", ")
        parts.append(
          "<tr>\(HTML.element("td", row.method))<td class=\"number\">\(HTML.number(raw))</td>"
            + "<td class=\"number\">\(HTML.number(row.mean))</td>"
            + "<td class=\"number\">\(HTML.escape(randomized))</td></tr>")
      }
      parts.append("</tbody></table></div>")
    }
    return Section(
      id: "scale-section", title: "Scale and significance", body: parts.joined(separator: "\n"))
  }
}
