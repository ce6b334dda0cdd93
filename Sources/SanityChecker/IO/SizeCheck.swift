/// Overflow-checked sizes for extents read from files, before anything is allocated.
enum SizeCheck {
  /// The product of `extents`, or `nil` when one is negative or the product overflows `Int`.
  /// - Parameter extents: Extents from a header, a dataset's dataspace or a configuration.
  /// - Returns: The number of elements (1 for no extents).
  static func product(_ extents: [Int]) -> Int? {
    var total = 1
    for extent in extents {
      guard extent >= 0 else { return nil }
      let (next, overflow) = total.multipliedReportingOverflow(by: extent)
      guard !overflow else { return nil }
      total = next
    }
    return total
  }
}
