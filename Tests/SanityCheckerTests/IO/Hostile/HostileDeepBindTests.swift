import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// DeepBind params whose sizes would overflow or ask for huge arrays are refused by their
/// line, before any array is allocated.
@Suite struct HostileDeepBindTests {
  static func params(detectors: String, length: String = "2", hidden: String = "0") -> String {
    """
    # deepbind 0.1
    reverse_complement = 0
    num_detectors = \(detectors)
    detector_len = \(length)
    has_avg_pooling = 0
    num_hidden = \(hidden)
    detectors = 0
    thresholds = 0
    weights1 = 0
    biases1 = 0
    weights2 =
    biases2 =
    """
  }

  @Test(arguments: [
    ("2147483647", "2", "0", "num_detectors", 3), ("2", "2147483647", "0", "detector_len", 4),
    ("2", "2", "9999999999", "num_hidden", 6),
  ])
  func detectorCountsBeyondTheLimitAreRefused(
    detectors: String, length: String, hidden: String, key: String, line: Int
  ) throws {
    let text = Self.params(detectors: detectors, length: length, hidden: hidden)
    let error = try #require(throws: DeepBindParamsError.self) {
      _ = try DeepBindParams(text: text, file: "crafted.txt")
    }
    guard case .invalidInteger("crafted.txt", line, key, _, _) = error else {
      Issue.record("unexpected \(error)")
      return
    }
    #expect(error.description.hasPrefix("crafted.txt:\(line):"))
  }

  /// Counts within the limits whose arrays the file does not hold are a value-count error.
  @Test func countsTheFileDoesNotHoldAreRefused() throws {
    let text = Self.params(detectors: "1048576", length: "65536")
    #expect(throws: DeepBindParamsError.self) {
      _ = try DeepBindParams(text: text, file: "crafted.txt")
    }
  }

  /// A converted DeepBind HDF5 file whose `detector_len` would overflow the window size.
  @Test func hdf5SizeAttributesAreBounded() throws {
    let directory = try TemporaryDirectory()
    let url = directory.file("deepbind.h5")
    do {
      let file = try HDF5File(creating: url)
      try file.writeAttribute(
        .string("deepbind-keras2-weights-layout-v1", .variableUTF8), named: "format", of: "/")
      try file.writeAttribute(.integer(0), named: "num_hidden", of: "/")
      try file.writeAttribute(.integer(.max), named: "detector_len", of: "/")
    }
    let error = try #require(throws: ModelFileError.self) { _ = try DeepBindParams(hdf5: url) }
    #expect(
      error
        == .invalidConfiguration(
          file: url.path, location: "/@detector_len",
          reason: "is \(Int64.max), expected an integer in 1...65536"))
  }
}
