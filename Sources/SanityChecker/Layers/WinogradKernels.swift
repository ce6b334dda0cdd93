import Synchronization

/// The Winograd-transformed kernels of one ``Conv2D`` value, each computed on first use.
///
/// A `Conv2D` holds one box and replaces it whenever its parameters change, so a box never
/// outlives the kernel it was computed from; copies of an unchanged layer share it.
final class WinogradKernels: Sendable {
  private let forwardKernel = Mutex<WinogradConvolution?>(nil)
  private let adjointKernel = Mutex<WinogradConvolution?>(nil)

  /// Creates an empty box.
  init() {}

  /// `U = G g Gᵀ` of the kernel, for the forward correlation.
  /// - Parameter kernel: `[3, 3, C, O]`.
  /// - Returns: The transformed kernel, `C` inputs and `O` outputs.
  func forward(_ kernel: Tensor) -> WinogradConvolution {
    Self.cached(in: forwardKernel) {
      kernel.withUnsafeBufferPointer {
        WinogradConvolution(kernel: $0, inputs: kernel.shape[2], outputs: kernel.shape[3])
      }
    }
  }

  /// The transformed adjoint kernel (rotated 180°, inputs and outputs swapped; see
  /// ``WinogradTransforms/adjoint(_:inputs:outputs:)``), for the input gradient.
  /// - Parameter kernel: `[3, 3, C, O]`.
  /// - Returns: The transformed kernel, `O` inputs and `C` outputs.
  func adjoint(_ kernel: Tensor) -> WinogradConvolution {
    Self.cached(in: adjointKernel) {
      let (inputs, outputs) = (kernel.shape[2], kernel.shape[3])
      let rotated = kernel.withUnsafeBufferPointer {
        WinogradTransforms.adjoint($0, inputs: inputs, outputs: outputs)
      }
      return rotated.withUnsafeBufferPointer {
        WinogradConvolution(kernel: $0, inputs: outputs, outputs: inputs)
      }
    }
  }

  /// The slot's kernel, made (under the lock, so once) on first use.
  private static func cached(
    in slot: borrowing Mutex<WinogradConvolution?>, _ make: () -> WinogradConvolution
  ) -> WinogradConvolution {
    slot.withLock { cached in
      if let cached { return cached }
      let made = make()
      cached = made
      return made
    }
  }
}
