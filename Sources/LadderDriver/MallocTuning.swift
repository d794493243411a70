import Foundation

/// glibc's allocator, tuned for a large parallel run by starting the process again with one
/// setting (docs/performance.md, "Two threads and glibc's allocator").
///
/// A file's model is built on one worker thread and often freed on another. Once the freeing
/// thread's cache for a size is full (7 chunks by default), each such `free` locks the arena
/// of the thread that allocated it, and the two workers then spend their time handing those
/// locks back and forth: on 10,000 organisations, two jobs used 16.3 s of CPU where one job
/// used 11.2 s. With a cache of 2,000 chunks per size, two jobs on 2,000 organisations used
/// 2.7–2.8 s of CPU, one job 2.9–3.2 s. glibc reads this setting only when a process starts
/// (`GLIBC_TUNABLES`; `mallopt` has no such option), hence the `exec`.
/// A run with one job, or on named files only (the pre-commit case), never pays for it.
public enum MallocTuning {
    static let variable = "GLIBC_TUNABLES"
    static let setting = "glibc.malloc.tcache_count=2000"

    /// Whether a run with these paths and jobs is worth starting again: more than one job,
    /// a folder to walk (or none named, so the configured or default folders), and the
    /// setting not yet in `tunables`, which is what a restarted process sees.
    static func worthRestarting(paths: [String], jobs: Int?, cores: Int, tunables: String?, isFolder: (String) -> Bool) -> Bool {
        guard (jobs ?? cores) > 1 else { return false }
        if let tunables, tunables.contains("tcache_count") { return false }
        return paths.isEmpty || paths.contains(where: isFolder)
    }

    /// `tunables` with the setting added.
    static func adding(to tunables: String?) -> String {
        guard let tunables, !tunables.isEmpty else { return setting }
        return tunables + ":" + setting
    }

    /// Starts this process again with the setting when the run is worth it (Linux only);
    /// returns, changing nothing, when it is not or when the restart fails.
    public static func restartIfWorthIt(paths: [String], jobs: Int?) {
        #if os(Linux)
        let tunables = ProcessInfo.processInfo.environment[variable]
        let worth = worthRestarting(paths: paths, jobs: jobs, cores: ProcessInfo.processInfo.activeProcessorCount, tunables: tunables) { path in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
        }
        guard worth else { return }
        setenv(variable, adding(to: tunables), 1)
        _ = execv("/proc/self/exe", CommandLine.unsafeArgv)
        // Still here: the restart failed. Run as is, and leave the variable as it was.
        if let tunables { setenv(variable, tunables, 1) } else { unsetenv(variable) }
        #endif
    }
}
