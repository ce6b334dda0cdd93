import SanityChecker
import Testing

@Suite struct GenomicIntervalTests {
  @Test(arguments: [
    ("chr1:100-200", GenomicInterval(chromosome: "chr1", start: 100, end: 200)),
    (
      "chr10:113875682-113875782_shuf",
      GenomicInterval(chromosome: "chr10", start: 113_875_682, end: 113_875_782)
    ),
    (
      "chr1:100-200(+)", GenomicInterval(chromosome: "chr1", start: 100, end: 200, strand: .forward)
    ),
    ("chrX:5-5(-)", GenomicInterval(chromosome: "chrX", start: 5, end: 5, strand: .reverse)),
    ("chr2:1-9(.)", GenomicInterval(chromosome: "chr2", start: 1, end: 9)),
    ("peak7::chr3:10-20", GenomicInterval(chromosome: "chr3", start: 10, end: 20)),
    ("HLA-A*01:01:1-30", GenomicInterval(chromosome: "HLA-A*01:01", start: 1, end: 30)),
  ])
  func parsesNamedIntervals(name: String, expected: GenomicInterval) {
    #expect(GenomicInterval(parsing: name) == expected)
  }

  @Test(arguments: [
    "seq_00002_peak", "chr1:200-100", "chr1:100", ":1-2", "chr1:1-2x", "chr1:a-b",
    "chr1:1,000-2,000",
  ])
  func rejectsOtherNames(name: String) {
    #expect(GenomicInterval(parsing: name) == nil)
  }

  @Test func describesItselfAsItParses() {
    let interval = GenomicInterval(chromosome: "chr7", start: 3, end: 40, strand: .reverse)
    #expect(interval.description == "chr7:3-40(-)")
    #expect(GenomicInterval(parsing: interval.description) == interval)
    #expect(interval.length == 37)
  }
}
