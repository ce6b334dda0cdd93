/// A streaming reader of named nucleotide sequences, one record at a time.
///
/// ``FASTAReader`` and ``SeqFileReader`` conform, so batch encoders such as
/// ``OneHot/forEachBatch(from:batchSize:_:)`` work with either format.
public protocol SequenceRecordReader: AnyObject {
  /// The file's name as given, used in messages.
  var file: String { get }

  /// Reads the next record's bases into a buffer, reusing the buffer's storage.
  ///
  /// Streaming consumers keep one buffer for the whole file, so reading a record allocates
  /// nothing for its bases.
  /// - Parameter bases: Replaced by the record's bases (uppercase ASCII IUPAC codes).
  /// - Returns: The record's identifier, or `nil` after the last record.
  /// - Throws: The format's error enum (``FASTAError``, ``SeqFileError``).
  func nextSequence(into bases: inout [UInt8]) throws -> String?
}
