extension RunConfiguration {
  /// Checks every value that can be checked without reading the files.
  /// - Throws: ``RunConfigurationError/invalidValue(file:line:key:value:expected:)`` naming the key.
  public func validate() throws(RunConfigurationError) {
    try methodSettings.validate()
    if let limit = inputs.limit, limit < 1 {
      throw .invalid(key: "inputs.limit", value: String(limit), expected: "at least 1")
    }
    if seeds.isEmpty { throw .invalid(key: "seeds", value: "[]", expected: "at least one seed") }
    for (index, name) in methods.enumerated() {
      guard MethodSettings.names.contains(name), !["random", "constant", "input"].contains(name)
      else {
        throw .invalid(
          key: "methods[\(index)]", value: name,
          expected: "a method: \(MethodSettings.names.dropLast(3).joined(separator: ", "))")
      }
    }
    for (index, name) in controls.enumerated()
    where !["random", "constant", "input"].contains(name) {
      throw .invalid(key: "controls[\(index)]", value: name, expected: "random, constant or input")
    }
    for (index, name) in exports.attributions.enumerated() where !methods.contains(name) {
      throw .invalid(
        key: "exports.attributions[\(index)]", value: name, expected: "one of the run's methods")
    }
    if let memory {
      do { _ = try MemoryBudget(parsing: memory) } catch {
        throw .invalid(key: "memory", value: memory, expected: error.description)
      }
    }
    if let check = checks.modelRandomization {
      try Self.checkMetrics(check.metrics, key: "checks.modelRandomization")
      try Self.checkView(check.view, key: "checks.modelRandomization.view")
      guard RandomizationOrder(rawValue: check.order) != nil else {
        throw .invalid(
          key: "checks.modelRandomization.order", value: check.order,
          expected: RandomizationOrder.allCases.map(\.rawValue).joined(separator: ", "))
      }
    }
    if let check = checks.labelRandomization {
      try Self.checkMetrics(check.metrics, key: "checks.labelRandomization")
      try Self.checkView(check.view, key: "checks.labelRandomization.view")
      for (key, value) in [
        ("items", check.items), ("epochs", check.epochs), ("batchSize", check.batchSize),
        ("trainingLimit", check.trainingLimit ?? 1),
      ]
      where value < 1 {
        throw .invalid(
          key: "checks.labelRandomization.\(key)", value: String(value), expected: "at least 1")
      }
      guard check.learningRate > 0, check.learningRate.isFinite else {
        throw .invalid(
          key: "checks.labelRandomization.learningRate", value: String(check.learningRate),
          expected: "a number above 0")
      }
      for (index, name) in check.methods.enumerated() where !(methods + controls).contains(name) {
        throw .invalid(
          key: "checks.labelRandomization.methods[\(index)]", value: name,
          expected: "one of the run's methods or controls")
      }
    }
    if let check = checks.classSensitivity {
      try Self.checkMetrics(check.metrics, key: "checks.classSensitivity")
      try Self.checkView(check.view, key: "checks.classSensitivity.view")
      if check.otherUnit < 0 {
        throw .invalid(
          key: "checks.classSensitivity.otherUnit", value: String(check.otherUnit),
          expected: "an output unit (0 or more)")
      }
    }
    if let check = checks.inputInvariance {
      for (index, name) in check.methods.enumerated() where !methods.contains(name) {
        throw .invalid(
          key: "checks.inputInvariance.methods[\(index)]", value: name,
          expected: "one of the run's methods")
      }
    }
    if let check = checks.motifRecovery, check.motifs < 1 {
      throw .invalid(
        key: "checks.motifRecovery.motifs", value: String(check.motifs), expected: "at least 1")
    }
    try validateDNAChecks()
    try validateMotifs()
  }

  /// The metrics of a check, parsed.
  static func checkMetrics(_ names: [String], key: String) throws(RunConfigurationError) {
    guard !names.isEmpty else {
      throw .invalid(key: key + ".metrics", value: "[]", expected: "at least one metric")
    }
    for (index, name) in names.enumerated() {
      _ = try MethodSettings.metric(name, key: "\(key).metrics[\(index)]")
    }
  }

  /// A view name, checked.
  static func checkView(_ name: String, key: String) throws(RunConfigurationError) {
    guard AttributionView(rawValue: name) != nil else {
      throw .invalid(key: key, value: name, expected: "full, observed-base or channel-sum")
    }
  }
}
