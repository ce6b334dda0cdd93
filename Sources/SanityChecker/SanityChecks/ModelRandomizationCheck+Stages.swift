extension ModelRandomizationCheck {
  /// The randomized models the check compares with, per seed: given by the caller, or drawn one
  /// stage at a time while the check uses them.
  ///
  /// Drawn stages are never kept: each seed's stages are drawn again for every method and item
  /// slice (``RandomizationStageSequence``), so at most two randomized models are alive at once
  /// whatever the number of seeds and stages. The cost is one draw of every parameterized
  /// layer per method, slice and seed: one pass over the parameters, where explaining the slice
  /// on the seed's stages runs a forward and a backward pass per item and stage.
  struct Stages {
    /// The seed labels, in order.
    let seeds: [String]
    /// The number of stages of each seed.
    let counts: [Int]
    /// The first seed's stage names.
    let names: [String]
    private let given: [[RandomizationStage]]?
    private let draw: (Int) -> RandomizationStageSequence?

    /// Stages given by the caller, held by the caller.
    /// - Parameter stagesPerSeed: Per seed label, the stages in order.
    init(given stagesPerSeed: [(String, [RandomizationStage])]) {
      seeds = stagesPerSeed.map(\.0)
      counts = stagesPerSeed.map(\.1.count)
      names = stagesPerSeed.first?.1.map(\.name) ?? []
      given = stagesPerSeed.map(\.1)
      draw = { _ in nil }
    }

    /// Stages drawn from `model` as they are used.
    /// - Parameters:
    ///   - model: The trained model.
    ///   - configuration: The order, the scheme and the seeds.
    ///   - ledger: Counts the stages alive at once, when given.
    init(drawnFrom model: Model, _ configuration: Configuration, ledger: StageLedger? = nil) {
      seeds = configuration.seeds.map(String.init)
      let names = model.randomizationStageNames(order: configuration.order)
      counts = configuration.seeds.map { _ in names.count }
      self.names = names
      given = nil
      draw = { index in
        RandomizationStageSequence(
          model: model, order: configuration.order, scheme: configuration.scheme,
          seed: configuration.seeds[index], ledger: ledger)
      }
    }

    /// Seed `index`'s stages in order, drawn as they are iterated unless given.
    /// - Parameter index: The seed's place.
    /// - Returns: The stages.
    func stages(ofSeed index: Int) -> AnySequence<RandomizationStage> {
      if let given { return AnySequence(given[index]) }
      return draw(index).map(AnySequence.init) ?? AnySequence([])
    }

    /// Checks that given stages have the trained model's architecture (drawn ones have it by
    /// construction).
    /// - Parameter model: The trained model.
    /// - Throws: ``ModelError`` naming the first stage that differs.
    func validate(against model: Model) throws {
      for stage in (given ?? []).joined() {
        try model.validateArchitecture(of: stage.model, named: stage.name)
      }
    }
  }
}
