import Foundation

/// Reads any model SanityChecker understands, choosing the reader from the file.
///
/// - `*.txt`: DeepBind's params text format (`# deepbind 0.1`).
/// - `*.h5` with a root `format = "deepbind…"` attribute: a converted DeepBind model.
/// - other `*.h5`: a Keras 2 full-model file, or a weights-only file with `architecture` JSON.
/// - `*.onnx` (or a file that starts as an ONNX protobuf): an ONNX chain, see ``ONNXImport``.
///
/// DeepBind models score sequences of any length; they are built for `sequenceLength`.
public enum ModelLoader {
  /// Loads a model.
  /// - Parameters:
  ///   - url: The model file.
  ///   - architecture: A Keras JSON architecture for weights-only `.h5` files.
  ///   - sequenceLength: The input length for DeepBind models (101 by default, the ENCODE peak length).
  /// - Returns: The model.
  /// - Throws: ``DeepBindParamsError``, ``ModelFileError``, ``ONNXError`` or ``ModelError`` naming
  ///   the file and place.
  public static func load(_ url: URL, architecture: URL? = nil, sequenceLength: Int? = nil) throws
    -> Model
  {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw ModelFileError.fileNotFound(file: url.path)
    }
    if ONNXImport.isONNX(url) {
      return try ONNXImport(contentsOf: url).model
    }
    if url.pathExtension.lowercased() == "txt" {
      return try DeepBindParams(contentsOf: url).model(sequenceLength: sequenceLength ?? 101)
    }
    if architecture == nil, DeepBindParams.isDeepBindHDF5(url) {
      return try DeepBindParams(hdf5: url).model(sequenceLength: sequenceLength ?? 101)
    }
    return try Model.loadKeras(url, architecture: architecture)
  }

  /// Loads a model for the inputs it will be given, and checks that they fit it.
  ///
  /// DeepBind models are built for the sequences' length, and so is any model whose layers
  /// allow another length (global pooling instead of `Flatten → Dense`); any other model must
  /// take inputs of the data's item shape (a 50-bp FASTA given to a 101-bp model is refused here, naming the
  /// model file, instead of failing inside a forward pass).
  /// - Parameters:
  ///   - url: The model file.
  ///   - architecture: A Keras JSON architecture for weights-only `.h5` files.
  ///   - data: The inputs.
  ///   - inputFile: The file the inputs were read from, named by the error when they do not fit.
  /// - Returns: The model.
  /// - Throws: As ``load(_:architecture:sequenceLength:)``, and
  ///   ``ModelFileError/inputDoesNotFit(input:file:_:)`` (or, without `inputFile`,
  ///   ``ModelFileError/invalidModel(file:_:)``) wrapping ``ModelError/inputShape(model:expected:actual:)``.
  public static func load(
    _ url: URL, architecture: URL? = nil, fitting data: InputData, from inputFile: String? = nil
  ) throws -> Model {
    let length = data.kind == .sequences && data.inputs.shape.rank == 3 ? data.inputs.shape[1] : nil
    var model = try load(url, architecture: architecture, sequenceLength: length)
    if let length { model = model.adapted(toSequenceLength: length) }
    do throws(ModelError) {
      try model.validate(input: data.inputs)
    } catch {
      guard let inputFile else { throw ModelFileError.invalidModel(file: url.path, error) }
      throw ModelFileError.inputDoesNotFit(input: inputFile, file: url.path, error)
    }
    return model
  }
}

extension Model {
  /// The same layers on sequences of `length` positions when they allow it (global pooling
  /// rather than `Flatten → Dense`, no `valid` window longer than the sequence), else `self`.
  /// - Parameter length: The sequences' length.
  /// - Returns: The model at that length, or unchanged (its own length, or not a sequence model).
  public func adapted(toSequenceLength length: Int) -> Model {
    guard inputShape.rank == 2, inputShape[0] != length,
      let resized = try? replacingLayers(layers, inputShape: [length, inputShape[1]])
    else { return self }
    return resized
  }
}
