import Foundation

extension CheckPart {
  /// Reads the parts of shards 1 to N of one check and joins their per-item values in item
  /// order.
  ///
  /// The manifests are checked first (``CommandPart``: same command, settings and version, every
  /// shard once, in order, no gap); empty blocks are skipped.
  /// - Parameter outputs: Every shard's part file, in shard order (each with its `.part.json`).
  /// - Returns: The manifest of the joined run (shard 1/1, every item) and the joined part.
  /// - Throws: ``CommandPartError`` naming the file for a missing or foreign part, parts of
  ///   different runs, gaps, or values that do not fit together.
  public static func joined(_ outputs: [URL]) throws(CommandPartError) -> (
    manifest: CommandPart, part: CheckPart
  ) {
    let manifests = try CommandPart.checked(outputs)
    var joined: CheckPart?
    for (url, manifest) in manifests {
      guard manifest.kind == .checkValues else {
        throw .mismatch(file: CommandPart.manifestURL(for: url).path, reason: "the output kind")
      }
      let part = try read(url)
      guard part.first == manifest.items.lowerBound, part.total == manifest.total,
        part.count == manifest.items.count, part.units.isEmpty == (part.count == 0)
      else {
        throw .unreadable(
          file: url.path, reason: "its values do not match its manifest; rerun its shard")
      }
      guard !part.units.isEmpty else { continue }
      guard let previous = joined else {
        joined = part
        continue
      }
      joined = try previous.appending(part, file: url.path)
    }
    guard var part = joined, let first = manifests.first else {
      throw .order(file: outputs.first?.path ?? "-", reason: "the parts hold no items")
    }
    part.first = 0
    var manifest = first.part
    manifest.shard = .whole
    manifest.items = 0..<manifest.total
    return (manifest, part)
  }

  /// This part's values followed by the next block's, unit by unit.
  func appending(_ next: CheckPart, file: String) throws(CommandPartError) -> CheckPart {
    guard next.units.count == units.count, next.length == length,
      next.seedLabels == seedLabels, next.stageNames == stageNames
    else {
      throw .mismatch(file: file, reason: "the units, sequence length or randomization stages")
    }
    var joined = self
    joined.count += next.count
    joined.units = []
    for (a, b) in zip(units, next.units) {
      switch (a, b) {
      case (.similarity(let a), .similarity(let b)):
        joined.units.append(.similarity(RunSummary.joinScores(a, b) ?? []))
      case (.values(let a), .values(let b)):
        joined.units.append(
          .values(zip(a, b).map { .init(method: $0.method, values: $0.values + $1.values) }))
      case (.reverseComplement(let a), .reverseComplement(let b)):
        joined.units.append(.reverseComplement(a.appending(b)))
      case (.offSimplex(let a), .offSimplex(let b)):
        joined.units.append(.offSimplex(a.appending(b)))
      default:
        throw .mismatch(file: file, reason: "the check")
      }
    }
    return joined
  }

  /// One unit's similarity scores.
  /// - Throws: ``CommandPartError/mismatch(file:reason:)`` for another check's values.
  func similarity(_ scores: Scores) throws(CommandPartError) -> [SimilarityComparison.MethodScores]
  {
    guard case .similarity(let methods) = scores else { throw Self.otherCheck }
    return methods
  }

  /// The error for values of another check than the one merging them.
  static let otherCheck = CommandPartError.mismatch(file: "-", reason: "the check")
}

extension ReverseComplementCheck.Scores {
  /// These scores followed by the next block's.
  func appending(_ next: Self) -> Self {
    Self(
      methods: RunSummary.joinScores(methods, next.methods) ?? [],
      forward: forward + next.forward, difference: difference + next.difference)
  }
}

extension RunPart.OffSimplexScores {
  /// These values followed by the next block's.
  func appending(_ next: Self) -> Self {
    Self(
      methods: zip(methods, next.methods).map { a, b in
        var method = a
        method.isInputMultiplied += b.isInputMultiplied
        method.angleMean += b.angleMean
        method.angleMax += b.angleMax
        method.corrected = zip(a.corrected, b.corrected).map { $0 + $1 }
        return method
      },
      plain: RunSummary.joinScores(plain, next.plain),
      corrected: RunSummary.joinScores(corrected, next.corrected))
  }
}
