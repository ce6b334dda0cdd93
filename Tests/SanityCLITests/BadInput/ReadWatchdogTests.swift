import Foundation
import SanityTestSupport
import Testing

/// A crafted HDF5 file on which libhdf5 1.10 loops inside `H5Aread` (found by the keras-hdf5
/// fuzz target; docs/fuzzing.md, finding 6) ends the run with exit 2 naming the file and the
/// malformed global heap collection, instead of hanging, and leaves nothing in the output
/// folder.
///
/// The library refuses it before libhdf5 opens it; the watchdog stays as a second guard.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ReadWatchdogTests {
  @Test func modelFileOnWhichLibHDF5LoopsEndsTheRun() throws {
    let folder = try TemporaryDirectory()
    let model = "Tests/Fixtures/Malformed/fuzz/hdf5-heap-loop.h5"
    let started = Date()
    let result = try CLI.run(
      [
        "predict", "--model", model, "--input", CLI.sequences, "--output",
        folder.file("p.tsv").path,
      ],
      environment: ["SANITY_READ_TIMEOUT": "2"])
    #expect(result.status == 2, "\(result.error)")
    #expect(result.error.hasPrefix("sanity: error: /"))
    #expect(result.error.contains("\(model): the global heap collection at byte 2048 is malformed"))
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(try folder.contents().isEmpty)
  }
}
