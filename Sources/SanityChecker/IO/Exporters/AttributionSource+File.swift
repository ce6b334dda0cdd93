import Foundation

extension AttributionSource {
  /// Reads the maps of `sanity explain` (``AttributionExport/writeHDF5(to:)``'s layout) and
  /// checks them against the sequences: format, one length, shape, item count and ids in order.
  static func read(_ url: URL, data: InputData, inputFile: String, itemLimit: Int?) throws
    -> ExplainedSequences
  {
    let path = url.path
    let file = try HDF5File(reading: url)
    let format =
      file.hasAttribute("format", of: "/") ? try? file.readStringAttribute("format", of: "/") : nil
    guard format == AttributionExport.hdf5Format else {
      throw AttributionSourceError.notAttributionFile(file: path, format: format)
    }
    guard !file.exists("/lengths") else { throw AttributionSourceError.severalLengths(file: path) }
    let expected = data.inputs.shape
    let shape = try file.shape(ofDataset: "/attributions")
    guard shape.rank == 3, shape[1] == expected[1], shape[2] == 4 else {
      throw AttributionSourceError.shape(
        file: path, dataset: "attributions", shape: shape,
        expected: [shape.rank == 0 ? 0 : shape[0], expected[1], 4])
    }
    let stored = shape[0]
    let count = min(stored, itemLimit ?? stored)
    guard count == data.ids.count else {
      throw AttributionSourceError.itemCount(
        file: path, count: count, inputFile: inputFile, inputCount: data.ids.count)
    }
    let ids = try file.readStrings("/ids").elements
    let targets = try file.readInt64s("/targets").elements
    for (dataset, size) in [("ids", ids.count), ("targets", targets.count)] where size != stored {
      throw AttributionSourceError.shape(
        file: path, dataset: dataset, shape: [size], expected: [stored])
    }
    for item in 0..<count where ids[item] != data.ids[item] {
      throw AttributionSourceError.id(
        file: path, item: item, id: ids[item], inputFile: inputFile, expected: data.ids[item])
    }
    var predictions = [Float](repeating: .nan, count: count)
    if file.exists("/predictions") {
      let stored = try file.readTensor("/predictions")
      guard stored.shape == [shape[0]] else {
        throw AttributionSourceError.shape(
          file: path, dataset: "predictions", shape: stored.shape, expected: [shape[0]])
      }
      predictions = Array(stored.scalars.prefix(count))
    }
    let method = try file.readStringAttribute("method", of: "/")
    let maps = try file.readTensor("/attributions")
    return ExplainedSequences(
      ids: data.ids, sequences: data.inputs,
      attributions: count == stored ? maps : maps.items(0..<count), method: method,
      targets: targets.prefix(count).map { Int($0) }, predictions: predictions,
      provenance: .init(inputFile: inputFile, attributionFile: path))
  }
}
