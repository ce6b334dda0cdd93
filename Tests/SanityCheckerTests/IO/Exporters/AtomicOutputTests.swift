import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// The one output writer: what it refuses before writing, and that a failure leaves nothing.
@Suite struct AtomicOutputTests {
  struct Failure: Error {}

  @Test func refusesFoldersSpecialFilesAndDanglingLinks() throws {
    let folder = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: folder.file("sub"), withIntermediateDirectories: true)
    #expect(mkfifo(folder.file("pipe").path, 0o644) == 0)
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("null").path, withDestinationPath: "/dev/null")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("dangling").path, withDestinationPath: folder.file("nothing").path)
    let sub = folder.file("sub").path
    #expect(throws: OutputError.isFolder(path: sub)) { try OutputDestination(sub, format: .tsv) }
    #expect(
      throws: OutputError.specialFile(path: folder.file("pipe").path, kind: "a FIFO (named pipe)")
    ) {
      try OutputDestination(folder.file("pipe").path, format: .tsv)
    }
    #expect(throws: OutputError.specialFile(path: "/dev/null", kind: "a device")) {
      try OutputDestination("/dev/null", format: .json)
    }
    #expect(
      throws: OutputError.specialFile(path: folder.file("null").path, kind: "a link to a device")
    ) {
      try OutputDestination(folder.file("null").path, format: .html)
    }
    #expect(throws: OutputError.danglingLink(path: folder.file("dangling").path)) {
      try OutputDestination(folder.file("dangling").path, format: .tsv)
    }
    let missing = folder.file("no/out.tsv").path
    #expect(throws: OutputError.missingFolder(path: missing, folder: folder.file("no").path)) {
      try OutputDestination(missing, format: .tsv)
    }
    #expect(try folder.contents() == ["dangling", "null", "pipe", "sub"])
  }

  @Test func refusesInputsThroughLinksAndRepeatedOutputs() throws {
    let folder = try TemporaryDirectory()
    let input = try folder.write("ACGT", to: "in.fa")
    try FileManager.default.linkItem(at: input, to: folder.file("hard.tsv"))
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("soft.tsv").path, withDestinationPath: input.path)
    for name in ["in.fa", "hard.tsv", "soft.tsv"] {
      let path = folder.file(name).path
      #expect(throws: OutputError.sameAsInput(path: path, input: input.path)) {
        try OutputDestination(path, format: .tsv, inputs: [input.path])
      }
    }
    let a = try OutputDestination(folder.file("a.tsv").path, format: .tsv)
    let again = try OutputDestination(folder.file("./a.tsv").path, format: .tsv)
    #expect(throws: OutputError.sameAsOtherOutput(path: again.path, other: a.path)) {
      try OutputDestination.checkDistinct([a, again])
    }
    #expect(throws: OutputError.standardOutputNotSupported(format: "HDF5")) {
      try OutputDestination("-", format: .hdf5)
    }
    #expect(try OutputDestination("-", format: .tsv) == .standardOutput)
  }

  @Test func extensionsNameTheFormat() throws {
    #expect(try OutputFormat.of("x/out.JSON", accepting: [.tsv, .json]) == .json)
    #expect(try OutputFormat.of("-", accepting: [.tsv]) == nil)
    #expect(
      throws: OutputError.unknownExtension(path: "out.csv", accepted: ["tsv", "txt", "json"])
    ) {
      try OutputFormat.of("out.csv", accepting: [.tsv, .json])
    }
    #expect(throws: OutputError.unknownExtension(path: "a.b/out", accepted: ["h5", "hdf5"])) {
      try OutputFormat.of("a.b/out", accepting: [.hdf5])
    }
  }

  @Test func replacesARegularFileAndFollowsALink() throws {
    let folder = try TemporaryDirectory()
    let target = try folder.write("old", to: "target.tsv")
    try FileManager.default.createSymbolicLink(
      atPath: folder.file("link.tsv").path, withDestinationPath: target.path)
    try AtomicOutput.write(
      "new\n", to: OutputDestination(folder.file("link.tsv").path, format: .tsv))
    #expect(try String(contentsOf: target, encoding: .utf8) == "new\n")
    #expect(try folder.contents() == ["link.tsv", "target.tsv"])
    var status = stat()
    #expect(stat(target.path, &status) == 0)
    let mask = umask(0)
    umask(mask)
    #expect(status.st_mode & 0o777 == 0o666 & ~mask)
  }

  @Test func aFailingWriterLeavesNothing() throws {
    let folder = try TemporaryDirectory()
    let existing = try folder.write("keep", to: "out.h5")
    #expect(throws: Failure.self) {
      try AtomicOutput.write(to: OutputDestination(existing)) { temporary in
        try Data("partial".utf8).write(to: temporary)
        throw Failure()
      }
    }
    #expect(try folder.contents() == ["out.h5"])
    #expect(try String(contentsOf: existing, encoding: .utf8) == "keep")
    let export = AttributionExport(
      attributions: Tensor(shape: [2, 3]), ids: ["a"],
      metadata: .init(method: "m", targets: [0, 0], modelFile: "x"))
    #expect(throws: ExportError.self) { try export.writeHDF5(to: folder.file("bad.h5")) }
    #expect(try folder.contents() == ["out.h5"])
  }

  @Test func exportersRefuseAFolder() throws {
    let folder = try TemporaryDirectory()
    try FileManager.default.createDirectory(
      at: folder.file("maps.npz"), withIntermediateDirectories: true)
    let maps = Tensor(shape: [1, 2, 4])
    #expect(throws: OutputError.isFolder(path: folder.file("maps.npz").path)) {
      try NPZExport.writeMoDISco(maps, to: folder.file("maps.npz"))
    }
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.file("maps.npz").path).isEmpty)
  }
}
