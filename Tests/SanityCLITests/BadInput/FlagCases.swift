/// Numeric flags out of range and unknown choices: refused at the boundary, naming the flag as typed.
extension BadInputCase {
  static let flags: [BadInputCase] = [
    .init(
      explaining(["--method", "integrated-gradients", "--steps", "0"]),
      expect: "--steps must be at least 1, not 0"),
    .init(
      explaining(["--method", "integrated-gradients", "--steps", "-5"]),
      expect: "--steps must be at least 1, not -5"),
    .init(
      explaining(["--method", "integrated-gradients", "--steps=-5"]),
      expect: "--steps must be at least 1, not -5"),
    .init(explaining(["--method", "integrated-gradients", "--steps", "many"]), expect: "--steps"),
    .init(
      explaining(["--method", "smoothgrad", "--samples", "0"]),
      expect: "--samples must be at least 1, not 0"),
    .init(
      explaining(["--method", "vargrad", "--samples", "-3"]),
      expect: "--samples must be at least 1, not -3"),
    .init(
      explaining(["--method", "smoothgrad", "--sigma", "nan"]),
      expect: "--sigma must be a finite number above 0, not nan"),
    .init(
      explaining(["--method", "smoothgrad", "--sigma", "0"]),
      expect: "--sigma must be a finite number above 0"),
    .init(
      explaining(["--method", "smoothgrad", "--sigma", "-0.1"]),
      expect: "--sigma must be a finite number above 0, not -0.1"),
    .init(
      explaining(["--method", "smoothgrad", "--sigma", "inf"]),
      expect: "--sigma must be a finite number above 0, not inf"),
    .init(
      explaining(["--method", "epsilon-lrp", "--epsilon", "nan"]),
      expect: "--epsilon must be a finite number above 0, not nan"),
    .init(
      explaining(["--method", "epsilon-lrp", "--epsilon", "-1"]),
      expect: "--epsilon must be a finite number above 0, not -1"),
    .init(
      explaining(["--method", "epsilon-lrp", "--epsilon", "0"]),
      expect: "--epsilon must be a finite number above 0"),
    .init(
      explaining(["--method", "deepshap", "--references", "0"]),
      expect: "--references must be at least 1, not 0"),
    .init(
      explaining(["--method", "integrated-gradients", "--integration", "simpson"]),
      expect: "--integration must be riemann-trapezoid or gauss-legendre, not 'simpson'"),
    .init(
      explaining(["--method", "grad-cam", "--upsample", "cubic"]),
      expect: "--upsample must be nearest or linear, not 'cubic'"),
    .init(
      explaining(["--method", "integrated-gradients", "--baseline", "shuffle:0"]),
      expect: "--baseline shuffle:K needs a whole K of at least 1"),
    .init(
      explaining(["--method", "integrated-gradients", "--baseline", "shuffle:x"]),
      expect: "--baseline shuffle:K"),
    .init(
      explaining(["--method", "integrated-gradients", "--baseline", "ones"]),
      expect: "--baseline must be zeros, uniform or shuffle[:K], not 'ones'"),
    .init(explaining(["--method", "bogus"]), expect: "unknown method 'bogus'"),
    .init(
      explaining(["--method", "saliency", "--target", "7"]),
      expect: "--target 7 is outside the model's 2 outputs; choose from 0-1"),
    .init(
      predict + ["--limit", "0", "--output", "{dir}/p.tsv"],
      expect: "--limit must be at least 1, not 0"),
    .init(
      predict + ["--limit=-1", "--output", "{dir}/p.tsv"],
      expect: "--limit must be at least 1, not -1"),
    .init(
      predict + ["--threads", "0", "--output", "{dir}/p.tsv"],
      expect: "--threads must be at least 1, not 0"),
    .init(
      predict + ["--threads", "-2", "--output", "{dir}/p.tsv"],
      expect: "--threads must be at least 1, not -2"),
    .init(
      predict + ["--lengths", "crop:0", "--output", "{dir}/p.tsv"],
      expect: "--lengths crop:0: LENGTH must be at least 1"),
    .init(
      predict + ["--lengths", "pad:-3", "--output", "{dir}/p.tsv"],
      expect: "--lengths pad:-3: LENGTH must be at least 1"),
    .init(
      predict + ["--lengths", "trim", "--output", "{dir}/p.tsv"],
      expect: "--lengths must be reject, pad:LENGTH or crop:LENGTH, not 'trim'"),
    .init(
      predict + ["--lengths", "pad:", "--output", "{dir}/p.tsv"],
      expect: "--lengths must be reject, pad:LENGTH or crop:LENGTH, not 'pad:'"),
    .init(
      predict + ["--memory", "12Q", "--output", "{dir}/p.tsv"],
      expect: "--memory: '12Q' is not a memory size"),
    .init(
      predict + ["--memory", "1K", "--output", "{dir}/p.tsv"],
      expect: "--memory: a memory budget of", "too small"),
    .init(
      checkModel + ["--top-k", "0", "--metrics", "top-k", "--output", "{dir}/r.tsv"],
      expect: "--top-k must be at least 1, not 0"),
    .init(
      checkModel + ["--seeds", "0", "--output", "{dir}/r.tsv"],
      expect: "--seeds must be at least 1, not 0"),
    .init(
      checkModel + ["--smooth", "0", "--output", "{dir}/r.tsv"],
      expect: "--smooth must be at least 1, not 0"),
    .init(
      checkModel + ["--order", "sideways", "--output", "{dir}/r.tsv"],
      expect: "--order must be cascading, bottom-up, independent or complete, not 'sideways'"),
    .init(
      checkModel + ["--metrics", "bogus", "--output", "{dir}/r.tsv"],
      expect: "unknown metric 'bogus'"),
    .init(
      checkModel + ["--view", "sideways", "--output", "{dir}/r.tsv"],
      expect: "--view must be full, observed-base or channel-sum, not 'sideways'"),
    .init(
      checkModel + ["--threshold", "nan", "--output", "{dir}/r.tsv"],
      expect: "--threshold must be a finite number, not nan"),
    .init(
      checkModel + ["--verdict-stage", "middle", "--output", "{dir}/r.tsv"],
      expect: "--verdict-stage must be mean, first or last, not 'middle'"),
    .init(
      checkClass + ["--other", "99", "--output", "{dir}/r.tsv"],
      expect: "--other 99 is outside the model's 2 outputs; give 0 to 1"),
    .init(
      checkClass + ["--other", "-1", "--output", "{dir}/r.tsv"],
      expect: "--other -1 is outside the model's 2 outputs"),
    .init(
      checkClass + ["--other", "next", "--output", "{dir}/r.tsv"],
      expect: "--other must be random or a unit index, not 'next'"),
    .init(
      checkInvariance + ["--shift", "inf", "--output", "{dir}/r.tsv"],
      expect: "--shift must be a finite number, not inf"),
    .init(
      checkLabels + ["--epochs", "0", "--output", "{dir}/r.tsv"],
      expect: "--epochs must be at least 1, not 0"),
    .init(
      checkLabels + ["--learning-rate", "-1", "--output", "{dir}/r.tsv"],
      expect: "--learning-rate must be a finite number above 0, not -1"),
    .init(
      train + ["--epochs", "0", "--output", "{dir}/m.h5"],
      expect: "--epochs must be at least 1, not 0"),
    .init(
      train + ["--batch-size", "0", "--output", "{dir}/m.h5"],
      expect: "--batch-size must be at least 1, not 0"),
    .init(
      train + ["--learning-rate", "nan", "--output", "{dir}/m.h5"],
      expect: "--learning-rate must be a finite number above 0, not nan"),
    .init(
      train + ["--validation-split", "1.5", "--output", "{dir}/m.h5"],
      expect: "--validation-split must be between 0.0 and 1.0, exclusive, not 1.5"),
    .init(
      train + ["--patience", "0", "--output", "{dir}/m.h5"],
      expect: "--patience must be at least 1, not 0"),
    .init(
      train + ["--optimizer", "rmsprop", "--output", "{dir}/m.h5"],
      expect: "--optimizer must be adam or sgd, not 'rmsprop'"),
    .init(
      ["simulate", "--output", "{dir}/sim", "--train-count", "0"],
      expect: "--train-count must be at least 1, not 0"),
    .init(
      ["simulate", "--output", "{dir}/sim", "--test-count", "-4"],
      expect: "--test-count must be at least 1, not -4"),
    .init(
      ["simulate", "--output", "{dir}/sim", "--gc-content", "2"],
      expect: "--gc-content must be between 0.0 and 1.0, not 2.0"),
    .init(
      ["simulate", "--output", "{dir}/sim", "--length", "0"],
      expect: "--length must be at least 1, not 0"),
    .init(
      ["demo", "--output", "{dir}/demo", "--count", "0"],
      expect: "--count must be at least 1, not 0"),
    .init(
      ["demo", "--output", "{dir}/demo", "--seeds", "-1"],
      expect: "--seeds must be at least 1, not -1"),
    .init(["bench", "--threads", "0"], expect: "--threads must be at least 1, not 0"),
    .init(["bench", "--scale", "-1"], expect: "--scale must be a finite number above 0, not -1"),
    .init(["bench", "--item", "nothing"], expect: "nothing"),
    .init(
      ["report", "{dir}/r.json", "--output", "{dir}/p.html", "--memory", "lots"], [results],
      expect: "--memory: 'lots' is not a memory size"),
  ]

  static func explaining(_ extra: [String]) -> [String] {
    ["explain", "--model", model, "--input", sequences, "--limit", "3"] + extra + [
      "--output", "{dir}/out.h5",
    ]
  }
}
