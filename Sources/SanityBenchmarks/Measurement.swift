/// One timed workload: what a run does and how much it counts.
struct Measurement {
  /// The items one run processes.
  let items: Int
  /// The FLOPs per item for GFLOP/s, or `nil`.
  let flopsPerItem: Double?
  /// One run.
  let body: () throws -> Void
}
