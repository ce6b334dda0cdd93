import Foundation

extension TinyImageNet {
  /// Loads the training images of some classes, from `train/<wnid>/images/`.
  ///
  /// Files are taken in the order of their numeric suffix (`<wnid>_0`, `<wnid>_1`, …), so
  /// `perClass: 10` always gives the same ten images.
  /// - Parameters:
  ///   - wnids: The classes, in label order (label `i` is `wnids[i]`).
  ///   - perClass: At most this many images per class (`nil`: all 500).
  ///   - scaling: How bytes become scalars.
  /// - Returns: `[N, 64, 64, 3]` images with labels in `0..<wnids.count`.
  /// - Throws: ``TinyImageNetError`` (unknown class, missing folder) or ``JPEGError``
  ///   (an unreadable image, or one that is not 64×64) naming the file.
  public func trainingImages(of wnids: [String], perClass: Int? = nil, scaling: PixelScaling) throws
    -> LabeledImages
  {
    var items: [(url: URL, label: Int)] = []
    for (label, wnid) in wnids.enumerated() {
      _ = try self.label(of: wnid)
      let folder = root.appendingPathComponent("train/\(wnid)/images")
      let names: [String]
      do {
        names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      } catch {
        throw TinyImageNetError.missingFile(
          file: folder.path, reason: SystemErrorReason.reading(error))
      }
      let images = names.filter { $0.uppercased().hasSuffix(".JPEG") }.sorted(by: Self.numericOrder)
      guard !images.isEmpty else { throw TinyImageNetError.noImages(folder: folder.path) }
      for name in images.prefix(perClass ?? images.count) {
        items.append((folder.appendingPathComponent(name), label))
      }
    }
    return try Self.decode(items, classes: wnids, scaling: scaling)
  }

  /// Loads the validation images of some classes, as listed in `val/val_annotations.txt`.
  ///
  /// Images are looked up in `val/images/` and then in `val/`. Only the annotated images
  /// are read, in annotation order.
  /// - Parameters:
  ///   - wnids: The classes, in label order; `nil` takes every class of ``classes`` (labels are
  ///     then the `wnids.txt` indices).
  ///   - scaling: How bytes become scalars.
  /// - Returns: `[N, 64, 64, 3]` images with labels in `0..<wnids.count`.
  /// - Throws: ``TinyImageNetError`` or ``JPEGError`` naming the file.
  public func validationImages(of wnids: [String]? = nil, scaling: PixelScaling) throws
    -> LabeledImages
  {
    let selected = wnids ?? classes.map(\.wnid)
    for wnid in selected { _ = try label(of: wnid) }
    let labels = Dictionary(
      selected.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    let folder = root.appendingPathComponent("val")
    var items: [(url: URL, label: Int)] = []
    for annotation in try validationAnnotations() {
      guard let label = labels[annotation.wnid] else { continue }
      let nested = folder.appendingPathComponent("images/\(annotation.file)")
      let flat = folder.appendingPathComponent(annotation.file)
      let exists = FileManager.default.fileExists(atPath: nested.path)
      items.append(
        (exists || !FileManager.default.fileExists(atPath: flat.path) ? nested : flat, label))
    }
    return try Self.decode(items, classes: selected, scaling: scaling)
  }

  /// Decodes 64×64 JPEGs in parallel chunks into one batch.
  static func decode(_ items: [(url: URL, label: Int)], classes: [String], scaling: PixelScaling)
    throws
    -> LabeledImages
  {
    let side = imageSide
    let urls = items.map(\.url)
    try MemoryBudget.current.reserve(
      urls.count * side * side * 3, of: MemoryLayout<Float>.stride,
      for:
        "\(urls.first?.deletingLastPathComponent().path ?? "the image folder"): \(urls.count) images of \(side)×\(side) pixels"
    )
    let chunks = Parallel.mapChunks(count: urls.count, chunkSize: 32) {
      range -> Result<[Float], JPEGError> in
      var scalars: [Float] = []
      scalars.reserveCapacity(range.count * side * side * 3)
      for index in range {
        do throws(JPEGError) {
          let image = try JPEGImage(contentsOf: urls[index])
          guard image.width == side, image.height == side else {
            throw .unexpectedSize(
              file: image.file, width: image.width, height: image.height, expectedWidth: side,
              expectedHeight: side)
          }
          scalars.append(contentsOf: image.tensor(scaling: scaling).scalars)
        } catch {
          return .failure(error)
        }
      }
      return .success(scalars)
    }
    var scalars: [Float] = []
    scalars.reserveCapacity(urls.count * side * side * 3)
    for chunk in chunks { scalars.append(contentsOf: try chunk.get()) }
    return LabeledImages(
      images: Tensor(shape: [urls.count, side, side, 3], scalars: scalars),
      labels: items.map(\.label), classes: classes, files: urls.map(\.path))
  }

  /// Orders `name_12.JPEG` before `name_100.JPEG` (by numeric suffix, then by name).
  static func numericOrder(_ a: String, _ b: String) -> Bool {
    func suffix(_ name: String) -> Int? {
      let stem = name.split(separator: ".").first ?? ""
      return stem.split(separator: "_").last.flatMap { Int($0) }
    }
    switch (suffix(a), suffix(b)) {
    case (let x?, let y?) where x != y: return x < y
    default: return a < b
    }
  }
}
