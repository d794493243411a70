import ArgumentParser
import LadderImport

/// `ladderlint import ladder FILE`: arguments into a request; LadderImporter decides the rest.
struct ImportLadderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ladder",
        abstract: "Write a ladder document from a competency matrix (YAML or JSON) or a Markdown table of titles.",
        discussion: """
            A matrix has 'levels' (lowest first), 'themes' and 'competencies' naming a level each; every \
            competency's summary becomes a promotion criterion of its level. A Markdown table is \
            '| grade | IC title | manager title |'. Grades come from the order of the levels or the grade \
            column; tracks from the columns, or from ids and titles (-ic; -em, -pm, Manager, Director, \
            Head of, VP). See docs/import.md.
            """)

    @Argument(help: "The competency matrix (.yaml, .yml, .json) or the Markdown file (.md) to read.")
    var file: String

    @Option(help: "The ladder's id (default: from the file's name).")
    var id: String?

    @Option(help: "The ladder's name (default: the id, title-cased).")
    var name: String?

    @Option(name: .customLong("grades"), help: ArgumentHelp("The grade of a level (an id, source id or title); repeatable, or comma-separated.", valueName: "LEVEL=N"))
    var grades: [String] = []

    @Option(name: .customLong("track"), help: ArgumentHelp("The track of a level: ic, management or shared; repeatable, or comma-separated.", valueName: "LEVEL=TRACK"))
    var tracks: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write to this file (default: stdout); never over an existing file without --force.", valueName: "FILE"))
    var output: String?

    @Flag(help: "Replace the -o file if it exists.")
    var force = false

    func run() throws {
        var request = LadderImporter.Request(input: file)
        request.output = output
        request.force = force
        request.id = id
        request.name = name
        request.grades = grades
        request.tracks = tracks
        let result = LadderImporter.run(request)
        emit(result.stdout, result.stderr)
        throw ExitCode(result.exitCode)
    }
}
