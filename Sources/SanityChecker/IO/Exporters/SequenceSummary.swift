import Foundation

/// The per-sequence table a collaborator opens first: one row per sequence with its place, its
/// predictions, its total attribution and its strongest positions.
///
/// Columns (tab-separated, one header line):
///
/// | column | contents |
/// | --- | --- |
/// | `id` | the record id |
/// | `chrom`, `start`, `end`, `strand` | ``RecordCoordinates`` (BED, 0-based start); empty when the id has none or they do not span the sequence |
/// | `target` | the explained output unit |
/// | `prediction` | the explained output (logit or probability, as the method was set); `NA` when the attribution file has none |
/// | `output_0` … `output_{K−1}` | every model output (after any final sigmoid or softmax); only when the maps were computed now |
/// | `attribution_sum` | `Σ_l s[l]`, with `s` the ``AttributionScore`` chosen |
/// | `top_positions` | the `k` positions of largest `|s[l]|` (ties: lower position first), as `position:base:score` joined by `,`; `position` is 0-based in the sequence, `base` the observed letter (`N` when not one-hot) |
/// | further columns | given to ``table(_:columns:)``: the seqlets found and their best motif match (``seqletColumns(_:count:matches:)``) |
///
/// Numbers are written with Swift's shortest round-trip form of the `Float`.
public struct SequenceSummary: Sendable {
  /// The score summed and ranked.
  public var score: AttributionScore
  /// The number of top positions per sequence (at least 0).
  public var topCount: Int

  /// Creates the summary settings.
  /// - Parameters:
  ///   - score: The per-position score (observed base by default).
  ///   - topCount: Top positions per row (5 by default).
  public init(score: AttributionScore = .observedBase, topCount: Int = 5) {
    self.score = score
    self.topCount = topCount
  }

  /// A column appended after `top_positions`: its name and one value per sequence.
  public struct Column: Hashable, Sendable {
    /// The header.
    public var name: String
    /// One field per sequence, in order.
    public var values: [String]

    /// Creates a column.
    /// - Parameters:
    ///   - name: The header.
    ///   - values: One field per sequence.
    public init(name: String, values: [String]) {
      self.name = name
      self.values = values
    }
  }

  /// The table as TSV text.
  /// - Parameters:
  ///   - explained: The sequences and maps.
  ///   - columns: Columns appended after `top_positions`, each with one value per sequence
  ///     (a missing value is written empty).
  /// - Returns: The header line and one line per sequence, each ending in `\n`.
  public func table(_ explained: ExplainedSequences, columns: [Column] = []) -> String {
    let scores = score.scores(explained)
    let length = explained.length
    let outputWidth = explained.outputs.map { $0.shape[1] } ?? 0
    var header = ["id", "chrom", "start", "end", "strand", "target", "prediction"]
    header += (0..<outputWidth).map { "output_\($0)" }
    header += ["attribution_sum", "top_positions"] + columns.map(\.name)
    var lines = [header.joined(separator: "\t")]
    scores.withUnsafeBufferPointer { s in
      for item in 0..<explained.count {
        let row = Array(s[(item * length)..<((item + 1) * length)])
        var fields = [explained.ids[item]]
        if let place = try? RecordCoordinates.parse(
          id: explained.ids[item], length: length, file: explained.inputFile)
        {
          fields += [
            place.chromosome, String(place.start), String(place.end), place.isReverse ? "-" : "+",
          ]
        } else {
          fields += ["", "", "", ""]
        }
        fields.append(String(explained.targets[item]))
        let prediction = explained.predictions[item]
        fields.append(prediction.isNaN ? "NA" : String(prediction))
        if let outputs = explained.outputs {
          fields += (0..<outputWidth).map { String(outputs.scalars[item * outputWidth + $0]) }
        }
        fields.append(String(row.reduce(0, +)))
        fields.append(topPositions(row, item: item, in: explained))
        fields += columns.map { item < $0.values.count ? $0.values[item] : "" }
        lines.append(fields.joined(separator: "\t"))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// `position:base:score` of the `topCount` largest `|score|`, joined by `,`.
  private func topPositions(_ row: [Float], item: Int, in explained: ExplainedSequences) -> String {
    let order = row.indices.sorted {
      abs(row[$0]) > abs(row[$1]) || (abs(row[$0]) == abs(row[$1]) && $0 < $1)
    }
    let base = item * explained.length * 4
    return order.prefix(topCount).map { position in
      let letter = explained.sequences.withUnsafeBufferPointer { x -> String in
        let cell = base + position * 4
        guard let hot = (0..<4).first(where: { x[cell + $0] == 1 }) else { return "N" }
        return ["A", "C", "G", "T"][hot]
      }
      return "\(position):\(letter):\(row[position])"
    }.joined(separator: ",")
  }

  /// Writes the table.
  /// - Parameters:
  ///   - explained: The sequences and maps.
  ///   - columns: Columns appended after `top_positions`.
  ///   - destination: The TSV destination (a file, or standard output).
  /// - Throws: ``OutputError``.
  public func write(
    _ explained: ExplainedSequences, columns: [Column] = [], to destination: OutputDestination
  ) throws {
    try AtomicOutput.write(table(explained, columns: columns), to: destination)
  }
}
