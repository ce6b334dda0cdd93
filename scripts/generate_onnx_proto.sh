#!/usr/bin/env bash
# Regenerates Sources/SanityChecker/IO/ONNX/Generated/onnx.pb.swift from onnx.proto.
# Run by hand, only when onnx.proto or swift-protobuf changes; the package's own build never
# builds the protoc plugin (about 10 minutes on 2 cores).
#   bash scripts/generate_onnx_proto.sh [WORKDIR]
# Needs: protoc (Debian `protobuf-compiler`, 3.21.12 made the committed file), git, swift, and
# PyPI for the `onnx` package that carries onnx.proto.
# Pins: onnx 1.23.2 (onnx.proto, IR version 13), apple/swift-protobuf 1.39.0 (protoc-gen-swift,
# the same version Package.swift depends on; generated code and runtime must match).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
onnx_version=1.23.2
protobuf_version=1.39.0
command -v protoc >/dev/null || { echo "generate_onnx_proto: install protoc: apt-get install protobuf-compiler" >&2; exit 1; }
if [ ! -x "$work/swift-protobuf/.build/release/protoc-gen-swift" ]; then
  git clone -q --branch "$protobuf_version" https://github.com/apple/swift-protobuf "$work/swift-protobuf"
  (cd "$work/swift-protobuf" && swift build -c release --product protoc-gen-swift)
fi
if [ ! -f "$work/onnx.proto" ]; then
  python3 -m venv "$work/venv"
  "$work/venv/bin/pip" install -q --disable-pip-version-check "onnx==$onnx_version"
  cp "$("$work/venv/bin/python" -c 'import onnx, os; print(os.path.dirname(onnx.__file__))')/onnx.proto" "$work/onnx.proto"
fi
mkdir -p "$work/out"
(cd "$work" && protoc --plugin=protoc-gen-swift="$work/swift-protobuf/.build/release/protoc-gen-swift" \
  --swift_out=out --swift_opt=Visibility=Internal onnx.proto)
cp "$work/out/onnx.pb.swift" "$root/Sources/SanityChecker/IO/ONNX/Generated/onnx.pb.swift"
echo "wrote Sources/SanityChecker/IO/ONNX/Generated/onnx.pb.swift (onnx $onnx_version, swift-protobuf $protobuf_version)"
