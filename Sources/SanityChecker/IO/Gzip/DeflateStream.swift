import CZlib

/// A zlib deflate stream producing one gzip member, feeding its output to a sink.
final class DeflateStream {
  private let stream: UnsafeMutablePointer<z_stream>
  private let output: UnsafeMutablePointer<UInt8>
  private let outputCapacity = 1 << 16

  init(level: Int, file: String) throws(GzipError) {
    precondition((0...9).contains(level), "GzipWriter: level must be 0...9, got \(level)")
    stream = .allocate(capacity: 1)
    stream.initialize(to: z_stream())
    output = .allocate(capacity: outputCapacity)
    guard shim_deflateInit2(stream, Int32(level)) == Z_OK else {
      stream.deallocate()
      output.deallocate()
      throw .systemError(file: file, operation: "initialise zlib", reason: "out of memory")
    }
  }

  deinit {
    deflateEnd(stream)
    stream.deinitialize(count: 1)
    stream.deallocate()
    output.deallocate()
  }

  /// Deflates `bytes` (and, when `isFinal`, ends the member), passing output to `sink`.
  func deflate(
    _ bytes: [UInt8], isFinal: Bool, sink: (UnsafeBufferPointer<UInt8>) throws(GzipError) -> Void
  ) throws(GzipError) {
    var input = bytes
    try input.withUnsafeMutableBufferPointer { (buffer) throws(GzipError) in
      stream.pointee.next_in = buffer.baseAddress
      stream.pointee.avail_in = UInt32(buffer.count)
      let flush = isFinal ? Z_FINISH : Z_NO_FLUSH
      repeat {
        stream.pointee.next_out = output
        stream.pointee.avail_out = UInt32(outputCapacity)
        let status = CZlib.deflate(stream, flush)
        precondition(status != Z_STREAM_ERROR, "DeflateStream: zlib state is inconsistent")
        let produced = outputCapacity - Int(stream.pointee.avail_out)
        try sink(UnsafeBufferPointer(start: output, count: produced))
        if status == Z_STREAM_END { break }
      } while stream.pointee.avail_out == 0 || stream.pointee.avail_in > 0 || isFinal
      stream.pointee.next_in = nil
    }
  }
}
