import ArgumentParser
import SanityChecker

/// `--shard K/N`: one of N contiguous blocks of the input's records (see ``Shard``).
struct ShardOptions: ParsableArguments {
  @Option(
    help:
      "Work on block K of N contiguous blocks of the records (e.g. 2/7); `sanity merge` joins the parts."
  )
  var shard: String?

  func validate() throws {
    _ = try parsed()
  }

  /// The shard, or `nil` for the whole input.
  func parsed() throws -> Shard? {
    guard let shard else { return nil }
    do {
      return try Shard(parsing: shard)
    } catch {
      throw ValidationError(error.description)
    }
  }
}
