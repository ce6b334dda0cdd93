import Foundation
import SanityChecker
import SanityTestSupport
import Testing

@Suite(
  .enabled(
    if: TestSupport.hasSharedData,
    "needs ../shared/data/tinyimagenet (Tiny-ImageNet-200 sample and archive)"))
struct TinyImageNetSharedDataTests {
  static let sample = TestSupport.sharedData("tinyimagenet/tiny-imagenet-200-sample")

  @Test func classesAndAnnotations() throws {
    let dataset = try TinyImageNet(root: Self.sample)
    #expect(dataset.classes.count == 200)
    let banana = try dataset.label(of: "n07753592")
    #expect(dataset.classes[banana].name == "banana")
    let annotations = try dataset.validationAnnotations()
    #expect(annotations.count == 105)
    #expect(
      annotations[0]
        == .init(file: "val_0.JPEG", wnid: "n03444034", left: 0, top: 32, right: 44, bottom: 62))
    #expect(annotations.allSatisfy { 0 <= $0.left && $0.left <= $0.right && $0.right < 64 })
  }

  /// All 105 sample images decode to 64×64×3; val_10 and val_95 are grayscale (3 equal channels).
  @Test func allSampleImagesDecode() throws {
    let dataset = try TinyImageNet(root: Self.sample)
    let batch = try dataset.validationImages(scaling: .unit)
    #expect(batch.images.shape == [105, 64, 64, 3])
    #expect(batch.labels.count == 105)
    let annotations = try dataset.validationAnnotations()
    #expect(batch.labels == (try annotations.map { try dataset.label(of: $0.wnid) }))
    let scalars = batch.images.scalars
    #expect(scalars.min() ?? -1 >= 0 && scalars.max() ?? 2 <= 1)
    let pixels = 64 * 64
    for (index, file) in batch.files.enumerated() {
      let name = URL(fileURLWithPath: file).lastPathComponent
      let base = index * pixels * 3
      let equal = (0..<pixels).allSatisfy {
        scalars[base + 3 * $0] == scalars[base + 3 * $0 + 1]
          && scalars[base + 3 * $0] == scalars[base + 3 * $0 + 2]
      }
      #expect(equal == ["val_10.JPEG", "val_95.JPEG"].contains(name), "\(name)")
    }
  }

  @Test func validationSubsetUsesSubsetLabels() throws {
    let dataset = try TinyImageNet(root: Self.sample)
    let orange = "n07747607", banana = "n07753592"
    let batch = try dataset.validationImages(of: [orange, banana], scaling: .raw)
    #expect(batch.classes == [orange, banana])
    let names = batch.files.map { URL(fileURLWithPath: $0).lastPathComponent }
    #expect(
      Set(names).isSuperset(of: [
        "val_1312.JPEG", "val_6658.JPEG", "val_3333.JPEG", "val_937.JPEG", "val_5035.JPEG",
      ]))
    let labelOf = Dictionary(uniqueKeysWithValues: zip(names, batch.labels))
    #expect(labelOf["val_1312.JPEG"] == 1 && labelOf["val_937.JPEG"] == 0)
    #expect(batch.images.shape == [batch.count, 64, 64, 3])
  }

  /// Unpacks the 10-class training archive into a temporary folder and reads 3 images of 2 classes.
  @Test func trainingArchiveClassSubset() throws {
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tin-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: temporary) }
    let archive = TestSupport.sharedData("tinyimagenet/tiny-imagenet-200-train-10classes.tar.gz")
    let tar = Process()
    tar.executableURL = URL(fileURLWithPath: "/usr/bin/tar")
    tar.arguments = [
      "-xzf", archive.path, "-C", temporary.path, "tiny-imagenet-200/wnids.txt",
      "tiny-imagenet-200/words.txt",
      "tiny-imagenet-200/train/n07753592", "tiny-imagenet-200/train/n01443537",
    ]
    try tar.run()
    tar.waitUntilExit()
    try #require(tar.terminationStatus == 0)
    let dataset = try TinyImageNet(root: temporary.appendingPathComponent("tiny-imagenet-200"))
    let batch = try dataset.trainingImages(
      of: ["n07753592", "n01443537"], perClass: 3, scaling: .unit)
    #expect(batch.images.shape == [6, 64, 64, 3])
    #expect(batch.labels == [0, 0, 0, 1, 1, 1])
    #expect(
      batch.files.map { URL(fileURLWithPath: $0).lastPathComponent }.prefix(3) == [
        "n07753592_0.JPEG", "n07753592_1.JPEG", "n07753592_2.JPEG",
      ])
  }
}
