extension GroupedConvolution: LocalLayer {
  /// The geometry of the length axis of a 1-D grouped convolution.
  private func axis(inputLength length: Int) -> AxisWindow {
    AxisWindow(
      input: length, kernel: kernelShape[0], stride: strides[0], dilation: dilation[0],
      padding: padding)
  }

  func outputs(reading inputs: Range<Int>, inputLength: Int) -> Range<Int> {
    axis(inputLength: inputLength).outputs(reading: inputs)
  }

  func inputs(readBy outputs: Range<Int>, inputLength: Int) -> Range<Int> {
    axis(inputLength: inputLength).inputs(readBy: outputs)
  }

  /// Each group's ``Conv1D`` window forward pass on its channels, joined.
  ///
  /// Only 1-D grouped convolutions are local along a sequence; the plan never asks a 2-D one.
  func forward(
    _ input: PositionWindows, inputLength: Int, outputStarts: [Int], outputWidth: Int
  ) -> PositionWindows {
    precondition(spatialRank == 1, "GroupedConvolution '\(name)': window pass of a 2-D layer")
    let windows = Tensor(
      shape: [input.count, input.width, input.channels], scalars: input.values)
    let parts = ChannelGroups.split(windows, groups: groups)
    var outputs: [Tensor] = []
    for (g, layer) in groupLayers.enumerated() {
      guard let convolution = layer as? Conv1D else { continue }
      let window = PositionWindows(
        values: parts[g].scalars, starts: input.starts, width: input.width,
        channels: groupChannels)
      let output = convolution.forward(
        window, inputLength: inputLength, outputStarts: outputStarts, outputWidth: outputWidth)
      outputs.append(
        Tensor(shape: [input.count, outputWidth, output.channels], scalars: output.values))
    }
    let joined = ChannelGroups.join(outputs)
    return PositionWindows(
      values: joined.scalars, starts: outputStarts, width: outputWidth,
      channels: kernelShape[2])
  }
}
