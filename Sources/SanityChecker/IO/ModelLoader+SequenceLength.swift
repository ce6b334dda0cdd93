import Foundation

extension ModelLoader {
  /// The one sequence length a model takes, read from its architecture alone, or `nil` when it
  /// takes any length (DeepBind models, layers that allow another length such as global
  /// pooling) or is not a sequence model.
  ///
  /// Only the configuration is read (the `model_config` attribute or the architecture JSON;
  /// an ONNX file is imported whole, as its shapes follow from its weights); the layers are built with zero weights to learn whether they accept a sequence one base
  /// longer (``Model/adapted(toSequenceLength:)``). Commands call it before reading their
  /// inputs, so that a FASTA record longer than the model can use is refused as soon as it
  /// grows past the model's length (``LengthPolicy/recordCap(modelLength:)``).
  /// - Parameters:
  ///   - url: The model file.
  ///   - architecture: A Keras JSON architecture for weights-only `.h5` files.
  /// - Returns: The fixed input length, or `nil`.
  /// - Throws: ``ModelFileError`` (or ``ONNXError``) naming the file and place when the
  ///   configuration cannot be read.
  public static func fixedSequenceLength(_ url: URL, architecture: URL? = nil) throws -> Int? {
    guard FileManager.default.fileExists(atPath: url.path) else {
      throw ModelFileError.fileNotFound(file: url.path)
    }
    if url.pathExtension.lowercased() == "txt" { return nil }
    let model: Model
    if ONNXImport.isONNX(url) {
      model = try ONNXImport(contentsOf: url).model
    } else {
      if architecture == nil, DeepBindParams.isDeepBindHDF5(url) { return nil }
      model = try Model.kerasArchitecture(url, architecture: architecture)
    }
    guard model.inputShape.rank == 2 else { return nil }
    let length = model.inputShape[0]
    return model.adapted(toSequenceLength: length + 1).inputShape == model.inputShape ? length : nil
  }
}
