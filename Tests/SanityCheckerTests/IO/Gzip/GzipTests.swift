import SanityTestSupport
import Foundation
import SanityChecker
import Testing

@Suite struct GzipTests {
  /// Deterministic, mildly compressible bytes.
  static func sampleBytes(count: Int, seed: UInt64) -> [UInt8] {
    var generator = SeededGenerator(seed: seed)
    let letters = Array("ACGT\n".utf8)
    return (0..<count).map { _ in letters[generator.index(below: letters.count)] }
  }

  static func readAllChunks(_ url: URL, chunkSize: Int) throws -> (bytes: [UInt8], chunks: Int) {
    let reader = try GzipReader(url: url, chunkSize: chunkSize)
    var bytes: [UInt8] = []
    var chunks = 0
    while let chunk = try reader.nextChunk() {
      #expect(!chunk.isEmpty && chunk.count <= chunkSize)
      bytes += chunk
      chunks += 1
    }
    return (bytes, chunks)
  }

  @Test(arguments: [1, 7, 4096, 1 << 20])
  func writerAndReaderRoundTrip(chunkSize: Int) throws {
    let directory = try TemporaryDirectory()
    let original = Self.sampleBytes(count: 50_000, seed: 1)
    let url = directory.file("sample.txt.gz")
    let writer = try GzipWriter(url: url)
    try writer.write(Array(original[..<12_345]))
    try writer.write(Array(original[12_345...]))
    try writer.finish()
    #expect(try directory.contents() == ["sample.txt.gz"], "no temporary file remains")
    let compressedSize = try #require(
      try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
    #expect(compressedSize < original.count / 2)
    let (bytes, chunks) = try Self.readAllChunks(url, chunkSize: chunkSize)
    #expect(bytes == original)
    #expect(chunks == (original.count + chunkSize - 1) / chunkSize)
    #expect(try GzipReader(url: url).isCompressed)
  }

  @Test func plainFilesPassThrough() throws {
    let directory = try TemporaryDirectory()
    let original = Self.sampleBytes(count: 10_000, seed: 2)
    let url = try directory.write(original, to: "plain.txt")
    let reader = try GzipReader(url: url, chunkSize: 333)
    #expect(!reader.isCompressed)
    #expect(try Self.readAllChunks(url, chunkSize: 333).bytes == original)
    #expect(try GzipReader.readAll(url: url) == original)
  }

  @Test func emptyFileGivesNoChunk() throws {
    let directory = try TemporaryDirectory()
    let url = try directory.write([UInt8](), to: "empty.txt")
    #expect(try GzipReader(url: url).nextChunk() == nil)
  }

  @Test func concatenatedMembersReadAsOneStream() throws {
    let directory = try TemporaryDirectory()
    let parts = [
      Self.sampleBytes(count: 3000, seed: 3), [], Self.sampleBytes(count: 5000, seed: 4),
    ]
    let members = try parts.flatMap { try GzipWriter.compressed($0) }
    let url = try directory.write(members, to: "multi.gz")
    for chunkSize in [1, 100, 1 << 20] {
      #expect(try Self.readAllChunks(url, chunkSize: chunkSize).bytes == parts.flatMap { $0 })
    }
  }

  /// Interoperates with the system's gzip, when it is installed.
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/bin/gzip")))
  func readsSystemGzipOutput() throws {
    let directory = try TemporaryDirectory()
    let original = Self.sampleBytes(count: 20_000, seed: 5)
    let url = try directory.write(original, to: "system.txt")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/gzip")
    process.arguments = ["-9", url.path]
    try process.run()
    process.waitUntilExit()
    #expect(try GzipReader.readAll(url: directory.file("system.txt.gz")) == original)
  }

  @Test func truncatedStreamNamesTheFile() throws {
    let directory = try TemporaryDirectory()
    let member = try GzipWriter.compressed(Self.sampleBytes(count: 20_000, seed: 6))
    let url = try directory.write(Array(member.dropLast(10)), to: "cut.fa.gz")
    let error = try #require(throws: GzipError.self) { try GzipReader.readAll(url: url) }
    guard case .truncated(let file, let offset) = error else {
      Issue.record("expected .truncated, got \(error)")
      return
    }
    #expect(file == url.path && offset == member.count - 10)
    #expect(error.description.contains("cut.fa.gz") && error.description.contains("truncated"))
  }

  @Test func corruptStreamNamesTheFile() throws {
    let directory = try TemporaryDirectory()
    var member = try GzipWriter.compressed(Self.sampleBytes(count: 20_000, seed: 7))
    for index in 20..<60 { member[index] ^= 0xA5 }
    let url = try directory.write(member, to: "bad.fa.gz")
    let error = try #require(throws: GzipError.self) { try GzipReader.readAll(url: url) }
    guard case .corrupt(let file, _, let reason) = error else {
      Issue.record("expected .corrupt, got \(error)")
      return
    }
    #expect(file == url.path && !reason.isEmpty)
    #expect(error.description.contains("bad.fa.gz: corrupt gzip data"))
  }

  @Test func missingFileIsReported() throws {
    let url = URL(fileURLWithPath: "/nonexistent/peaks.fa.gz")
    #expect(throws: GzipError.fileNotFound(file: "/nonexistent/peaks.fa.gz")) {
      try GzipReader(url: url)
    }
  }

  @Test func relativePathsAreNamedAsGiven() {
    #expect(GzipError.fileNotFound(file: "data/peaks.fa").description.hasPrefix("data/peaks.fa: "))
    let url = URL(fileURLWithPath: "data/peaks.fa")
    #expect(throws: GzipError.fileNotFound(file: "data/peaks.fa")) { try GzipReader(url: url) }
  }
}
