extension HTMLReport {
  /// One chart's rows: a staged check, order, metric and view.
  struct CurveKey: Hashable {
    var check: CheckKind
    var order: RandomizationOrder?
    var metric: String
    var view: String
  }

  /// The randomization curves: one chart per staged check, order, metric and view.
  static func curveSection(_ content: ReportContent, palette: [String: String]) -> Section? {
    let rows = content.report.rows.filter {
      $0.check.isStaged && $0.seed == .all && $0.layer.isRandomization
    }
    var keys: [CurveKey] = []
    var seen = Set<CurveKey>()
    for row in rows {
      let key = CurveKey(check: row.check, order: row.order, metric: row.metric, view: row.view)
      if seen.insert(key).inserted { keys.append(key) }
    }
    guard !keys.isEmpty else { return nil }
    let orders = Set(keys.map(\.order))
    var figures: [String] = []
    var usedIDs = Set<String>()
    for key in keys {
      let group = rows.filter {
        $0.check == key.check && $0.order == key.order && $0.metric == key.metric
          && $0.view == key.view
      }
      var chart = curveChart(
        key, rows: group, content: content, palette: palette, showsOrder: orders.count > 1)
      // Names that differ only in punctuation share a slug; later charts get a counter.
      var suffix = 2
      let base = chart.id
      while !usedIDs.insert(chart.id).inserted {
        chart.id = "\(base)-\(suffix)"
        suffix += 1
      }
      figures.append(
        "<figure class=\"chart-figure\">\n\(chart.svg())\n<figcaption>\(HTML.escape(chart.title))</figcaption>\n</figure>"
      )
    }
    let lead =
      "<p class=\"lead\">Similarity between each method's explanation of the trained model and its explanation "
      + "after randomizing the model's layers, from the top layer down (Adebayo et al. 2018, Fig. 2). Lines are "
      + "means over items and seeds; the band is the mean's 95% bootstrap interval (seeds, then items). A "
      + "sensitive method falls towards 0 as "
      + "more layers are randomized; the grey dashed lines are uninformative controls (random, constant and "
      + "input maps) that mark the floor and ceiling a score can reach without looking at the model. The dotted "
      + "line is the verdict threshold.</p>"
    return Section(
      id: "curve-section", title: "Randomization curves",
      body: ([lead, "<div class=\"chart-grid\">"] + figures + ["</div>"]).joined(separator: "\n"))
  }

  /// The chart of one key: x = `original` then the stages in order, one series per method, then controls.
  static func curveChart(
    _ key: CurveKey, rows: [ResultRow], content: ReportContent, palette: [String: String],
    showsOrder: Bool
  ) -> SVGLineChart {
    let stages = ordered(rows.map(\.layer.description))
    let methods = ordered(rows.map(\.method))
    let perfect = content.perfectScores[key.metric] ?? 1
    let ordering =
      methods.filter { !isControl($0) } + controlDashes.map(\.name).filter { methods.contains($0) }
    let series = ordering.map { method -> SVGLineChart.Series in
      let methodRows = stages.map { stage in
        rows.first { $0.method == method && $0.layer.description == stage }
      }
      let control = controlDashes.first { $0.name == method }
      let means = methodRows.map { $0?.mean ?? .nan }
      let isUndefined = !means.contains { $0.isFinite }
      return SVGLineChart.Series(
        name: isUndefined ? "\(method) (undefined)" : method,
        means: [isUndefined ? .nan : perfect] + means,
        lows: [Double.nan] + methodRows.map { $0?.ciLow ?? .nan },
        highs: [Double.nan] + methodRows.map { $0?.ciHigh ?? .nan },
        counts: [0] + methodRows.map { $0?.n ?? 0 },
        colour: control == nil ? (palette[method] ?? "#333333") : controlColour, dash: control?.dash
      )
    }
    let orderName = key.order?.rawValue ?? "-"
    let title =
      [key.check.rawValue, key.metric, "\(key.view) view"]
      + (showsOrder ? ["\(orderName) order"] : [])
    return SVGLineChart(
      id: HTML.slug(
        ["chart", key.check.rawValue] + (showsOrder ? [orderName] : []) + [key.metric, key.view]),
      title: title.joined(separator: " · "), categories: ["original"] + stages,
      xLabel: "randomized through layer (\(orderName))", yLabel: "\(key.metric) to original",
      series: series,
      reference: threshold(check: key.check, metric: key.metric, settings: content.report.settings))
  }

  /// The verdict threshold of `check`, when `metric` is the one its verdict uses (the first listed).
  ///
  /// Reads `<check>.threshold` and `<check>.metrics` (a merged report) or, when the settings are
  /// the check's own, `threshold` and `metrics`.
  static func threshold(check: CheckKind, metric: String, settings: [String: String]) -> (
    value: Double, label: String
  )? {
    let prefix =
      settings["\(check).threshold"] != nil
      ? "\(check)." : (settings["check"] == check.rawValue ? "" : nil)
    guard let prefix, let text = settings[prefix + "threshold"], let value = Double(text) else {
      return nil
    }
    let firstMetric = settings[prefix + "metrics"]?.split(separator: ",").first.map(String.init)
    guard firstMetric == nil || firstMetric == metric else { return nil }
    return (value, "threshold \(HTML.number(value))")
  }
}
