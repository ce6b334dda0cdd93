@testable import SanityChecker
import Testing

@Suite struct UpsampleTests {
  /// PyTorch nearest: out[i] = in[floor(i · n_in / n_out)].
  @Test func nearestMatchesPyTorch() {
    let map = Tensor(shape: [1, 3], scalars: [1, 2, 3])
    let up = Upsample.resize(map, to: [7], mode: .nearest)
    #expect(up.scalars == [1, 1, 1, 2, 2, 3, 3])
  }

  /// PyTorch linear, align_corners=False: F.interpolate([1, 3], size=4) = [1, 1.5, 2.5, 3].
  @Test func linearMatchesPyTorch() {
    let map = Tensor(shape: [1, 2], scalars: [1, 3])
    let up = Upsample.resize(map, to: [4], mode: .linear)
    #expect(up.scalars == [1, 1.5, 2.5, 3])
  }

  @Test func twoDimensionalNearest() {
    let map = Tensor(shape: [1, 2, 2], scalars: [1, 2, 3, 4])
    let up = Upsample.resize(map, to: [4, 4], mode: .nearest)
    #expect(up.scalars == [1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4])
  }
}
