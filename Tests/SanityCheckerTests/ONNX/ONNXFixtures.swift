import SanityChecker
import SanityTestSupport

/// The exported models of `Tests/Fixtures/ONNX/` (`scripts/make_onnx_fixtures.py`) as the
/// reference tests load them.
enum ONNXFixtures {
  /// A model's name and the PyTorch exporter that wrote its file.
  typealias Fixture = (model: String, exporter: String)

  /// Each model's file from both of PyTorch's exporters.
  /// - Parameter models: The model names.
  /// - Returns: The TorchScript and the dynamo export of each model, in that order.
  static func bothExporters(_ models: [String]) -> [Fixture] {
    models.flatMap { model in ["torchscript", "dynamo"].map { (model: model, exporter: $0) } }
  }

  /// The imported model, with the head the references explain (the counts head of `bpnet`).
  /// - Parameter fixture: The model and its exporter.
  /// - Returns: The model.
  /// - Throws: The loader's errors.
  static func model(_ fixture: Fixture) throws -> Model {
    let model = try ModelLoader.load(
      TestSupport.fixture("ONNX/\(fixture.model).\(fixture.exporter).onnx"))
    return fixture.model == "bpnet" ? try model.selectingOutputHead(1) : model
  }
}
