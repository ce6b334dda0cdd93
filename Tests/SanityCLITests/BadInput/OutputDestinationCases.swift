/// Output destinations that must be refused before any work, leaving everything as it was.
extension BadInputCase {
  static let model = CLI.model
  static let sequences = CLI.sequences
  static let predict = ["predict", "--model", model, "--input", sequences, "--limit", "3"]
  static let explain = [
    "explain", "--model", model, "--input", sequences, "--limit", "3", "--method", "saliency",
  ]
  static let ism = ["ism", "--model", model, "--input", sequences, "--limit", "3"]
  static let checkModel = [
    "check", "model", "--model", model, "--input", sequences, "--limit", "3", "--methods",
    "saliency", "--seeds", "1",
  ]
  static let checkLabels = [
    "check", "labels", "--model", model, "--permuted-model", model, "--input", sequences, "--limit",
    "3", "--methods", "saliency",
  ]
  static let checkClass = [
    "check", "class", "--model", model, "--input", sequences, "--limit", "3", "--methods",
    "saliency",
  ]
  static let checkInvariance = [
    "check", "invariance", "--model", model, "--input", sequences, "--limit", "3", "--methods",
    "saliency",
  ]
  static let train = [
    "train", "--architecture", "deepbind", "--train", sequences, "--limit", "20", "--epochs", "1",
  ]
  static let results = BadInputCase.Fixture.text("r.json", "{}")

  static let outputDestinations: [BadInputCase] = [
    // An existing folder: never removed or replaced.
    .init(
      predict + ["--output", "{dir}/out.tsv"], [.folder("out.tsv")],
      expect: "{dir}/out.tsv: is a folder"),
    .init(
      explain + ["--output", "{dir}/out.h5"], [.folder("out.h5")],
      expect: "{dir}/out.h5: is a folder"),
    .init(
      explain + ["--output", "{dir}/out.npz"], [.folder("out.npz")],
      expect: "{dir}/out.npz: is a folder"),
    .init(
      ism + ["--output", "{dir}/out.h5"], [.folder("out.h5")], expect: "{dir}/out.h5: is a folder"),
    .init(
      checkModel + ["--output", "{dir}/r.tsv"], [.folder("r.tsv")],
      expect: "{dir}/r.tsv: is a folder"),
    .init(
      checkLabels + ["--output", "{dir}/r.json"], [.folder("r.json")],
      expect: "{dir}/r.json: is a folder"),
    .init(
      checkClass + ["--output", "{dir}/r.json"], [.folder("r.json")],
      expect: "{dir}/r.json: is a folder"),
    .init(
      checkInvariance + ["--output", "{dir}/r.tsv"], [.folder("r.tsv")],
      expect: "{dir}/r.tsv: is a folder"),
    .init(
      train + ["--output", "{dir}/m.h5"], [.folder("m.h5")], expect: "{dir}/m.h5: is a folder"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/page.html"], [results, .folder("page.html")],
      expect: "{dir}/page.html: is a folder"),
    .init(predict + ["--output", "{dir}"], [.folder("sub")], expect: "{dir}: is a folder"),
    .init(predict + ["--output", "{dir}/"], [.folder("sub")], expect: "is a folder"),
    // A FIFO, a device, or a link to one.
    .init(
      predict + ["--output", "{dir}/pipe.tsv"], [.fifo("pipe.tsv")],
      expect: "{dir}/pipe.tsv: is a FIFO"),
    .init(
      explain + ["--output", "{dir}/pipe.h5"], [.fifo("pipe.h5")],
      expect: "{dir}/pipe.h5: is a FIFO"),
    .init(
      ism + ["--output", "{dir}/pipe.h5"], [.fifo("pipe.h5")], expect: "{dir}/pipe.h5: is a FIFO"),
    .init(
      checkClass + ["--output", "{dir}/pipe.tsv"], [.fifo("pipe.tsv")],
      expect: "{dir}/pipe.tsv: is a FIFO"),
    .init(
      train + ["--output", "{dir}/pipe.h5"], [.fifo("pipe.h5")], expect: "{dir}/pipe.h5: is a FIFO"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/pipe.html"], [results, .fifo("pipe.html")],
      expect: "{dir}/pipe.html: is a FIFO"),
    .init(predict + ["--output", "/dev/null"], expect: "/dev/null: is a device"),
    .init(explain + ["--output", "/dev/null"], expect: "/dev/null: is a device"),
    .init(checkInvariance + ["--output", "/dev/null"], expect: "/dev/null: is a device"),
    .init(
      ["report", "{dir}/r.json", "--output", "/dev/null"], [results],
      expect: "/dev/null: is a device"),
    .init(
      ism + ["--output", "{dir}/null.h5"], [.symlink("null.h5", to: "/dev/null")],
      expect: "{dir}/null.h5: is a link to a device"),
    .init(
      train + ["--output", "{dir}/null.h5"], [.symlink("null.h5", to: "/dev/null")],
      expect: "{dir}/null.h5: is a link to a device"),
    .init(
      predict + ["--output", "{dir}/pipe-link.tsv"],
      [.fifo("pipe"), .symlink("pipe-link.tsv", to: "{dir}/pipe")],
      expect: "{dir}/pipe-link.tsv: is a link to a FIFO"),
    // Links to folders or to nothing, and missing folders.
    .init(
      predict + ["--output", "{dir}/to-folder.tsv"],
      [.folder("data"), .symlink("to-folder.tsv", to: "{dir}/data")],
      expect: "{dir}/to-folder.tsv: is a folder"),
    .init(
      explain + ["--output", "{dir}/to-folder.h5"],
      [.folder("data"), .symlink("to-folder.h5", to: "{dir}/data")],
      expect: "{dir}/to-folder.h5: is a folder"),
    .init(
      predict + ["--output", "{dir}/dangling.tsv"],
      [.symlink("dangling.tsv", to: "{dir}/nowhere.tsv")],
      expect: "{dir}/dangling.tsv: is a symbolic link to a file that does not exist"),
    .init(
      ism + ["--output", "{dir}/dangling.h5"], [.symlink("dangling.h5", to: "{dir}/nowhere.h5")],
      expect: "{dir}/dangling.h5: is a symbolic link"),
    .init(
      predict + ["--output", "{dir}/no/such/folder/out.tsv"],
      expect: "the folder '{dir}/no/such/folder' does not exist"),
    .init(
      explain + ["--output", "{dir}/missing/out.h5"],
      expect: "the folder '{dir}/missing' does not exist"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/missing/page.html"], [results],
      expect: "the folder '{dir}/missing' does not exist"),
    .init(
      predict + ["--output", "{dir}/file.txt/out.tsv"], [.text("file.txt", "x")],
      expect: "{dir}/file.txt/out.tsv"),
    // The output is an input of the same run: directly, through a symbolic link or a hard link.
    .init(
      ["predict", "--model", model, "--input", "{dir}/in.fa", "--output", "{dir}/in.fa"],
      [.copy(sequences, as: "in.fa")],
      expect: "{dir}/in.fa: is the same file as the input '{dir}/in.fa'"),
    .init(
      ["predict", "--model", model, "--input", "{dir}/in.fa", "--output", "{dir}/link.tsv"],
      [.copy(sequences, as: "in.fa"), .symlink("link.tsv", to: "{dir}/in.fa")],
      expect: "{dir}/link.tsv: is the same file as the input '{dir}/in.fa'"),
    .init(
      ["predict", "--model", model, "--input", "{dir}/in.fa", "--output", "{dir}/hard.tsv"],
      [.copy(sequences, as: "in.fa"), .hardLink("hard.tsv", to: "in.fa")],
      expect: "{dir}/hard.tsv: is the same file as the input '{dir}/in.fa'"),
    .init(
      [
        "explain", "--model", model, "--input", "{dir}/in.fa", "--method", "saliency", "--output",
        "{dir}/link.h5",
      ], [.copy(sequences, as: "in.fa"), .symlink("link.h5", to: "{dir}/in.fa")],
      expect: "is the same file as the input '{dir}/in.fa'"),
    .init(
      ["check", "class", "--model", model, "--input", "{dir}/in.fa", "--output", "{dir}/hard.tsv"],
      [.copy(sequences, as: "in.fa"), .hardLink("hard.tsv", to: "in.fa")],
      expect: "{dir}/hard.tsv: is the same file as the input '{dir}/in.fa'"),
    .init(
      [
        "check", "model", "--model", model, "--input", "{dir}/in.fa", "--output", "{dir}/link.json",
      ], [.copy(sequences, as: "in.fa"), .symlink("link.json", to: "{dir}/in.fa")],
      expect: "is the same file as the input '{dir}/in.fa'"),
    .init(
      [
        "explain", "--model", "{dir}/model.h5", "--input", sequences, "--method", "saliency",
        "--output", "{dir}/model.h5",
      ], [.copy(model, as: "model.h5")],
      expect: "{dir}/model.h5: is the same file as the input '{dir}/model.h5'"),
    .init(
      ["ism", "--model", "{dir}/model.h5", "--input", sequences, "--output", "{dir}/copy.h5"],
      [.copy(model, as: "model.h5"), .hardLink("copy.h5", to: "model.h5")],
      expect: "{dir}/copy.h5: is the same file as the input '{dir}/model.h5'"),
    .init(
      ["ism", "--model", model, "--input", sequences, "--output", model],
      expect: "\(model): is the same file as the input '\(model)'"),
    .init(
      [
        "explain", "--model", model, "--input", sequences, "--method", "saliency", "--output",
        "{dir}/m.h5",
      ], [.symlink("m.h5", to: "/")], expect: "is a folder"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/r.html"],
      [results, .hardLink("r.html", to: "r.json")],
      expect: "{dir}/r.html: is the same file as the input '{dir}/r.json'"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/r-link.html"],
      [results, .symlink("r-link.html", to: "{dir}/r.json")],
      expect: "{dir}/r-link.html: is the same file as the input '{dir}/r.json'"),
    .init(
      [
        "train", "--architecture", "deepbind", "--train", "{dir}/train.fa", "--output",
        "{dir}/train.h5",
      ], [.copy(sequences, as: "train.fa"), .hardLink("train.h5", to: "train.fa")],
      expect: "{dir}/train.h5: is the same file as the input '{dir}/train.fa'"),
    .init(
      [
        "train", "--architecture", "deepbind", "--train", sequences, "--valid", "{dir}/valid.fa",
        "--output", "{dir}/v.h5",
      ], [.copy(sequences, as: "valid.fa"), .symlink("v.h5", to: "{dir}/valid.fa")],
      expect: "is the same file as the input '{dir}/valid.fa'"),
    // Folders of several outputs.
    .init(
      ["simulate", "--output", "{dir}/file", "--train-count", "10", "--test-count", "10"],
      [.text("file", "x")], expect: "{dir}/file: exists and is not a folder"),
    .init(
      [
        "simulate", "--output", "{dir}", "--motifs", "{dir}/motifs.meme", "--train-count", "10",
        "--test-count", "10",
      ], [.copy("Genomes/motifs.meme", as: "motifs.meme")],
      expect: "{dir}/motifs.meme: is the same file as the input '{dir}/motifs.meme'"),
    .init(
      ["simulate", "--output", "{dir}", "--train-count", "10", "--test-count", "10"],
      [.folder("example-test.fa")], expect: "example-test.fa: is a folder"),
    .init(
      ["simulate", "--output", "{dir}", "--train-count", "10", "--test-count", "10"],
      [.fifo("example-train.fa.gz")], expect: "example-train.fa.gz: is a FIFO"),
    .init(
      ["demo", "--output", "{dir}/file", "--count", "2"], [.text("file", "x")],
      expect: "{dir}/file: exists and is not a folder"),
    .init(
      ["demo", "--output", "{dir}", "--count", "2"], [.folder("results.tsv")],
      expect: "results.tsv: is a folder"),
    // Extensions and standard output.
    .init(
      predict + ["--output", "{dir}/out.csv"],
      expect: "{dir}/out.csv: unknown output extension; use .tsv, .txt or .json"),
    .init(
      explain + ["--output", "{dir}/out.txt"],
      expect: "{dir}/out.txt: unknown output extension; use .h5, .hdf5 or .npz"),
    .init(
      ism + ["--output", "{dir}/out.npz"],
      expect: "{dir}/out.npz: unknown output extension; use .h5 or .hdf5"),
    .init(
      checkModel + ["--output", "{dir}/r.xml"],
      expect: "{dir}/r.xml: unknown output extension; use .tsv, .txt or .json"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/page.pdf"], [results],
      expect: "{dir}/page.pdf: unknown output extension; use .html or .htm"),
    .init(
      train + ["--output", "{dir}/model.json"],
      expect: "{dir}/model.json: unknown output extension; use .h5 or .hdf5"),
    .init(
      predict + ["--output", "{dir}/noextension"],
      expect: "{dir}/noextension: unknown output extension"),
    .init(explain + ["--output", "-"], expect: "-: HDF5 output cannot go to standard output"),
    .init(
      [
        "explain", "--model", model, "--input", sequences, "--limit", "3", "--method", "grad-cam",
        "--output", "{dir}/maps.npz",
      ], expect: "--output .npz (TF-MoDISco layout) needs DNA maps [N, L, 4]"),
    .init(ism + ["--output", "-"], expect: "-: HDF5 output cannot go to standard output"),
    .init(train + ["--output", "-"], expect: "-: HDF5 output cannot go to standard output"),
  ]
}
