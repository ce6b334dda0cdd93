/// A track that cannot be written or read as bigWig, naming the file.
public enum TrackError: Error, Equatable, Sendable, CustomStringConvertible {
  /// bigWig needs every chromosome's length.
  case missingChromosomeSizes(file: String)
  /// libBigWig reported a failure at a step (opening, header, intervals, closing).
  case bigWig(file: String, step: String)

  /// A compiler-style message, `file: what is wrong; remedy`.
  public var description: String {
    switch self {
    case .missingChromosomeSizes(let file):
      return
        "\(file): a bigWig needs the chromosome sizes; give --chrom-sizes (a .fai or chrom.sizes file)"
    case .bigWig(let file, let step):
      return
        "\(file): libBigWig failed to \(step); check that the folder is writable and the disk has room"
    }
  }
}
