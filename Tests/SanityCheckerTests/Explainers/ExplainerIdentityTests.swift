import SanityChecker
import SanityTestSupport
import Testing

/// Identities between methods, on small random networks.
@Suite struct ExplainerIdentityTests {
  @Test func epsilonLRPApproachesGradientTimesInput() throws {
    let model = try TestSupport.deepBindNetwork(seed: 4)
    let x = TestSupport.oneHotDNA(8, length: 20, seed: 2)
    let targets = [Int](repeating: 0, count: 8)
    let lrp = try EpsilonLRPExplainer(epsilon: 1e-9).attribution(
      for: x, targets: targets, in: model)
    let gxi = try GradientTimesInput().attribution(for: x, targets: targets, in: model)
    TestSupport.expectClose(lrp.values, gxi.values, relativeTolerance: 1e-4, "LRP(ε→0) vs G×I")
  }

  @Test func integratedGradientsIsComplete() throws {
    let model = try TestSupport.deepBindNetwork(seed: 7)
    let x = TestSupport.oneHotDNA(6, length: 20, seed: 3)
    let targets = [Int](repeating: 0, count: 6)
    let ig = try IntegratedGradients(steps: 64, integration: .gaussLegendre).attribution(
      for: x, targets: targets, in: model)
    let gaps = try #require(ig.conservationGap)
    let scale = ig.predictions.map(abs).max() ?? 1
    // Piecewise-linear path integral with 64 Gauss–Legendre points: gap below 2% of the largest output.
    #expect(gaps.allSatisfy { abs($0) < 0.02 * max(scale, 1) }, "gaps \(gaps)")
  }

  @Test func guidedGradCAMIsGuidedBackpropTimesGradCAM() throws {
    let model = try TestSupport.deepBindNetwork(seed: 5)
    let x = TestSupport.oneHotDNA(4, length: 20, seed: 8)
    let targets = [0, 0, 0, 0]
    let guided = try GuidedBackprop().attribution(for: x, targets: targets, in: model).values
    let cam = try GradCAM().attribution(for: x, targets: targets, in: model).values
    let ggc = try GuidedGradCAM().attribution(for: x, targets: targets, in: model).values
    #expect(cam.shape == [4, 20])
    for item in 0..<4 {
      for position in 0..<20 {
        for base in 0..<4 {
          #expect(ggc[item, position, base] == guided[item, position, base] * cam[item, position])
        }
      }
    }
  }

  @Test func fastISMEqualsNaiveISM() throws {
    for (seed, padding) in [(UInt64(1), Padding.valid), (2, .same), (3, .valid)] {
      let model = try TestSupport.deepBindNetwork(
        length: 30, filters: 5, width: 7, outputs: 2, seed: seed, padding: padding)
      var x = TestSupport.oneHotDNA(5, length: 30, seed: seed + 10)
      x[0, 3, 0] = 0.25; x[0, 3, 1] = 0.25; x[0, 3, 2] = 0.25; x[0, 3, 3] = 0.25  // an N
      let fast = try InSilicoMutagenesis(fast: true).deltas(for: x, in: model)
      let naive = try InSilicoMutagenesis(fast: false).deltas(for: x, in: model)
      #expect(fast.isFast && !naive.isFast)
      TestSupport.expectClose(
        fast.values, naive.values, relativeTolerance: 1e-5, "fast vs naive ISM (\(padding))")
    }
  }

  /// `Flatten → Dense` takes the windowed fast path (the fallback note is tested in
  /// `FastISMChainTests`).
  @Test func ismOfALinearModelIsTheKernelDifference() throws {
    let model = try Model(
      inputShape: [10, 4],
      layers: [
        Flatten(name: "flatten"),
        Dense(name: "dense", kernel: TestSupport.uniform([40, 1], seed: 1), bias: nil),
      ])
    let result = try InSilicoMutagenesis().deltas(
      for: TestSupport.oneHotDNA(2, length: 10, seed: 1), in: model)
    #expect(result.isFast && result.note == nil)
    // A linear model's ISM delta is the kernel difference: w[l, b] − w[l, observed].
    let x = TestSupport.oneHotDNA(1, length: 10, seed: 1)
    let delta = try InSilicoMutagenesis().attribution(for: x, targets: [0], in: model).values
    let kernel = TestSupport.uniform([40, 1], seed: 1)
    for position in 0..<10 {
      let observed = (0..<4).first { x[0, position, $0] == 1 } ?? 0
      for base in 0..<4 {
        let expected = kernel[position * 4 + base, 0] - kernel[position * 4 + observed, 0]
        #expect(abs(delta[0, position, base] - expected) < 1e-5)
      }
    }
  }

  @Test func smoothGradWithZeroNoiseIsSaliency() throws {
    let model = try TestSupport.deepBindNetwork(seed: 9)
    let x = TestSupport.oneHotDNA(3, length: 20, seed: 4)
    let noise = Tensor(shape: [4, 3, 20, 4])
    let smooth = try SmoothGrad(noise: noise).attribution(for: x, targets: [0, 0, 0], in: model)
    let saliency = try Saliency().attribution(for: x, targets: [0, 0, 0], in: model)
    #expect(smooth.values == saliency.values)
    let variance = try SmoothGrad(noise: noise, statistic: .variance).attribution(
      for: x, targets: [0, 0, 0], in: model)
    #expect(variance.values.maximumMagnitude < 1e-10)
  }

  @Test func resultsDoNotDependOnTheThreadCount() throws {
    let model = try TestSupport.deepBindNetwork(seed: 11)
    let x = TestSupport.oneHotDNA(300, length: 20, seed: 5)
    let targets = [Int](repeating: 0, count: 300)
    let explainer = SmoothGrad(samples: 3, seed: 42)
    Parallel.threadCount = 1
    let one = try explainer.attribution(for: x, targets: targets, in: model)
    Parallel.threadCount = 2
    let two = try explainer.attribution(for: x, targets: targets, in: model)
    Parallel.threadCount = 0
    #expect(one.values == two.values)
  }
}

@Suite struct ExplainedOutputTests {
  /// A final fused sigmoid or a standalone softmax is skipped when the logit is explained.
  @Test func logitModelDropsTheSquashing() throws {
    let base = try TestSupport.denseNetwork(outputs: 3)
    var last = try #require(base.layers[1] as? Dense)
    last.activation = .sigmoid
    let fused = try base.replacingLayer(at: 1, with: last)
    let x = TestSupport.uniform([4, 6], seed: 3)
    #expect(fused.explained(.logit).forward(x) == base.forward(x))
    #expect(fused.explained(.probability).forward(x) == fused.forward(x))
    let standalone = try Model(
      inputShape: [6],
      layers: base.layers + [ActivationLayer(name: "softmax", activation: .softmax)])
    #expect(standalone.explained(.logit).forward(x) == base.forward(x))
    #expect(standalone.explained(.logit).layers.count == 2)
  }
}
