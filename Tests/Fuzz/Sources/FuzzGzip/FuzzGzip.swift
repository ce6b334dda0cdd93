import FuzzSupport
import SanityChecker

/// The gzip reader on a file: every chunk is inflated (4 KiB at a time, so members and chunks
/// straddle), then the same file is read as FASTA lines through the reader.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let url = TemporaryFile.write(data, count: size, suffix: ".fa.gz")
  if let reader = try? GzipReader(url: url, chunkSize: 4096) {
    while (try? reader.nextChunk()) != nil {}
  }
  if let reader = try? FASTAReader(url: url, chunkSize: 4096) {
    while (try? reader.next()) != nil {}
  }
  return 0
}
