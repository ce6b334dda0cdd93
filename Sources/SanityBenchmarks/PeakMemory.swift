import Foundation

/// The process's peak resident set size.
public enum PeakMemory {
  /// `getrusage(RUSAGE_SELF).ru_maxrss` in MiB (Linux reports KiB): the largest resident set
  /// the process has had so far, never smaller than the current one.
  public static var megabytes: Double {
    var usage = rusage()
    guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return 0 }
    return Double(usage.ru_maxrss) / 1024
  }
}
