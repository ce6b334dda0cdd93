extension HTMLReport {
  /// The control maps every check reports beside the methods (``ControlExplainer/Kind``), with the
  /// dash pattern of their grey curves.
  static let controlDashes: [(name: String, dash: String)] = [
    ("random", "6 3"), ("constant", "2 3"), ("input", "9 3 2 3"),
  ]

  /// The grey of control curves.
  static let controlColour = "#7a7a7a"

  /// Okabe and Ito's colour-blind-safe palette (without yellow, which is unreadable on white).
  static let methodPalette = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#8C564B",
  ]

  /// Whether `method` is a control map.
  static func isControl(_ method: String) -> Bool {
    ControlExplainer.Kind(rawValue: method) != nil
  }

  /// A colour per method (controls excluded), in order of first appearance.
  ///
  /// Methods are taken from the verdicts, then the rows, then the DNA examples; the palette
  /// repeats after eight methods.
  static func methodColours(_ content: ReportContent) -> [String: String] {
    let methods = ordered(
      content.report.verdicts.map(\.method) + content.report.rows.map(\.method)
        + content.dnaExamples.flatMap { $0.stages.map(\.method) }
    ).filter { !isControl($0) }
    var colours: [String: String] = [:]
    for (index, method) in methods.enumerated() {
      colours[method] = methodPalette[index % methodPalette.count]
    }
    return colours
  }

  /// The verdict table (methods × checks) with the rules and evidence below it.
  static func verdictSection(_ report: CheckReport, palette: [String: String]) -> Section? {
    guard !report.verdicts.isEmpty else { return nil }
    let checks = ordered(report.verdicts.map(\.check))
    let methods = ordered(report.verdicts.map(\.method))
    var table = [
      "<p class=\"lead\">A method <strong>passes</strong> a check when its explanation changes with what the check "
        + "changed (the model's weights, the training labels, the explained class); it <strong>fails</strong> when "
        + "the explanation barely changes. The rules read the 95% bootstrap interval of the mean, not the mean "
        + "alone, placed between the run's floor (the random control) and the method's ceiling (its agreement "
        + "with a second draw of itself): a check is <strong>inconclusive</strong> while the interval straddles "
        + "the threshold. Controls are held to the same rules and listed after the methods; none should pass. "
        + "Each cell gives the outcome as a mark and a word; hover it for the evidence, or read the rules below.</p>",
      "<div class=\"table-scroll\"><table id=\"verdicts\" class=\"verdicts\">",
      "<thead><tr><th scope=\"col\">Method</th>"
        + checks.map { HTML.element("th", $0.rawValue, attributes: "scope=\"col\"") }.joined()
        + "</tr></thead>",
      "<tbody>",
    ]
    for method in methods {
      var cells = ["<th scope=\"row\">\(swatch(palette[method]))\(HTML.escape(method))</th>"]
      for check in checks {
        guard
          let verdict = report.verdicts.first(where: { $0.check == check && $0.method == method })
        else {
          cells.append("<td class=\"outcome missing\">not run</td>")
          continue
        }
        let outcome = verdict.outcome
        cells.append(
          "<td class=\"outcome \(outcome.rawValue)\" title=\"\(HTML.escape(verdict.evidence))\">"
            + "<span class=\"mark\" aria-hidden=\"true\">\(outcome.symbol)</span> \(outcome.rawValue)</td>"
        )
      }
      table.append("<tr>\(cells.joined())</tr>")
    }
    table += ["</tbody>", "</table></div>", evidence(report.verdicts, checks: checks)]
    return Section(id: "verdict-section", title: "Verdicts", body: table.joined(separator: "\n"))
  }

  /// Per check: the rule (once when every method shares it) and each method's evidence.
  static func evidence(_ verdicts: [Verdict], checks: [CheckKind]) -> String {
    var parts = ["<details class=\"evidence\" open>", "<summary>Rules and evidence</summary>"]
    for check in checks {
      let group = verdicts.filter { $0.check == check }
      let rules = ordered(group.map(\.rule))
      parts.append(HTML.element("h3", check.rawValue))
      if rules.count == 1, let rule = rules.first {
        parts.append("<p class=\"rule\"><span class=\"label\">Rule</span> \(HTML.escape(rule))</p>")
      }
      parts.append("<table class=\"evidence-table\"><tbody>")
      for verdict in group {
        let rule =
          rules.count == 1
          ? "" : "<br><span class=\"label\">Rule</span> \(HTML.escape(verdict.rule))"
        parts.append(
          "<tr><th scope=\"row\">\(HTML.escape(verdict.method))</th><td class=\"outcome \(verdict.outcome.rawValue)\">"
            + "<span class=\"mark\" aria-hidden=\"true\">\(verdict.outcome.symbol)</span> \(verdict.outcome.rawValue)</td>"
            + "<td>\(HTML.escape(verdict.evidence))\(rule)</td></tr>")
      }
      parts.append("</tbody></table>")
    }
    parts.append("</details>")
    return parts.joined(separator: "\n")
  }

  /// A small colour square for a method (nothing for controls and unknown methods).
  static func swatch(_ colour: String?) -> String {
    colour.map { "<span class=\"swatch\" style=\"background:\($0)\" aria-hidden=\"true\"></span>" }
      ?? ""
  }

  /// Every setting, sorted by name.
  static func settingsSection(_ settings: [String: String]) -> Section? {
    guard !settings.isEmpty else { return nil }
    let rows = settings.keys.sorted().map { key in
      "<tr>\(HTML.element("th", key, attributes: "scope=\"row\""))\(HTML.element("td", settings[key] ?? ""))</tr>"
    }
    let body = ["<table id=\"settings\" class=\"settings\"><tbody>"] + rows + ["</tbody></table>"]
    return Section(id: "settings-section", title: "Settings", body: body.joined(separator: "\n"))
  }
}
