import Foundation
import Testing

/// The binary people install (issue 19.5): `scripts/release` builds it, and this suite unpacks
/// what it wrote the way a user would and runs it where nothing else is: an empty environment,
/// a folder holding only the binary (and then a ladder).
///
/// The release build takes minutes, so the suite runs only with `LADDERLINT_RELEASE_TEST=1`.
/// `scripts/test` (what CI runs) sets it for one run of this suite after every other test, so
/// its build does not compete with the timed ones. `LADDERLINT_RELEASE_SCRATCH` picks the
/// script's build folder (default `.build-release`).
@Suite("release binary (scripts/release)", .serialized)
struct Issue19ReleaseTests {
    static let enabled = ProcessInfo.processInfo.environment["LADDERLINT_RELEASE_TEST"] == "1"

    /// Libraries the binary carries itself and must never load from the system.
    static let carried = ["libswift", "libFoundation", "lib_Foundation", "libdispatch", "libBlocksRuntime", "libicu", "libyaml"]

    /// What `scripts/release` made, built once for the suite's tests.
    struct Release: Sendable {
        var tarball: URL
        var checksum: URL
        var name: String
        var scriptOutput: String
        var seconds: Int64
    }

    /// Runs `scripts/release` once per test process.
    static let release: Result<Release, SetupErrorBox> = {
        do { return .success(try build()) } catch { return .failure(SetupErrorBox(description: "\(error)")) }
    }()

    struct SetupErrorBox: Error, CustomStringConvertible { var description: String }

    static func build() throws -> Release {
        var environment = ProcessInfo.processInfo.environment
        environment["GITHUB_STEP_SUMMARY"] = nil
        let clock = ContinuousClock()
        let start = clock.now
        let r = try Integration.run(Integration.path("scripts/release"), [], in: Integration.root, environment: environment)
        let took = (clock.now - start).components.seconds
        print("scripts/release took \(took) s\n\(r.stdout)")
        guard r.status == 0 else { throw SetupError("scripts/release failed: \(r)") }
        let version = try versionOfTestBuild()
        #if arch(x86_64)
            let arch = "x86_64"
        #elseif arch(arm64)
            let arch = "aarch64"
        #else
            let arch = "unknown"
        #endif
        let name = "ladderlint-\(version)-linux-\(arch)"
        let dist = Integration.root.appendingPathComponent("dist")
        return Release(
            tarball: dist.appendingPathComponent("\(name).tar.gz"), checksum: dist.appendingPathComponent("\(name).tar.gz.sha256"),
            name: name, scriptOutput: r.stdout, seconds: took)
    }

    /// `ladderlint --version` of the binary built with the tests: the release must say the same.
    static func versionOfTestBuild() throws -> String {
        let r = try Integration.run(try Integration.ladderlint(), ["--version"])
        guard r.status == 0 else { throw SetupError("ladderlint --version failed: \(r)") }
        return r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The tarball unpacked into a fresh folder; returns the folder and the binary in it.
    static func unpack(_ release: Release, label: String) throws -> (folder: URL, binary: URL) {
        let folder = try Integration.temporaryFolder(label)
        let r = try Integration.run("tar", ["-xzf", release.tarball.path], in: folder)
        guard r.status == 0 else { throw SetupError("tar -xzf \(release.tarball.path) failed: \(r)") }
        return (folder, folder.appendingPathComponent(release.name).appendingPathComponent("ladderlint"))
    }

    @Test("writes dist/ladderlint-VERSION-linux-ARCH.tar.gz and a .sha256 that sha256sum -c accepts", .enabled(if: enabled), .timeLimit(.minutes(40)))
    func tarballAndChecksum() throws {
        let release = try Self.release.get()
        #expect(FileManager.default.fileExists(atPath: release.tarball.path), "\(release.scriptOutput)")
        let line = try String(contentsOf: release.checksum, encoding: .utf8)
        #expect(line.wholeMatch(of: try Regex("[0-9a-f]{64}  \(release.name)\\.tar\\.gz\n")) != nil, "sha256sum format: \(line.debugDescription)")
        let check = try Integration.run("sha256sum", ["-c", release.checksum.lastPathComponent], in: release.checksum.deletingLastPathComponent())
        #expect(check.status == 0 && check.stdout.contains("\(release.name).tar.gz: OK"), "\(check)")

        let listing = try Integration.run("tar", ["-tzf", release.tarball.path])
        let entries = Set(listing.stdout.split(separator: "\n").map(String.init))
        #expect(entries.contains("\(release.name)/ladderlint"), "\(listing)")
        #expect(entries.allSatisfy { $0.hasPrefix("\(release.name)/") }, "one folder, named as the tarball: \(listing)")
        let ignored = try Integration.run("git", ["check-ignore", "dist/x.tar.gz", ".build-release/x"], in: Integration.root)
        #expect(ignored.status == 0 && ignored.stdout == "dist/x.tar.gz\n.build-release/x\n", "dist/ and .build-release/ are in .gitignore: \(ignored)")
    }

    @Test("the unpacked binary is stripped and loads neither the Swift runtime, Foundation nor libyaml", .enabled(if: enabled), .timeLimit(.minutes(40)))
    func selfContained() throws {
        let release = try Self.release.get()
        let (folder, binary) = try Self.unpack(release, label: "release-ldd")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ldd = try Integration.run("ldd", [binary.path])
        print("ldd \(release.name)/ladderlint:\n\(ldd.stdout)")
        #expect(ldd.status == 0, "a dynamically linked executable (glibc): \(ldd)")
        for library in Self.carried {
            #expect(!ldd.stdout.contains(library), "\(library) must be linked in: \(ldd)")
        }
        let file = try Integration.run("file", ["-b", binary.path])
        #expect(file.stdout.contains("ELF") && file.stdout.contains(", stripped"), "\(file)")
        let size = try FileManager.default.attributesOfItem(atPath: binary.path)[.size] as? Int ?? 0
        print("\(release.name)/ladderlint: \(size) bytes; tarball \(try FileManager.default.attributesOfItem(atPath: release.tarball.path)[.size] ?? 0) bytes")
        #expect(size > 0 && size < 200_000_000, "\(size)")
    }

    @Test("the unpacked binary runs with an empty environment from a folder of its own: --version, then a lint", .enabled(if: enabled), .timeLimit(.minutes(40)))
    func runsAlone() throws {
        let release = try Self.release.get()
        let (folder, binary) = try Self.unpack(release, label: "release-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("alone")
        try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: binary, to: alone.appendingPathComponent("ladderlint"))

        let version = try Integration.run("/usr/bin/env", ["-i", "./ladderlint", "--version"], in: alone)
        #expect(version.status == 0, "\(version)")
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == (try Self.versionOfTestBuild()), "\(version)")
        #expect(version.stderr.isEmpty, "\(version)")

        try FileManager.default.copyItem(atPath: Integration.path("ladders/promotion-trap"), toPath: alone.appendingPathComponent("ladders").path)
        let lint = try Integration.run("/usr/bin/env", ["-i", "./ladderlint", "lint", "ladders/"], in: alone)
        #expect(lint.status == 1, "the sample breaks rules on purpose: \(lint)")
        #expect(lint.stdout.contains("manager-only-leadership-training"), "\(lint)")

        let json = try Integration.run("/usr/bin/env", ["-i", "./ladderlint", "lint", "--format", "json", "--fail-on", "never", "ladders/"], in: alone)
        #expect(json.status == 0, "\(json)")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "\(json)")
    }

    @Test("pre-commit's system hook runs the unpacked binary from PATH", .enabled(if: enabled), .timeLimit(.minutes(40)))
    func preCommitSystemHook() throws {
        let release = try Self.release.get()
        let (folder, binary) = try Self.unpack(release, label: "release-hook")
        defer { try? FileManager.default.removeItem(at: folder) }
        let r = try IntegrationPreCommitTests.tryRepoSystemHook(label: "release-hook-repo", bin: binary.deletingLastPathComponent().path)
        #expect(r.status == 1, "\(r)")
        #expect(r.stdout.contains("manager-only-leadership-training"), "\(r)")
    }
}
