/// Dinucleotide-preserving shuffles: random sequences with exactly the same counts of every
/// pair of adjacent letters, and the same first and last letter.
///
/// This is the Altschul–Erickson shuffle in its Eulerian-path form (Kandel et al.), as in MEME's
/// `fasta-shuffle-letters -kmer 2` and tangermeme's `dinucleotide_shuffle`. The sequence is a
/// walk through a multigraph whose vertices are letters and whose edges are its adjacent pairs.
///
/// ```
/// 1. edges(v) = the letters that follow each occurrence of v, for every v
/// 2. choose one "exit" edge per vertex other than the last letter, forming a uniform random
///    spanning arborescence towards the last letter (Wilson's loop-erased random walks)
/// 3. shuffle every vertex's other edges uniformly; put its exit edge last
/// 4. walk from the first letter, always taking the vertex's next unused edge
/// ```
///
/// Each labelled Eulerian path is equally likely, so every sequence with the same dinucleotide
/// counts, first and last letter is equally likely (Kandel et al. 1996).
///
/// References: Altschul & Erickson, "Significance of nucleotide sequence alignments", Mol Biol
/// Evol 2 (1985), doi:10.1093/oxfordjournals.molbev.a040370; Kandel, Matias, Unger & Winkler,
/// "Shuffling biological sequences", Discrete Appl Math 71 (1996),
/// doi:10.1016/S0166-218X(97)81456-4; Wilson, "Generating random spanning trees more quickly
/// than the cover time", STOC 1996, doi:10.1145/237814.237880.
///
/// Properties: dinucleotide counts, letter counts, first and last letter are preserved exactly;
/// the same seed gives the same shuffle on every machine. Letters are bytes, compared as given
/// (readers already uppercase them), so `N` is a letter like any other.
public enum DinucleotideShuffle {
  /// Shuffles one sequence.
  /// - Parameters:
  ///   - sequence: The letters.
  ///   - generator: The random source.
  /// - Returns: A sequence with the same dinucleotide counts, first and last letter.
  public static func shuffled(_ sequence: [UInt8], using generator: inout SeededGenerator)
    -> [UInt8]
  {
    guard sequence.count > 2 else { return sequence }
    var vertexOfLetter = [Int](repeating: -1, count: 256)
    var letters: [UInt8] = []
    let path = sequence.map { letter -> Int in
      if vertexOfLetter[Int(letter)] < 0 {
        vertexOfLetter[Int(letter)] = letters.count
        letters.append(letter)
      }
      return vertexOfLetter[Int(letter)]
    }
    var edges = [[Int]](repeating: [], count: letters.count)
    for index in 0..<(path.count - 1) { edges[path[index]].append(path[index + 1]) }
    let last = path[path.count - 1]
    let exits = randomArborescence(edges: edges, root: last, using: &generator)
    for vertex in edges.indices {
      var others = edges[vertex]
      let exit = vertex == last ? nil : others.remove(at: exits[vertex])
      generator.shuffle(&others)
      if let exit { others.append(exit) }
      edges[vertex] = others
    }
    var used = [Int](repeating: 0, count: letters.count)
    var vertex = path[0]
    var output = [letters[vertex]]
    output.reserveCapacity(sequence.count)
    for _ in 1..<sequence.count {
      let next = edges[vertex][used[vertex]]
      used[vertex] += 1
      output.append(letters[next])
      vertex = next
    }
    return output
  }

  /// Shuffles one sequence with a generator made from a seed.
  /// - Parameters:
  ///   - sequence: The letters.
  ///   - seed: The seed; equal seeds give equal shuffles.
  /// - Returns: The shuffled sequence.
  public static func shuffled(_ sequence: [UInt8], seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    return shuffled(sequence, using: &generator)
  }

  /// Shuffles many sequences, each with its own stream of the seed, so a record's shuffle does
  /// not depend on the records before it.
  /// - Parameters:
  ///   - sequences: The sequences.
  ///   - seed: The seed.
  /// - Returns: The shuffled sequences, in order.
  public static func shuffled(_ sequences: [[UInt8]], seed: UInt64) -> [[UInt8]] {
    sequences.enumerated().map { index, sequence in
      var generator = SeededGenerator(seed: seed, stream: UInt64(index))
      return shuffled(sequence, using: &generator)
    }
  }

  /// Chooses each non-root vertex's exit edge (an index into `edges[vertex]`) so that the exits
  /// form a uniformly random arborescence towards `root` (Wilson's algorithm).
  private static func randomArborescence(
    edges: [[Int]], root: Int, using generator: inout SeededGenerator
  ) -> [Int] {
    var isInTree = [Bool](repeating: false, count: edges.count)
    isInTree[root] = true
    var exits = [Int](repeating: 0, count: edges.count)
    for start in edges.indices where !isInTree[start] {
      var vertex = start
      while !isInTree[vertex] {
        exits[vertex] = generator.index(below: edges[vertex].count)
        vertex = edges[vertex][exits[vertex]]
      }
      vertex = start
      while !isInTree[vertex] {
        isInTree[vertex] = true
        vertex = edges[vertex][exits[vertex]]
      }
    }
    return exits
  }
}
