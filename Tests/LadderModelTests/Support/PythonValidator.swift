import Foundation

/// Runs the JSON Schema validator of the test venv (`.venv`, made by scripts/test-setup).
enum PythonValidator {
    static let python = ModelTestFiles.repoRoot.appendingPathComponent(".venv/bin/python3")

    /// Validates each named JSON text against `schema`; returns "name: error" lines, empty when
    /// every instance is valid. Throws when the venv is missing, so the test fails and says so.
    static func validate(_ instances: [(name: String, json: String)], schema: URL) throws -> [String] {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw SetupError("the test venv is missing (\(python.path)): run scripts/test-setup")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ladderlint-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var names: [String] = []
        for (i, instance) in instances.enumerated() {
            try Data(instance.json.utf8).write(to: dir.appendingPathComponent("\(i).json"))
            names.append(instance.name)
        }
        try Data(names.joined(separator: "\n").utf8).write(to: dir.appendingPathComponent("names.txt"))
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, schema.path, dir.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else {
            throw SetupError("the validator failed (status \(process.terminationStatus)): \(text)")
        }
        return text.split(separator: "\n").map(String.init)
    }

    /// Checks the schema against its meta-schema, then every instance; prints one line per error.
    static let script = """
        import json, os, sys
        import jsonschema
        schema = json.load(open(sys.argv[1]))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=cls.FORMAT_CHECKER)
        folder = sys.argv[2]
        names = open(os.path.join(folder, "names.txt")).read().split("\\n")
        for i, name in enumerate(names):
            instance = json.load(open(os.path.join(folder, "%d.json" % i)))
            for e in sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.absolute_path))):
                path = "/".join(map(str, e.absolute_path))
                print("%s: at /%s: %s" % (name, path, e.message[:300]))
        """
}

struct SetupError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
