import Foundation
import SanityTestSupport
import Testing

@testable import SanityChecker

/// The pre-open check of global heap collections that bounds libhdf5 1.10's loop on a
/// free-space object of size 0 (docs/fuzzing.md, finding 6).
@Suite struct HDF5GlobalHeapCheckTests {
  /// The fuzz artifact on which `H5Aread` spun forever is now a typed error from the library
  /// itself, before libhdf5 opens the file. (No time limit: under the full suite's load a
  /// waiting test can exceed one without hanging; a regression hangs the run instead.)
  @Test func modelLoaderRefusesTheHeapLoopFile() throws {
    let url = TestSupport.fixture("Malformed/fuzz/hdf5-heap-loop.h5")
    let error = #expect(throws: ModelFileError.self) { try ModelLoader.load(url) }
    guard case .malformedGlobalHeap(let file, let offset, let reason) = error else {
      Issue.record("expected malformedGlobalHeap, got \(String(describing: error))")
      return
    }
    #expect(file == url.path)
    #expect(offset == 2048)
    #expect(reason.contains("free-space object") && reason.contains("size 0"))
    #expect(error?.description.contains("global heap collection at byte 2048") == true)
  }

  /// Every shipped and fixture `.h5` that reads today passes the check.
  @Test func validFilesPass() throws {
    let root = TestSupport.repositoryRoot
    var files = [
      "Models/deepbind-example.h5", "Models/mnist-cnn.h5", "Models/tiny-imagenet-cnn.h5",
    ]
    .map { root.appendingPathComponent($0) }
    let fixtures = root.appendingPathComponent("Tests/Fixtures")
    let enumerator = FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil)
    while let url = enumerator?.nextObject() as? URL {
      if url.pathExtension == "h5", !url.path.contains("/Malformed/") { files.append(url) }
    }
    files = files.filter { FileManager.default.fileExists(atPath: $0.path) }
    #expect(files.count >= 3)
    for url in files {
      #expect(HDF5GlobalHeapCheck.firstDefect(in: url) == nil, "\(url.path)")
    }
  }

  /// A superblock (version 0, 8-byte lengths) followed by one collection holding `objects`.
  static func file(collectionSize: UInt64, objects: [(index: UInt16, size: UInt64, data: Int)])
    -> [UInt8]
  {
    var bytes =
      HDF5GlobalHeapCheck.fileSignature + [0, 0, 0, 0, 0, 8, 8] + [UInt8](repeating: 0, count: 81)
    let collection = bytes.count
    bytes += Array("GCOL".utf8) + [1, 0, 0, 0] + littleEndian(collectionSize)
    for object in objects {
      bytes += littleEndian(object.index, 2) + [1, 0, 0, 0, 0, 0] + littleEndian(object.size)
      bytes += [UInt8](repeating: 0x41, count: object.data)
    }
    let end = collection + Int(min(collectionSize, 1 << 20))
    if bytes.count < end { bytes += [UInt8](repeating: 0, count: end - bytes.count) }
    return bytes
  }

  static func littleEndian<T: FixedWidthInteger>(_ value: T, _ size: Int = 8) -> [UInt8] {
    (0..<size).map { UInt8(truncatingIfNeeded: UInt64(value) >> (8 * UInt64($0))) }
  }

  static func defect(_ bytes: [UInt8]) -> HDF5GlobalHeapCheck.Defect? {
    bytes.withUnsafeBytes { HDF5GlobalHeapCheck.firstDefect(in: $0) }
  }

  @Test func collectionWalks() {
    // 16-byte header, a 6-byte string padded to 8 (24 bytes), free space for the rest.
    let good = Self.file(collectionSize: 4096, objects: [(1, 6, 8), (0, 4096 - 16 - 24, 0)])
    #expect(Self.defect(good) == nil)
    // The same with the free-space object's size zeroed: libhdf5 would not move past it.
    let loop = Self.file(collectionSize: 4096, objects: [(1, 6, 8), (0, 0, 0)])
    #expect(
      Self.defect(loop)
        == HDF5GlobalHeapCheck.Defect(
          offset: 96, reason: "its free-space object at byte 136 has size 0"))
    // A collection declared larger than the file (libhdf5 reads zeros past the end).
    var past = good
    past.replaceSubrange(104..<112, with: Self.littleEndian(UInt64(1) << 40))
    #expect(
      Self.defect(past)?.reason == "its declared size 1099511627776 runs past the end of the file")
    // An object whose data runs past the collection's end.
    let long = Self.file(collectionSize: 4096, objects: [(1, 5000, 8)])
    #expect(Self.defect(long)?.reason == "its object 1 at byte 112 runs past the collection's end")
    // An object size near 2^64 must not wrap around.
    let wrap = Self.file(collectionSize: 4096, objects: [(1, .max - 3, 8)])
    #expect(Self.defect(wrap) != nil)
    // No superblock: left to libhdf5.
    #expect(Self.defect(Array(loop.dropFirst(8))) == nil)
  }
}
