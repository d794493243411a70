@testable import LadderDriver
import Testing

/// When a run starts itself again with glibc's per-thread cache enlarged (docs/performance.md):
/// only a parallel run that walks folders, and never twice.
@Suite struct MallocTuningTests {
    static func worth(_ paths: [String], jobs: Int?, cores: Int = 2, tunables: String? = nil) -> Bool {
        MallocTuning.worthRestarting(paths: paths, jobs: jobs, cores: cores, tunables: tunables) { $0.hasSuffix("/") }
    }

    @Test func aParallelFolderWalkRestarts() {
        #expect(Self.worth(["ladders/"], jobs: nil))
        #expect(Self.worth(["a.yaml", "ladders/"], jobs: 2))
        // No paths: the configured or default folders are walked.
        #expect(Self.worth([], jobs: nil))
    }

    @Test func namedFilesOneJobOrOneCoreNeverRestart() {
        // The pre-commit case: named files only.
        #expect(!Self.worth(["a.yaml", "b.yaml"], jobs: nil))
        #expect(!Self.worth(["ladders/"], jobs: 1))
        #expect(!Self.worth(["ladders/"], jobs: nil, cores: 1))
    }

    @Test func aRestartedRunDoesNotRestartAgain() {
        let once = MallocTuning.adding(to: nil)
        #expect(once == "glibc.malloc.tcache_count=2000")
        #expect(!Self.worth(["ladders/"], jobs: nil, tunables: once))
        // Settings the user gave are kept, and one of their own for the cache wins.
        #expect(MallocTuning.adding(to: "glibc.malloc.arena_max=2") == "glibc.malloc.arena_max=2:glibc.malloc.tcache_count=2000")
        #expect(!Self.worth(["ladders/"], jobs: nil, tunables: "glibc.malloc.tcache_count=7"))
        #expect(Self.worth(["ladders/"], jobs: nil, tunables: "glibc.malloc.arena_max=2"))
    }
}
