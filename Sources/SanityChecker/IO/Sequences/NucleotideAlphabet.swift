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
  ///
  /// When `bases` has no storage yet it is given room for `expectedCount` bases (the previous
  /// record's length), so a record usually costs one allocation; streaming readers reuse one
  /// buffer and allocate nothing.
  /// - Returns: The offset in `text` of the first invalid byte, or `nil` when all are valid.
  static func appendNormalized(
    _ text: UnsafeBufferPointer<UInt8>, to bases: inout [UInt8], expectedCount: Int = 0
  ) -> Int? {
    let start = bases.count
    if bases.capacity == 0 { bases.reserveCapacity(max(text.count, expectedCount)) }
    bases.append(contentsOf: text)
    var allBits: UInt8 = 0xFF
    bases.withUnsafeMutableBufferPointer { buffer in
      let appended = UnsafeMutableBufferPointer(rebasing: buffer[start...])
      if !foldACGTN(appended) { allBits = translate(text, into: appended) }
    }
    guard allBits & 0x40 == 0 else { return nil }
    return compactSkipped(text, in: &bases, from: start)
  }

  /// Uppercases `bytes` in place and tells whether all of them are A, C, G, T or N, in either
  /// case: the common case, done sixteen bytes at a time with SIMD lanes and no table.
  ///
  /// Clearing bit 5 uppercases a letter; the only bytes it maps to A, C, G, T or N are those
  /// letters in either case, so the check after folding is exact. Folding is idempotent, so the
  /// last block may overlap the one before it. When the check fails, the caller redoes the
  /// bytes through the table.
  private static func foldACGTN(_ bytes: UnsafeMutableBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    guard bytes.count >= 16 else {
      var isValid = true
      for index in 0..<bytes.count {
        let byte = base[index] & 0xDF
        isValid =
          isValid && (byte == 0x41 || byte == 0x43 || byte == 0x47 || byte == 0x54 || byte == 0x4E)
        base[index] = byte
      }
      return isValid
    }
    let raw = UnsafeMutableRawPointer(base)
    let fold = SIMD16<UInt8>(repeating: 0xDF)
    let (a, c, g, t, n) = (
      SIMD16<UInt8>(repeating: 0x41), SIMD16<UInt8>(repeating: 0x43),
      SIMD16<UInt8>(repeating: 0x47), SIMD16<UInt8>(repeating: 0x54),
      SIMD16<UInt8>(repeating: 0x4E)
    )
    var valid = SIMD2<UInt64>(repeating: .max)
    var offset = 0
    while true {
      let lanes = raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self) & fold
      let isBase = (lanes .== a) .| (lanes .== c) .| (lanes .== g) .| (lanes .== t) .| (lanes .== n)
      valid &= unsafeBitCast(isBase, to: SIMD2<UInt64>.self)
      raw.storeBytes(of: lanes, toByteOffset: offset, as: SIMD16<UInt8>.self)
      guard offset &+ 16 < bytes.count else { break }
      offset = min(offset &+ 16, bytes.count &- 16)
    }
    return valid[0] & valid[1] == .max
  }

  /// Writes the table value of each byte of `text` to `output` (which may alias `text`).
  ///
  /// Every valid output is an uppercase letter, with bit 6 set; ``invalid`` and ``skipped``
  /// have it clear, so the AND of all outputs, returned, tells whether a slow path is needed.
  private static func translate(
    _ text: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>
  ) -> UInt8 {
    var allBits: UInt8 = 0xFF
    normalization.withUnsafeBufferPointer { table in
      guard let lookup = table.baseAddress, let source = text.baseAddress,
        let destination = output.baseAddress
      else { return }
      for index in 0..<text.count {
        let value = lookup[Int(source[index])]
        destination[index] = value
        allBits &= value
      }
    }
    return allBits
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
