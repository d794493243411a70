import ArgumentParser
import LadderImport

/// `ladderlint import survey FILE`: arguments into SurveyImport.Arguments; SurveyImport decides
/// the rest.
struct ImportSurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "Aggregate a per-respondent survey export (CSV or TSV) into an anonymous kind: survey document.",
        discussion: """
            One row per respondent, a role column and one column per question with Likert answers \
            (Agree ... Disagree, Yes/No, or numbers with --scale). Writes counts per question and \
            audience only; groups smaller than --min-group are written as withheld: true, without their \
            counts, and so is any figure that would give one away. No answer, name or email is ever written. \
            See docs/import.md.
            """)

    @Argument(help: "The survey export: a .csv (comma or semicolon) or .tsv file.")
    var file: String

    @Option(help: "The id of the ladder whose people answered.")
    var ladder: String

    @Option(help: "The date the survey closed, YYYY-MM-DD (default: the latest date of the export's timestamp column).")
    var conducted: String?

    @Option(help: "The column that says who answered: its header, first words or letter (default: Role, Track, Job family, Position, Level type or \"Are you a manager?\").")
    var roleColumn: String?

    @Option(name: .customLong("role"), help: "VALUE=individual-contributor|management|tech-lead|skip: the audience of a role value; repeatable.")
    var roles: [String] = []

    @Option(help: "The answers that count as agreeing, separated by commas (default: the upper half of the scale).")
    var agree: String?

    @Option(help: "A numeric scale, e.g. 1-5, or a scale's answers lowest first, e.g. \"Never,Rarely,Sometimes,Often,Always\".")
    var scale: String?

    @Option(name: .customLong("question"), help: "COLUMN=ID or COLUMN=skip: the question id of a column (header, first words or letter); repeatable.")
    var questions: [String] = []

    @Option(help: "The smallest group written (default: survey-small-group's min_group, 5).")
    var minGroup: Int?

    @Option(name: .customLong("previous"), help: "Ladder files or folders with this ladder's earlier surveys: a figure that would give a small group away next to theirs is withheld; repeatable.")
    var previous: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "Write to this file (default: stdout); never over an existing file without --force.")
    var output: String?

    @Flag(help: "Replace the -o file if it exists.")
    var force = false

    func run() throws {
        var arguments = SurveyImport.Arguments(file: file, ladder: ladder)
        arguments.conducted = conducted
        arguments.roleColumn = roleColumn
        arguments.roles = roles
        arguments.agree = agree
        arguments.scale = scale
        arguments.questions = questions
        arguments.minGroup = minGroup
        arguments.previous = previous
        arguments.output = output
        arguments.force = force
        let result = SurveyImport.execute(arguments)
        emit(result.stdout, result.stderr)
        throw ExitCode(result.exitCode)
    }
}
