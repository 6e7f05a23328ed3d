# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""bin/endmqm, strmqm, dspmq and runmqakm run as subprocesses against the emulator: arguments, output lines, exit codes, waits."""

import os
import shutil
import subprocess
import sys

import pytest

BIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "bin")
PAD = " " * 47  # dspmq pads QMNAME(QM1) to the STATUS column


@pytest.fixture
def run(srv):
    def _run(*argv, host=None, path=BIN, control=None):
        env = {"PATH": f"{path}:{os.environ['PATH']}", "MQEMU_CONTROL_URL": control or srv.control_url,
               "MQEMU_SHIM_TIMEOUT": "20"}
        if host:
            env["MQEMU_HOST"] = host
        proc = subprocess.run(list(argv), env=env, capture_output=True, text=True, timeout=60, check=False)
        return proc.returncode, proc.stdout.splitlines(), proc.stderr
    return _run


def test_dspmq_lists_every_queue_manager_in_ibm_layout(run):
    code, out, _err = run("dspmq")
    assert code == 0 and out == [f"QMNAME(QM1){PAD}STATUS(Running)", f"QMNAME(QM2){PAD}STATUS(Running)"]
    code, out, _err = run("dspmq", "-m", "QM2", "-x", "-o", "standby")
    assert code == 0 and out == [f"QMNAME(QM2){PAD}STANDBY(Not permitted)", "    INSTANCE(qm2host) MODE(Active)"]
    code, _out, err = run("dspmq", "-m", "NOPE")
    assert code == 72 and "AMQ7048E" in err
    assert run("dspmq", "-o", "bogus")[0] == 36


def test_endmqm_immediate_waits_for_the_end_and_strmqm_for_running(run, srv):
    srv.model.set_timing(qmgr_end=0.3, qmgr_start=0.3)
    code, out, _err = run("endmqm", "-i", "QM2")
    assert code == 0 and out == ["IBM MQ queue manager 'QM2' ending.", "IBM MQ queue manager 'QM2' ended."]
    assert srv.model.qmgr_state("QM2") == "endedImmediately"
    assert run("dspmq", "-m", "QM2")[1] == [f"QMNAME(QM2){PAD}STATUS(Ended immediately)"]
    code, out, _err = run("strmqm", "QM2")
    assert code == 0 and out[0] == "IBM MQ queue manager 'QM2' starting." and out[-1].endswith("started using V9.4.2.0.")
    assert srv.model.qmgr_state("QM2") == "running"  # strmqm returned only once the queue manager runs
    timeline = srv.model.qmgrs["QM2"].life.timeline(float("inf"))
    assert timeline["end_mode"] == "immediate" and None not in timeline.values()


def test_endmqm_controlled_returns_at_once_and_wait_waits(run, srv):
    srv.model.add_fault({"kind": "never_disconnect"})  # an application that never disconnects, on every queue manager
    code, out, _err = run("endmqm", "QM2")  # -c is the default
    assert code == 0 and out[0].startswith("Quiesce request accepted")
    assert run("dspmq", "-m", "QM2")[1] == [f"QMNAME(QM2){PAD}STATUS(Quiescing)"]
    assert run("endmqm", "-c", "QM2")[0] == 49
    code, out, _err = run("endmqm", "-p", "QM2")  # preemptive escalates the quiescing end
    assert code == 0 and out[-1] == "IBM MQ queue manager 'QM2' ended." and srv.model.qmgr_state("QM2") == "endedPreemptively"
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}", MQEMU_CONTROL_URL=srv.control_url)
    with subprocess.Popen(["endmqm", "-w", "QM1"], env=env, stdout=subprocess.PIPE, text=True) as proc:
        assert proc.stdout.readline() == "Waiting for queue manager 'QM1' to end.\n"
        assert srv.model.qmgr_state("QM1") == "quiescing" and proc.poll() is None  # held by the application
        srv.model.clear_faults()
        assert proc.wait(timeout=30) == 0 and proc.stdout.read() == "IBM MQ queue manager 'QM1' ended.\n"


def test_exit_codes_of_refusals_and_test_doubles(run, srv):
    assert run("strmqm", "QM1")[0] == 5  # already running
    assert run("endmqm", "NOPE")[0] == 16 and run("strmqm", "NOPE")[0] == 16
    assert run("endmqm", "-i", "-p", "QM1")[0] == 36 and run("strmqm", "-q", "QM1")[0] == 39
    run("endmqm", "-i", "QM2")
    assert run("endmqm", "-w", "QM2")[0] == 40
    srv.model.add_fault({"kind": "strmqm_fails", "qmgr": "QM2", "exit": 23})
    code, _out, err = run("strmqm", "QM2")
    assert code == 23 and "Log not available" in err and srv.model.qmgr_state("QM2") == "endedImmediately"
    code, _out, err = run("strmqm", "QM2", control="http://127.0.0.1:9/mqemu/v1")
    assert code == 71 and "unexpected error" in err


def test_a_shim_copied_alone_under_its_name_works(run, tmp_path):
    shutil.copy(os.path.join(BIN, "dspmq"), tmp_path / "dspmq")  # follows the link: a whole script
    code, out, _err = run(str(tmp_path / "dspmq"), "-m", "QM1", path=str(tmp_path))
    assert code == 0 and out == [f"QMNAME(QM1){PAD}STATUS(Running)"]
    proc = subprocess.run([sys.executable, os.path.join(BIN, "mqemu-shim")], capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and "endmqm, strmqm, dspmq or runmqakm" in proc.stderr


def test_switchover_and_the_view_from_each_host(run, srv):
    srv.model.set_timing(qmgr_start=0.2)
    srv.model.add_fault({"kind": "strmqm_fails", "qmgr": "QM1"})  # not QM2's business
    assert srv.model.qmgrs  # the pair is set through the control API, as a test would
    import requests  # pylint: disable=import-outside-toplevel
    requests.post(f"{srv.control_url}/qmgr/QM2/instances", json={"hosts": ["qm2host", "qm2b"]}, timeout=10)
    code, out, _err = run("dspmq", "-m", "QM2", "-x", host="qm2b")
    assert code == 0 and out == [f"QMNAME(QM2){PAD}STATUS(Running as standby)", "    INSTANCE(qm2host) MODE(Active)",
                                 "    INSTANCE(qm2b) MODE(Standby)"]
    code, out, _err = run("endmqm", "-s", "-i", "QM2", host="qm2host")
    assert code == 0 and out[-1].endswith("permitting switchover to a standby instance.")
    assert run("dspmq", "-m", "QM2", host="qm2host")[1] == [f"QMNAME(QM2){PAD}STATUS(Running elsewhere)"]
    code, out, _err = run("strmqm", "-x", "QM2", host="qm2host")
    assert code == 30 and "standby instance" in out[0]


def test_dspmq_n_o_and_a_through_the_shim(run, srv):
    """W4/C7/C8 of the fidelity audit as bin/dspmq prints them (sources in test_qmgr_lifecycle.py)."""
    run("endmqm", "-p", "QM2")
    assert run("dspmq", "-n", "-m", "QM2")[1] == [f"QMNAME(QM2){PAD}STATUS(ENDED PRE-EMPTIVELY)"]
    code, out, _err = run("dspmq", "-a")
    assert code == 5 and out == [f"QMNAME(QM1){PAD}STATUS(Running)"]
    code, out, _err = run("dspmq", "-m", "QM1", "-o", "all")
    assert code == 0 and out[0].endswith("INSTVER(9.4.2.0) ROLE(Not configured) INSTANCE() INSYNC() QUORUM() GRPLSN() GRPNAME() "
                                         "GRPROLE(Not configured)")
    assert run("dspmq", "-o", "ha", "-o", "dr", "-m", "QM1")[1] == [f"QMNAME(QM1){PAD}HA() DRROLE()"]


def test_a_native_ha_rolling_restart_through_the_shims(run, srv):
    """What the qmgr_restart plugin runs on each instance's host: replicas first, each back in sync, then the active
    instance, with one failover (IBM's Helm rolling-update sample, MQHELM; README "Native HA")."""
    import requests  # pylint: disable=import-outside-toplevel
    srv.model.set_timing(qmgr_start=0.2, nativeha_replica_start=0.1, nativeha_failover=0.1)
    requests.post(f"{srv.control_url}/qmgr/QM2/instances", json={"hosts": ["qm2host", "qm2b", "qm2c"]}, timeout=10)
    assert run("dspmq", "-n", "-m", "QM2", host="qm2b")[1] == [f"QMNAME(QM2){PAD}STATUS(REPLICA)"]
    for replica in ("qm2b", "qm2c"):
        code, out, _err = run("endmqm", "-w", "QM2", host=replica)
        assert code == 0 and out == ["Waiting for queue manager 'QM2' to end.", "IBM MQ queue manager 'QM2' ended."]
        assert srv.model.qmgr_state("QM2", replica) == "ended"
        code, out, _err = run("strmqm", "QM2", host=replica)
        assert code == 0 and out[-1] == "IBM MQ queue manager 'QM2' started as a replica instance."
        lines = run("dspmq", "-m", "QM2", "-o", "nativeha", "-x", host=replica)[1]
        assert lines[0].split()[1:3] == ["ROLE(Replica)", f"INSTANCE({replica})"] and len(lines) == 4
    assert run("endmqm", "-i", "QM2", host="qm2host")[0] == 0
    assert run("dspmq", "-m", "QM2", "-o", "nativeha", host="qm2host")[1] == [
        f"QMNAME(QM2){PAD}ROLE(Unknown) INSTANCE(qm2host) INSYNC(no) QUORUM(0/3) GRPLSN() GRPNAME() GRPROLE(Unknown)"]
    code, out, _err = run("strmqm", "QM2", host="qm2host")
    assert code == 0 and out[-1].endswith("started as a replica instance.")
    line = requests.get(f"{srv.control_url}/qmgr/QM2/timeline", timeout=10).json()
    assert line["nativeha"]["active"] == "qm2b" and [(f["from"], f["to"]) for f in line["failovers"]] == [("qm2host", "qm2b")]


def test_runmqakm_details_reads_the_queue_managers_key_repository(run, srv):
    kdb = "/var/mqm/qmgrs/QM2/ssl/key.kdb"
    code, out, err = run("runmqakm", "-cert", "-details", "-db", kdb, "-stashed", "-label", "ibmwebspheremqqm2")
    assert code == 0 and out[:2] == ["Label : ibmwebspheremqqm2", "Issuer : mqemu-ca"] and out[2].startswith("Not After : ")
    assert err == ""
    srv.model.control.key_repository("QM2", "POST", ["certificates"], {"label": "qm2.2027", "issuer": "corp-ca",
                                                                       "expires": "2027-06-30"})
    code, out, _err = run("runmqakm", "-cert", "-details", "-db", kdb, "-pw", "s3cret-pw", "-label", "qm2.2027")
    assert code == 0 and out == ["Label : qm2.2027", "Issuer : corp-ca", "Not After : 2027-06-30", "Trusted : No"]
    assert "s3cret-pw" not in "\n".join(out)
    code, out, err = run("runmqakm", "-cert", "-details", "-db", kdb, "-stashed", "-label", "qm2.2028")
    assert code == 1 and out == [] and 'CTGSK3029W' in err and '"qm2.2028"' in err
    code, out, _err = run("runmqakm", "-cert", "-list", "-db", kdb, "-stashed")
    assert code == 0 and "*\tibmwebspheremqqm2" in out and "-\tqm2.2027" in out and "!\tmqemu-ca" in out


def test_runmqakm_finds_the_queue_manager_from_the_path_or_mqemu_qmgr(run, srv):
    label = ["-cert", "-details", "-stashed", "-label", "ibmwebspheremqqm1"]
    assert run("runmqakm", "-db", "/srv/mq/QM1/ssl/key.kdb", *label)[0] == 0
    code, _out, err = run("runmqakm", "-db", "/srv/keys/key.kdb", *label)  # no queue manager in the path
    assert code == 1 and "CTGSK3026W" in err
    assert run("runmqakm", "-db", "/var/mqm/qmgrs/NOPE/ssl/key.kdb", *label)[0] == 1
    env = dict(os.environ, PATH=f"{BIN}:{os.environ['PATH']}", MQEMU_CONTROL_URL=srv.control_url, MQEMU_QMGR="QM1")
    proc = subprocess.run(["runmqakm", "-db", "/srv/keys/key.kdb", *label], env=env, capture_output=True, text=True,
                          timeout=60, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("Label : ibmwebspheremqqm1")


@pytest.mark.parametrize("argv", [
    ("-cert", "-details", "-db", "k.kdb", "-stashed"),  # no label
    ("-cert", "-details", "-db", "k.kdb", "-label", "x"),  # neither -stashed nor -pw
    ("-cert", "-details", "-db", "k.kdb", "-stashed", "-pw", "p", "-label", "x"),  # both
    ("-keydb", "-create", "-db", "k.kdb"),  # not emulated
])
def test_runmqakm_usage(run, argv):
    code, _out, err = run("runmqakm", *argv)
    assert code == 1 and err.startswith("Usage: runmqakm")
