import Foundation

extension HTMLReport {
  /// The motif section of a report, from ``MotifCheck``'s result: for each method and the random
  /// control, the motifs found on the trained model (contribution logos, best database match and
  /// its q-value), then a table of what became of them at each stage, the label-permuted model
  /// included (seqlets, share of the trained model's significant matches retained, best match and
  /// q), and the verdict with its threshold.
  /// - Parameter result: The check's result.
  /// - Returns: A `<section id="motif-section">` element (with the glyph definitions it uses),
  ///   or `nil` when the result has no stage.
  public static func motifSection(_ result: MotifCheck.Result) -> String? {
    guard let section = motifSectionContent(result) else { return nil }
    return
      "<section id=\"\(section.id)\">\n<h2>\(HTML.escape(section.title))</h2>\n\(section.body)\n</section>"
  }

  /// The whole page of ``render(_:)`` with the motif section placed before the settings (and
  /// listed in the navigation).
  /// - Parameters:
  ///   - content: What to show.
  ///   - motifs: The motif check's result, if any.
  /// - Returns: An HTML5 document.
  public static func render(_ content: ReportContent, motifs: MotifCheck.Result?) -> String {
    var page = render(content)
    guard let motifs, let section = motifSection(motifs) else { return page }
    let link = "<a href=\"#motif-section\">Motifs</a>\n"
    if let navigationEnd = page.range(of: "</nav>") {
      page.insert(contentsOf: link, at: navigationEnd.lowerBound)
    }
    let anchor = page.range(of: "<section id=\"settings-section\">") ?? page.range(of: "<footer>")
    if let anchor { page.insert(contentsOf: section + "\n", at: anchor.lowerBound) }
    return page
  }

  /// Writes the page of ``render(_:motifs:)``.
  /// - Parameters:
  ///   - content: What to show.
  ///   - motifs: The motif check's result, if any.
  ///   - url: The `.html` file.
  /// - Throws: ``OutputError``.
  public static func write(_ content: ReportContent, motifs: MotifCheck.Result?, to url: URL)
    throws
  {
    try AtomicOutput.write(render(content, motifs: motifs), to: OutputDestination(url))
  }

  /// The section's heading and body.
  static func motifSectionContent(_ result: MotifCheck.Result) -> Section? {
    guard !result.stages.isEmpty else { return nil }
    var parts = [
      "<p class=\"lead\">Seqlets called on each method's maps are clustered into motifs and matched against the "
        + "motif database (Tomtom), on the trained model, on each randomization stage and on the label-permuted "
        + "model. A trustworthy method loses its motifs when the model is randomized; motifs that survive full "
        + "randomization, or appear on the label-permuted model, come from the input or the method rather than "
        + "from what the model learned. <em>Matches retained</em> is the share of the trained model's seqlet "
        + "support still matched; the random control (noise maps) shows how much of it an explainer that sees "
        + "nothing finds, and each verdict's threshold sits halfway between that floor and 1.</p>",
      SequenceLogo.glyphDefinitions,
    ]
    for method in ordered(result.stages.map(\.method)) {
      let stages = result.stages.filter { $0.method == method }
      parts.append("<h3>\(HTML.escape(method))</h3>")
      if let verdict = result.report.verdicts.first(where: { $0.method == method }) {
        parts.append(
          "<p class=\"verdict-\(verdict.outcome.rawValue)\"><strong>\(verdict.outcome.rawValue)</strong>: "
            + "\(HTML.escape(verdict.evidence))</p>")
      }
      if let trained = stages.first(where: { $0.stage == ResultStage.original.description }) {
        parts.append(motifLogos(trained, limit: 4))
      }
      parts.append(stageTable(stages))
    }
    return Section(id: "motif-section", title: "Motifs", body: parts.joined(separator: "\n"))
  }

  /// Logos of a stage's largest motifs with their best matches.
  static func motifLogos(_ summary: MotifStageSummary, limit: Int) -> String {
    guard !summary.motifs.isEmpty else { return "<p>No motif on the trained model.</p>" }
    let rows = summary.motifs.prefix(limit).map { motif in
      "<tr><td>\(HTML.escape(motif.identifier))</td><td>\(motif.seqletCount)</td><td>"
        + MotifLogo(
          contributions: motif.contributions, title: "\(summary.method) \(motif.identifier)"
        ).svg()
        + "</td><td>\(HTML.escape(motif.matchIdentifier)) \(HTML.escape(motif.matchName))</td>"
        + "<td>\(ResultRow.number(motif.qValue))</td></tr>"
    }
    return "<table class=\"motifs\"><thead><tr><th>motif</th><th>seqlets</th><th>contributions</th>"
      + "<th>best match</th><th>q</th></tr></thead><tbody>\n" + rows.joined(separator: "\n")
      + "\n</tbody></table>"
  }

  /// One row per stage: seqlets, retained share, best match and q, and the best motif's logo.
  static func stageTable(_ stages: [MotifStageSummary]) -> String {
    let rows = stages.map { stage in
      let logo =
        stage.motifs.first { $0.identifier == stage.bestMotif }.map {
          MotifLogo(
            contributions: $0.contributions,
            title: "\(stage.method) \(stage.stage) \($0.identifier)", columnWidth: 8
          ).svg()
        } ?? ""
      return
        "<tr><td>\(HTML.escape(stage.stage))</td><td>\(HTML.escape(stage.seed))</td><td>\(stage.seqletCount)</td>"
        + "<td>\(ResultRow.number(stage.retainedFraction))</td>"
        + "<td>\(HTML.escape(stage.bestMatchIdentifier)) \(HTML.escape(stage.bestMatchName))</td>"
        + "<td>\(ResultRow.number(stage.bestQValue))</td><td>\(logo)</td></tr>"
    }
    return "<table class=\"motif-stages\"><thead><tr><th>stage</th><th>seed</th><th>seqlets</th>"
      + "<th>matches retained</th><th>best match</th><th>q</th><th>best motif</th></tr></thead><tbody>\n"
      + rows.joined(separator: "\n") + "\n</tbody></table>"
  }
}
