import CZlib
import Foundation

extension IDXFile {
  /// Inflates a whole gzip file (one or more members) in memory with zlib, refusing to hold
  /// more than `limit` bytes (a small gzip file can inflate to gigabytes).
  /// - Parameters:
  ///   - data: The compressed bytes, starting with the gzip magic `1f 8b`.
  ///   - file: The file's path, for errors.
  ///   - limit: The most decompressed bytes to hold.
  /// - Returns: The decompressed bytes.
  /// - Throws: ``IDXError/corruptGzip(file:reason:)`` with zlib's message, or
  ///   ``IDXError/exceedsBudget(file:_:)`` past `limit`.
  static func inflateGzip(_ data: Data, file: String, limit: Int) throws(IDXError) -> [UInt8] {
    var input = [UInt8](data)
    var output: [UInt8] = []
    output.reserveCapacity(min(max(input.count * 4, 1 << 16), limit))
    var isOverLimit = false
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    var stream = z_stream()
    guard shim_inflateInit2(&stream, 15 + 32) == Z_OK else {
      throw .corruptGzip(file: file, reason: "zlib could not start")
    }
    defer { inflateEnd(&stream) }
    var failure: String?
    input.withUnsafeMutableBufferPointer { source in
      chunk.withUnsafeMutableBufferPointer { buffer in
        stream.next_in = source.baseAddress
        stream.avail_in = UInt32(source.count)
        while true {
          stream.next_out = buffer.baseAddress
          stream.avail_out = UInt32(buffer.count)
          let status = inflate(&stream, Z_NO_FLUSH)
          output.append(contentsOf: buffer[0..<(buffer.count - Int(stream.avail_out))])
          if output.count > limit {
            isOverLimit = true
            return
          }
          if status == Z_STREAM_END {
            // Another gzip member may follow (concatenated gzip files).
            guard stream.avail_in > 0, inflateReset(&stream) == Z_OK else { return }
            continue
          }
          if status == Z_OK || status == Z_BUF_ERROR {
            if stream.avail_out == 0 { continue }
            if stream.avail_in == 0 {
              failure = "unexpected end of compressed data"
              return
            }
            if status == Z_OK { continue }
          }
          failure = stream.msg.map { String(cString: $0) } ?? "zlib status \(status)"
          return
        }
      }
    }
    if isOverLimit {
      throw .exceedsBudget(
        file: file,
        .exceeded(
          what: "the decompressed data (stopped at this size)", bytes: output.count, budget: limit))
    }
    if let failure { throw .corruptGzip(file: file, reason: failure) }
    return output
  }
}
