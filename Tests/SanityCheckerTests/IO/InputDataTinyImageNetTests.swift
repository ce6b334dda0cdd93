import Foundation
import SanityChecker
import SanityTestSupport
import Testing

/// Tiny-ImageNet folders: training images when there is `train/` and no `val/`, and validation
/// sets restricted to a model's classes.
@Suite(
  .enabled(
    if: TestSupport.hasSharedData, "needs ../shared/data/tinyimagenet/tiny-imagenet-200-sample"))
struct InputDataTinyImageNetTests {
  static let sample = TestSupport.sharedData("tinyimagenet/tiny-imagenet-200-sample")

  /// A training layout with three classes in `wnids.txt`, two of which have images (two each).
  static func trainingFolder(subset: [String]?) throws -> TemporaryDirectory {
    let directory = try TemporaryDirectory()
    let manager = FileManager.default
    try directory.write("n03444034\nn04067472\nn02808440\n", to: "wnids.txt")
    try directory.write(
      "n03444034\tgo-kart\nn04067472\treel\nn02808440\tbathtub\n", to: "words.txt")
    if let subset {
      try directory.write(subset.joined(separator: "\n") + "\n", to: "wnids_subset.txt")
    }
    for (wnid, files) in [("n02808440", ["val_3", "val_4"]), ("n03444034", ["val_0", "val_1"])] {
      let folder = directory.url.appendingPathComponent("train/\(wnid)/images")
      try manager.createDirectory(at: folder, withIntermediateDirectories: true)
      for (index, file) in files.enumerated() {
        try manager.copyItem(
          at: sample.appendingPathComponent("val/images/\(file).JPEG"),
          to: folder.appendingPathComponent("\(wnid)_\(index).JPEG"))
      }
    }
    return directory
  }

  @Test func aTrainingFolderGivesTheImagesOfItsSubsetInThatOrder() throws {
    let folder = try Self.trainingFolder(subset: ["n02808440", "n03444034"])
    let data = try InputData.load(folder.url)
    #expect(data.kind == .images && data.inputs.shape == [4, 64, 64, 3])
    #expect(data.classNames == ["n02808440", "n03444034"])
    #expect(data.labels == [[0], [0], [1], [1]])
    #expect(
      data.ids.map { URL(fileURLWithPath: $0).lastPathComponent } == [
        "n02808440_0.JPEG", "n02808440_1.JPEG", "n03444034_0.JPEG", "n03444034_1.JPEG",
      ])
  }

  @Test func withoutASubsetTheClassesWithImagesAreTakenInWnidsOrder() throws {
    let folder = try Self.trainingFolder(subset: nil)
    let data = try InputData.load(folder.url)
    #expect(data.classNames == ["n03444034", "n02808440"])
    #expect(data.labels == [[0], [0], [1], [1]])
    // The first image of class 0 is the sample's val_0.
    let original = try InputData.load(Self.sample).inputs.items(0..<1)
    #expect(data.inputs.items(0..<1) == original)
  }

  @Test func validationImagesAreRestrictedToAModelsClasses() throws {
    let all = try InputData.load(Self.sample)
    let restricted = all.restricted(toClasses: ["n02808440", "n03444034"])
    let labels = try #require(all.labels)
    let bathtubs = labels.indices.filter { all.classNames[Int(labels[$0][0])] == "n02808440" }
    let karts = labels.indices.filter { all.classNames[Int(labels[$0][0])] == "n03444034" }
    #expect(restricted.classNames == ["n02808440", "n03444034"])
    #expect(
      restricted.ids.count == bathtubs.count + karts.count && !bathtubs.isEmpty && !karts.isEmpty)
    for (item, id) in restricted.ids.enumerated() {
      let original = try #require(all.ids.firstIndex(of: id))
      #expect(restricted.labels?[item] == [bathtubs.contains(original) ? 0 : 1])
      #expect(
        restricted.inputs.items(item..<(item + 1)) == all.inputs.items(original..<(original + 1)))
    }
  }
}
