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

  /// The transformed kernel of the forward correlation, made by `make` on first use.
  /// - Parameter make: Transforms the layer's kernel.
  /// - Returns: The transformed kernel.
  func forward(_ make: () -> Correlation) -> Correlation {
    Self.cached(in: forwardKernel, make)
  }

  /// The transformed adjoint kernel (taps reversed, inputs and outputs swapped), for the input
  /// gradient, made by `make` on first use.
  /// - Parameter make: Transforms the layer's adjoint kernel.
  /// - Returns: The transformed kernel.
  func adjoint(_ make: () -> Correlation) -> Correlation {
    Self.cached(in: adjointKernel, make)
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
