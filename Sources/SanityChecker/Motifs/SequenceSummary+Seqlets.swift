import Foundation

extension SequenceSummary {
  /// The per-sequence columns of motif discovery: the seqlets each sequence holds and the best
  /// database match of the motifs they belong to.
  ///
  /// | column | contents |
  /// | --- | --- |
  /// | `n_seqlets` | the sequence's seqlets, both signs |
  /// | `seqlets` | `start-end:sign:score` by start, joined by `,`: 0-based half-open positions in the sequence, `+`/`-`, the summed score (``Seqlet/attribution``, 4 significant digits) |
  /// | `best_motif` | with `matches`: of the motifs holding one of the sequence's seqlets, the one whose best database match has the smallest q (ties: the motif listed first); `NA` when none |
  /// | `match_id`, `match_name`, `match_q` | that motif's best match: accession, name and q-value (`NA` when none) |
  /// - Parameters:
  ///   - result: Motif discovery on the table's sequences (``MotifDiscovery/run(maps:input:)``).
  ///   - count: The number of sequences.
  ///   - matches: Whether to add the match columns (when the discovery had a database).
  /// - Returns: The columns, to give ``table(_:columns:)``.
  public static func seqletColumns(_ result: MotifDiscovery.Result, count: Int, matches: Bool)
    -> [Column]
  {
    var perItem = [[Seqlet]](repeating: [], count: count)
    for seqlet in result.seqlets where seqlet.item < count { perItem[seqlet.item].append(seqlet) }
    let spans = perItem.map { seqlets in
      seqlets.sorted { ($0.start, $0.end) < ($1.start, $1.end) }
        .map {
          "\($0.start)-\($0.end):\($0.sign == .positive ? "+" : "-"):"
            + String(format: "%.4g", $0.attribution)
        }
        .joined(separator: ",")
    }
    var columns = [
      Column(name: "n_seqlets", values: perItem.map { String($0.count) }),
      Column(name: "seqlets", values: spans),
    ]
    guard matches else { return columns }
    // Per item, the motif (by its place) whose best match has the smallest q.
    var best = [Int?](repeating: nil, count: count)
    for (index, motif) in result.motifs.enumerated() {
      guard let match = result.matches[index].first else { continue }
      for seqlet in motif.seqlets where seqlet.item < count {
        let current = best[seqlet.item].flatMap { result.matches[$0].first?.qValue }
        if current.map({ match.qValue < $0 }) ?? true { best[seqlet.item] = index }
      }
    }
    func field(_ value: (Int) -> String) -> [String] { best.map { $0.map(value) ?? "NA" } }
    columns += [
      Column(name: "best_motif", values: field { result.motifs[$0].identifier }),
      Column(name: "match_id", values: field { result.matches[$0][0].targetIdentifier }),
      Column(name: "match_name", values: field { result.matches[$0][0].targetName }),
      Column(
        name: "match_q", values: field { String(format: "%.4g", result.matches[$0][0].qValue) }),
    ]
    return columns
  }
}
