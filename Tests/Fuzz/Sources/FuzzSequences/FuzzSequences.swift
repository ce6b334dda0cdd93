import FuzzSupport
import SanityChecker

/// FASTA and `.seq` text: the first byte picks the reader and the parse chunk size (so records
/// straddle chunk boundaries); every record is read and one-hot encoded.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSequences(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = TemporaryFile.array(data, count: size)
  guard let selector = bytes.first else { return 0 }
  let text = Array(bytes.dropFirst())
  let chunkSize = 1 + Int(selector >> 1) % 64
  let encoder = OneHot()
  if selector & 1 == 0 {
    let reader = FASTAReader(bytes: text, name: "fuzz.fa", chunkSize: chunkSize)
    while let record = try? reader.next() {
      _ = try? encoder.encode([record.sequence])
    }
  } else {
    let reader = SeqFileReader(bytes: text, name: "fuzz.seq")
    while let record = try? reader.next() {
      _ = try? encoder.encode([record.sequence])
    }
  }
  return 0
}
