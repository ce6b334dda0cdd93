/// An error one-hot encoding a set of sequences: a length the ``LengthPolicy`` does not allow.
public enum OneHotError: Error, Equatable, Sendable, CustomStringConvertible {
  /// With ``LengthPolicy/reject``, a sequence's length differs from the first sequence's.
  case unequalLength(record: String, length: Int, expected: Int, firstRecord: String)
  /// With ``LengthPolicy/padWithN(to:)``, a sequence is longer than the padded length.
  case longerThanPadding(record: String, length: Int, target: Int)
  /// With ``LengthPolicy/centreCrop(to:)``, a sequence is shorter than the cropped length.
  case shorterThanCrop(record: String, length: Int, target: Int)

  /// A padded or cropped length below 1 base.
  case invalidTargetLength(Int)

  /// A message naming the record and the lengths, with a remedy.
  public var description: String {
    switch self {
    case .unequalLength(let record, let length, let expected, let firstRecord):
      return
        "record '\(record)' has \(length) bases but the first record '\(firstRecord)' has "
        + "\(expected); bring them to one length with --lengths pad:N or --lengths crop:N"
    case .longerThanPadding(let record, let length, let target):
      return
        "record '\(record)' has \(length) bases, more than the padded length \(target); "
        + "pad to at least \(length) (--lengths pad:\(length)) or crop (--lengths crop:\(target))"
    case .invalidTargetLength(let length):
      return
        "a padded or cropped length of \(length) bases is impossible; give a length of at least 1"
    case .shorterThanCrop(let record, let length, let target):
      return
        "record '\(record)' has \(length) bases, fewer than the cropped length \(target); "
        + "crop to at most \(length) (--lengths crop:\(length)) or pad (--lengths pad:\(target))"
    }
  }
}
