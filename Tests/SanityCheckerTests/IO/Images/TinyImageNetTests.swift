import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite struct TinyImageNetTests {
  static func fixture(_ name: String) -> URL { TestSupport.fixture("Malformed/images/\(name)") }

  @Test func annotationLineWithFiveFieldsFails() throws {
    let dataset = try TinyImageNet(root: Self.fixture("tinyimagenet-bad-annotation"))
    #expect(dataset.classes.map(\.name) == ["first class", "second class"])
    let file = Self.fixture("tinyimagenet-bad-annotation/val/val_annotations.txt").path
    let error = try #require(throws: TinyImageNetError.self) {
      _ = try dataset.validationAnnotations()
    }
    #expect(
      error
        == .malformedLine(
          file: file, line: 2,
          reason: "expected 6 tab-separated fields (file, wnid, x0, y0, x1, y1), found 5"))
    #expect(error.description.hasPrefix("\(file):2: "))
  }

  @Test func nonIntegerCoordinateFails() throws {
    let dataset = try TinyImageNet(root: Self.fixture("tinyimagenet-bad-coordinate"))
    let file = Self.fixture("tinyimagenet-bad-coordinate/val/val_annotations.txt").path
    let error = try #require(throws: TinyImageNetError.self) {
      _ = try dataset.validationAnnotations()
    }
    #expect(
      error == .malformedLine(file: file, line: 2, reason: "box coordinate 'ten' is not an integer")
    )
  }

  @Test func missingClassNameFails() {
    let words = Self.fixture("tinyimagenet-missing-name/words.txt").path
    #expect(throws: TinyImageNetError.missingClassName(file: words, wnid: "n00000002")) {
      _ = try TinyImageNet(root: Self.fixture("tinyimagenet-missing-name"))
    }
  }

  @Test func missingFolderFailsNamingWnids() throws {
    let root = Self.fixture("no-such-folder")
    let error = try #require(throws: TinyImageNetError.self) { _ = try TinyImageNet(root: root) }
    guard case .missingFile(let file, _) = error else {
      Issue.record("expected missingFile, got \(error)")
      return
    }
    #expect(file == root.appendingPathComponent("wnids.txt").path)
  }

  @Test func unknownClassFails() throws {
    let root = Self.fixture("tinyimagenet-bad-annotation")
    let dataset = try TinyImageNet(root: root)
    #expect(
      throws: TinyImageNetError.unknownClass(
        wnid: "n99", file: root.appendingPathComponent("wnids.txt").path)
    ) {
      _ = try dataset.trainingImages(of: ["n99"], scaling: .unit)
    }
  }
}
