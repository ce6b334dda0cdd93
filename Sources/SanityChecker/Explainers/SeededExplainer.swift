/// An explainer that draws random numbers per item: noise, shuffled references or a random map.
///
/// Item `i` of a call draws from the streams of data-set index `firstItem + i`. A data set
/// explained in batches, as `sanity explain` streams it, therefore gets the same maps as one
/// call over all of it, when each batch's ``firstItem`` is the data-set index of its first item.
public protocol SeededExplainer: Explainer {
  /// The data-set index of the first item of each call (0 by default).
  var firstItem: Int { get set }
}

extension Explainer {
  /// This explainer numbering its items from `first`: a ``SeededExplainer`` with that
  /// ``SeededExplainer/firstItem``, any other explainer unchanged.
  /// - Parameter first: The data-set index of the next call's first item.
  /// - Returns: The explainer to call for the batch that starts at `first`.
  public func numberingItems(from first: Int) -> any Explainer {
    guard var seeded = self as? any SeededExplainer else { return self }
    seeded.firstItem = first
    return seeded
  }

  /// This explainer numbering its items `offset` places later than it does now: a
  /// ``SeededExplainer`` whose ``SeededExplainer/firstItem`` grows by `offset`, any other
  /// explainer unchanged.
  /// - Parameter offset: How many items come before the next call's first item.
  /// - Returns: The explainer to call.
  public func offsettingItems(by offset: Int) -> any Explainer {
    guard offset != 0, let seeded = self as? any SeededExplainer else { return self }
    return numberingItems(from: seeded.firstItem + offset)
  }
}
