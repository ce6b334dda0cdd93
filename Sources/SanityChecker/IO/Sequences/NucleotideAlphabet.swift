/// Byte lookup tables for nucleotide text: validation, case folding and complements.
///
/// Accepted letters are the IUPAC nucleotide codes `ACGTNRYSWKMBDHV` in either case, with `U`
/// (RNA) read as `T`. Lowercase (soft-masked) letters become uppercase. Spaces, tabs and
/// carriage returns inside sequence text are skipped, so CRLF files read like LF files.
enum NucleotideAlphabet {
  /// The table value of a byte skipped inside sequence text (whitespace).
  static let skipped: UInt8 = 1
  /// The table value of a byte that is not a nucleotide code.
  static let invalid: UInt8 = 0

  /// Maps every byte to its uppercase IUPAC code, ``skipped`` or ``invalid``.
  static let normalization: [UInt8] = {
    var table = [UInt8](repeating: invalid, count: 256)
    for letter in "ACGTNRYSWKMBDHV".utf8 {
      table[Int(letter)] = letter
      table[Int(letter) + 32] = letter
    }
    table[Int(UInt8(ascii: "U"))] = UInt8(ascii: "T")
    table[Int(UInt8(ascii: "u"))] = UInt8(ascii: "T")
    for space in " \t\r\u{0B}\u{0C}".utf8 { table[Int(space)] = skipped }
    return table
  }()

  /// Maps every IUPAC code (either case) to its complement, keeping case; other bytes map
  /// to themselves.
  static let complement: [UInt8] = {
    var table = (0...255).map { UInt8($0) }
    let pairs = ["AT", "CG", "RY", "KM", "BV", "DH", "SS", "WW", "NN"]
    for pair in pairs {
      let letters = Array(pair.utf8)
      for caseOffset: UInt8 in [0, 32] {
        table[Int(letters[0] + caseOffset)] = letters[1] + caseOffset
        table[Int(letters[1] + caseOffset)] = letters[0] + caseOffset
      }
    }
    table[Int(UInt8(ascii: "U"))] = UInt8(ascii: "A")
    table[Int(UInt8(ascii: "u"))] = UInt8(ascii: "a")
    return table
  }()

  /// Appends the normalized bases of `text` to `bases`, skipping whitespace.
  /// - Returns: The offset in `text` of the first invalid byte, or `nil` when all are valid.
  static func appendNormalized(_ text: UnsafeBufferPointer<UInt8>, to bases: inout [UInt8]) -> Int?
  {
    let start = bases.count
    bases.append(contentsOf: text)
    var smallest = UInt8.max
    normalization.withUnsafeBufferPointer { table in
      bases.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress, let lookup = table.baseAddress else { return }
        for index in start..<buffer.count {
          let value = lookup[Int(base[index])]
          base[index] = value
          smallest = min(smallest, value)
        }
      }
    }
    guard smallest <= skipped else { return nil }
    return compactSkipped(text, in: &bases, from: start)
  }

  /// The slow path: removes skipped bytes appended from `start`, or finds the first invalid one.
  private static func compactSkipped(
    _ text: UnsafeBufferPointer<UInt8>, in bases: inout [UInt8], from start: Int
  ) -> Int? {
    if let offset = text.firstIndex(where: { normalization[Int($0)] == invalid }) {
      bases.removeSubrange(start...)
      return offset
    }
    var write = start
    for read in start..<bases.count where bases[read] != skipped {
      bases[write] = bases[read]
      write += 1
    }
    bases.removeSubrange(write...)
    return nil
  }

  /// Describes a byte for a message: `'X'` when printable ASCII, else its hex value.
  static func quoted(_ byte: UInt8) -> String {
    if (0x21...0x7E).contains(byte) { return "'\(Character(UnicodeScalar(byte)))'" }
    let hex = String(byte, radix: 16, uppercase: true)
    return "byte 0x" + (hex.count == 1 ? "0" + hex : hex)
  }
}
