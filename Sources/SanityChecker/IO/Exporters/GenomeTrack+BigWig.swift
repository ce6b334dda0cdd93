import CBigWig
import Foundation

/// libBigWig's global buffers, set up once per process (`bwInit`, 128 KiB for remote reads,
/// which are never made).
private let bigWigLibrary: Int32 = bwInit(1 << 17)

extension GenomeTrack {
  /// Zoom levels written into a bigWig (libBigWig's and `bedGraphToBigWig`'s default is 10).
  static let bigWigZoomLevels: Int32 = 10
  /// Intervals passed to libBigWig per call.
  static let bigWigBatch = 65_536

  /// Writes the track as a bigWig file with libBigWig, through ``AtomicOutput``.
  ///
  /// The header lists the track's chromosomes (those with intervals) in its order with their
  /// lengths, and holds 10 zoom levels; each chromosome's intervals are written as bedGraph-type
  /// sections (`bwAddIntervals`, then `bwAppendIntervals`). libBigWig opens the temporary path
  /// ``AtomicOutput`` gives, so a failure leaves nothing at the destination.
  /// - Parameter destination: A file destination.
  /// - Throws: ``TrackError/missingChromosomeSizes(file:)`` when a chromosome has no length,
  ///   ``TrackError/bigWig(file:step:)`` when libBigWig fails, ``OutputError``.
  public func writeBigWig(to destination: OutputDestination) throws {
    let file = destination.path
    guard chromosomes.allSatisfy({ $0.length != nil }) else {
      throw TrackError.missingChromosomeSizes(file: file)
    }
    guard bigWigLibrary == 0 else { throw TrackError.bigWig(file: file, step: "initialise") }
    try AtomicOutput.write(to: destination) { (temporary: URL) throws(TrackError) in
      guard let handle = bwOpen(temporary.path, nil, "w") else {
        throw .bigWig(file: file, step: "open the file for writing")
      }
      var isClosed = false
      defer { if !isClosed { bwClose(handle) } }
      try writeBigWigContents(handle, file: file)
      bwClose(handle)
      isClosed = true
    }
  }

  /// Writes the header, chromosome list and intervals into an open file.
  private func writeBigWigContents(_ handle: UnsafeMutablePointer<bigWigFile_t>, file: String)
    throws(TrackError)
  {
    guard bwCreateHdr(handle, Self.bigWigZoomLevels) == 0 else {
      throw .bigWig(file: file, step: "create the header")
    }
    let names = chromosomes.map { strdup($0.name) }
    defer { names.forEach { free($0) } }
    let lengths = chromosomes.map { UInt32($0.length ?? 0) }
    let list: UnsafeMutablePointer<chromList_t>? = names.withUnsafeBufferPointer { pointers in
      pointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constant in
        bwCreateChromList(constant.baseAddress, lengths, Int64(names.count))
      }
    }
    guard let list else { throw .bigWig(file: file, step: "create the chromosome list") }
    handle.pointee.cl = list
    guard bwWriteHdr(handle) == 0 else { throw .bigWig(file: file, step: "write the header") }
    for (index, chromosome) in chromosomes.enumerated() where !chromosome.starts.isEmpty {
      let starts = chromosome.starts.map { UInt32($0) }
      let ends = chromosome.ends.map { UInt32($0) }
      var name: UnsafePointer<CChar>? = UnsafePointer(names[index])
      let status: Int32 = starts.withUnsafeBufferPointer { s in
        ends.withUnsafeBufferPointer { e in
          chromosome.values.withUnsafeBufferPointer { v in
            guard let s = s.baseAddress, let e = e.baseAddress, let v = v.baseAddress else {
              return -1
            }
            // The first interval names the chromosome; the others are appended to its section.
            guard bwAddIntervals(handle, &name, s, e, v, 1) == 0 else { return -1 }
            for first in stride(from: 1, to: starts.count, by: Self.bigWigBatch) {
              let count = UInt32(min(Self.bigWigBatch, starts.count - first))
              guard bwAppendIntervals(handle, s + first, e + first, v + first, count) == 0 else {
                return -1
              }
            }
            return 0
          }
        }
      }
      guard status == 0 else {
        throw .bigWig(file: file, step: "write the intervals of \(chromosome.name)")
      }
    }
  }

  /// Reads a bigWig file back: every chromosome with intervals, in the file's chromosome order,
  /// with every stored interval (libBigWig's `bwGetOverlappingIntervals` over the whole
  /// chromosome).
  /// - Parameter url: The bigWig file.
  /// - Throws: ``TrackError/bigWig(file:step:)`` when it cannot be opened or read.
  public init(readingBigWig url: URL) throws(TrackError) {
    let file = url.path
    guard bigWigLibrary == 0 else { throw .bigWig(file: file, step: "initialise") }
    guard bwIsBigWig(file, nil) == 1, let handle = bwOpen(file, nil, "r") else {
      throw .bigWig(file: file, step: "open the file as a bigWig")
    }
    defer { bwClose(handle) }
    guard let list = handle.pointee.cl?.pointee else {
      throw .bigWig(file: file, step: "read the chromosome list")
    }
    var chromosomes: [Chromosome] = []
    for index in 0..<Int(list.nKeys) {
      guard let namePointer = list.chrom[index] else { continue }
      let length = Int(list.len[index])
      var chromosome = Chromosome(name: String(cString: namePointer), length: length)
      if let found = bwGetOverlappingIntervals(handle, namePointer, 0, UInt32(length)) {
        defer { bwDestroyOverlappingIntervals(found) }
        let intervals = found.pointee
        for item in 0..<Int(intervals.l) {
          chromosome.starts.append(Int(intervals.start[item]))
          chromosome.ends.append(Int(intervals.end[item]))
          chromosome.values.append(intervals.value[item])
        }
      }
      if !chromosome.starts.isEmpty { chromosomes.append(chromosome) }
    }
    self.init(chromosomes: chromosomes)
  }
}
