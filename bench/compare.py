#!/usr/bin/env python3
"""Times the floor, ladderlint and its peers over the same files; prints figures, ratios and
targets. Called by bench/run, which builds everything first; see docs/performance.md.

Each command runs once untimed (to warm the page cache), then --runs times. For each run the
wall time, the CPU time (user + system) and the peak resident memory come from wait4(2), the
same figures /usr/bin/time -v prints. The machine may be shared: the load average before and
after is printed, and CPU time is the figure to trust when it is high.

The commands compared with one floor run in rounds: each round runs every command once, back
to back, in an order that rotates from round to round, and each command's time is divided by
the floor's of the same round. On a host whose speed drifts by half within minutes (this one:
docs/performance.md), a ratio of two runs made seconds apart is steadier than a ratio of two
minima taken minutes apart: the median of the rounds' ratios is what the targets use, and
the ratio of the minima is printed beside it.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time


def run_once(cmd, cwd, stdin_path, ok_codes):
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdin=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        err = p.stderr.read()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if stdin_path:
            stdin.close()
    if p.returncode not in ok_codes:
        sys.exit(f"bench: {' '.join(cmd)} exited {p.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss * 1024


def peak_rss(cmd, cwd, stdin_path, ok_codes):
    """Maximum resident set size in bytes, as `/usr/bin/time -f %M` reports it; None without it."""
    if not os.path.exists("/usr/bin/time"):
        return None
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    try:
        p = subprocess.run(["/usr/bin/time", "-f", "@@%M"] + cmd, cwd=cwd, stdin=stdin,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    finally:
        if stdin_path:
            stdin.close()
    for line in reversed(p.stderr.decode(errors="replace").splitlines()):
        if line.startswith("@@"):
            return int(line[2:]) * 1024
    return None


def measure(name, cmd, cwd, runs, stdin_path=None, ok_codes=(0,), warm=1):
    return measure_rounds([(name, cmd, stdin_path, ok_codes)], cwd, runs, warm)[0]


def measure_rounds(commands, cwd, runs, warm=1):
    """Runs `commands` ((name, cmd, stdin_path, ok_codes), the floor first) in `runs` rounds.

    Each round runs every command once, starting one further along the list each round, so
    that no command always runs right after the same one. Every result after the first gets
    `ratios` and `ratio_median`: its wall time over the floor's of the same round."""
    for name, cmd, stdin_path, ok_codes in commands:
        for _ in range(warm):
            run_once(cmd, cwd, stdin_path, ok_codes)
    n = len(commands)
    walls = [[] for _ in commands]
    cpus = [[] for _ in commands]
    peaks = [[] for _ in commands]
    for r in range(runs):
        for k in range(n):
            i = (r + k) % n
            name, cmd, stdin_path, ok_codes = commands[i]
            w, c, m = run_once(cmd, cwd, stdin_path, ok_codes)
            walls[i].append(w)
            cpus[i].append(c)
            peaks[i].append(m)
    results = []
    for i, (name, cmd, stdin_path, ok_codes) in enumerate(commands):
        # Peak memory from /usr/bin/time (a small C parent): wait4's ru_maxrss of a child forked
        # by Python keeps the Python parent's size from before exec, a floor of ~18 MiB.
        peak = peak_rss(cmd, cwd, stdin_path, ok_codes)
        r = {
            "name": name,
            "command": " ".join(cmd) + (f" < {stdin_path}" if stdin_path else ""),
            "runs": runs,
            "walls": walls[i],
            "wall_min": min(walls[i]),
            "wall_median": statistics.median(walls[i]),
            "cpu_median": statistics.median(cpus[i]),
            "peak_rss": peak if peak is not None else max(peaks[i]),
        }
        line = (f"  {name:<34} wall min {fmt_s(r['wall_min'])}  median {fmt_s(r['wall_median'])}  "
                f"cpu {fmt_s(r['cpu_median'])}  peak {r['peak_rss'] / 2**20:7.1f} MiB")
        if i > 0:
            r["ratios"] = [w / f for w, f in zip(walls[i], walls[0])]
            r["ratio_median"] = statistics.median(r["ratios"])
            line += f"  per round / floor: median {r['ratio_median']:.2f}x ({', '.join(f'{x:.2f}' for x in r['ratios'])})"
        print(line, flush=True)
        results.append(r)
    return results


def fmt_s(s):
    return f"{s * 1000:8.1f} ms" if s < 1 else f"{s:8.2f} s "


def table(title, rows, floor, scale_note=None):
    lines = [f"### {title}", "",
             "| command | runs | wall min | wall median | CPU (user+sys) median | peak RSS | wall min / floor | per round / floor, median |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        per_round = f"{r['ratio_median']:.2f}x" if "ratio_median" in r else ("1.00x" if r is floor else "(not in the rounds)")
        lines.append(
            f"| {r['name']} | {r['runs']} | {fmt_s(r['wall_min']).strip()} | {fmt_s(r['wall_median']).strip()} | "
            f"{fmt_s(r['cpu_median']).strip()} | {r['peak_rss'] / 2**20:.1f} MiB | "
            f"{r['wall_min'] / floor['wall_min']:.2f}x | {per_round} |")
    if scale_note:
        lines += ["", scale_note]
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ladderlint", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--python", required=True, help="the venv's python, with pyyaml and yamllint")
    ap.add_argument("--corpus", required=True, help="folder of the full corpus")
    ap.add_argument("--subset", required=True, help="folder of the subset yamllint runs on")
    ap.add_argument("--orgs", type=int, required=True)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--yamllint-runs", type=int, default=3)
    ap.add_argument("--one-file-runs", type=int, default=30)
    ap.add_argument("--config", required=True, help="an empty ladderlint configuration")
    ap.add_argument("--out", required=True, help="folder for results.json and results.md")
    a = ap.parse_args()
    # Commands run from the corpus's folder: every path given is made absolute first.
    for name in ("ladderlint", "floor", "python", "config", "out"):
        setattr(a, name, os.path.abspath(getattr(a, name)))

    here = os.path.dirname(os.path.abspath(__file__))
    cwd = os.path.dirname(os.path.abspath(a.corpus))
    corpus = os.path.basename(os.path.abspath(a.corpus))
    subset = os.path.relpath(os.path.abspath(a.subset), cwd)

    def listing(folder, name):
        paths = sorted(os.path.relpath(os.path.join(d, f), cwd)
                       for d, _, fs in os.walk(os.path.join(cwd, folder)) for f in fs if f.endswith(".yaml"))
        path = os.path.join(a.out, name)
        with open(path, "w") as f:
            f.write("".join(p + "\n" for p in paths))
        return path, len(paths)

    full_list, n_full = listing(corpus, "files-full.txt")
    sub_list, n_sub = listing(subset, "files-subset.txt")
    ll = [a.ladderlint, "lint", "--config", a.config, "--format", "json"]
    pyload = [a.python, os.path.join(here, "pyyaml_load.py")]
    yamllint = [os.path.join(os.path.dirname(a.python), "yamllint"), "-f", "parsable"]
    load_before = os.getloadavg()
    print(f"bench: {os.cpu_count()} cores, load average {load_before[0]:.2f} {load_before[1]:.2f} {load_before[2]:.2f}")

    def group(folder, files):
        """The floor, ladderlint with one and default jobs, and PyYAML, over the same files."""
        return [
            ("floor (libyaml events, C)", [a.floor, "-"], files, (0,)),
            ("ladderlint --jobs 1", ll + ["--jobs", "1", folder], None, (0, 1)),
            ("ladderlint (default jobs)", ll + [folder], None, (0, 1)),
            ("PyYAML CSafeLoader, load only", pyload + [files], None, (0,)),
        ]

    print(f"bench: {n_full} files ({a.orgs} organisations), {a.runs} rounds")
    full = measure_rounds(group(corpus, full_list), cwd, a.runs)

    print(f"bench: subset {subset}: {n_sub} files, {a.runs} rounds; yamllint {a.yamllint_runs} runs")
    sub = measure_rounds(group(subset, sub_list), cwd, a.runs)
    sub.append(measure("yamllint (default config)", yamllint + [subset], cwd, a.yamllint_runs, ok_codes=(0, 1)))

    one_path = os.path.relpath(os.path.join(a.subset, sorted(os.listdir(a.subset))[0]), cwd)
    print(f"bench: one file ({one_path}), {a.one_file_runs} runs")
    one = measure_rounds([
        ("true (process start floor)", ["true"], None, (0,)),
        ("ladderlint, one file", ll + [one_path], None, (0, 1)),
    ], cwd, a.one_file_runs, warm=3)
    load_after = os.getloadavg()

    f0, ll1, lln, py = full
    s0, sll1, slln, spy, syl = sub
    scale = n_full / n_sub
    yl_scaled = syl["wall_median"] * scale
    targets = [
        ("default jobs within 1.2x the floor (median of per-round ratios)", lln["ratio_median"], "<= 1.20", lln["ratio_median"] <= 1.2),
        ("faster than PyYAML CSafeLoader (median of per-round ratios)", lln["ratio_median"] / py["ratio_median"], "< 1.00",
         lln["ratio_median"] < py["ratio_median"]),
        ("yamllint / ladderlint on the subset (wall median)", syl["wall_median"] / slln["wall_median"], ">= 20", syl["wall_median"] >= 20 * slln["wall_median"]),
        ("one file, whole process (wall median, ms)", one[1]["wall_median"] * 1000, "<= 15", one[1]["wall_median"] <= 0.015),
        ("peak memory at full corpus, default jobs (MiB)", lln["peak_rss"] / 2**20, "<= 250", lln["peak_rss"] <= 250 * 2**20),
    ]

    md = [f"## Results: {a.orgs} organisations ({n_full} files), {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}", "",
          f"{os.cpu_count()} cores; load average before {load_before[0]:.2f}, after {load_after[0]:.2f} "
          "(above 0.5 the machine was shared: compare CPU times). Commands run in rounds, each round every "
          "command once, back to back; 'per round / floor' is the median over the rounds of a command's time "
          "divided by the floor's in the same round.", "",
          table(f"Full corpus: {n_full} files", full, f0), "",
          table(f"Subset {subset}: {n_sub} files (yamllint here; scaled x{scale:.0f} it would take {yl_scaled:.1f} s on the full corpus)", sub, s0), "",
          table("One file (the pre-commit case)", one, one[0]), "",
          "### Targets", "", "| target | measured | goal | met |", "|---|---:|---:|---|"]
    for name, value, goal, met in targets:
        md.append(f"| {name} | {value:.2f} | {goal} | {'yes' if met else 'NO'} |")
    md += ["", "Commands (run from " + cwd + "):", ""]
    for r in full + sub[-1:] + one:
        md.append(f"- `{r['command']}`")
    text = "\n".join(md) + "\n"
    print()
    print(text)
    with open(os.path.join(a.out, "results.md"), "w") as f:
        f.write(text)
    with open(os.path.join(a.out, "results.json"), "w") as f:
        json.dump({"full": full, "subset": sub, "one_file": one, "orgs": a.orgs,
                   "load_before": load_before, "load_after": load_after,
                   "targets": [{"name": n, "value": v, "goal": g, "met": m} for n, v, g, m in targets]}, f, indent=2)


if __name__ == "__main__":
    main()
