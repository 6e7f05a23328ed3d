# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Soak (make test-long): 20 rounds of mq_objects over 100 objects, each round with a fault on one mutation.

Every round changes some descriptions and deletes or re-adds some objects, and injects one fault on the first
command of one verb: HTTP 503, a connection dropped before or after the command ran, a latency beyond
request_timeout (the command runs after the client gave up), or a lost answer whose re-read fails too. Then:

* the faulted round's result names ``applied`` (true, false or unknown) as the journal shows it, reports as done
  exactly the commands that MQ accepted, and sent nothing that it lists as not attempted;
* a clean run converges by sending exactly what the faulted round left undone, and a check-mode run after it finds
  nothing to do;
* over all rounds, no mutation was ever applied twice, and every command a run sent is in the journal once.

The module runs in-process against the in-process emulator (about a minute). SOAK_SEED picks other random rounds.
"""

from __future__ import annotations

import importlib
import json
import os
import random
import re
import sys
import time

import pytest
from mqemu import EmulatorServer

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(ROOT, ".tmp", "dev"))

from ansible.module_utils.common import warnings as ansible_warnings  # noqa: E402  pylint: disable=wrong-import-position
from ansible.module_utils.testing import patch_module_args  # noqa: E402  pylint: disable=wrong-import-position

ROUNDS = 20
SEED = int(os.environ.get("SOAK_SEED", "17"))
REQUEST_TIMEOUT = 1.0
LATE = 1.4  # runs after the client gave up (1 s) and before its re-read (after another second)
# fault kind: (the task fails?, the applied it must name, whether MQ ran the command)
FAULTS = {
    "http_503": (True, False, False),
    "drop_before": (True, False, False),
    "drop_after": (False, True, True),
    "late": (False, True, True),
    "lost_reread_fails_ran": (True, "unknown", True),
    "lost_reread_fails_not_run": (True, "unknown", False),
}
OBJECTS = [("channels", "SOAK.C{0:02d}".format(i)) for i in range(60)] + [("listeners", "SOAK.L{0:02d}".format(i)) for i in range(20)] + \
    [("services", "SOAK.S{0:02d}".format(i)) for i in range(20)]
COMMAND = re.compile(r"^(\w+) \w+\(([^)]+)\)")


@pytest.fixture(scope="module")
def emulator():
    with EmulatorServer(qmgrs=["QM1"], timing="zero") as server:
        yield server


def run_mq_objects(server, capsys, declared, check_mode=False):
    entries = {"channels": [], "listeners": [], "services": []}
    for index, (option, name) in enumerate(OBJECTS):
        entry = {"name": name}
        if option == "channels":
            entry["type"] = "svrconn"
        if declared[name]["present"]:
            entry["description"] = declared[name]["description"]
            if option == "listeners":
                entry["port"] = 3000 + index
        else:
            entry["state"] = "absent"
        entries[option].append(entry)
    args = dict(entries, rest_url=server.base_url, qmgr="QM1", username="admin", password="passw0rd", retries=1,
                request_timeout=REQUEST_TIMEOUT, _ansible_check_mode=check_mode)
    module = importlib.import_module("ansible_collections.mqrest.admin.plugins.modules.mq_objects")
    capsys.readouterr()
    ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
    with patch_module_args(args), pytest.raises(SystemExit):
        module.main()
    return json.loads(capsys.readouterr().out)


def next_declaration(rng, declared, number):
    """Some descriptions change, some objects go and some come back; returns the verbs that will be needed."""
    before = {name: dict(value) for name, value in declared.items()}
    for name in rng.sample(sorted(declared), 12):
        declared[name]["description"] = "round {0}".format(number)
    for name in rng.sample(sorted(declared), 4):
        declared[name]["present"] = not declared[name]["present"]
    verbs = set()
    for name, now in declared.items():
        was = before[name]
        if was["present"] != now["present"]:
            verbs.add("DEFINE" if now["present"] else "DELETE")
        elif now["present"] and was["description"] != now["description"]:
            verbs.add("ALTER")
    return verbs


def inject(server, kind, verb):
    """The fault of ``kind`` on the first ``verb`` command; a lost answer whose re-read fails arms a 503 on reads."""
    fault = {"qmgr": "QM1", "command": verb, "count": 1}
    if kind == "http_503":
        server.model.add_fault(dict(fault, kind="http_error", status=503))
    elif kind == "late":
        server.model.add_fault(dict(fault, kind="latency", seconds=LATE))
    else:
        server.model.add_fault(dict(fault, kind="drop_connection", after=kind in ("drop_after", "lost_reread_fails_ran")))
    if kind.startswith("lost_reread_fails"):
        run_mqsc = server.model.run_mqsc

        def then_reads_fail(qmgr, body, user="admin", gateway=None):
            try:
                return run_mqsc(qmgr, body, user, gateway)
            finally:
                if str(body.get("command", "")).upper() == verb:
                    server.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "command": "DISPLAY"})
                    del server.model.run_mqsc  # back to the class's method
        server.model.run_mqsc = then_reads_fail


def mutations(server, since):
    return [e for e in server.model.journal("QM1")[since:] if e["mutating"]]


def ok(entry):
    return entry["http_status"] == 200 and entry["completion_code"] == 0


def sent_once_each(result, journal):
    """Every command the run reports is in the journal once, in order, and the journal holds no other mutation."""
    assert [COMMAND.match(c).groups() for c in result["commands"]] == [(e["command"], e["name"]) for e in journal]


def done_names(result):
    return sorted(c["name"] for c in result["changes"] if c["action"] not in ("unchanged", "absent"))


def test_rounds_with_a_fault_on_a_mutation_report_the_truth_and_converge(emulator, capsys):
    started = time.monotonic()
    rng = random.Random(SEED)
    declared = {name: {"present": True, "description": "round 0"} for _option, name in OBJECTS}
    first = run_mq_objects(emulator, capsys, declared)
    assert "failed" not in first and first["summary"]["created"] == len(OBJECTS), first.get("msg")
    seen = set()
    for number in range(1, ROUNDS + 1):
        verbs = next_declaration(rng, declared, number)
        kind = rng.choice(sorted(FAULTS))
        verb = rng.choice(sorted(verbs))
        fails, applied, ran = FAULTS[kind]
        where = "round {0} (seed {1}): {2} on the first {3}".format(number, SEED, kind, verb)
        seen.add(kind)
        emulator.model.clear_faults()
        mark = len(emulator.model.journal("QM1"))
        inject(emulator, kind, verb)
        faulted = run_mq_objects(emulator, capsys, declared)
        emulator.model.clear_faults()
        journal = mutations(emulator, mark)
        sent_once_each(faulted, journal)
        hit = [e for e in journal if e["command"] == verb][0]
        assert ok(hit) is ran, where

        assert bool(faulted.get("failed")) is fails, (where, faulted.get("msg"))
        if fails:
            assert faulted["applied"] == applied and faulted["mq_command"] == faulted["commands"][-1], (where, faulted["msg"])
            assert COMMAND.match(faulted["commands"][-1]).groups() == (hit["command"], hit["name"]), where
            # Planned and not sent: nothing of it reached MQ.
            assert not {n["name"] for n in faulted["not_attempted"]} & {e["name"] for e in journal}, where
        else:
            # Ansible gives warnings as text or as {"event": {"msg": ...}}, depending on its version.
            assert any("took effect" in str(w) and hit["name"] in str(w) for w in faulted.get("warnings", [])), (where, faulted.get("warnings"))
        # What the result reports as done is what MQ accepted (an unknown outcome cannot be reported as done).
        unknown = {hit["name"]} if applied == "unknown" else set()
        assert done_names(faulted) == sorted({e["name"] for e in journal if ok(e)} - unknown), where

        mark = len(emulator.model.journal("QM1"))
        clean = run_mq_objects(emulator, capsys, declared)
        assert "failed" not in clean, (where, clean.get("msg"))
        journal = mutations(emulator, mark)
        sent_once_each(clean, journal)
        assert all(ok(e) for e in journal), where
        # The clean run only sends what the faulted round left undone.
        left = {n["name"] for n in faulted.get("not_attempted", [])} | ({hit["name"]} if not ran else set())
        assert {e["name"] for e in journal} == left, where
        settled = run_mq_objects(emulator, capsys, declared, check_mode=True)
        assert (settled["changed"], settled["commands"]) == (False, []), where

    assert len(seen) >= 4, seen  # the seed exercises most fault kinds
    never_applied_twice(emulator.model.journal("QM1"))
    assert time.monotonic() - started < 300


def never_applied_twice(journal):
    """No object ever got the same accepted mutation twice in a row, nor two DEFINEs or two DELETEs in a row."""
    last = {}
    for entry in journal:
        if not (entry["mutating"] and ok(entry)):
            continue
        key = (entry["qualifier"], entry["name"])
        previous = last.get(key)
        if previous is not None:
            assert (entry["command"], entry["parameters"]) != previous, entry
            assert not (entry["command"] == previous[0] and entry["command"] in ("DEFINE", "DELETE")), entry
        last[key] = (entry["command"], entry["parameters"])
