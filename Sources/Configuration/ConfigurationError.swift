/// Everything wrong with a configuration file, each problem with its line and what to write instead.
public struct ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [Problem]
    /// The file was not read at all because someone untrusted could have written it (see `TrustedFile`).
    public var untrusted = false

    public init(problems: [Problem], untrusted: Bool = false) {
        self.problems = problems
        self.untrusted = untrusted
    }

    /// One mistake: where it is (file, line, key path) and what is wrong and how to fix it.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// The file as the user named it.
        public var file: String
        /// The dotted key path, e.g. `categories.product_defect.acknowledge`; empty for a syntax error.
        public var path: String
        /// 1-based; nil when the problem has no place in the file (the file cannot be read).
        public var line: Int?
        public var message: String

        public init(file: String, path: String, line: Int?, message: String) {
            self.file = file
            self.path = path
            self.line = line
            self.message = message
        }

        /// `escalator.toml:12: categories.product_defect.acknowledge: "4 hours" is not a duration; …`
        public var description: String {
            var text = file + ":"
            if let line { text += "\(line):" }
            if !path.isEmpty { text += " \(path):" }
            return text + " " + message
        }
    }

    /// One problem per line, in file order.
    public var description: String {
        problems.map(\.description).joined(separator: "\n")
    }
}
