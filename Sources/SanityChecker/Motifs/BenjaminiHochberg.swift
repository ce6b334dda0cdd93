/// Benjamini–Hochberg q-values (Benjamini & Hochberg 1995, doi:10.1111/j.2517-6161.1995.tb02031.x).
///
/// ```
/// q_(i) = min_{j ≥ i} min(1, p_(j) · m / j)      p_(1) ≤ … ≤ p_(m)
/// ```
/// The q-value of a test is the smallest false discovery rate at which it is called under the
/// step-up procedure. Properties: q ≥ p; monotone in p; ties get equal q; NaN p-values are
/// treated as 1.
public enum BenjaminiHochberg {
  /// The q-value of every p-value, in input order.
  /// - Parameter pValues: The p-values.
  /// - Returns: One q-value per p-value.
  public static func qValues(_ pValues: [Double]) -> [Double] {
    let count = pValues.count
    let clean = pValues.map { $0.isNaN ? 1 : min(max($0, 0), 1) }
    let order = clean.indices.sorted { (clean[$0], $0) < (clean[$1], $1) }
    var qValues = [Double](repeating: 1, count: count)
    var running = 1.0
    for rank in stride(from: count, through: 1, by: -1) {
      let index = order[rank - 1]
      running = min(running, clean[index] * Double(count) / Double(rank))
      qValues[index] = running
    }
    return qValues
  }
}
