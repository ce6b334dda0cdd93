/// A window `[start, outer − end)` of the length axis of `[N, outer, inner]` tensors, with
/// the two copies between the window and the whole length.
struct SequenceWindow {
  /// The whole length.
  let outer: Int
  /// Scalars per position.
  let inner: Int
  /// Positions before the window.
  let start: Int
  /// Positions after the window.
  let end: Int

  /// `[N, outer, inner]` → `[N, outer − start − end, inner]`.
  func cropped(_ tensor: Tensor) -> Tensor {
    let kept = outer - start - end
    let batch = tensor.shape[0]
    return Tensor(shape: [batch, kept, inner]) { out in
      tensor.withUnsafeBufferPointer { x in
        for item in 0..<batch {
          let source = (item * outer + start) * inner
          let target = item * kept * inner
          for i in 0..<(kept * inner) { out[target + i] = x[source + i] }
        }
      }
    }
  }

  /// `[N, outer − start − end, inner]` → `[N, outer, inner]`, zeros outside the window.
  func padded(_ tensor: Tensor) -> Tensor {
    let kept = outer - start - end
    let batch = tensor.shape[0]
    var result = Tensor(shape: [batch, outer, inner])
    result.withUnsafeMutableBufferPointer { out in
      tensor.withUnsafeBufferPointer { x in
        for item in 0..<batch {
          let target = (item * outer + start) * inner
          let source = item * kept * inner
          for i in 0..<(kept * inner) { out[target + i] = x[source + i] }
        }
      }
    }
    return result
  }
}
