import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct NPZExportTests {
  /// The TF-MoDISco layout: one stored entry `arr_0.npy`, `[N, 4, L]`, value at
  /// `[n, c, l]` equal to the input's `[n, l, c]`, with a correct CRC-32.
  @Test func moDIScoArchiveHoldsChannelsFirstArray() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("attributions.npz")
    let maps = TestSupport.uniform([3, 7, 4], seed: 31)
    try NPZExport.writeMoDISco(maps, to: url)
    let entries = try ZipReader(bytes: Array(try Data(contentsOf: url))).entries()
    #expect(entries.map(\.name) == ["arr_0.npy"])
    let entry = try #require(entries.first)
    #expect(entry.crc == ZipReader.crc32(entry.data))
    let (_, shape, values) = try ZipReader.npy(entry.data)
    #expect(shape == [3, 4, 7])
    for n in 0..<3 {
      for l in 0..<7 {
        for c in 0..<4 {
          #expect(values[(n * 4 + c) * 7 + l] == maps[n, l, c], "[\(n), \(c), \(l)]")
        }
      }
    }
    #expect(try folder.contents() == ["attributions.npz"])
  }

  /// Headers equal NumPy 2.4.6's `np.save` headers byte for byte (copied from its output).
  @Test func headersMatchNumPy() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("arrays.npz")
    try NPZExport.write(
      [
        "b": Tensor(shape: [2, 4, 5], repeating: 1.5), "a": Tensor(shape: [7], repeating: -2),
        "c": Tensor(shape: [], repeating: 3),
      ],
      to: url)
    let entries = try ZipReader(bytes: Array(try Data(contentsOf: url))).entries()
    #expect(entries.map(\.name) == ["a.npy", "b.npy", "c.npy"])
    let padding = { (count: Int) in String(repeating: " ", count: count) + "\n" }
    let expected = [
      "{'descr': '<f4', 'fortran_order': False, 'shape': (7,), }" + padding(60),
      "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 4, 5), }" + padding(55),
      "{'descr': '<f4', 'fortran_order': False, 'shape': (), }" + padding(62),
    ]
    for (entry, header) in zip(entries, expected) {
      let parsed = try ZipReader.npy(entry.data)
      #expect(parsed.header == header, "\(entry.name)")
      #expect(entry.crc == ZipReader.crc32(entry.data))
    }
    #expect(try ZipReader.npy(entries[0].data).values == Array(repeating: -2, count: 7))
    #expect(try ZipReader.npy(entries[2].data).values == [3])
  }

  @Test func refusesOtherLayoutsWithoutWriting() throws {
    let folder = try TemporaryDirectory()
    let url = folder.file("images.npz")
    #expect(
      throws: ExportError.unsupportedShape(
        file: url.path, dataset: "arr_0", shape: [2, 28, 28, 1], expected: "[N, L, 4]")
    ) {
      try NPZExport.writeMoDISco(Tensor(shape: [2, 28, 28, 1]), to: url)
    }
    #expect(throws: ExportError.invalidName(file: url.path, name: "a/b", reserved: [])) {
      try NPZExport.write(["a/b": Tensor(shape: [1])], to: url)
    }
    #expect(try folder.contents() == [])
    let missingFolder = folder.file("missing/attributions.npz")
    #expect(
      throws: OutputError.missingFolder(
        path: missingFolder.path, folder: missingFolder.deletingLastPathComponent().path)
    ) {
      try NPZExport.writeMoDISco(Tensor(shape: [1, 2, 4]), to: missingFolder)
    }
  }
}
