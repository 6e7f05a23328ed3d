# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""guide_cert_rotation.rst's "The whole procedure against the emulator", run verbatim as a reader would: `make emulator`'s
server (tools/serve_emulator.py in its run-time virtualenv, on a free port, started as test_readme.py starts it), the
guide's play saved as tls_ring.yml, and its shell block in one bash with a clean environment, as a new shell has. Then
what the emulator shows proves the rotation: every queue manager on its new label, every TLS channel running, the table
of each with what bounced and came back, one queue manager after the other, and no mutating command from the check-mode
run or the second run.

    .venv/bin/python -m pytest tests/examples/test_guide_cert_rotation.py -q
"""

from __future__ import annotations

import json
import os
import re
import subprocess

import requests
# `make emulator` as the README's test starts it (its run-time virtualenv), a new shell's environment, the control API.
from test_readme import control, fresh_shell_env, run_python, serve  # noqa: F401 pylint: disable=import-error,unused-import

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GUIDE = os.path.join(ROOT, "docs", "docsite", "rst", "guide_cert_rotation.rst")
SECTION = "The whole procedure against the emulator"


def guide_blocks(section):
    """[(language, text)] of the code blocks under ``section`` of the guide (up to the next section heading)."""
    with open(GUIDE, encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    start = lines.index(section)
    end = next((i - 1 for i in range(start + 2, len(lines)) if re.fullmatch(r"-{3,}", lines[i])), len(lines))
    blocks, i = [], start
    while i < end:
        found = re.match(r"^\.\. code-block:: (\w+)$", lines[i])
        i += 1
        if not found:
            continue
        body = []
        while i < end and (not lines[i].strip() or lines[i].startswith("   ")):
            body.append(lines[i][3:])
            i += 1
        blocks.append((found.group(1), "\n".join(body).strip("\n") + "\n"))
    return blocks


def channel_status(port, tmp_path, qmgr):
    """{channel: status} of DISPLAY CHSTATUS(*) over the REST API (runCommandJSON)."""
    response = requests.post("https://localhost:{0}/ibmmq/rest/v2/admin/action/qmgr/{1}/mqsc".format(port, qmgr),
                             json={"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "CHSTATUS", "name": "*"},
                             auth=("admin", "passw0rd"), headers={"ibm-mq-rest-csrf-token": ""}, timeout=10,
                             verify=str(tmp_path / ".tmp" / "emulator" / str(port) / "ca.pem"))
    response.raise_for_status()
    return {item["parameters"]["channel"]: item["parameters"]["status"] for item in response.json()["commandResponse"]
            if item.get("parameters")}


def test_the_guides_procedure_rotates_every_queue_manager_against_make_emulator(serve, tmp_path):
    emulator, _banner = serve()
    blocks = guide_blocks(SECTION)
    assert [language for language, _text in blocks] == ["yaml", "shell"], blocks
    (tmp_path / "tls_ring.yml").write_text(blocks[0][1], encoding="utf-8")
    script = "set -e\n" + blocks[1][1]
    result = subprocess.run(["bash", "-c", script], cwd=str(tmp_path), env=fresh_shell_env(), capture_output=True, text=True,
                            timeout=900, check=False)
    output = result.stdout + result.stderr
    assert result.returncode == 0, "the guide's steps failed:\n{0}\n{1}".format(script, output[-8000:])
    assert "qm1-2027" in result.stdout and "mqemu-ca" in result.stdout  # runmqakm -cert -details showed the new certificate

    report = json.loads((tmp_path / ".tmp" / "emulator" / str(emulator) / "cert-rotation-report.json").read_text(encoding="utf-8"))
    ring = {"QM1": ("QM1.TO.QM2", "QM3.TO.QM1"), "QM2": ("QM2.TO.QM3", "QM1.TO.QM2"), "QM3": ("QM3.TO.QM1", "QM2.TO.QM3")}
    for qmgr, (sender, receiver) in ring.items():
        host = report["hosts"][qmgr.lower()]
        # The file is the last run's: the second rotation, which found every label in force.
        assert (host["outcome"], host["commands"]) == ("unchanged", []), host
        assert control(emulator, tmp_path, "/qmgr/{0}/keyrepo".format(qmgr))["certlabl"] == qmgr.lower() + "-2027"
        status = channel_status(emulator, tmp_path, qmgr)
        assert status[sender] == status[receiver] == "RUNNING", status

    # What the rotation sent: nothing in check mode, ALTER QMGR and REFRESH SECURITY per queue manager in the first run,
    # one queue manager after the other, nothing in the second run. (The ring play before it defines and starts objects,
    # and alters no queue manager.)
    sent = [entry for entry in control(emulator, tmp_path, "/journal")["commands"] if entry["mutating"]
            and (entry["command"], entry["qualifier"]) in (("ALTER", "QMGR"), ("REFRESH", "SECURITY"))]
    assert [(entry["qmgr"], entry["command"], entry["qualifier"]) for entry in sent] == [
        (qmgr, verb, qualifier) for qmgr in ("QM1", "QM2", "QM3") for verb, qualifier in (("ALTER", "QMGR"), ("REFRESH", "SECURITY"))]
    # The first run's table: every queue manager rotated, its sender and receiver bounced and back, its two clients back.
    for qmgr in ("QM1", "QM2", "QM3"):
        assert re.search(r"{0} +{1} +rotated +{0}-2027 +2 +[0-9.]+ +2/2 +-".format(qmgr.lower(), qmgr), output), output[-8000:]
    assert re.search(r"qm1 +QM1 +checked +qm1-2027 +2 ", output), output[-8000:]
