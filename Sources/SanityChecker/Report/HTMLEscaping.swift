import Foundation

/// Text helpers for the HTML report: escaping, ids, and locale-free number formatting.
///
/// Every string that reaches the page goes through ``escape(_:)``, including method, layer and
/// metric names, which come from model files and command lines.
enum HTML {
  /// Escapes text for element content and for single- or double-quoted attribute values.
  /// - Parameter text: Any text.
  /// - Returns: The text with `&`, `<`, `>`, `"` and `'` replaced by character references.
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// An element id made of lowercase ASCII letters, digits and single hyphens.
  /// - Parameter parts: The id's parts, e.g. `["chart", check, metric, view]`.
  /// - Returns: The parts joined by hyphens, every other character run replaced by one hyphen.
  static func slug(_ parts: [String]) -> String {
    var result = ""
    var pendingHyphen = false
    for scalar in parts.joined(separator: "-").lowercased().unicodeScalars {
      if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingHyphen, !result.isEmpty { result += "-" }
        result.unicodeScalars.append(scalar)
        pendingHyphen = false
      } else {
        pendingHyphen = true
      }
    }
    return result
  }

  /// A coordinate for SVG attributes: at most `digits` decimals, trailing zeros dropped, never `-0`.
  /// - Parameters:
  ///   - value: The coordinate.
  ///   - digits: The decimals kept (1 by default: a tenth of a pixel).
  /// - Returns: E.g. `12.5`, `3`, `-0.2`.
  static func coordinate(_ value: Double, digits: Int = 1) -> String {
    var text = String(format: "%.\(digits)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// A number for people: 3 significant digits, `n/a` for NaN.
  /// - Parameter value: The number.
  /// - Returns: E.g. `0.512`, `-0.0031`, `n/a`.
  static func number(_ value: Double) -> String {
    guard value.isFinite else { return value.isNaN ? "n/a" : (value > 0 ? "∞" : "−∞") }
    let text = String(format: "%.3g", value)
    return text == "-0" ? "0" : text
  }

  /// An element with escaped text content.
  /// - Parameters:
  ///   - tag: The tag name.
  ///   - text: The unescaped text.
  ///   - attributes: Attributes as raw `name="value"` text, already escaped.
  /// - Returns: E.g. `<th class="x">a &amp; b</th>`.
  static func element(_ tag: String, _ text: String, attributes: String = "") -> String {
    "<\(tag)\(attributes.isEmpty ? "" : " " + attributes)>\(escape(text))</\(tag)>"
  }
}
