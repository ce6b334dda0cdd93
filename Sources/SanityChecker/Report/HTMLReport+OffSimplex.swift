extension HTMLReport {
  /// The off-simplex gradient diagnostic: whether the run corrected its maps, then per method the
  /// angle of its gradients to the one-hot simplex, how similar each map is to its corrected map,
  /// and model randomization's normalized score and verdict without and with the correction.
  static func offSimplexSection(_ report: CheckReport) -> Section? {
    let angles = report.rows.filter {
      $0.check == .offSimplex && $0.layer == .original && $0.metric == "angle-mean"
    }
    let setting = { (name: String) in
      report.settings["\(CheckKind.offSimplex.rawValue).\(name)"] ?? report.settings[name]
    }
    guard !angles.isEmpty || setting("not-applicable") != nil else { return nil }
    let applied = report.settings["gradient-correction"] ?? "not applied"
    var parts = [
      "<p class=\"lead\">Gradients of models trained on one-hot DNA can point off the simplex the data lie "
        + "on (Majdandzic et al. 2023); the correction subtracts each position's mean over A, C, G, T. "
        + "The angle is between each position's gradient and the simplex plane (0° in the plane, 90° "
        + "along its normal), averaged over positions, then items. "
        + "<strong>Gradient correction of this run's maps: \(HTML.escape(applied)).</strong></p>",
      "<div class=\"table-scroll\"><table class=\"summary\" id=\"off-simplex\"><thead><tr>"
        + "<th scope=\"col\">Method</th><th scope=\"col\" class=\"number\">Mean angle (95% interval)</th>"
        + "<th scope=\"col\" class=\"number\">Largest angle per sequence (95% interval)</th>"
        + "<th scope=\"col\">Map vs corrected map (95% interval)</th>"
        + "<th scope=\"col\">Model randomization: normalized, uncorrected → corrected</th>"
        + "<th scope=\"col\">Verdict, uncorrected → corrected</th></tr></thead><tbody>",
    ]
    for row in angles {
      let method = row.method
      let largest = report.rows.first {
        $0.check == .offSimplex && $0.method == method && $0.metric == "angle-max"
      }
      let similarity = report.rows.filter {
        $0.check == .offSimplex && $0.method == method && $0.layer == .gradientCorrected
      }.map { "\($0.metric) \(HTML.number($0.mean)) (\(interval($0.ciLow, $0.ciHigh)))" }
      let corrected = method + OffSimplexDiagnostic.correctedSuffix
      let normalized = { (name: String) in
        report.rows.first {
          $0.check == .modelRandomization && $0.layer == .normalized && $0.method == name
        }
      }
      let outcome = { (name: String) in
        report.verdicts.first { $0.check == .modelRandomization && $0.method == name }?.outcome
          .rawValue ?? "-"
      }
      let effect =
        normalized(corrected).map { after in
          let before = normalized(method).map { HTML.number($0.mean) } ?? "-"
          return "\(after.metric): \(before) → \(HTML.number(after.mean)) "
            + "(\(interval(after.ciLow, after.ciHigh)))"
        } ?? "-"
      parts.append(
        "<tr>\(HTML.element("td", method))<td class=\"number\">"
          + "\(HTML.number(row.mean))° (\(interval(row.ciLow, row.ciHigh)))</td>"
          + "<td class=\"number\">"
          + (largest.map { "\(HTML.number($0.mean))° (\(interval($0.ciLow, $0.ciHigh)))" } ?? "n/a")
          + "</td>"
          + HTML.element("td", similarity.joined(separator: "; ")) + HTML.element("td", effect)
          + HTML.element(
            "td", normalized(corrected) == nil ? "-" : "\(outcome(method)) → \(outcome(corrected))")
          + "</tr>")
    }
    parts.append("</tbody></table></div>")
    if let skipped = setting("not-applicable"), skipped != "none" {
      parts.append(HTML.element("p", "Not applicable: \(skipped)."))
    }
    return Section(
      id: "off-simplex-section", title: "Off-simplex gradients", body: parts.joined(separator: "\n")
    )
  }
}
