import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

@Suite struct HTMLReportTests {
  /// The page matches the golden file.
  ///
  /// Re-record with `RECORD_GOLDEN=1 swift test --filter HTMLReportTests`; the
  /// test fails when it records, so a re-recording is never silent.
  @Test func matchesGolden() throws {
    let html = HTMLReport.render(ReportSample.small)
    let url = TestSupport.fixture("Report/report.golden.html")
    if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil {
      try Data(html.utf8).write(to: url)
      Issue.record("recorded \(url.path); review the diff, then run again without RECORD_GOLDEN")
      return
    }
    let golden = try String(contentsOf: url, encoding: .utf8)
    let actualLines = html.split(separator: "\n", omittingEmptySubsequences: false)
    let goldenLines = golden.split(separator: "\n", omittingEmptySubsequences: false)
    let firstDifference = zip(actualLines, goldenLines).enumerated().first {
      $0.element.0 != $0.element.1
    }
    #expect(
      html == golden,
      """
      report differs from \(url.lastPathComponent) at line \((firstDifference?.offset ?? min(actualLines.count, goldenLines.count)) + 1):
      actual: \(firstDifference.map { String($0.element.0.prefix(200)) } ?? "(\(actualLines.count) lines)")
      golden: \(firstDifference.map { String($0.element.1.prefix(200)) } ?? "(\(goldenLines.count) lines)")
      """)
  }

  /// Settings inserted in another order render the same (no dictionary-order dependence).
  @Test func isDeterministic() {
    var content = ReportSample.small
    let shuffled = content.report.settings.keys.sorted().reversed()
    var settings: [String: String] = [:]
    for key in shuffled { settings[key] = content.report.settings[key] }
    let first = HTMLReport.render(content)
    content.report.settings = settings
    #expect(HTMLReport.render(content) == first)
  }

  @Test func isSelfContained() {
    let html = HTMLReport.render(ReportSample.small).lowercased()
    for forbidden in [
      "<script", "http://", "https://", "<link", "<img", "<iframe", "src=", "url(", "@import",
      "@font-face",
    ] {
      #expect(!html.contains(forbidden), "the page contains \(forbidden)")
    }
  }

  @Test func verdictTableHasOneRowPerMethodAndLabelledCells() throws {
    let content = ReportSample.small
    let html = HTMLReport.render(content)
    let table = try #require(Self.element(in: html, from: "<table id=\"verdicts\"", to: "</table>"))
    let body = try #require(Self.element(in: table, from: "<tbody>", to: "</tbody>"))
    let methods = Set(content.report.verdicts.map(\.method))
    #expect(body.components(separatedBy: "<tr>").count - 1 == methods.count)
    for method in methods { #expect(body.contains("</span>\(HTML.escape(method))</th>")) }
    let checks = Set(content.report.verdicts.map(\.check))
    #expect(table.components(separatedBy: "<th scope=\"col\">").count - 1 == checks.count + 1)
    for outcome in Verdict.Outcome.allOutcomes {
      let cells =
        body.components(separatedBy: "<td class=\"outcome \(outcome.rawValue)\"").count - 1
      #expect(cells == content.report.verdicts.filter { $0.outcome == outcome }.count)
      #expect(
        cells == body.components(separatedBy: "</span> \(outcome.rawValue)</td>").count - 1,
        "text label")
    }
    // 3 methods × 3 checks with 7 verdicts: two cells are "not run".
    #expect(
      body.components(separatedBy: "outcome missing").count - 1 == 9 - content.report.verdicts.count
    )
    for verdict in content.report.verdicts {
      #expect(html.contains(HTML.escape(verdict.evidence)), "evidence of \(verdict.method)")
    }
  }

  @Test func oneChartPerStagedCheckMetricAndView() {
    let html = HTMLReport.render(ReportSample.small)
    #expect(html.components(separatedBy: "class=\"chart\"").count - 1 == 2)
    for metric in ["spearman", "abs-spearman"] {
      let id = "chart-model-randomization-\(metric)-full"
      #expect(html.contains("<svg id=\"\(id)\" class=\"chart\""), "missing \(id)")
    }
    // x: original + 3 stages; 6 lines (3 methods, random and input; constant is undefined throughout).
    let chart =
      Self.element(
        in: html, from: "<svg id=\"chart-model-randomization-spearman-full\"", to: "</figcaption>")
      ?? ""
    for stage in ["original", "dense_2", "dense_1", "conv1d_1"] {
      #expect(chart.contains(">\(stage)</text>"))
    }
    #expect(chart.components(separatedBy: "<polyline").count - 1 == 5)
    #expect(
      chart.components(separatedBy: "stroke-dasharray").count - 1 == 2 + 3,
      "controls dashed: 2 lines, 3 in legend")
    #expect(chart.contains(">constant (undefined)</text>"))
    #expect(chart.contains(">threshold 0.5</text>"))
  }

  @Test func drawsLogoLettersWithMotif() throws {
    let content = ReportSample.small
    let html = HTMLReport.render(content)
    let example = try #require(content.dnaExamples.first)
    for base in ["A", "C", "G", "T"] {
      #expect(html.components(separatedBy: "<path id=\"glyph-\(base)\"").count - 1 == 1)
      #expect(html.contains("<use href=\"#glyph-\(base)\""))
    }
    #expect(html.components(separatedBy: "<svg class=\"logo\"").count - 1 == example.stages.count)
    #expect(
      html.components(separatedBy: "<rect class=\"motif\"").count - 1 == example.stages.count + 1)
  }

  @Test func escapesText() {
    let html = HTMLReport.render(ReportSample.small)
    #expect(html.contains("<title>Sanity checks &lt;DeepBind&gt; &amp; friends</title>"))
    #expect(html.contains("<h1>Sanity checks &lt;DeepBind&gt; &amp; friends</h1>"))
    #expect(html.contains("<td>compare a&lt;b &amp; c&gt;d</td>"))
    #expect(!html.contains("<DeepBind>") && !html.contains("a<b"))
  }

  @Test func listsEverySetting() throws {
    let content = ReportSample.small
    let html = HTMLReport.render(content)
    let table = try #require(Self.element(in: html, from: "<table id=\"settings\"", to: "</table>"))
    #expect(table.components(separatedBy: "<tr>").count - 1 == content.report.settings.count)
    let keys = content.report.settings.keys.sorted()
    let positions = keys.compactMap { table.range(of: ">\(HTML.escape($0))</th>")?.lowerBound }
    #expect(positions.count == keys.count && positions == positions.sorted(), "every key, sorted")
  }

  @Test func writesAtomicallyAndReplaces() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-write-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("report.html")
    try Data("old".utf8).write(to: url)
    try HTMLReport.write(ReportSample.small, to: url)
    #expect(try String(contentsOf: url, encoding: .utf8) == HTMLReport.render(ReportSample.small))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
  }

  @Test func writeFailureLeavesNoFile() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "report-fail-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    // The destination is a non-empty folder: refused before anything is written.
    let url = folder.appendingPathComponent("report.html")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("inside"), withIntermediateDirectories: true)
    #expect(throws: OutputError.isFolder(path: url.path)) {
      try HTMLReport.write(ReportSample.small, to: url)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.html"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: url.path) == ["inside"])
    let missing = folder.appendingPathComponent("no-such-folder/report.html")
    #expect(
      throws: OutputError.missingFolder(
        path: missing.path, folder: missing.deletingLastPathComponent().path)
    ) {
      try HTMLReport.write(ReportSample.small, to: missing)
    }
    #expect(
      !FileManager.default.fileExists(atPath: folder.appendingPathComponent("no-such-folder").path))
  }

  /// The text from the first `start` through the following `end`, inclusive.
  static func element(in text: String, from start: String, to end: String) -> String? {
    guard let lower = text.range(of: start),
      let upper = text.range(of: end, range: lower.upperBound..<text.endIndex)
    else { return nil }
    return String(text[lower.lowerBound..<upper.upperBound])
  }
}
