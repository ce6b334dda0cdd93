/// Built-in architectures for `sanity train`, freshly initialized as Keras would (Glorot uniform, zero biases).
public enum Architectures {
  /// The DeepBind architecture (Alipanahi et al., 2015, doi:10.1038/nbt.3300) in Keras form:
  /// `Conv1D(filters, width, relu) → GlobalMaxPooling1D → Dense(hidden, relu) → Dense(outputs)`.
  /// - Parameters:
  ///   - length: The sequence length L.
  ///   - filters: Motif detectors (16, as DeepBind).
  ///   - width: Detector length (24, as DeepBind).
  ///   - hidden: Hidden units (32).
  ///   - outputs: Output units (tasks).
  ///   - seed: The initialization seed.
  /// - Returns: The initialized model, input `[L, 4]`.
  /// - Throws: ``ModelError`` when the sizes do not fit together, such as a sequence shorter
  ///   than `width`.
  public static func deepBind(
    length: Int, filters: Int = 16, width: Int = 24, hidden: Int = 32, outputs: Int = 1,
    seed: UInt64
  ) throws -> Model {
    try Model(
      name: "deepbind", inputShape: [length, 4],
      layers: [
        Conv1D(
          name: "conv1d_1", kernel: Tensor(shape: [width, 4, filters]),
          bias: Tensor(shape: [filters]), activation: .relu),
        GlobalMaxPooling1D(name: "global_max_pooling1d_1"),
        Dense(
          name: "dense_1", kernel: Tensor(shape: [filters, hidden]), bias: Tensor(shape: [hidden]),
          activation: .relu),
        Dense(
          name: "dense_2", kernel: Tensor(shape: [hidden, outputs]), bias: Tensor(shape: [outputs])),
      ]
    ).initialized(seed: seed)
  }

  /// A small image CNN: two blocks of `Conv2D(3×3, relu) → MaxPooling2D(2)`, then `Flatten → Dense(hidden, relu) → Dense(classes)`.
  /// - Parameters:
  ///   - height: Image height.
  ///   - width: Image width.
  ///   - channels: Image channels.
  ///   - filters: Filters of the two convolutions.
  ///   - hidden: Hidden units.
  ///   - classes: Output classes (logits).
  ///   - seed: The initialization seed.
  /// - Returns: The initialized model, input `[H, W, C]`.
  /// - Throws: ``ModelError`` when the sizes do not fit together, such as an image too small for
  ///   the two convolution and pooling blocks.
  public static func imageCNN(
    height: Int, width: Int, channels: Int, filters: (Int, Int) = (16, 32), hidden: Int = 64,
    classes: Int, seed: UInt64
  ) throws -> Model {
    let flattened = ((height - 2) / 2 - 2) / 2 * (((width - 2) / 2 - 2) / 2) * filters.1
    return try Model(
      name: "image-cnn", inputShape: [height, width, channels],
      layers: [
        Conv2D(
          name: "conv2d_1", kernel: Tensor(shape: [3, 3, channels, filters.0]),
          bias: Tensor(shape: [filters.0]), activation: .relu),
        MaxPooling2D(name: "max_pooling2d_1", poolSize: [2, 2]),
        Conv2D(
          name: "conv2d_2", kernel: Tensor(shape: [3, 3, filters.0, filters.1]),
          bias: Tensor(shape: [filters.1]), activation: .relu),
        MaxPooling2D(name: "max_pooling2d_2", poolSize: [2, 2]),
        Flatten(name: "flatten_1"),
        Dense(
          name: "dense_1", kernel: Tensor(shape: [flattened, hidden]),
          bias: Tensor(shape: [hidden]), activation: .relu),
        Dense(
          name: "dense_2", kernel: Tensor(shape: [hidden, classes]), bias: Tensor(shape: [classes])),
      ]
    ).initialized(seed: seed)
  }
}
