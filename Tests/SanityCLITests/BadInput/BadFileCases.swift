/// Malformed, missing and empty input files: each named with the place of the defect.
extension BadInputCase {
  static let malformed = "Tests/Fixtures/Malformed"

  /// An IDX image file with a valid header and zero images.
  static let emptyIDX: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 0, 0, 0, 0, 28, 0, 0, 0, 28]

  static let badFiles: [BadInputCase] = [
    .init(
      [
        "predict", "--model", "\(malformed)/models/not_hdf5.h5", "--input", sequences, "--output",
        "{dir}/p.tsv",
      ], expect: "not_hdf5.h5"),
    .init(
      ["predict", "--model", "missing.h5", "--input", sequences, "--output", "{dir}/p.tsv"],
      expect: "missing.h5"),
    .init(
      [
        "predict", "--model", "\(malformed)/models/nan_weight.h5", "--input", sequences, "--output",
        "{dir}/p.tsv",
      ], expect: "nan_weight.h5"),
    .init(
      [
        "explain", "--model", "\(malformed)/models/kernel_shape_mismatch.h5", "--input", sequences,
        "--method", "saliency", "--output", "{dir}/a.h5",
      ],
      expect:
        "kernel_shape_mismatch.h5: dataset '/model_weights/dense_1/dense_1/kernel:0' has shape [4, 2], expected [3, 2]"
    ),
    .init(
      [
        "ism", "--model", "\(malformed)/models/missing_dataset.h5", "--input", sequences,
        "--output", "{dir}/a.h5",
      ], expect: "missing_dataset.h5: missing dataset '/model_weights/dense_1/dense_1/bias:0'"),
    .init(
      [
        "check", "model", "--model", "\(malformed)/models/invalid_json.h5", "--input", sequences,
        "--output", "{dir}/r.tsv",
      ], expect: "invalid_json.h5: model_config: is not valid JSON"),
    .init(
      [
        "check", "class", "--model", "\(malformed)/models/unsupported_layer.h5", "--input",
        sequences, "--output", "{dir}/r.tsv",
      ], expect: "unsupported_layer.h5: layer 'lstm_1' has unsupported class 'LSTM'"),
    .init(
      [
        "check", "invariance", "--model", "\(malformed)/models/truncated.h5", "--input", sequences,
        "--output", "{dir}/r.tsv",
      ], expect: "truncated.h5"),
    .init(
      [
        "predict", "--model", "\(malformed)/models/unsupported_activation.h5", "--input", sequences,
        "--output", "{dir}/p.tsv",
      ],
      expect: "unsupported_activation.h5: layer 'dense_1' has unsupported activation 'hard_sigmoid'"
    ),
    .init(
      [
        "predict", "--model", "\(malformed)/models/weight_count_mismatch.h5", "--input", sequences,
        "--output", "{dir}/p.tsv",
      ], expect: "weight_count_mismatch.h5: /model_weights/dense_1@weight_names"),
    .init(
      [
        "predict", "--model", "\(malformed)/models/functional_not_a_chain.h5", "--input", sequences,
        "--output", "{dir}/p.tsv",
      ],
      expect:
        "functional_not_a_chain.h5: dataset '/model_weights/dense_2/dense_2/kernel:0' has shape [2, 1], expected [3, 1]"
    ),
    .init(
      [
        "predict", "--model", "\(malformed)/models/missing_model_weights.h5", "--input", sequences,
        "--output", "{dir}/p.tsv",
      ], expect: "missing_model_weights.h5: missing group '/model_weights'"),
    .init(
      [
        "predict", "--model", "\(malformed)/deepbind/bad-float.txt", "--input", sequences,
        "--output", "{dir}/p.tsv",
      ], expect: "bad-float.txt:8:23: invalid number '-2.O0e+00'"),
    .init(
      [
        "explain", "--model", "\(malformed)/deepbind/missing-key.txt", "--input", sequences,
        "--method", "saliency", "--output", "{dir}/a.h5",
      ], expect: "missing-key.txt:11: missing key 'thresholds'"),
    .init(
      [
        "ism", "--model", "\(malformed)/deepbind/wrong-detector-count.txt", "--input", sequences,
        "--output", "{dir}/a.h5",
      ], expect: "wrong-detector-count.txt:7: 'detectors' has 15 values"),
    .init(
      [
        "predict", "--model", model, "--input", "\(malformed)/sequences/bad_character.fa",
        "--output", "{dir}/p.tsv",
      ], expect: "bad_character.fa:3:5"),
    .init(
      [
        "explain", "--model", model, "--input", "\(malformed)/sequences/bad_character.fa",
        "--method", "saliency", "--output", "{dir}/a.h5",
      ], expect: "bad_character.fa:3:5"),
    .init(
      [
        "predict", "--model", model, "--input", "\(malformed)/sequences/truncated.fa.gz",
        "--output", "{dir}/p.tsv",
      ], expect: "truncated.fa.gz"),
    .init(
      [
        "explain", "--model", model, "--input", "\(malformed)/sequences/truncated.fa.gz",
        "--method", "saliency", "--output", "{dir}/a.h5",
      ], expect: "truncated.fa.gz"),
    .init(
      [
        "predict", "--model", model, "--input", "\(malformed)/sequences/empty.fa", "--output",
        "{dir}/p.tsv",
      ], expect: "empty.fa: the file holds no FASTA record"),
    .init(
      [
        "explain", "--model", model, "--input", "\(malformed)/sequences/empty.fa", "--method",
        "saliency", "--output", "{dir}/a.h5",
      ], expect: "empty.fa"),
    .init(
      [
        "ism", "--model", model, "--input", "\(malformed)/sequences/empty_record.fa", "--output",
        "{dir}/a.h5",
      ], expect: "empty_record.fa:3: record 'empty_one' has no bases"),
    .init(
      [
        "check", "model", "--model", model, "--input",
        "\(malformed)/sequences/sequence_before_header.fa", "--output", "{dir}/r.tsv",
      ], expect: "sequence_before_header.fa:1: sequence text before the first '>' header"),
    .init(
      [
        "predict", "--model", model, "--input", "\(malformed)/sequences/bad_label.seq", "--output",
        "{dir}/p.tsv",
      ], expect: "bad_label.seq:2: the Bound value 'yes'"),
    .init(
      [
        "train", "--architecture", "deepbind", "--train", "\(malformed)/sequences/bad_label.seq",
        "--output", "{dir}/m.h5",
      ], expect: "bad_label.seq:2"),
    .init(
      [
        "check", "labels", "--model", model, "--train",
        "\(malformed)/sequences/bad_column_count.seq", "--output", "{dir}/r.tsv",
      ], expect: "bad_column_count.seq:3: the row has 3 tab-separated columns"),
    .init(
      [
        "predict", "--model", model, "--input", "\(malformed)/sequences/bad_base.seq.gz",
        "--output", "{dir}/p.tsv",
      ], expect: "bad_base.seq.gz:3:22: invalid character '-'"),
    .init(
      ["predict", "--model", model, "--input", "nope.fa", "--output", "{dir}/p.tsv"],
      expect: "nope.fa: no such FASTA file"),
    .init(
      [
        "predict", "--model", "Models/mnist-cnn.h5", "--input",
        "\(malformed)/images/truncated-header-idx3-ubyte", "--output", "{dir}/p.tsv",
      ], expect: "truncated-header-idx3-ubyte: byte 10"),
    .init(
      [
        "predict", "--model", "Models/mnist-cnn.h5", "--input",
        "\(malformed)/images/trailing-bytes-idx3-ubyte", "--output", "{dir}/p.tsv",
      ], expect: "trailing-bytes-idx3-ubyte: byte 28"),
    .init(
      [
        "check", "class", "--model", "Models/mnist-cnn.h5", "--input",
        "\(malformed)/images/little-endian-magic-idx3-ubyte", "--output", "{dir}/r.tsv",
      ], expect: "little-endian-magic-idx3-ubyte: byte 0: magic number"),
    .init(
      [
        "predict", "--model", "Models/tiny-imagenet-cnn.h5", "--input",
        "\(malformed)/images/tinyimagenet-bad-annotation", "--output", "{dir}/p.tsv",
      ], expect: "val_annotations.txt:2"),
    .init(
      [
        "predict", "--model", "Models/mnist-cnn.h5", "--input", "{dir}/empty-idx3-ubyte",
        "--output", "{dir}/p.tsv",
      ], [.bytes("empty-idx3-ubyte", emptyIDX)], expect: "{dir}/empty-idx3-ubyte: has no items"),
    .init(
      [
        "train", "--architecture", "{dir}/none.json", "--train", sequences, "--output",
        "{dir}/m.h5",
      ], expect: "{dir}/none.json: no such file"),
    .init(
      [
        "check", "model", "--model", model, "--input", sequences, "--limit", "3", "--methods",
        "saliency", "--stages", "nope.h5", "--output", "{dir}/r.tsv",
      ], expect: "nope.h5: no such file"),
    .init(
      ["check", "labels", "--model", model, "--permuted-model", model, "--output", "{dir}/r.tsv"],
      expect: "--permuted-model needs --input"),
    .init(
      ["check", "labels", "--model", model, "--output", "{dir}/r.tsv"], expect: "give --train"),
  ]

  /// Results files for `sanity report`: syntax errors with line and column, missing keys in words.
  static let resultsFiles: [BadInputCase] = [
    .init(
      ["report", "{dir}/bad.json", "--output", "{dir}/r.html"],
      [.text("bad.json", "{\"rows\": [1,\n 2,,]}")],
      expect: "{dir}/bad.json:2:4: not valid JSON: expected a value, found ','"),
    .init(
      ["report", "{dir}/open.json", "--output", "{dir}/r.html"],
      [.text("open.json", "{\"rows\": [")],
      expect: "{dir}/open.json:1:11: not valid JSON: expected a value, found the end of the file"),
    .init(
      ["report", "{dir}/empty.json", "--output", "{dir}/r.html"], [.text("empty.json", "")],
      expect: "{dir}/empty.json:1:1: not valid JSON"),
    .init(
      ["report", "{dir}/key.json", "--output", "{dir}/r.html"],
      [.text("key.json", "{\n  \"rows\" : [],\n  \"verdicts\" : []\n}")],
      expect: "{dir}/key.json:1:1: missing key 'settings' in the top level"),
    .init(
      ["report", "{dir}/type.json", "--output", "{dir}/r.html"],
      [.text("type.json", "{\n  \"rows\" : 3,\n  \"verdicts\" : [],\n  \"settings\" : {}\n}")],
      expect: "{dir}/type.json:2:12: 'rows' should be a list"),
    .init(
      ["report", "{dir}/unquoted.json", "--output", "{dir}/r.html"],
      [.text("unquoted.json", "{rows: []}")],
      expect: "{dir}/unquoted.json:1:2: not valid JSON: expected a key in quotes"),
    .init(
      ["report", "{dir}/trailing.json", "--output", "{dir}/r.html"],
      [.text("trailing.json", "{} x")],
      expect: "{dir}/trailing.json:1:4: not valid JSON: expected end of file"),
    .init(
      ["report", "{dir}/none.json", "--output", "{dir}/r.html"],
      expect: "{dir}/none.json: no such file"),
    .init(
      ["report", "{dir}/r.tsv", "--output", "{dir}/r.html"], [.text("r.tsv", "check\n")],
      expect: "{dir}/r.tsv: give the .json results"),
  ]
}
