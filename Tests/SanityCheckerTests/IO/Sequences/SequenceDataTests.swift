import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Reads the real ChIP-seq sets in `../shared/data/chipseq` (see its PROVENANCE.md).
@Suite(.enabled(if: TestSupport.hasSharedData, "needs the ChIP-seq sets in ../shared/data/chipseq"))
struct SequenceDataTests {
  static let deepBindSets = [
    "ARID3A_K562_ARID3A_sc-8821_Stanford", "CTCFL_K562_CTCFL_SC-98982_HudsonAlpha",
    "ELK1_GM12878_ELK1_1277-1_Stanford", "FOXA1_HepG2_FOXA1_SC-101058_HudsonAlpha",
    "GABPA_GM12878_GABP_HudsonAlpha", "MYC_H1-hESC_c-Myc_Stanford", "REST_GM12878_NRSF_HudsonAlpha",
    "SP1_GM12878_SP1_HudsonAlpha", "USF1_HepG2_USF-1_HudsonAlpha",
    "ZBTB7A_HepG2_ZBTB7A_SC-34508_HudsonAlpha",
  ]

  /// Each `_B.seq.gz` test set (1,000 rows, 500 bound) equals its FASTA twin record for record.
  @Test(arguments: deepBindSets)
  func seqFileAndFASTATwinAgree(set: String) throws {
    let seqURL = TestSupport.sharedData("chipseq/deepbind_encode/\(set)_B.seq.gz")
    let fastaURL = TestSupport.sharedData("chipseq/deepbind_encode_fasta/\(set)_B.fa")
    let rows = try SeqFileReader(url: seqURL).readAll()
    #expect(rows.count == 1000)
    #expect(rows.filter { $0.label == 1 }.count == 500)
    #expect(rows.allSatisfy { $0.sequence.count == 101 && $0.fold == "A" })
    let fromSeq = try LabeledSequences(seqFile: seqURL)
    let fromFASTA = try LabeledSequences(fasta: fastaURL)
    #expect(fromFASTA == fromSeq)
    let records = try FASTAReader(url: fastaURL).readAll()
    #expect(records.map { $0.attributes["fold"] } == rows.map(\.fold))
    #expect(records.allSatisfy { $0.coordinates == nil })
  }

  /// DeepBind's negatives `seq_N_shuf` are dinucleotide shuffles of `seq_N_peak` (PROVENANCE §2.1).
  @Test func deepBindNegativesHaveTheirPeaksDinucleotideCounts() throws {
    let url = TestSupport.sharedData("chipseq/deepbind_encode/\(Self.deepBindSets[0])_B.seq.gz")
    let rows = try SeqFileReader(url: url).readAll()
    let peaks = Dictionary(
      uniqueKeysWithValues: rows.filter { $0.id.hasSuffix("_peak") }.map { ($0.id, $0.sequence) })
    var checked = 0
    for row in rows where row.id.hasSuffix("_shuf") {
      let peak = try #require(peaks[String(row.id.dropLast(5)) + "_peak"])
      #expect(
        DinucleotideShuffleTests.dinucleotideCounts(row.sequence)
          == DinucleotideShuffleTests.dinucleotideCounts(peak))
      checked += 1
    }
    #expect(checked == 500)
  }

  /// Keras-genomics' CTCF validation set: 1,000 records with `chrN:start-end[_shuf]` names
  /// and two-column targets (`1 0` bound, `0 1` shuffled).
  @Test func ctcfValidationSetWithTargets() throws {
    let fasta = TestSupport.sharedData("chipseq/ctcf_keras_genomics/valid.fa")
    let data = try LabeledSequences(
      fasta: fasta, targets: TestSupport.sharedData("chipseq/ctcf_keras_genomics/valid.target"))
    #expect(data.count == 1000 && data.taskCount == 2)
    #expect(data.labels.filter { $0 == [1, 0] }.count == 500)
    #expect(data.labels.allSatisfy { $0 == [1, 0] || $0 == [0, 1] })
    let records = try FASTAReader(url: fasta).readAll()
    let intervals = records.compactMap(\.coordinates)
    #expect(intervals.count == 1000)
    #expect(intervals.allSatisfy { $0.chromosome.hasPrefix("chr") && $0.length == 100 })
    #expect(
      intervals[0] == GenomicInterval(chromosome: "chr19", start: 50_982_494, end: 50_982_594))
    for (record, labels) in zip(records, data.labels) {
      #expect(record.id.hasSuffix("_shuf") == (labels == [0, 1]), "\(record.id)")
    }
    let labelled = try LabeledSequences(
      fasta: TestSupport.sharedData("chipseq/ctcf_keras_genomics/valid_labelled.fa"))
    #expect(labelled.labels.map { $0[0] } == data.labels(forTask: 0))
    #expect(labelled.sequences == data.sequences)
    let encoded = try OneHot().encode(data)
    #expect(encoded.shape == [1000, 101, 4])
  }
}
