import Foundation
import SanityTestSupport
import Testing

/// A crafted HDF5 file on which libhdf5 1.10 loops inside `H5Aread` (found by the keras-hdf5
/// fuzz target; docs/fuzzing.md, finding 6) ends the run with exit 2 naming the file, instead of
/// hanging, and leaves nothing in the output folder.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct ReadWatchdogTests {
  @Test func modelFileOnWhichLibHDF5LoopsEndsTheRun() throws {
    let folder = try TemporaryDirectory()
    let model = "Tests/Fixtures/Malformed/fuzz/hdf5-heap-loop.h5"
    let started = Date()
    let result = try CLI.run(
      ["predict", "--model", model, "--input", CLI.sequences, "--output", folder.file("p.tsv").path],
      environment: ["SANITY_READ_TIMEOUT": "2"])
    #expect(result.status == 2, "\(result.error)")
    #expect(result.error.hasPrefix("sanity: error: \(model): reading the model did not finish within 2 s"))
    #expect(Date().timeIntervalSince(started) < 30)
    #expect(try folder.contents().isEmpty)
  }
}
