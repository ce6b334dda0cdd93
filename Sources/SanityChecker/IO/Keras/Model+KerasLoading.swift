import Foundation

extension Model {
  /// Loads a Keras 2 model saved in HDF5: a full-model file, or a weights-only file plus its
  /// architecture JSON.
  ///
  /// Full-model files (`model.save("x.h5")`) hold the architecture in the root attribute
  /// `model_config` and the weights under `/model_weights/<layer>`. Weights-only files
  /// (`model.save_weights("x.h5")`) hold the weights under `/<layer>`, with the architecture
  /// in a separate JSON file (`model.to_json()`); the reference README §1 describes the layout.
  ///
  /// Accepted configurations: `Sequential` with `config.layers` (Keras ≥ 2.2) or with `config`
  /// itself the layer list (Keras 2.1), and `Functional`/`Model` graphs with one input and one
  /// or more outputs, in Keras 2 or Keras 3 spelling (see ``Model`` for the graph).
  /// The input shape comes from the `InputLayer`'s `batch_input_shape` (`batch_shape` in
  /// Keras 3) or the first layer's `batch_input_shape`; every extent but the batch must be known.
  ///
  /// Each layer's weights are read in `weight_names` order and checked against the shapes its
  /// configuration implies, and for NaN/Inf, before the model is assembled.
  ///
  /// Supported classes: Conv1D, Conv2D, Dense, MaxPooling1D/2D, AveragePooling1D/2D, the four
  /// global poolings, Flatten, Dropout, Activation, ReLU (plain), BatchNormalization, the merges
  /// Add, Subtract, Multiply, Average, Maximum, Minimum and Concatenate; the
  /// activations linear, relu, sigmoid, softmax and tanh; channels-last data only.
  ///
  /// - Parameters:
  ///   - url: The `.h5` file.
  ///   - architecture: A Keras JSON architecture file; required for weights-only files, and
  ///     used instead of the file's own configuration when given.
  /// - Returns: The model, named after its configuration (or the file).
  /// - Throws: ``ModelFileError`` naming the file and the HDF5 path or layer.
  public static func loadKeras(_ url: URL, architecture: URL? = nil) throws(ModelFileError) -> Model
  {
    let file = try HDF5File(reading: url)
    let configuration = try configuration(in: file, architecture: architecture)
    let reader = try KerasWeightReader(file: file, isFullModel: architecture == nil)
    return try build(configuration, weights: reader, file: url)
  }

  /// The layers of a Keras model with zero weights: its configuration only (the architecture
  /// JSON when given, else the file's `model_config`), no weight is read.
  /// - Parameters:
  ///   - url: The `.h5` file.
  ///   - architecture: A Keras JSON architecture file, used instead of the file's configuration.
  /// - Returns: The model with zero weights.
  /// - Throws: ``ModelFileError`` naming the file and the place.
  static func kerasArchitecture(_ url: URL, architecture: URL?) throws(ModelFileError) -> Model {
    let file = try HDF5File(reading: url)
    return try build(
      configuration(in: file, architecture: architecture), weights: ZeroWeights(), file: url)
  }

  /// The configuration: the architecture JSON when given, else the file's `model_config`.
  private static func configuration(in file: HDF5File, architecture: URL?) throws(ModelFileError)
    -> KerasArchitecture
  {
    if let architecture {
      guard let data = FileManager.default.contents(atPath: architecture.path) else {
        throw .fileNotFound(file: architecture.path)
      }
      return try KerasArchitecture(
        json: String(decoding: data, as: UTF8.self), file: architecture.path)
    }
    guard file.hasAttribute("model_config", of: "/") else {
      throw .invalidConfiguration(
        file: file.url.path, location: "/",
        reason:
          "has no 'model_config' attribute (a weights-only file); pass the architecture JSON written by model.to_json()"
      )
    }
    return try KerasArchitecture(
      json: try file.readStringAttribute("model_config", of: "/"), file: file.url.path)
  }

  /// A model with a Keras JSON architecture and fresh weights: Glorot-uniform kernels, zero biases,
  /// and batch normalization at its identity (γ = 1, β = 0, mean 0, variance 1), as Keras initializes them.
  /// - Parameters:
  ///   - architecture: The JSON written by Keras' `model.to_json()`.
  ///   - seed: The seed of the kernels.
  /// - Returns: The initialized model.
  /// - Throws: ``ModelFileError`` naming the file and layer.
  public static func initializedKeras(architecture: URL, seed: UInt64) throws(ModelFileError)
    -> Model
  {
    guard let data = FileManager.default.contents(atPath: architecture.path) else {
      throw .fileNotFound(file: architecture.path)
    }
    let configuration = try KerasArchitecture(
      json: String(decoding: data, as: UTF8.self), file: architecture.path)
    return try build(configuration, weights: ZeroWeights(), file: architecture).initialized(
      seed: seed)
  }

  /// Builds the layers of a configuration with weights from `weights`.
  private static func build(
    _ configuration: KerasArchitecture, weights: any KerasWeightSource, file url: URL
  ) throws(ModelFileError) -> Model {
    let factory = KerasLayerFactory(weights: weights)
    var layers: [any Layer] = []
    var inputNodes: [[Int]] = []
    var shapes = [configuration.inputShape]
    var nodeOf = [0]  // configuration node → model node
    try KerasLayerFactory.reserve(shapes[0].dimensions, for: "one input", file: url.path)
    func append(_ layer: any Layer, reads: [Int], shape: Shape) {
      layers.append(layer)
      inputNodes.append(reads)
      shapes.append(shape)
    }
    for (entry, configurationReads) in zip(configuration.layers, configuration.reads) {
      let reads = configurationReads.map { nodeOf[$0] }
      let inputs = reads.map { shapes[$0] }
      do {
        if let merge = try KerasLayerFactory.mergeLayer(for: entry) {
          append(merge, reads: reads, shape: try merge.outputShape(for: inputs))
        } else {
          guard inputs.count == 1 else {
            throw ModelFileError.invalidConfiguration(
              file: url.path, location: entry.location,
              reason: "reads \(inputs.count) layers but is not a merge layer")
          }
          let layer = try factory.layer(for: entry, input: inputs[0])
          let shape = try layer.outputShape(for: inputs[0])
          if var fused = layer as? any FusedActivationLayer, fused.activation.needsInput {
            // GELU and swish need their input backward: run them as a layer of their own.
            let activation = fused.activation
            fused.activation = .linear
            append(fused, reads: reads, shape: shape)
            append(
              ActivationLayer(name: "\(entry.name)_\(activation.rawValue)", activation: activation),
              reads: [layers.count], shape: shape)
          } else {
            append(layer, reads: reads, shape: shape)
          }
        }
      } catch let error as ModelError {
        throw .invalidModel(file: url.path, error)
      } catch let error as ModelFileError {
        throw error
      } catch {
        throw .invalidConfiguration(file: url.path, location: entry.location, reason: "\(error)")
      }
      try KerasLayerFactory.reserve(
        shapes[shapes.count - 1].dimensions,
        for: "the output of layer '\(entry.name)' for one input", file: url.path)
      nodeOf.append(layers.count)
    }
    let name = configuration.name ?? url.deletingPathExtension().lastPathComponent
    do {
      return try Model(
        name: name, inputShape: configuration.inputShape, layers: layers, inputNodes: inputNodes,
        outputNodes: configuration.outputs.map { nodeOf[$0] })
    } catch {
      throw .invalidModel(file: url.path, error)
    }
  }
}
