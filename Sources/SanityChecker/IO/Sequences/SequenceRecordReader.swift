/// A streaming reader of named nucleotide sequences, one record at a time.
///
/// ``FASTAReader`` and ``SeqFileReader`` conform, so batch encoders such as
/// ``OneHot/forEachBatch(from:batchSize:_:)`` work with either format.
public protocol SequenceRecordReader: AnyObject {
  /// The file's name as given, used in messages.
  var file: String { get }

  /// The next record's identifier and bases (uppercase ASCII IUPAC codes).
  /// - Returns: The record, or `nil` after the last one.
  /// - Throws: The format's error enum (``FASTAError``, ``SeqFileError``).
  func nextSequence() throws -> (id: String, sequence: [UInt8])?
}
