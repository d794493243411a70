import Foundation
import LadderDriver
import LadderModel
import LadderReport
import LadderRules
import LadderYAML
import Testing

/// Helpers of the HTML report tests: runs of the linter with the policy picture, Python
/// (html5lib) and headless Chromium as subprocesses.
enum HTMLRepo {
    /// The package root, found from this file.
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func path(_ relative: String) -> String { root + "/" + relative }

    /// The sample ladders when they exist, else nothing.
    static var samples: String? {
        FileManager.default.fileExists(atPath: path("ladders")) ? "ladders" : nil
    }

    static func temporaryDirectory(_ name: String) throws -> String {
        let dir = NSTemporaryDirectory() + "ladderlint-html-\(name)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        return dir
    }
}

struct HTMLSetupError: Error, CustomStringConvertible {
    var description: String
}

/// One linter run, rendered as HTML with the policy picture, as `--format html` renders it.
struct HTMLRun {
    var report: Report
    var html: String

    /// Lints `paths` (relative to `cwd`) and renders the page with the policy picture computed
    /// from the same files.
    static func lint(_ paths: [String], cwd: String = HTMLRepo.root, today: String = "2026-11-21", redact: Bool = false) throws -> HTMLRun {
        var options = LintOptions()
        options.paths = paths
        options.today = Day(today)
        options.redact = redact
        options.outputs = [OutputRequest(format: "json", file: nil)]
        let result = LintRun(workingDirectory: cwd).execute(options)
        guard let report = result.report else { throw HTMLSetupError(description: "lint failed: \(result.stderr)") }
        return HTMLRun(report: report, html: HTMLReporter.page(report, policy: policy(paths, cwd: cwd)))
    }

    /// The resolved model's policy picture, computed the way the run computes it.
    static func policy(_ paths: [String], cwd: String) -> [PolicyPicture] {
        let discovery = Discovery(workingDirectory: cwd)
        let files = discovery.files(paths.map { Discovery.absolute($0, cwd: cwd) }).files
        let loader = FileLoader(limits: LoadLimits())
        let loaded = files.map { loader.load($0) }
        let model = Resolver().resolve(loaded.flatMap(\.documents), broken: loaded.flatMap(\.brokenIDs))
        return PolicyPicture.compute(model)
    }
}

/// A subprocess with its output; stderr goes to a file so neither pipe can fill up.
enum HTMLProcess {
    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ executable: String, _ arguments: [String], cwd: String? = nil) throws -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let out = Pipe()
        let errPath = NSTemporaryDirectory() + "ladderlint-html-stderr-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        _ = FileManager.default.createFile(atPath: errPath, contents: nil)
        let err = try FileHandle(forWritingTo: URL(fileURLWithPath: errPath))
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        try err.close()
        let errText = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: errPath)
        return Output(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self), stderr: errText)
    }

    /// Runs a Python script from the project's .venv (html5lib lives there).
    static func python(_ script: String, _ arguments: [String]) throws -> Output {
        let python = HTMLRepo.path(".venv/bin/python3")
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw HTMLSetupError(description: "\(python) is missing: run scripts/test-setup to create .venv with html5lib")
        }
        let dir = try HTMLRepo.temporaryDirectory("py")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let file = dir + "/script.py"
        try script.write(toFile: file, atomically: true, encoding: .utf8)
        return try run(python, [file] + arguments)
    }

    /// Debian's chromium, or a failure that says how to install it.
    static func chromium() throws -> String {
        for candidate in ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/lib/chromium/chromium"] where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let c = "\(dir)/chromium"
            if FileManager.default.isExecutableFile(atPath: c) { return c }
        }
        throw HTMLSetupError(description: "chromium is not installed: run scripts/test-setup (it installs Debian's chromium package)")
    }
}

/// What headless Chromium saw when it opened a report: requests, console and log entries,
/// the page's text, the load time, and a screenshot.
struct HTMLBrowserVisit {
    var requests: [String]
    var console: [String]
    var exceptions: [String]
    var log: [String]
    var text: String
    var loadMilliseconds: Double
    var charts: Int
    var tablesForCharts: Int
    var screenshotBytes: Int
    /// Folded sections (`<details>`), and the page's text length folded and with all open.
    var folded: Int = 0
    var foldedTextLength: Int = 0
    var openTextLength: Int = 0
    /// Total-pay charts, and those with their table (a row per grade).
    var totals: Int = 0
    var tablesForTotals: Int = 0

    /// Opens `file` in headless Chromium through the DevTools protocol on a pipe (no port, no
    /// network) and writes a full-width screenshot to `screenshot`.
    static func open(_ file: String, screenshot: String, width: Int = 1280, height: Int = 2000, fullPage: Bool = false) throws -> HTMLBrowserVisit {
        let chromium = try HTMLProcess.chromium()
        let profile = try HTMLRepo.temporaryDirectory("profile")
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let out = try HTMLProcess.python(cdpScript, [chromium, file, screenshot, profile, String(width), String(height), fullPage ? "1" : "0"])
        guard out.status == 0, let data = out.stdout.data(using: .utf8),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else {
            throw HTMLSetupError(description: "the browser run failed (status \(out.status)):\n\(out.stdout)\n\(out.stderr.suffix(4000))")
        }
        return HTMLBrowserVisit(
            requests: json["requests"] as? [String] ?? [],
            console: json["console"] as? [String] ?? [],
            exceptions: json["exceptions"] as? [String] ?? [],
            log: json["log"] as? [String] ?? [],
            text: json["text"] as? String ?? "",
            loadMilliseconds: json["load_ms"] as? Double ?? -1,
            charts: json["charts"] as? Int ?? -1,
            tablesForCharts: json["tables_for_charts"] as? Int ?? -1,
            screenshotBytes: json["screenshot_bytes"] as? Int ?? 0,
            folded: json["folded"] as? Int ?? 0,
            foldedTextLength: json["folded_text"] as? Int ?? 0,
            openTextLength: json["open_text"] as? Int ?? 0,
            totals: json["totals"] as? Int ?? -1,
            tablesForTotals: json["totals_tables"] as? Int ?? -2)
    }

    /// A minimal DevTools-protocol client over --remote-debugging-pipe (fd 3 to the browser,
    /// fd 4 from it, NUL-separated JSON). Standard library only.
    static let cdpScript = #"""
        import base64, json, os, select, subprocess, sys, time

        chromium, page, shot, profile, width, height, full = sys.argv[1:8]
        width, height, full = int(width), int(height), full == "1"
        to_r, to_w = os.pipe()      # we write, the browser reads (its fd 3)
        from_r, from_w = os.pipe()  # the browser writes (its fd 4), we read

        def child_fds():
            # Copies first, so that dup2 never meets an fd that is already 3 or 4.
            a, b = os.dup(to_r), os.dup(from_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        proc = subprocess.Popen(
            [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check",
             "--disable-extensions", "--disable-background-networking", "--disable-sync",
             "--disable-component-update", "--disable-default-apps", "--mute-audio",
             "--hide-scrollbars", "--window-size=%d,%d" % (width, height), "about:blank"],
            preexec_fn=child_fds, close_fds=False,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        os.close(to_r)
        os.close(from_w)
        buf = b""
        next_id = [0]
        events = []

        def send(method, params=None, session=None):
            next_id[0] += 1
            msg = {"id": next_id[0], "method": method, "params": params or {}}
            if session:
                msg["sessionId"] = session
            os.write(to_w, json.dumps(msg).encode() + b"\0")
            return next_id[0]

        def read_message(deadline):
            global buf
            while b"\0" not in buf:
                if time.time() > deadline:
                    raise SystemExit("timed out waiting for the browser")
                chunk = os.read(from_r, 1 << 20)
                if not chunk:
                    raise SystemExit("the browser closed the pipe: " + proc.stderr.read().decode(errors="replace")[-2000:])
                buf += chunk
            raw, buf = buf.split(b"\0", 1)
            return json.loads(raw)

        def call(method, params=None, session=None, timeout=120):
            i = send(method, params, session)
            deadline = time.time() + timeout
            while True:
                m = read_message(deadline)
                if m.get("id") == i:
                    if "error" in m:
                        raise SystemExit("%s failed: %s" % (method, m["error"]))
                    return m.get("result", {})
                events.append(m)

        def wait_event(name, timeout=120):
            deadline = time.time() + timeout
            for k, m in enumerate(events):
                if m.get("method") == name:
                    del events[k]
                    return m
            while True:
                m = read_message(deadline)
                if m.get("method") == name:
                    return m
                events.append(m)

        try:
            target = call("Target.createTarget", {"url": "about:blank"})["targetId"]
            session = call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Network", "Runtime", "Log"):
                call(domain + ".enable", session=session)
            call("Emulation.setDeviceMetricsOverride",
                 {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=session)
            url = "file://" + os.path.abspath(page)
            events.clear()
            start = time.time()
            call("Page.navigate", {"url": url}, session=session)
            wait_event("Page.loadEventFired", timeout=300)
            load_ms = (time.time() - start) * 1000
            probe = """(() => {
                const charts = [...document.querySelectorAll('svg.bands')];
                const tables = charts.filter(s => {
                    const t = document.getElementById(s.getAttribute('aria-describedby'));
                    return t && t.tagName === 'TABLE' && t.tBodies[0] &&
                        t.tBodies[0].rows.length === Number(s.dataset.grades);
                });
                // The text a reader gets by opening every folded section; folded again after.
                const folded = [...document.querySelectorAll('details:not([open])')];
                folded.forEach(d => d.open = true);
                const text = document.body.innerText;
                const openLength = document.body.innerText.length;
                folded.forEach(d => d.open = false);
                const totals = [...document.querySelectorAll('svg.totals')];
                const totalTables = totals.filter(s => {
                    const t = document.getElementById(s.getAttribute('aria-describedby'));
                    return t && t.tagName === 'TABLE' && t.tBodies[0] &&
                        t.tBodies[0].rows.length === Number(s.dataset.grades);
                });
                return JSON.stringify({text: text, charts: charts.length, tables: tables.length,
                    folded: folded.length, folded_text: document.body.innerText.length, open_text: openLength,
                    totals: totals.length, totals_tables: totalTables.length});
            })()"""
            res = call("Runtime.evaluate", {"expression": probe, "returnByValue": True}, session=session)
            dom = json.loads(res["result"]["value"])
            clip = None
            if full:
                m = call("Page.getLayoutMetrics", session=session)
                size = m.get("cssContentSize") or m["contentSize"]
                clip = {"x": 0, "y": 0, "width": width, "height": min(size["height"], 16000), "scale": 1}
            params = {"format": "png", "captureBeyondViewport": full}
            if clip:
                params["clip"] = clip
            png = base64.b64decode(call("Page.captureScreenshot", params, session=session)["data"])
            with open(shot, "wb") as f:
                f.write(png)
            # Anything still queued after load counts too.
            deadline = time.time() + 0.5
            try:
                while time.time() < deadline:
                    if not select.select([from_r], [], [], 0.1)[0]:
                        continue
                    events.append(read_message(deadline + 1))
            except SystemExit:
                pass
            requests, console, exceptions, log = [], [], [], []
            for m in events:
                method, p = m.get("method"), m.get("params", {})
                if method == "Network.requestWillBeSent":
                    requests.append(p["request"]["url"])
                elif method == "Runtime.consoleAPICalled":
                    console.append("%s: %s" % (p.get("type"), " ".join(str(a.get("value", a.get("description", ""))) for a in p.get("args", []))))
                elif method == "Runtime.exceptionThrown":
                    exceptions.append(json.dumps(p.get("exceptionDetails", {}))[:500])
                elif method == "Log.entryAdded":
                    e = p["entry"]
                    log.append("%s %s: %s" % (e.get("level"), e.get("source"), e.get("text")))
            print(json.dumps({
                "requests": requests, "console": console, "exceptions": exceptions, "log": log,
                "text": dom["text"], "charts": dom["charts"], "tables_for_charts": dom["tables"],
                "folded": dom["folded"], "folded_text": dom["folded_text"], "open_text": dom["open_text"],
                "totals": dom["totals"], "totals_tables": dom["totals_tables"],
                "load_ms": load_ms, "screenshot_bytes": len(png)}))
        finally:
            try:
                call("Browser.close", timeout=10)
            except BaseException:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        """#
}
