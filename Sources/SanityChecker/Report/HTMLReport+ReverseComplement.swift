extension HTMLReport {
  /// Reverse-complement consistency: per method and metric, the mean agreement of the map of x
  /// with the mapped-back map of RC(x), its 95% interval, the normalized agreement and the flag
  /// (consistent, breaks the symmetry, or not judged on a model that is not strand-symmetric).
  static func reverseComplementSection(_ report: CheckReport) -> Section? {
    let rows = report.rows.filter {
      $0.check == .reverseComplement && $0.layer == .reverseComplement
    }
    guard !rows.isEmpty else { return nil }
    let setting = { (name: String) in
      report.settings["\(CheckKind.reverseComplement.rawValue).\(name)"] ?? report.settings[name]
    }
    let isSymmetric = setting("strand-symmetric") == "yes"
    var parts = [
      "<p class=\"lead\">Each map of x is compared with the map of its reverse complement, mapped back "
        + "(positions reversed, A↔T, C↔G). On a strand-symmetric model a faithful method agrees near 1; one "
        + "whose normalized agreement lies wholly below the threshold is flagged as breaking the symmetry. "
        + "This model's outputs differ between strands by \(HTML.escape(setting("strand-asymmetry") ?? "n/a")) "
        + "of the largest output: "
        + (isSymmetric
          ? "it is strand-symmetric, so the agreement is judged."
          : "it is not strand-symmetric, so the agreement is reported, not judged.") + "</p>",
      "<div class=\"table-scroll\"><table class=\"summary\" id=\"reverse-complement\"><thead><tr>"
        + "<th scope=\"col\">Method</th><th scope=\"col\">Metric</th>"
        + "<th scope=\"col\" class=\"number\">Agreement</th><th scope=\"col\" class=\"number\">95% interval</th>"
        + "<th scope=\"col\">-1 … 1</th><th scope=\"col\" class=\"number\">Normalized (95% interval)</th>"
        + "<th scope=\"col\">Flag</th></tr></thead><tbody>",
    ]
    for row in rows {
      let normalized = report.rows.first {
        $0.check == .reverseComplement && $0.layer == .normalized && $0.method == row.method
          && $0.metric == row.metric
      }
      let verdict = report.verdicts.first {
        $0.check == .reverseComplement && $0.method == row.method
      }
      parts.append(
        "<tr>\(HTML.element("td", row.method))\(HTML.element("td", row.metric))"
          + "<td class=\"number\">\(row.mean.isFinite ? HTML.number(row.mean) : "n/a")</td>"
          + "<td class=\"number\">\(interval(row.ciLow, row.ciHigh))</td>"
          + "<td>\(dotPlot(mean: row.mean, interval: (row.ciLow, row.ciHigh), range: (-1, 1)))</td>"
          + "<td class=\"number\">"
          + (normalized.map {
            "\(HTML.number($0.mean)) (\(interval($0.ciLow, $0.ciHigh)))"
          } ?? "") + "</td>"
          + HTML.element("td", verdict.map { flag($0.outcome, isSymmetric: isSymmetric) } ?? "")
          + "</tr>")
    }
    parts.append("</tbody></table></div>")
    return Section(
      id: "reverse-complement-section", title: "Reverse-complement consistency",
      body: parts.joined(separator: "\n"))
  }

  /// A 95% interval as `low … high`, or `n/a`.
  static func interval(_ low: Double, _ high: Double) -> String {
    low.isFinite && high.isFinite ? "\(HTML.number(low)) … \(HTML.number(high))" : "n/a"
  }

  /// The flag of a reverse-complement verdict, in words.
  static func flag(_ outcome: Verdict.Outcome, isSymmetric: Bool) -> String {
    switch outcome {
    case .passes: return "consistent"
    case .fails: return "breaks the symmetry"
    case .inconclusive: return isSymmetric ? "undecided" : "not judged"
    }
  }
}
