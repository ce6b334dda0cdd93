import Foundation
import SwiftProtobuf

extension TargetNames {
  /// The field number of `ModelProto.metadata_props` (onnx.proto).
  static let metadataField: UInt64 = 14

  /// The `target_names` and `target_names/<head>` entries of an ONNX model's `metadata_props`.
  ///
  /// Only the model's top-level fields are walked (the graph, the bulk of the file, is skipped
  /// by its length), so the weights are not decoded a second time.
  /// - Parameter url: The `.onnx` file.
  /// - Returns: The lists found.
  /// - Throws: ``TargetNamesError/unreadable(file:place:reason:)``.
  static func storedInONNX(_ url: URL) throws(TargetNamesError) -> [Stored] {
    let data: Data
    do {
      data = try Data(contentsOf: url, options: .alwaysMapped)
    } catch {
      throw .unreadable(file: url.path, place: "metadata_props", reason: "the file cannot be read")
    }
    var stored: [Stored] = []
    for entry in try metadataEntries(data, file: url.path) {
      let head: String?
      if entry.key == key {
        head = nil
      } else if entry.key.hasPrefix(key + "/") {
        head = String(entry.key.dropFirst(key.count + 1))
      } else {
        continue
      }
      let place = "metadata_props entry '\(entry.key)'"
      stored.append(
        Stored(place: place, head: head, names: try list(entry.value, file: url.path, place: place))
      )
    }
    return stored
  }

  /// A metadata value as names: a JSON array of strings, or one name per line (blank lines
  /// skipped).
  static func list(_ value: String, file: String, place: String) throws(TargetNamesError)
    -> [String]
  {
    let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix("[") else {
      return trimmed.split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
    guard let parsed = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)),
      let names = parsed as? [String]
    else {
      throw .unreadable(
        file: file, place: place,
        reason:
          "is not a JSON array of strings; write [\"name0\", \"name1\", …] or one name per line")
    }
    return names
  }

  /// The `metadata_props` key/value pairs of a serialized `ModelProto`.
  static func metadataEntries(_ data: Data, file: String) throws(TargetNamesError)
    -> [Onnx_StringStringEntryProto]
  {
    var reader = ProtobufFieldReader(data: data)
    var entries: [Onnx_StringStringEntryProto] = []
    while !reader.isAtEnd {
      guard let next = reader.nextField() else {
        throw .unreadable(
          file: file, place: "metadata_props",
          reason: "the protobuf is damaged at byte \(reader.offset); export the model again")
      }
      guard next.field == metadataField, let bytes = next.bytes else { continue }
      do {
        entries.append(try Onnx_StringStringEntryProto(serializedBytes: bytes))
      } catch {
        throw .unreadable(
          file: file, place: "metadata_props",
          reason: "an entry cannot be decoded (\(error)); export the model again")
      }
    }
    return entries
  }
}
