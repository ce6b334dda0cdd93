import Synchronization

/// The Winograd-transformed kernels of one convolution value (``Conv1D``, ``Conv2D``), each
/// computed on first use.
///
/// A layer holds one box and replaces it whenever its parameters change, so a box never
/// outlives the kernel it was computed from; copies of an unchanged layer share it.
final class WinogradKernels<Correlation: Sendable>: Sendable {
  private let forwardKernel = Mutex<Correlation?>(nil)
  private let adjointKernel = Mutex<Correlation?>(nil)

  /// Creates an empty box.
  init() {}

  /// The transformed kernel of the forward correlation, made on first use by
  /// `make(K, C, O)`.
  /// - Parameters:
  ///   - kernel: The layer's kernel, taps first, `[…, C, O]`.
  ///   - make: Transforms a kernel of `C` inputs and `O` outputs.
  /// - Returns: The transformed kernel.
  func forward(
    _ kernel: Tensor, _ make: (UnsafeBufferPointer<Float>, Int, Int) -> Correlation
  ) -> Correlation {
    Self.cached(in: forwardKernel) {
      let (inputs, outputs) = Self.channels(of: kernel)
      return kernel.withUnsafeBufferPointer { make($0, inputs, outputs) }
    }
  }

  /// The transformed kernel of the input-gradient correlation, made on first use by
  /// `make(K', O, C)` from the adjoint kernel ``reversed(_:inputs:outputs:)``.
  /// - Parameters:
  ///   - kernel: The layer's kernel, taps first, `[…, C, O]`.
  ///   - make: Transforms a kernel of `O` inputs and `C` outputs.
  /// - Returns: The transformed kernel.
  func adjoint(
    _ kernel: Tensor, _ make: (UnsafeBufferPointer<Float>, Int, Int) -> Correlation
  ) -> Correlation {
    Self.cached(in: adjointKernel) {
      let (inputs, outputs) = Self.channels(of: kernel)
      let reversed = kernel.withUnsafeBufferPointer {
        Self.reversed($0, inputs: inputs, outputs: outputs)
      }
      return reversed.withUnsafeBufferPointer { make($0, outputs, inputs) }
    }
  }

  /// The adjoint kernel: taps in reverse order (for 3×3 taps, rotated by 180°), inputs and
  /// outputs swapped, `K'[t, o, c] = K[T − 1 − t, c, o]` over the `T` flattened taps.
  /// - Parameters:
  ///   - kernel: `[T, C, O]` scalars.
  ///   - inputs: `C`.
  ///   - outputs: `O`.
  /// - Returns: `K'`, `[T, O, C]` scalars.
  static func reversed(
    _ kernel: UnsafeBufferPointer<Float>, inputs: Int, outputs: Int
  ) -> [Float] {
    let plane = inputs * outputs
    let taps = kernel.count / plane
    var reversed = [Float](repeating: 0, count: taps * plane)
    for tap in 0..<taps {
      let source = (taps - 1 - tap) * plane
      for c in 0..<inputs {
        for o in 0..<outputs {
          reversed[tap * plane + o * inputs + c] = kernel[source + c * outputs + o]
        }
      }
    }
    return reversed
  }

  /// `(C, O)`: a kernel's last two extents.
  private static func channels(of kernel: Tensor) -> (inputs: Int, outputs: Int) {
    let rank = kernel.shape.rank
    return (kernel.shape[rank - 2], kernel.shape[rank - 1])
  }

  /// The slot's kernel, made (under the lock, so once) on first use.
  private static func cached(
    in slot: borrowing Mutex<Correlation?>, _ make: () -> Correlation
  ) -> Correlation {
    slot.withLock { cached in
      if let cached { return cached }
      let made = make()
      cached = made
      return made
    }
  }
}
