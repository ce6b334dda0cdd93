import Foundation
import SanityChecker
import SanityTestSupport

/// The shared DeepBind reference scores and the sequences they were computed on (test-only
/// readers: a minimal FASTA parser for one-line records and a one-hot encoder).
enum DeepBindReferenceData {
  /// One row of `computed_scores_v0.11_on_test_sets.tsv`.
  struct Score {
    let dataset: String
    let sequenceID: String
    let label: Int
    let score: Float
  }

  /// The 12 models of PROVENANCE §1.1.
  static let models = [
    "D00328.018", "D00360.007", "D00409.004", "D00650.007", "D00700.006", "D00714.004",
    "D00736.002", "D00753.001", "D00761.001", "D00765.001", "D00785.001", "D00799.001",
  ]

  /// PROVENANCE §1.4: AUROC of each model on its test set.
  static let publishedAUROC: [String: Double] = [
    "D00736.002": 0.874, "D00753.001": 0.986, "D00360.007": 0.954, "D00761.001": 0.979,
    "D00409.004": 0.976, "D00785.001": 0.919, "D00799.001": 0.9995, "D00650.007": 0.888,
    "D00700.006": 0.995, "D00714.004": 0.865, "D00328.018": 0.967,
  ]

  /// Reference rows by model id, in file order (read once).
  static let scores: [String: [Score]] = {
    let url = TestSupport.sharedData("deepbind/reference/computed_scores_v0.11_on_test_sets.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
    var result: [String: [Score]] = [:]
    for line in text.split(separator: "\n")
    where !line.hasPrefix("#") && !line.hasPrefix("dataset\t") {
      let fields = line.split(separator: "\t").map(String.init)
      guard fields.count == 5, let label = Int(fields[2]), let score = Float(fields[4]) else {
        continue
      }
      result[fields[3], default: []].append(
        Score(dataset: fields[0], sequenceID: fields[1], label: label, score: score))
    }
    return result
  }()

  static func params(_ model: String) -> URL {
    TestSupport.sharedData("deepbind/params/\(model).txt")
  }

  /// The FASTA file of a dataset named in the TSV.
  static func fasta(of dataset: String) -> URL {
    dataset == "ctcf_keras_genomics_valid"
      ? TestSupport.sharedData("chipseq/ctcf_keras_genomics/valid.fa")
      : TestSupport.sharedData("chipseq/deepbind_encode_fasta/\(dataset).fa")
  }

  /// Records of a FASTA file whose sequences are on one line each: id (first header word) → sequence.
  static func readFASTA(_ url: URL) throws -> [String: String] {
    let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
    var records: [String: String] = [:]
    var index = 0
    while index + 1 < lines.count {
      let id = lines[index].dropFirst().split(separator: " ").first.map(String.init) ?? ""
      records[id] = String(lines[index + 1])
      index += 2
    }
    return records
  }

  /// One-hot `[N, L, 4]` in A, C, G, T order; U counts as T; any other letter is 0.25 × 4.
  static func oneHot(_ sequences: [String]) -> Tensor {
    let length = sequences.first?.utf8.count ?? 0
    var scalars: [Float] = []
    scalars.reserveCapacity(sequences.count * length * 4)
    for sequence in sequences {
      precondition(sequence.utf8.count == length, "oneHot: sequences must share one length")
      for letter in sequence.uppercased().utf8 {
        switch letter {
        case UInt8(ascii: "A"): scalars += [1, 0, 0, 0]
        case UInt8(ascii: "C"): scalars += [0, 1, 0, 0]
        case UInt8(ascii: "G"): scalars += [0, 0, 1, 0]
        case UInt8(ascii: "T"), UInt8(ascii: "U"): scalars += [0, 0, 0, 1]
        default: scalars += [0.25, 0.25, 0.25, 0.25]
        }
      }
    }
    return Tensor(shape: [sequences.count, length, 4], scalars: scalars)
  }

  /// The area under the ROC curve (Mann–Whitney U / (n⁺·n⁻); ties count ½).
  static func auroc(scores: [Float], labels: [Int]) -> Double {
    let positives = zip(scores, labels).filter { $0.1 == 1 }.map(\.0)
    let negatives = zip(scores, labels).filter { $0.1 == 0 }.map(\.0)
    var wins = 0.0
    for p in positives {
      for n in negatives { wins += p > n ? 1 : (p == n ? 0.5 : 0) }
    }
    return wins / Double(positives.count * negatives.count)
  }
}
