/// Bad inputs whose typed errors come from the library's own validation (data shape against the
/// model, layer configurations, sizes read from files, label values, reader messages).
extension BadInputCase {
  static let libraryValidationCases: [BadInputCase] = [
    // Sequences shorter than the model's first window (8 and 5 bp; the model itself takes any
    // length, as it ends in global pooling).
    .init(
      [
        "predict", "--model", model, "--input", "\(malformed)/sequences/count_mismatch.fa",
        "--output", "{dir}/p.tsv",
      ], expect: "count_mismatch.fa"),
    .init(
      [
        "explain", "--model", model, "--input", "\(malformed)/sequences/count_mismatch.fa",
        "--method", "saliency", "--output", "{dir}/a.h5",
      ], expect: "count_mismatch.fa"),
    .init(
      ["ism", "--model", model, "--input", "{dir}/short.fa", "--output", "{dir}/a.h5"],
      [.text("short.fa", ">s\nACGTA\n")], expect: "short.fa"),
    .init(
      ["check", "model", "--model", model, "--input", "{dir}/short.fa", "--output", "{dir}/r.tsv"],
      [.text("short.fa", ">s\nACGTA\n")], expect: "short.fa"),
    // A layer configuration with stride 0, and one asking for 10^11 units.
    .init(
      [
        "train", "--architecture", "{dir}/stride0.json", "--train", sequences, "--output",
        "{dir}/m.h5",
      ], [.text("stride0.json", architecture(strides: 0, units: 1))], expect: "stride0.json"),
    .init(
      [
        "train", "--architecture", "{dir}/huge.json", "--train", sequences, "--output",
        "{dir}/m.h5",
      ], [.text("huge.json", architecture(strides: 1, units: 100_000_000_000))], expect: "huge.json"
    ),
    // 20×20 images into a 28×28 model.
    .init(
      [
        "predict", "--model", "Models/mnist-cnn.h5", "--input", "{dir}/small-idx3-ubyte",
        "--output", "{dir}/p.tsv",
      ],
      [
        .bytes(
          "small-idx3-ubyte",
          [0, 0, 8, 3, 0, 0, 0, 1, 0, 0, 0, 20, 0, 0, 0, 20] + [UInt8](repeating: 7, count: 400))
      ], expect: "small-idx3-ubyte"),
    // A folder that is not Tiny-ImageNet: the reader's message must not carry Foundation's text.
    .init(
      [
        "predict", "--model", "Models/tiny-imagenet-cnn.h5", "--input", "Genomes", "--output",
        "{dir}/p.tsv",
      ], expect: "Genomes"),
    // A label value that is not a number.
    .init(
      [
        "train", "--architecture", "deepbind", "--train", "{dir}/labels.fa", "--output",
        "{dir}/m.h5",
      ],
      [
        .text(
          "labels.fa",
          ">a label=1\n" + String(repeating: "A", count: 101) + "\n>b label=abc\n"
            + String(repeating: "C", count: 101) + "\n")
      ], expect: "labels.fa:3"),
    // A label outside the loss's range names the file, the record's line and the record.
    .init(
      [
        "train", "--architecture", "deepbind", "--train", "{dir}/range.fa", "--output",
        "{dir}/m.h5",
      ],
      [
        .text(
          "range.fa",
          ">a label=1\n" + String(repeating: "A", count: 101) + "\n>b label=0\n"
            + String(repeating: "C", count: 101) + "\n>c label=2\n"
            + String(repeating: "G", count: 101) + "\n")
      ], expect: "range.fa:5: record 'c' (item 3) has label 2, expected a target in [0, 1]"),
    // The label check trains too, and names the same place.
    .init(
      [
        "check", "labels", "--model", "Models/deepbind-example.h5", "--train", "{dir}/range.fa",
        "--methods", "saliency", "--quiet", "--output", "{dir}/r.tsv",
      ],
      [
        .text(
          "range.fa",
          ">a label=1,0\n" + String(repeating: "A", count: 101) + "\n>b label=0,1\n"
            + String(repeating: "C", count: 101) + "\n>c label=2,0\n"
            + String(repeating: "G", count: 101) + "\n")
      ], expect: "range.fa:5: record 'c' (item 3) has label 2"),
  ]

  /// A one-layer Keras architecture (Conv1D on [101, 4]).
  static func architecture(strides: Int, units: Int) -> String {
    """
    {"class_name": "Sequential", "config": {"name": "m", "layers": [
      {"class_name": "InputLayer", "config": {"name": "input_1", "batch_input_shape": [null, 101, 4], "dtype": "float32"}},
      {"class_name": "Conv1D", "config": {"name": "conv1d_1", "filters": \(units), "kernel_size": [3], "strides": [\(strides)],
       "padding": "valid", "activation": "relu", "use_bias": true}},
      {"class_name": "GlobalMaxPooling1D", "config": {"name": "pool"}},
      {"class_name": "Dense", "config": {"name": "dense_1", "units": 1, "activation": "linear", "use_bias": true}}
    ]}}
    """
  }
}
