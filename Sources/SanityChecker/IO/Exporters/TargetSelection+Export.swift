extension TargetSelection {
  /// The root attributes an attribution file gets for these units: `target_indices` (the
  /// units in the maps' target-axis order) and `target_names` (their names, or `output_i`).
  ///
  /// Several units always get them (they label the maps' last axis); one unit only when it has
  /// a name, so files of unnamed single targets keep their layout.
  public var exportAttributes: [String: HDF5AttributeValue] {
    guard count > 1 || !names.isEmpty else { return [:] }
    return [
      "target_indices": .integers(indices.map(Int64.init)),
      "target_names": .strings(labels(), .variableUTF8),
    ]
  }
}
