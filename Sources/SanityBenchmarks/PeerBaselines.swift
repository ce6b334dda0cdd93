import Foundation

/// One peer measurement to compare an item with.
public struct PeerFigure: Hashable, Sendable {
  /// The peer library and setting, for example `torch bs100`.
  public var library: String
  /// Items per second (the best batch size the peer script found).
  public var itemsPerSecond: Double
  /// The median seconds per run.
  public var seconds: Double
  /// The peer script's peak RSS in MiB (for the whole script, not per item).
  public var peakRSSMegabytes: Double?

  /// Creates a figure.
  /// - Parameters:
  ///   - library: The peer and its setting.
  ///   - itemsPerSecond: Items per second.
  ///   - seconds: Seconds per run.
  ///   - peakRSSMegabytes: The script's peak RSS in MiB.
  public init(library: String, itemsPerSecond: Double, seconds: Double, peakRSSMegabytes: Double?) {
    self.library = library
    self.itemsPerSecond = itemsPerSecond
    self.seconds = seconds
    self.peakRSSMegabytes = peakRSSMegabytes
  }
}

/// The Python peers' figures per benchmark item (Captum, zennit, tangermeme, Quantus, numpy).
///
/// ``recorded`` holds the figures of `shared/peers/RESULTS.md` (measured 2026-11-23);
/// ``init(resultsFolder:)`` reads a fresh `run_peers.sh` run's `results/bench_*.json`, taking
/// for each item the fastest entry of its family (the best batch size, as RESULTS.md does).
public struct PeerBaselines: Sendable {
  /// The figures keyed by item name.
  public var figures: [String: PeerFigure]
  /// Where the figures come from.
  public var source: String
  /// The host's 2-thread FMA peak in GFLOP/s (the widest vector unit the peers'
  /// `fma_peak.c` measured), for the fraction of peak each compute-bound item reaches.
  public var fmaPeakGFLOPS: Double?

  /// Creates baselines.
  /// - Parameters:
  ///   - figures: The figures keyed by item name.
  ///   - source: Where they come from.
  ///   - fmaPeakGFLOPS: The host's 2-thread FMA peak, if measured.
  public init(figures: [String: PeerFigure], source: String, fmaPeakGFLOPS: Double? = nil) {
    self.figures = figures
    self.source = source
    self.fmaPeakGFLOPS = fmaPeakGFLOPS
  }

  /// The item's entries in the peers' JSON (key prefix) and the library that produced them.
  static let sources: [String: (file: String, prefix: String, library: String)] = [
    "dna.forward": ("bench_dna.json", "forward_bs", "torch"),
    "dna.saliency": ("bench_dna.json", "saliency_bs", "captum"),
    "dna.integrated-gradients": ("bench_dna.json", "integrated_gradients_bs", "captum"),
    "dna.guided-backprop": ("bench_dna.json", "guided_backprop_bs", "captum"),
    "dna.epsilon-lrp": ("bench_dna.json", "lrp_epsilon_bs", "zennit"),
    "dna.ism": ("bench_dna.json", "ism_tangermeme_", "tangermeme"),
    "dna.cascade": ("bench_dna.json", "cascade_", "captum+zennit+scipy"),
    "dna.mprt-saliency": ("bench_dna.json", "quantus_mprt_saliency", "quantus"),
    "deepsea.forward": ("bench_deepsea.json", "forward_bs", "torch"),
    "deepsea.saliency": ("bench_deepsea.json", "saliency_bs", "captum"),
    "deepsea.ig50": ("bench_deepsea.json", "ig50_", "captum"),
    "deepsea.ism": ("bench_deepsea.json", "ism_tangermeme_fast_True", "tangermeme"),
    "deepsea.ism.plain": ("bench_deepsea.json", "ism_tangermeme_fast_False", "tangermeme"),
    "mnist.forward": ("bench_mnist.json", "forward_bs", "torch"),
    "mnist.saliency": ("bench_mnist.json", "saliency_bs", "captum"),
    "mnist.integrated-gradients": ("bench_mnist.json", "integrated_gradients_bs", "captum"),
    "mnist.cascade": ("bench_mnist.json", "cascade_", "captum+skimage"),
  ]

  /// The figures of `shared/peers/RESULTS.md` (2 threads, median of 5 runs, best batch size).
  public static let recorded = PeerBaselines(
    figures: [
      "dna.forward": PeerFigure(
        library: "torch bs100", itemsPerSecond: 492_909, seconds: 0.020288, peakRSSMegabytes: 1738),
      "dna.saliency": PeerFigure(
        library: "captum bs250", itemsPerSecond: 97_614, seconds: 0.10244, peakRSSMegabytes: 1738),
      "dna.integrated-gradients": PeerFigure(
        library: "captum bs25", itemsPerSecond: 1377.3, seconds: 7.2607, peakRSSMegabytes: 1738),
      "dna.guided-backprop": PeerFigure(
        library: "captum bs250", itemsPerSecond: 84_479, seconds: 0.11837, peakRSSMegabytes: 1738),
      "dna.epsilon-lrp": PeerFigure(
        library: "zennit bs250", itemsPerSecond: 70_051, seconds: 0.14275, peakRSSMegabytes: 1738),
      "dna.ism": PeerFigure(
        library: "tangermeme bs4096", itemsPerSecond: 1454, seconds: 6.88, peakRSSMegabytes: 1738),
      "dna.cascade": PeerFigure(
        library: "captum+zennit", itemsPerSecond: 166.13, seconds: 6.0193, peakRSSMegabytes: 1738),
      "dna.mprt-saliency": PeerFigure(
        library: "quantus bs64", itemsPerSecond: 743.92, seconds: 1.3442, peakRSSMegabytes: 1738),
      "mnist.forward": PeerFigure(
        library: "torch bs100", itemsPerSecond: 9248.2, seconds: 0.10813, peakRSSMegabytes: 2716),
      "mnist.saliency": PeerFigure(
        library: "captum bs50", itemsPerSecond: 4760.5, seconds: 0.21006, peakRSSMegabytes: 2716),
      "mnist.integrated-gradients": PeerFigure(
        library: "captum bs10", itemsPerSecond: 86.830, seconds: 11.517, peakRSSMegabytes: 2716),
      "mnist.cascade": PeerFigure(
        library: "captum+skimage", itemsPerSecond: 11.103, seconds: 90.063, peakRSSMegabytes: 2716),
      "sgemm": PeerFigure(
        library: "numpy OpenBLAS 0.3.31", itemsPerSecond: 13.824, seconds: 0.072337,
        peakRSSMegabytes: 777),
    ],
    source: "shared/peers/RESULTS.md (2026-11-23)",
    fmaPeakGFLOPS: 495.9)

  /// Reads a peers run's `bench_dna.json`, `bench_mnist.json`, `bench_deepsea.json`,
  /// `bench_gemm.json` and `fma_peak.json` (each optional).
  /// - Parameter resultsFolder: The run's `results` folder.
  /// - Throws: A file or JSON error when a file is unreadable.
  public init(resultsFolder: URL) throws {
    var figures: [String: PeerFigure] = [:]
    var files: [String: [String: Any]] = [:]
    for name in [
      "bench_dna.json", "bench_mnist.json", "bench_deepsea.json", "bench_gemm.json",
      "fma_peak.json",
    ] {
      let url = resultsFolder.appendingPathComponent(name)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      files[name] = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
    }
    for (item, origin) in Self.sources {
      guard let file = files[origin.file], let entries = file["items"] as? [String: Any] else {
        continue
      }
      let candidates = entries.compactMap { key, value -> (String, Double, Double)? in
        guard key.hasPrefix(origin.prefix), let entry = value as? [String: Any],
          let rate = entry["items_per_s"] as? Double, let seconds = entry["median_s"] as? Double
        else { return nil }
        return (key, rate, seconds)
      }
      guard let best = candidates.max(by: { $0.1 < $1.1 }) else { continue }
      figures[item] = PeerFigure(
        library: "\(origin.library) (\(best.0))", itemsPerSecond: best.1, seconds: best.2,
        peakRSSMegabytes: file["maxrss_mib"] as? Double)
    }
    if let gemm = files["bench_gemm.json"], let numpy = gemm["numpy_sgemm"] as? [String: Any],
      let seconds = numpy["median_s"] as? Double
    {
      figures["sgemm"] = PeerFigure(
        library: "numpy sgemm", itemsPerSecond: 1 / seconds, seconds: seconds,
        peakRSSMegabytes: gemm["maxrss_mib"] as? Double)
    }
    let peaks = (files["fma_peak.json"] ?? [:]).compactMap { key, value in
      key.hasSuffix("_2threads") ? value as? Double : nil
    }
    self.init(figures: figures, source: resultsFolder.path, fmaPeakGFLOPS: peaks.max())
  }
}
