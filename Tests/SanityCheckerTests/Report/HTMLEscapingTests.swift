import Testing

@testable import SanityChecker

@Suite struct HTMLEscapingTests {
  @Test func escapesTheFiveSpecialCharacters() {
    #expect(HTML.escape("<a href='x'>&\"") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;")
    #expect(HTML.escape("Grad × Input, α ≤ 1") == "Grad × Input, α ≤ 1")
    #expect(
      HTML.escape("&amp;") == "&amp;amp;",
      "escaping is not idempotent: text is escaped exactly once")
  }

  @Test func slugsAreLowercaseHyphenated() {
    #expect(
      HTML.slug(["chart", "Model Randomization", "abs_spearman"])
        == "chart-model-randomization-abs-spearman")
    #expect(HTML.slug(["dna", "1", "chr1:100-200"]) == "dna-1-chr1-100-200")
    #expect(HTML.slug(["<&>", "x"]) == "x")
  }

  @Test func coordinatesDropTrailingZerosAndNegativeZero() {
    #expect(HTML.coordinate(12.5) == "12.5")
    #expect(HTML.coordinate(3) == "3")
    #expect(HTML.coordinate(-0.04) == "0")
    #expect(
      HTML.coordinate(0.125, digits: 2) == "0.13" || HTML.coordinate(0.125, digits: 2) == "0.12")
    #expect(HTML.coordinate(-2.25, digits: 3) == "-2.25")
  }

  @Test func numbersHaveThreeSignificantDigits() {
    #expect(HTML.number(0.51234) == "0.512")
    #expect(HTML.number(-0.0031234) == "-0.00312")
    #expect(HTML.number(-0.0) == "0")
    #expect(HTML.number(.nan) == "n/a")
    #expect(HTML.number(1) == "1")
  }
}
