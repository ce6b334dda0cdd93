extension OneHot {
  /// The reverse complement of a sequence: reversed, with A↔T, C↔G and the IUPAC codes
  /// complemented (R↔Y, K↔M, B↔V, D↔H; S, W, N unchanged); case is kept and `U` becomes `A`.
  ///
  /// Properties: applying it twice gives back the sequence (for sequences without `U`).
  /// - Parameter sequence: The bases as ASCII.
  /// - Returns: The reverse complement.
  public static func reverseComplement(_ sequence: [UInt8]) -> [UInt8] {
    NucleotideAlphabet.complement.withUnsafeBufferPointer { table in
      sequence.reversed().map { table[Int($0)] }
    }
  }

  /// The reverse complement of one-hot DNA: the length axis reversed and the channels A, C, G, T
  /// swapped to T, G, C, A.
  ///
  /// ```
  /// output[n, l, c] = input[n, L - 1 - l, 3 - c]
  /// ```
  ///
  /// Properties: an involution; equals encoding ``reverseComplement(_:)-([UInt8])`` of each
  /// sequence, for any ``UnknownBase`` (the unknown row is symmetric).
  /// - Parameter tensor: A tensor of shape `[N, L, 4]`.
  /// - Returns: The reverse-complemented tensor, of the same shape.
  public static func reverseComplement(_ tensor: Tensor) -> Tensor {
    precondition(
      tensor.shape.rank == 3 && tensor.shape[2] == 4,
      "OneHot.reverseComplement: expected shape [N, L, 4], got \(tensor.shape)")
    let length = tensor.shape[1]
    let rows = tensor.shape[0] * length
    return tensor.withUnsafeBufferPointer { input in
      Tensor(shape: tensor.shape) { output in
        for row in 0..<rows {
          let position = row % length
          let source = (row - position + length - 1 - position) * 4
          for channel in 0..<4 { output[row * 4 + channel] = input[source + 3 - channel] }
        }
      }
    }
  }

  /// Decodes one-hot rows back to bases: the channel holding the maximum, or `N` when the
  /// four channels are equal (as for unknown bases and padding).
  /// - Parameter tensor: A tensor of shape `[N, L, 4]`.
  /// - Returns: One ASCII sequence of `L` bases per item.
  public static func sequences(from tensor: Tensor) -> [[UInt8]] {
    precondition(
      tensor.shape.rank == 3 && tensor.shape[2] == 4,
      "OneHot.sequences(from:): expected shape [N, L, 4], got \(tensor.shape)")
    let (count, length) = (tensor.shape[0], tensor.shape[1])
    let letters = Array("ACGT".utf8)
    return tensor.withUnsafeBufferPointer { scalars in
      (0..<count).map { item in
        (0..<length).map { position in
          let row = scalars[((item * length + position) * 4)..<((item * length + position) * 4 + 4)]
          guard let largest = row.max(), row.contains(where: { $0 != largest }),
            let channel = row.firstIndex(of: largest)
          else { return UInt8(ascii: "N") }
          return letters[channel - row.startIndex]
        }
      }
    }
  }
}
