import SanityChecker
import SanityTestSupport
import Testing

/// Conv1D on one-hot, scaled one-hot and partly empty inputs (the sparse-channel kernels)
/// against a direct cross-correlation in `Double`.
@Suite struct SparseChannelConvolutionTests {
  /// One grid point: taps, stride, padding, dilation, channels, filters.
  struct Case: Sendable, CustomTestStringConvertible {
    let taps: Int
    let stride: Int
    let padding: Padding
    let dilation: Int
    let channels: Int
    let filters: Int

    var testDescription: String {
      "k\(taps) s\(stride) \(padding) d\(dilation) c\(channels) f\(filters)"
    }
  }

  /// 96 cases: taps 1, 3, 7, 24 × stride 1–2 × valid/same × dilation 1–2 × channels 2/4/5,
  /// filter counts cycling through 1, 5, 16 and 19 (remainders of the 16- and 4-lane blocks).
  static let grid: [Case] = {
    var cases: [Case] = []
    for taps in [1, 3, 7, 24] {
      for stride in 1...2 {
        for padding in [Padding.valid, .same] {
          for dilation in 1...2 {
            for channels in [2, 4, 5] {
              cases.append(
                Case(
                  taps: taps, stride: stride, padding: padding, dilation: dilation,
                  channels: channels,
                  filters: [1, 5, 16, 19][cases.count % 4]))
            }
          }
        }
      }
    }
    return cases
  }()

  /// `z[n, q, f] = b[f] + Σ_{k, c} x[n, q·s − p + k·d, c] · K[k, c, f]`, in `Double`.
  static func directConvolution(
    _ x: Tensor, _ layer: Conv1D, kernel: Tensor, bias: Tensor, output: Shape
  ) -> [Double] {
    let (batch, length, channels) = (x.shape[0], x.shape[1], x.shape[2])
    let (taps, filters, positions) = (kernel.shape[0], kernel.shape[2], output[0])
    let span = (taps - 1) * layer.dilation + 1
    let pad =
      layer.padding == .same ? max((positions - 1) * layer.stride + span - length, 0) / 2 : 0
    var z = [Double](repeating: 0, count: batch * positions * filters)
    for n in 0..<batch {
      for q in 0..<positions {
        for f in 0..<filters {
          var total = Double(bias.scalars[f])
          for k in 0..<taps {
            let l = q * layer.stride - pad + k * layer.dilation
            guard l >= 0, l < length else { continue }
            for c in 0..<channels {
              total +=
                Double(x.scalars[(n * length + l) * channels + c])
                * Double(kernel.scalars[(k * channels + c) * filters + f])
            }
          }
          z[(n * positions + q) * filters + f] = total
        }
      }
    }
    return z
  }

  /// Random bases per position; `scale` gives each position a random value (0 for some), and
  /// `denseEvery` puts a second nonzero channel in every so many positions.
  static func input(
    batch: Int, length: Int, channels: Int, seed: UInt64, isScaled: Bool, denseEvery: Int? = nil
  ) -> Tensor {
    var generator = SeededGenerator(seed: seed)
    var x = Tensor(shape: [batch, length, channels])
    for n in 0..<batch {
      for l in 0..<length {
        let value: Float =
          isScaled ? (generator.index(below: 5) == 0 ? 0 : generator.uniform(-2, 2)) : 1
        x[n, l, generator.index(below: channels)] = value
        if let denseEvery, l % denseEvery == 0 { x[n, l, (l + 1) % channels] += 0.5 }
      }
    }
    return x
  }

  /// Tolerance 1e-5 × (1 + |z|): the kernels only reorder Float additions of at most
  /// K·C terms of size ≤ 2.
  @Test(arguments: grid)
  func matchesDirectConvolution(_ testCase: Case) throws {
    let length = 50
    let seed = UInt64(testCase.taps * 1000 + testCase.channels * 100 + testCase.filters)
    let kernel = TestSupport.uniform(
      [testCase.taps, testCase.channels, testCase.filters], seed: seed)
    let bias = TestSupport.uniform([testCase.filters], seed: seed + 1)
    let layer = Conv1D(
      name: "conv", kernel: kernel, bias: bias, stride: testCase.stride, padding: testCase.padding,
      dilation: testCase.dilation)
    let output = try layer.outputShape(for: [length, testCase.channels])
    for (isScaled, denseEvery) in [(false, nil), (true, nil), (true, 7)] as [(Bool, Int?)] {
      let x = Self.input(
        batch: 2, length: length, channels: testCase.channels, seed: seed + 2, isScaled: isScaled,
        denseEvery: denseEvery)
      let z = layer.forward(x)
      let expected = Self.directConvolution(x, layer, kernel: kernel, bias: bias, output: output)
      #expect(z.shape == Shape([2] + output.dimensions))
      let worst = zip(z.scalars, expected).map { abs(Double($0) - $1) / (1 + abs($1)) }.max() ?? 0
      #expect(
        worst < 1e-5,
        "scaled \(isScaled), dense every \(denseEvery.map(String.init) ?? "-"): error \(worst)")
    }
  }
}
