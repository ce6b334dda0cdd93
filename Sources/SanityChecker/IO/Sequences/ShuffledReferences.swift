/// Dinucleotide-shuffled copies of one-hot sequences, used as references (IG, DeepSHAP).
///
/// Each copy of each item draws from its own stream `(seed, item · 1,000,003 + copy)`, so the
/// references do not depend on how the batch is cut into chunks or on the thread count.
enum ShuffledReferences {
  /// One shuffled copy of every item of a chunk.
  /// - Parameters:
  ///   - chunk: One-hot sequences `[n, L, 4]`.
  ///   - seed: The run's seed.
  ///   - firstItem: The batch index of the chunk's first item.
  ///   - copy: Which copy (0-based).
  /// - Returns: The shuffled one-hot sequences, `[n, L, 4]`.
  static func oneHot(_ chunk: Tensor, seed: UInt64, firstItem: Int, copy: Int) -> Tensor {
    let sequences = OneHot.sequences(from: chunk)
    let shuffled = sequences.enumerated().map { item, sequence in
      var generator = SeededGenerator(
        seed: seed, stream: UInt64(firstItem + item) &* 1_000_003 &+ UInt64(copy))
      return DinucleotideShuffle.shuffled(sequence, using: &generator)
    }
    do {
      return try OneHot().encode(shuffled).reshaped(chunk.shape)
    } catch {
      preconditionFailure("ShuffledReferences: a shuffle keeps every length: \(error)")
    }
  }
}
