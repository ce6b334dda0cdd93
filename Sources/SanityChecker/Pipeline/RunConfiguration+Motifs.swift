extension RunConfiguration {
  /// Settings of ``MotifCheck`` in a run: each method's seqlets, motifs and database matches on
  /// the trained model, on every randomization stage of each seed and, when the run has label
  /// randomization, on its label-permuted model; the random control always runs beside the
  /// methods as the floor of their verdicts.
  ///
  /// ```yaml
  /// checks:
  ///   motifs: {database: Genomes/motifs.meme, methods: [saliency, ism], order: cascading,
  ///            seeds: [0], significance: 0.05}
  /// ```
  /// Maps that model randomization computes already (same order, a seed of the run's `seeds`)
  /// are reused rather than explained again, and so is label randomization's permuted model.
  public struct Motifs: Codable, Equatable, Sendable {
    /// The motif database in MEME format (JASPAR, or the example's planted matrices).
    public var database: String
    /// The methods checked (of the run's methods and controls; the random control is added
    /// when not listed).
    public var methods: [String]
    /// The randomization order (`cascading`, `bottom-up`, `independent`, `complete`).
    public var order: String
    /// The randomization seeds.
    public var seeds: [UInt64]
    /// The q-value below which a match counts (α of ``MotifCheck/Configuration/significance``).
    public var significance: Double
  }

  /// Checks the motif check's settings.
  /// - Throws: ``RunConfigurationError/invalidValue(file:line:key:value:expected:)`` naming the key.
  func validateMotifs() throws(RunConfigurationError) {
    guard let check = checks.motifs else { return }
    if check.database.isEmpty {
      throw .invalid(key: "checks.motifs.database", value: "", expected: "a MEME motif file")
    }
    if check.methods.isEmpty {
      throw .invalid(key: "checks.motifs.methods", value: "[]", expected: "at least one method")
    }
    for (index, name) in check.methods.enumerated() where !(methods + controls).contains(name) {
      throw .invalid(
        key: "checks.motifs.methods[\(index)]", value: name,
        expected: "one of the run's methods or controls")
    }
    guard RandomizationOrder(rawValue: check.order) != nil else {
      throw .invalid(
        key: "checks.motifs.order", value: check.order,
        expected: RandomizationOrder.allCases.map(\.rawValue).joined(separator: ", "))
    }
    if check.seeds.isEmpty {
      throw .invalid(key: "checks.motifs.seeds", value: "[]", expected: "at least one seed")
    }
    guard check.significance > 0, check.significance <= 1 else {
      throw .invalid(
        key: "checks.motifs.significance", value: String(check.significance),
        expected: "a q-value in (0, 1]")
    }
  }

  /// The motif check of the settings, with the default seqlet caller, clustering and matcher.
  /// - Parameters:
  ///   - settings: The settings.
  ///   - database: The database's motifs.
  /// - Returns: The check.
  /// - Throws: ``MotifDiscoveryError`` for an empty database.
  func motifCheck(_ settings: Motifs, database: [MEMEMotif]) throws -> MotifCheck {
    MotifCheck(
      .init(
        order: RandomizationOrder(rawValue: settings.order) ?? .cascadingTopDown,
        seeds: settings.seeds, significance: settings.significance,
        permutedModelNote: checks.labelRandomization == nil
          ? "the run has no checks.labelRandomization, which trains it"
          : "label randomization gave no model"),
      discovery: MotifDiscovery(
        caller: try RecursiveSeqletCaller(),
        matcher: try TomtomMatcher(database: database, file: settings.database)))
  }
}
