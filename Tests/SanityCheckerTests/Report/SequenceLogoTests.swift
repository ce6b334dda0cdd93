import Testing

@testable import SanityChecker

@Suite struct SequenceLogoTests {
  /// Height 44, axis at 22, full glyph height 21: value 2 (the maximum) spans 1…22; value −1 spans
  /// 22…32.5; glyphs are 90 % of the 10 px base wide (scale 0.09) and start 0.5 px in.
  @Test func glyphHeightsFollowAttributions() {
    let logo = SequenceLogo(
      bases: Array("ACGN".utf8), values: [2, -1, 0, 5], motif: 1..<3, baseWidth: 10, title: "t")
    #expect(logo.scale == 5)
    let scaled = SequenceLogo(
      bases: Array("ACG".utf8), values: [2, -1, 0], motif: 1..<3, baseWidth: 10, title: "t")
    let svg = scaled.svg()
    #expect(
      svg.contains("<use href=\"#glyph-A\" transform=\"translate(0.5 1) scale(0.09 0.21)\"/>"))
    #expect(
      svg.contains("<use href=\"#glyph-C\" transform=\"translate(10.5 22) scale(0.09 0.105)\"/>"))
    #expect(svg.components(separatedBy: "<use").count - 1 == 2, "a zero attribution draws nothing")
    #expect(svg.contains("<rect class=\"motif\" x=\"10\" y=\"0\" width=\"20\" height=\"44\"/>"))
    #expect(
      logo.svg().components(separatedBy: "<use").count - 1 == 2,
      "the zero and the N (value 5) draw nothing")
  }

  @Test func allZeroTrackDrawsOnlyTheAxis() {
    let svg = SequenceLogo(
      bases: Array("ACGT".utf8), values: [0, 0, 0, 0], motif: nil, baseWidth: 8, title: "t"
    ).svg()
    #expect(!svg.contains("<use") && !svg.contains("motif"))
    #expect(svg.contains("<line class=\"logo-axis\" x1=\"0\" y1=\"22\" x2=\"32\" y2=\"22\"/>"))
  }

  @Test func rulerNumbersEveryTenthBase() {
    let bases = Array(String(repeating: "ACGT", count: 6).utf8)
    let ruler = SequenceLogo.ruler(bases: bases, baseWidth: 8, motif: nil)
    #expect(ruler.components(separatedBy: "<text class=\"base\"").count - 1 == 24)
    for position in [1, 11, 21] { #expect(ruler.contains(">\(position)</text>")) }
    let narrow = SequenceLogo.ruler(bases: bases, baseWidth: 4, motif: nil)
    #expect(!narrow.contains("class=\"base\""), "letters are left out below 6 px per base")
  }

  @Test func definesEachGlyphOnce() {
    let definitions = SequenceLogo.glyphDefinitions
    for base in ["A", "C", "G", "T"] {
      #expect(definitions.components(separatedBy: "id=\"glyph-\(base)\"").count - 1 == 1)
    }
  }
}
