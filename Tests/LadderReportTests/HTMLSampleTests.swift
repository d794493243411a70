import Foundation
import LadderDriver
import LadderReport
import Testing

/// docs/sample-report.html is the report of the sample ladders, as the command in
/// docs/report.md writes it: a golden file, so a change of the report shows up in review.
/// `LADDERLINT_UPDATE_SAMPLE=1 swift test --filter HTMLSample` rewrites it and the screenshot.
@Suite(.serialized) struct HTMLSampleTests {
    @Test func theSampleReportInDocsIsTheReportOfTheSampleLadders() throws {
        let samples = try #require(HTMLRepo.samples, "the sample ladders (ladders/) are missing")
        let run = try HTMLRun.lint([samples])
        let path = HTMLRepo.path("docs/sample-report.html")
        if ProcessInfo.processInfo.environment["LADDERLINT_UPDATE_SAMPLE"] == "1" {
            try run.html.write(toFile: path, atomically: true, encoding: .utf8)
            _ = try HTMLBrowserVisit.open(path, screenshot: HTMLRepo.path("docs/report-screenshot.png"), width: 1280, height: 2000)
        }
        let current = try String(contentsOfFile: path, encoding: .utf8)
        #expect(current == run.html, "docs/sample-report.html is out of date: run LADDERLINT_UPDATE_SAMPLE=1 swift test --filter HTMLSample")
    }
}
