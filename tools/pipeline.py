# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run the steps of `make test` or `make check`, some at the same time, and print what each one cost.

    python3 tools/pipeline.py test|check [--jobs N] [--keep-going] [--only STEP,...]

Each step is a make target of the Makefile, run as `make <target>` with its output in .tmp/steps/<target>.log.
A step starts once the steps it needs have passed and one of the N job slots (default 2, the CI machine's
cores) is free; among ready steps the plan's order decides, longest first, so the long ones never wait at the
end. A failed step is reported at once with its whole log; the steps already running finish (each cleans up
its own emulator), no new one starts unless --keep-going. At the end, also after a failure or Ctrl-C, one
table lists every step of the plan: result, when it started, its wall time and the CPU time it and its
children used (CPU near wall means the step keeps one core busy; a slow step with little CPU is waiting).
Standard library only: it runs the step that creates .venv.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOG_DIR = os.path.join(ROOT, ".tmp", "steps")

# (make target, targets it needs). Order is priority among ready steps: the longest first. Why each runs where it
# runs, and the measured times: docs/docsite/rst/guide_testing.rst ("The step table").
PLANS = {
    "check": [
        ("uv", ()),
        ("venv", ("uv",)),
        ("sanity", ("venv",)),
        ("units", ("venv",)),
        ("lint", ("venv",)),
        ("emulator-test", ("venv",)),
    ],
    "test": [
        # uv makes the virtualenvs: once, before the steps that make them side by side.
        ("uv", ()),
        ("venv", ("uv",)),
        # Its own virtualenv (ansible-core 2.21 on Python 3.13): it needs nothing of .venv.
        ("matrix-newest", ("uv",)),
        # One step per integration group and per molecule scenario (expand below), each holding one job slot: as one
        # step each that ran its groups and scenarios side by side, up to six test processes shared the two cores, and
        # every wait that polls polled longer (fresh clone, 2026-12-06: integration 495 CPU s, molecule 404).
        ("integration-groups", ("venv",)),
        ("molecule-scenarios", ("venv",)),
        ("sanity", ("venv",)),
        ("units", ("venv",)),
        ("lint", ("venv",)),
        ("build-check", ("venv",)),
        ("docs", ("venv",)),
        ("awx-test", ("venv",)),
        # tests/examples/test_readme.py runs README's Quick start in `make emulator`'s run-time virtualenv.
        ("run-venv", ("uv",)),
        ("examples-test", ("venv", "run-venv")),
        ("playbook-test", ("venv",)),
        ("emulator-test", ("venv",)),
        ("acceptance", ("venv",)),
    ],
}


def expand(plan):
    """The plan with integration-groups and molecule-scenarios replaced by one step per group and per scenario (the
    make targets integration-group<N> and molecule-<scenario>), as the Makefile lists them."""
    groups, scenarios = (make_list(variable) for variable in ("INTEGRATION_GROUPS", "MOLECULE_SCENARIOS"))
    expanded = []
    for target, needs in plan:
        if target == "integration-groups":
            # The check that every target is in a group runs first (a target in none would never run).
            expanded.append(("integration-aliases", needs))
            expanded += [("integration-group" + group, needs + ("integration-aliases",)) for group in groups]
        elif target == "molecule-scenarios":
            expanded += [("molecule-" + scenario, needs) for scenario in scenarios]
        else:
            expanded.append((target, needs))
    return expanded


def make_list(variable):
    """A variable of the Makefile (`make print-<variable>`), split into words."""
    return subprocess.run(["make", "--no-print-directory", "-s", "print-" + variable], cwd=ROOT, check=True,
                          stdout=subprocess.PIPE, text=True).stdout.split()


class Step:
    def __init__(self, target, needs):
        self.target, self.needs = target, needs
        self.result, self.started, self.wall, self.cpu = "not run", None, None, None
        self.log = os.path.join(LOG_DIR, target + ".log")


def start(step, t0):
    """Launch `make <target>` with its output in the step's log; the Popen."""
    step.started = time.monotonic() - t0
    step.result = "running"
    print("[{0:4.0f} s] {1}: started (log {2})".format(step.started, step.target, os.path.relpath(step.log, ROOT)), flush=True)
    with open(step.log, "w", encoding="utf-8") as log:
        return subprocess.Popen(["make", "--no-print-directory", step.target], cwd=ROOT, stdout=log,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def finish(step, status, usage, t0):
    step.wall = time.monotonic() - t0 - step.started
    step.cpu = usage.ru_utime + usage.ru_stime
    step.result = "passed" if os.waitstatus_to_exitcode(status) == 0 else "FAILED"
    print("[{0:4.0f} s] {1}: {2} in {3:.0f} s".format(time.monotonic() - t0, step.target, step.result, step.wall), flush=True)
    if step.result == "FAILED":
        # All of it: a step's failure need not be at its end (a failed integration group's output comes before the
        # groups that ended after it), and before this table existed make test printed every step's whole output.
        print("---- {0} ----".format(os.path.relpath(step.log, ROOT)))
        with open(step.log, encoding="utf-8", errors="replace") as log:
            sys.stdout.writelines(log)
        print("---- end of {0} ({1}) ----".format(step.target, os.path.relpath(step.log, ROOT)), flush=True)


def run(steps, jobs, keep_going):
    """Run the steps; False if any failed or did not run."""
    t0 = time.monotonic()
    by_target = {step.target: step for step in steps}
    running = {}
    stopping = False
    try:
        while True:
            for step in steps:
                if step.result != "not run" or len(running) >= jobs:
                    continue
                needs = [by_target[need] for need in step.needs if need in by_target]
                if any(need.result in ("FAILED", "skipped") for need in needs):
                    step.result = "skipped"
                elif not stopping and all(need.result == "passed" for need in needs):
                    process = start(step, t0)
                    running[process.pid] = step
            if not running:
                break
            pid, status, usage = os.wait4(-1, 0)
            if pid in running:
                step = running.pop(pid)
                finish(step, status, usage, t0)
                stopping = stopping or (step.result == "FAILED" and not keep_going)
    except KeyboardInterrupt:
        # The steps share our process group, so they got the same SIGINT: wait for them to clean up.
        for pid, step in running.items():
            status, usage = os.wait4(pid, 0)[1:]
            finish(step, status, usage, t0)
            step.result = "interrupted"
    table(steps, time.monotonic() - t0)
    return all(step.result == "passed" for step in steps)


def table(steps, total):
    header = ("Step", "Result", "Start (s)", "Wall (s)", "CPU (s)")
    rows = [(s.target, s.result, fmt(s.started), fmt(s.wall), fmt(s.cpu)) for s in steps]
    rows.append(("total", "", "", fmt(total), fmt(sum(s.cpu or 0 for s in steps))))
    widths = [max(len(row[i]) for row in [header] + rows) for i in range(len(header))]
    rule = "  ".join("=" * w for w in widths)

    def line(row):  # names left, numbers right
        return "  ".join(c.rjust(w) if i >= 2 else c.ljust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip()

    print("\n".join(["", rule, line(header), rule] + [line(r) for r in rows[:-1]] + [rule, line(rows[-1]), rule]), flush=True)


def fmt(seconds):
    return "" if seconds is None else "{0:.0f}".format(seconds)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan", choices=sorted(PLANS))
    parser.add_argument("--jobs", type=int, default=2, help="steps at the same time (default 2)")
    parser.add_argument("--keep-going", action="store_true", help="after a failure, still start the steps that can run")
    parser.add_argument("--only", help="comma-separated steps of the plan to run (the others are left out)")
    args = parser.parse_args()
    plan = expand(PLANS[args.plan])
    if args.only:
        wanted = args.only.split(",")
        unknown = sorted(set(wanted) - {step[0] for step in plan})
        if unknown:
            parser.error("--only: {0} not in the {1} plan".format(", ".join(unknown), args.plan))
        plan = [(target, needs) for target, needs in plan if target in wanted]
    os.makedirs(LOG_DIR, exist_ok=True)
    steps = [Step(target, needs) for target, needs in plan]
    ok = run(steps, max(1, args.jobs), args.keep_going)
    failed = [s.target for s in steps if s.result in ("FAILED", "interrupted")]
    if ok:
        print("make {0}: every step passed".format(args.plan))
        return 0
    print("make {0}: FAILED at {1} (see .tmp/steps/<step>.log)".format(args.plan, ", ".join(failed) or "a step that did not run"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
