extension MEMEMotif {
  /// Draws one site from the matrix: each position's base independently from its row.
  ///
  /// ```
  /// site[i] = b  with probability  p[i][b],  b ∈ {A, C, G, T}
  /// ```
  /// One uniform `Double` per position is compared with the row's cumulative probabilities,
  /// so the same generator state gives the same site on every machine.
  /// - Parameter generator: The random source.
  /// - Returns: `width` ASCII bases (`A`, `C`, `G`, `T`), read 5'→3' on the forward strand.
  public func sampledSite(using generator: inout SeededGenerator) -> [UInt8] {
    probabilities.map { row in Self.draw(row, using: &generator) }
  }

  /// The ASCII bases in column order.
  static let bases: [UInt8] = Array("ACGT".utf8)

  /// One base drawn from four probabilities (A, C, G, T).
  static func draw(_ row: [Double], using generator: inout SeededGenerator) -> UInt8 {
    let unit = generator.nextUnitDouble()
    var cumulative = 0.0
    for (index, probability) in row.enumerated() {
      cumulative += probability
      if unit < cumulative { return bases[index] }
    }
    return bases[row.count - 1]
  }

  /// The reverse complement of ASCII bases (`N` and other letters stay as they are).
  /// - Parameter bases: `A`, `C`, `G`, `T` bytes.
  /// - Returns: The bases of the other strand, read 5'→3'.
  public static func reverseComplement(_ bases: [UInt8]) -> [UInt8] {
    bases.reversed().map { base in
      switch base {
      case UInt8(ascii: "A"): return UInt8(ascii: "T")
      case UInt8(ascii: "C"): return UInt8(ascii: "G")
      case UInt8(ascii: "G"): return UInt8(ascii: "C")
      case UInt8(ascii: "T"): return UInt8(ascii: "A")
      default: return base
      }
    }
  }
}
