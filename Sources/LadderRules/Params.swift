import LadderModel
import LadderOutput

/// A parameter value of a rule.
public enum ParamValue: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case int(Int)
    case string(String)
    case strings([String])

    public var description: String {
        switch self {
        case .number(let d): return Format.plain(d)
        case .int(let i): return String(i)
        case .string(let s): return s
        case .strings(let l): return "[" + l.joined(separator: ", ") + "]"
        }
    }

    public var jsonValue: JSONValue {
        switch self {
        case .number(let d): return .number(d)
        case .int(let i): return .int(i)
        case .string(let s): return .string(s)
        case .strings(let l): return .array(l.map { .string($0) })
        }
    }
}

/// The type a check declares for one of its parameters.
public enum ParamType: Sendable, Equatable, CustomStringConvertible {
    case number(min: Double?, max: Double?)
    case int(min: Int?)
    case choice([String])
    case text
    case strings

    public var description: String {
        switch self {
        case .number(let lo, let hi):
            switch (lo, hi) {
            case (let lo?, let hi?): return "a number from \(Format.plain(lo)) to \(Format.plain(hi))"
            case (let lo?, nil): return "a number >= \(Format.plain(lo))"
            default: return "a number"
            }
        case .int(let lo): return lo.map { "a whole number >= \($0)" } ?? "a whole number"
        case .choice(let c): return "one of " + c.joined(separator: ", ")
        case .text: return "text"
        case .strings: return "a list of text"
        }
    }
}

/// A parameter a check accepts, with its type, default and meaning.
public struct ParamSpec: Sendable {
    public var name: String
    public var type: ParamType
    public var defaultValue: ParamValue
    public var doc: String

    public init(_ name: String, _ type: ParamType, _ defaultValue: ParamValue, _ doc: String) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
    }
}

/// The parameters of one rule, validated against its check's specs when the pack loads.
public struct Params: Sendable, Equatable {
    public var values: [String: ParamValue]

    public init(_ values: [String: ParamValue] = [:]) {
        self.values = values
    }

    public func number(_ name: String) -> Double {
        switch values[name] {
        case .number(let d)?: return d
        case .int(let i)?: return Double(i)
        default: return 0
        }
    }

    public func int(_ name: String) -> Int {
        switch values[name] {
        case .int(let i)?: return i
        // Saturating: Int(d) traps past Int64 (or on nan).
        case .number(let d)?: return Int(exactly: d.rounded(.towardZero)) ?? (d < 0 ? .min : .max)
        default: return 0
        }
    }

    public func string(_ name: String) -> String {
        if case .string(let s)? = values[name] { return s }
        return ""
    }

    public func strings(_ name: String) -> [String] {
        if case .strings(let l)? = values[name] { return l }
        return []
    }
}
