/// One seqlet's contribution window and bases, `[W, 4]` each, row-major.
struct SeqletWindow {
  /// `c_p,b = x_p,b · s_p`, zero outside the sequence.
  var contributions: [Double]
  /// The one-hot bases, zero outside the sequence.
  var bases: [Double]
  /// Whether each window position lies in the sequence.
  var isInside: [Bool]
  /// `‖c‖`.
  var norm: Double

  /// The window of width `width` centred on the seqlet.
  init(
    _ seqlet: Seqlet, width: Int, scores: [Float], onehot: UnsafeBufferPointer<Float>, length: Int
  ) {
    let first = (seqlet.start + seqlet.end) / 2 - width / 2
    contributions = [Double](repeating: 0, count: width * 4)
    bases = contributions
    isInside = [Bool](repeating: false, count: width)
    var squares = 0.0
    for offset in 0..<width {
      let position = first + offset
      guard position >= 0, position < length else { continue }
      isInside[offset] = true
      for channel in 0..<4 {
        let base = Double(onehot[((seqlet.item * length) + position) * 4 + channel])
        bases[offset * 4 + channel] = base
        let value = base * Double(scores[position])
        contributions[offset * 4 + channel] = value
        squares += value * value
      }
    }
    norm = squares.squareRoot()
  }

  /// The window on the other strand: positions reversed, A↔T and C↔G swapped.
  var reverseComplement: SeqletWindow {
    var copy = self
    let width = isInside.count
    for offset in 0..<width {
      for channel in 0..<4 {
        copy.contributions[offset * 4 + channel] =
          contributions[(width - 1 - offset) * 4 + 3 - channel]
        copy.bases[offset * 4 + channel] = bases[(width - 1 - offset) * 4 + 3 - channel]
      }
      copy.isInside[offset] = isInside[width - 1 - offset]
    }
    return copy
  }
}

/// The running sums of one cluster in its own frame of W positions.
struct SeqletCluster {
  /// Σ members' aligned contributions `[W, 4]`.
  var contributions: [Double]
  /// Σ members' aligned |contributions| `[W, 4]`.
  var magnitudes: [Double]
  /// Σ members' aligned bases `[W, 4]`.
  var bases: [Double]
  /// Members covering each position.
  var coverage: [Int]
  /// The number of members.
  var members = 0
  /// The members, in the order they joined.
  var seqlets: [Seqlet] = []

  init(width: Int) {
    contributions = [Double](repeating: 0, count: width * 4)
    magnitudes = contributions
    bases = contributions
    coverage = [Int](repeating: 0, count: width)
  }

  /// The best normalized cross-correlation of `window` with the running sum, over shifts and
  /// strands (forward first, then shifts from −S up; ties keep the first).
  func bestAlignment(of window: SeqletWindow, maximumShift: Int) -> (
    shift: Int, reverse: Bool, similarity: Double
  ) {
    let width = coverage.count
    let templateNorm = contributions.reduce(0) { $0 + $1 * $1 }.squareRoot()
    var best = (shift: 0, reverse: false, similarity: -Double.infinity)
    guard templateNorm > 0 else { return best }
    for reverse in [false, true] {
      let candidate = reverse ? window.reverseComplement : window
      for shift in -maximumShift...maximumShift {
        var dot = 0.0
        for offset in max(0, -shift)..<min(width, width - shift) {
          for channel in 0..<4 {
            dot +=
              candidate.contributions[offset * 4 + channel]
              * contributions[(offset + shift) * 4 + channel]
          }
        }
        let similarity = dot / (window.norm * templateNorm)
        if similarity > best.similarity { best = (shift, reverse, similarity) }
      }
    }
    return best
  }

  /// Adds a member at a shift and strand.
  mutating func add(_ window: SeqletWindow, shift: Int, reverse: Bool) {
    let aligned = reverse ? window.reverseComplement : window
    let width = coverage.count
    for offset in max(0, -shift)..<min(width, width - shift) where aligned.isInside[offset] {
      let target = offset + shift
      coverage[target] += 1
      for channel in 0..<4 {
        let value = aligned.contributions[offset * 4 + channel]
        contributions[target * 4 + channel] += value
        magnitudes[target * 4 + channel] += abs(value)
        bases[target * 4 + channel] += aligned.bases[offset * 4 + channel]
      }
    }
    members += 1
  }

  /// The trimmed motif, or `nil` when no position is covered by half the members.
  func motif(identifier: String, sign: Seqlet.Sign, trimFraction: Double) -> DiscoveredMotif? {
    let width = coverage.count
    let covered = (0..<width).filter { 2 * coverage[$0] >= members && coverage[$0] > 0 }
    let importance = (0..<width).map { position -> Double in
      guard covered.contains(position) else { return 0 }
      return (0..<4).reduce(0) { $0 + abs(contributions[position * 4 + $1]) }
        / Double(coverage[position])
    }
    guard let largest = importance.max(), largest > 0 else { return nil }
    let kept = (0..<width).filter { importance[$0] >= trimFraction * largest }
    guard let first = kept.first, let last = kept.last else { return nil }
    let span = first...last
    func normalized(_ values: [Double], at position: Int) -> [Double] {
      let row = (0..<4).map { values[position * 4 + $0] }
      let total = row.reduce(0, +)
      return total > 0 ? row.map { $0 / total } : [0.25, 0.25, 0.25, 0.25]
    }
    return DiscoveredMotif(
      identifier: identifier, sign: sign, seqletCount: members,
      frequencies: span.map { normalized(bases, at: $0) },
      contributions: span.map { position in
        (0..<4).map { contributions[position * 4 + $0] / Double(max(1, coverage[position])) }
      },
      weightedFrequencies: span.map { normalized(magnitudes, at: $0) })
  }
}
