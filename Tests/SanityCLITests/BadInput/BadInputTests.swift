import Foundation
import SanityTestSupport
import Testing

/// The bad-input corpus: every case exits 2 with `sanity: error:` naming the file or flag and the
/// place, and leaves its folder and the repository's inputs exactly as they were.
@Suite(.enabled(if: CLI.hasExample, "Models/ and Genomes/ are needed"))
struct BadInputTests {
  @Test(arguments: BadInputCase.outputDestinations)
  func outputDestinationIsRefused(_ badCase: BadInputCase) throws {
    try BadInputRunner.check(badCase)
  }

  @Test(arguments: BadInputCase.flags)
  func flagOutOfRangeIsRefused(_ badCase: BadInputCase) throws {
    try BadInputRunner.check(badCase)
  }

  @Test(arguments: BadInputCase.badFiles + BadInputCase.resultsFiles)
  func badFileIsNamed(_ badCase: BadInputCase) throws {
    try BadInputRunner.check(badCase)
  }

  @Test(arguments: BadInputCase.libraryValidationCases)
  func libraryValidationCase(_ badCase: BadInputCase) throws {
    try BadInputRunner.check(badCase)
  }

  @Test func corpusCoversEveryKind() {
    let count =
      BadInputCase.outputDestinations.count + BadInputCase.flags.count + BadInputCase.badFiles.count
      + BadInputCase.resultsFiles.count + BadInputCase.libraryValidationCases.count
    #expect(count >= 100, "the corpus has \(count) cases")
    let subcommands = Set(
      (BadInputCase.outputDestinations + BadInputCase.flags + BadInputCase.badFiles).map {
        $0.arguments[0] == "check" ? "check \($0.arguments[1])" : $0.arguments[0]
      })
    #expect(
      subcommands == [
        "predict", "explain", "ism", "check model", "check labels", "check class",
        "check invariance", "train", "report", "simulate", "demo", "bench",
      ])
  }
}
