/// What a check explains: the items, grouped by sequence length with the model at each length,
/// and the output units to explain.
///
/// A file whose sequences have several lengths is checked one group at a time (length-agnostic
/// models only, ``Model/resized(toLength:file:lengths:)``); every per-item score is put back at
/// its item's place in the file before the rows are summarized, so each sequence is scored as
/// it would be alone. With several targets each map is computed for every unit at once (the
/// explainers share forward passes between units, ``Explainer/attributions(for:selection:in:)``)
/// and the groups' models and randomization stages are shared; every row and verdict names its
/// unit.
public struct CheckInput: Sendable {
  /// The items of one length, with the model at that length.
  public struct Group: Sendable {
    /// The model, sized for this group's inputs.
    public var model: Model
    /// The group's items, `[n] + model.inputShape`.
    public var input: Tensor
    /// Each item's place in the file, ascending.
    public var indices: [Int]

    /// Creates a group.
    /// - Parameters:
    ///   - model: The model at the group's length.
    ///   - input: The group's items.
    ///   - indices: Each item's place in the file.
    public init(model: Model, input: Tensor, indices: [Int]) {
      self.model = model
      self.input = input
      self.indices = indices
    }
  }

  /// The groups; their indices together are `0..<itemCount`.
  public var groups: [Group]
  /// The explained units, or `nil` for each item's predicted unit.
  public var selection: TargetSelection?
  /// One label per selected unit (its name or `output_i`).
  public var targetLabels: [String]

  /// Items of one length.
  /// - Parameters:
  ///   - model: The model.
  ///   - input: The items.
  ///   - selection: The explained units (`nil`: each item's predicted unit).
  ///   - names: The model's output names, when it has them.
  public init(model: Model, input: Tensor, selection: TargetSelection? = nil, names: [String] = [])
  {
    self.init(
      groups: [Group(model: model, input: input, indices: Array(0..<input.batchSize))],
      selection: selection, names: names)
  }

  /// Items in several length groups.
  /// - Parameters:
  ///   - groups: The groups (at least one).
  ///   - selection: The explained units (`nil`: each item's predicted unit).
  ///   - names: The model's output names, when it has them.
  public init(groups: [Group], selection: TargetSelection? = nil, names: [String] = []) {
    precondition(!groups.isEmpty, "CheckInput: no groups")
    self.groups = groups
    self.selection = selection
    targetLabels = selection?.labels(names: names) ?? []
  }

  /// The number of items over every group.
  public var itemCount: Int { groups.reduce(0) { $0 + $1.indices.count } }

  /// The first group's model (the one named in settings).
  public var model: Model { groups[0].model }

  /// The place in the concatenated groups of each group's first item, so seeded methods number
  /// every item once.
  var groupOffsets: [Int] {
    groups.indices.map { index in groups[..<index].reduce(0) { $0 + $1.indices.count } }
  }

  /// Runs a check at every unit (once at the predicted units when none is selected) and joins
  /// the reports.
  /// - Parameters:
  ///   - scores: A group's per-item scores at each unit, in selection order; gets the group, its
  ///     index and one target list per unit (`nil`: predicted, for which it returns one value).
  ///   - gather: Joins the groups' scores into file order.
  ///   - report: Summarizes the gathered scores.
  /// - Returns: The report; with several units, each row and verdict names its unit.
  /// - Throws: A check's error.
  func run<Scores>(
    scores: (Group, Int, [[Int]]?) throws -> [Scores], gather: ([Scores]) -> Scores,
    report: (Scores) -> CheckReport
  ) throws -> CheckReport {
    // perGroup[group][unit]
    let perGroup = try groups.enumerated().map { index, group in
      try scores(
        group, index,
        selection.map { $0.indices.map { [Int](repeating: $0, count: group.input.batchSize) } })
    }
    let reports = perGroup[0].indices.map { unit in
      let parts = perGroup.map { $0[unit] }
      return report(parts.count == 1 ? parts[0] : gather(parts))
    }
    guard reports.count > 1 else { return reports[0] }
    return CheckReport.joiningTargets(reports, labels: targetLabels)
  }

  /// Per-item values of every group put back at their items' places in the file.
  /// - Parameter parts: One list per group, in the group's item order (all empty, or each of
  ///   its group's size).
  /// - Returns: One value per item in file order (empty when every part is).
  func gathered(_ parts: [[Double?]]) -> [Double?] {
    guard parts.contains(where: { !$0.isEmpty }) else { return [] }
    var values = [Double?](repeating: nil, count: itemCount)
    for (part, group) in zip(parts, groups) {
      for (value, index) in zip(part, group.indices) { values[index] = value }
    }
    return values
  }

  /// Every method's scores of every group put back in file order.
  /// - Parameter parts: Per group, the methods' scores in the same method order.
  /// - Returns: The methods' scores over every item.
  func gathered(_ parts: [[SimilarityComparison.MethodScores]])
    -> [SimilarityComparison.MethodScores]
  {
    parts[0].indices.map { method in
      var joined = parts[0][method]
      let each = parts.map { $0[method] }
      joined.scores = joined.scores.indices.map { metric in
        joined.scores[metric].indices.map { seed in
          joined.scores[metric][seed].indices.map { stage in
            gathered(each.map { $0.scores[metric][seed][stage] })
          }
        }
      }
      joined.ceiling = joined.ceiling.indices.map { metric in
        gathered(each.map { $0.ceiling[metric] })
      }
      joined.perfect = joined.perfect.indices.map { metric in
        gathered(each.map { $0.perfect[metric] })
      }
      return joined
    }
  }
}

extension CheckReport {
  /// The reports of one check run at several output units, as one report whose rows and
  /// verdicts name their unit.
  /// - Parameters:
  ///   - reports: One report per unit.
  ///   - labels: One label per unit.
  /// - Returns: The rows and verdicts in unit order; the first report's settings with `targets`.
  public static func joiningTargets(_ reports: [CheckReport], labels: [String]) -> CheckReport {
    precondition(reports.count == labels.count, "joiningTargets: one label per report")
    var joined = CheckReport(rows: [], verdicts: [], settings: reports.first?.settings ?? [:])
    for (report, label) in zip(reports, labels) {
      joined.rows += report.rows.map {
        var row = $0
        row.target = label
        return row
      }
      joined.verdicts += report.verdicts.map {
        var verdict = $0
        verdict.target = label
        return verdict
      }
    }
    joined.settings["targets"] = labels.joined(separator: ",")
    return joined
  }
}
