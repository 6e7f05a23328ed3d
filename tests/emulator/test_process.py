# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The CLI start contract and concurrency: 50 concurrent clients against 100 queue managers in one process."""

import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import requests

from mqemu import EmulatorServer


def _spawn(*args):
    proc = subprocess.Popen([sys.executable, "-m", "mqemu", "--port", "0", *args], cwd="/",
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = proc.stdout.readline().split()
    assert line[:2] == ["mqemu", "ready"], (line, proc.stderr.read() if proc.poll() is not None else "")
    return proc, line


def test_cli_start_contract_and_sigterm():
    # One host per queue manager (NAME@HOST): each dev-seeded DEV.LISTENER.TCP binds 1414 on its own host.
    proc, line = _spawn("--qmgr", "QMA,QMB@hostb", "--qmgr", "QMC@HostC", "--user", "ops:s3:cr:et:MQWebAdmin", "--seed", "dev", "--timing", "zero",
                        "--config", "stop_inactive_channel=error", "--config", "ltpa_expiration=60",
                        "--config", 'cmdserv_down_mode="http500"')
    try:
        url = line[2]
        assert url.startswith("http://127.0.0.1:") and url.endswith("/ibmmq/rest/v2")
        names = [q["name"] for q in requests.get(f"{url}/admin/qmgr", auth=("ops", "s3:cr:et"), timeout=5).json()["qmgr"]]
        assert names == ["QMA", "QMB", "QMC"]
        assert requests.get(f"{url}/admin/qmgr", auth=("admin", "passw0rd"), timeout=5).status_code == 401  # only --user users
        resp = requests.post(f"{url}/admin/action/qmgr/QMC/mqsc", auth=("ops", "s3:cr:et"), headers={"ibm-mq-rest-csrf-token": ""},
                             json={"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "LSSTATUS", "name": "*"}, timeout=5)
        assert resp.json()["commandResponse"][0]["parameters"]["listener"] == "DEV.LISTENER.TCP"
        control = url.replace("/ibmmq/rest/v2", "/mqemu/v1")
        assert requests.get(f"{control}/requests", timeout=5).json()["total"] == 3
        config = requests.get(f"{control}/config", timeout=5).json()
        assert (config["stop_inactive_channel"], config["ltpa_expiration"], config["cmdserv_down_mode"]) == ("error", 60, "http500")
        assert requests.get(f"{control}/timing", timeout=5).json()["channel_start"] == 0.0
        assert requests.get(f"{control}/network", timeout=5).json() == {
            "hosts": {"QMA": "localhost", "QMB": "hostb", "QMC": "hostc"}, "pairs": []}
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0


def test_cli_defaults_and_bad_arguments():
    proc, line = _spawn()
    try:
        control = line[2].replace("/ibmmq/rest/v2", "/mqemu/v1")
        assert requests.get(f"{control}/timing", timeout=5).json()["channel_start"] == 0.3  # fast by default on the CLI
        assert requests.get(f"{control}/qmgr", timeout=5).json() == {"qmgr": [{"name": "QM1", "state": "running"}]}
        assert requests.get(f"{line[2]}/login", auth=("reader", "passw0rd"), timeout=5).json()["user"][0]["role"] == ["MQWebAdminRO"]
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0
    for args in (["--config", "nosuch=1"], ["--user", "x:y:NotARole"], ["--timing", "slow"]):
        result = subprocess.run([sys.executable, "-m", "mqemu", "--port", "0", *args], capture_output=True, text=True,
                                timeout=20, check=False)
        assert result.returncode != 0 and "mqemu ready" not in result.stdout, args


def test_cli_tls_ready_line_and_sigint(tmp_path):
    proc, line = _spawn("--tls", "--state-dir", str(tmp_path))
    try:
        assert line[2].startswith("https://127.0.0.1:") and line[3] == f"ca={tmp_path}/ca.pem"
        resp = requests.get(f"{line[2]}/admin/qmgr", auth=("admin", "passw0rd"), verify=str(tmp_path / "ca.pem"), timeout=5)
        assert resp.json() == {"qmgr": [{"name": "QM1", "state": "running"}]}
    finally:
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=10) == 0


def test_50_clients_100_qmgrs():
    qmgrs = [f"QM{i:03d}" for i in range(100)]
    # Every sender has what it needs to run (network.py): XMITQ X on its queue manager, and on host h a partner
    # queue manager listening on port 1 with a RCVR of the same name.
    with EmulatorServer(qmgrs=qmgrs + ["PARTNER"], timing="fast", hosts={"PARTNER": "h"}) as srv:
        setup = [(qm, "DEFINE QLOCAL(X) USAGE(XMITQ)") for qm in qmgrs] + [
            ("PARTNER", "DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(1)"), ("PARTNER", "START LISTENER(L1)")] + [
            ("PARTNER", f"DEFINE CHANNEL('C{n}.{k}') CHLTYPE(RCVR)") for n in range(50) for k in range(8)]
        for qm, command in setup:
            assert srv.model.run_mqsc(qm, {"type": "runCommand", "parameters": {"command": command}})[1]["overallCompletionCode"] == 0
        srv.model.clear_journal()

        def worker(n):
            s = requests.Session()
            s.auth = ("admin", "passw0rd")
            s.headers["ibm-mq-rest-csrf-token"] = ""
            for k in range(8):
                qm = qmgrs[(n * 8 + k) % 100]
                url = f"{srv.base_url}/admin/action/qmgr/{qm}/mqsc"
                name = f"C{n}.{k}"
                define = {"type": "runCommandJSON", "command": "DEFINE", "qualifier": "CHANNEL", "name": name,
                          "parameters": {"chltype": "SDR", "conname": "h(1)", "xmitq": "X"}}
                assert s.post(url, json=define, timeout=10).json()["overallCompletionCode"] == 0
                start = dict(define, command="START", parameters={})
                assert s.post(url, json=start, timeout=10).json()["overallCompletionCode"] == 0
                display = {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "CHSTATUS", "name": name}
                row = s.post(url, json=display, timeout=10).json()["commandResponse"][0]["parameters"]
                assert row["status"] in ("INITIALIZING", "STARTING", "BINDING", "RUNNING")
            return n

        with ThreadPoolExecutor(max_workers=50) as pool:
            assert sorted(pool.map(worker, range(50))) == list(range(50))
        journal = srv.model.journal()
        assert len(journal) == 50 * 8 * 3 and all(e["http_status"] == 200 for e in journal)
        assert srv.model.requests()["mqsc"] == 1200
        # Every queue manager holds exactly its 4 channels (no cross-talk), each with one status record.
        for i, qm in enumerate(qmgrs):
            expected = sorted(f"C{n}.{k}" for n in range(50) for k in range(8) if (n * 8 + k) % 100 == i)
            status, body = srv.model.run_mqsc(qm, {"type": "runCommandJSON", "command": "DISPLAY", "qualifier": "CHSTATUS", "name": "C*"})
            assert status == 200 and sorted(e["parameters"]["channel"] for e in body["commandResponse"]) == expected


def test_concurrent_conflicting_commands_are_atomic():
    # A start phase far longer than 50 requests take on a loaded machine: every START but the first meets it in progress
    # (with fast's 0.3 s, a late START could find the channel already STOPPED, its XMITQ missing, and start it again).
    with EmulatorServer(qmgrs=["QM1"], timing="fast") as srv:
        srv.model.set_timing(channel_start=30.0)

        def post(body):
            resp = requests.post(f"{srv.base_url}/admin/action/qmgr/QM1/mqsc", json=body, auth=("admin", "passw0rd"),
                                 headers={"ibm-mq-rest-csrf-token": ""}, timeout=10)
            return resp.json()["commandResponse"][0]["reasonCode"]

        define = {"type": "runCommandJSON", "command": "DEFINE", "qualifier": "QLOCAL", "name": "RACE.Q"}
        with ThreadPoolExecutor(max_workers=50) as pool:
            codes = list(pool.map(post, [define] * 50))
        assert sorted(codes) == [0] + [4001] * 49
        post({"type": "runCommandJSON", "command": "DEFINE", "qualifier": "CHANNEL", "name": "RACE.C",
              "parameters": {"chltype": "SDR", "conname": "h(1)", "xmitq": "X"}})
        start = {"type": "runCommandJSON", "command": "START", "qualifier": "CHANNEL", "name": "RACE.C"}
        with ThreadPoolExecutor(max_workers=50) as pool:
            codes = list(pool.map(post, [start] * 50))
        assert sorted(codes) == [0] + [4031] * 49  # exactly one START wins; the others see the channel in use
