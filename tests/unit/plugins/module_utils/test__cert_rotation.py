# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""_cert_rotation: the rules of one queue manager's certificate rotation (preflight, the label, the refresh, the health gate,
the rollback) against the in-process emulator, with a fake host (the label check's command) and a fake refresh, whose
result is the shape _refresh_ssl.refresh_ssl returns. What the refresh does to TLS channels on the wire is tested with the
emulator's TLS behaviour in the molecule scenarios and the guide's test."""

from __future__ import annotations

import time

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._cert_rotation import (
    DEFAULT_LABEL_CHECK, CertRotation, Options, default_label, key_database,
)
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError
from ansible_collections.mqrest.admin.plugins.module_utils._refresh_ssl import refresh_ssl

KDB = "/var/mqm/qmgrs/QM1/ssl/key.kdb"


class Host:
    """The queue manager's host: runmqakm answers from the labels it holds; what ran, in order."""

    def __init__(self, labels=("ibmwebspheremqqm1", "qm1-2027")):
        self.labels, self.ran = set(labels), []

    def __call__(self, command):
        self.ran.append(command)
        label = command.split("-label ", 1)[1].strip("'") if "-label " in command else None
        if label in self.labels:
            return {"rc": 0, "stdout": "Label : {0}\nIssuer : CN=mqemu-ca".format(label), "stderr": "", "msg": ""}
        return {"rc": 1, "stdout": "", "stderr": "CTGSK3029W The database doesn't contain an entry with label '{0}'.".format(label),
                "msg": "non-zero return code"}


class Refresh:
    """refresh_ssl's stand-in: records each call; ``answers`` are returned (or raised, an MQError) in turn, and ``effect``
    runs before each answer (what the refresh does to the queue manager)."""

    def __init__(self, *answers, effect=None):
        self.answers, self.calls, self.effect = list(answers), [], effect

    def __call__(self, client, wait=True, timeout=600.0, poll_interval=0.5, connections_share=0.9, check_mode=False, clock=None,
                 sleep=None):
        self.calls.append({"check_mode": check_mode, "timeout": timeout, "connections_share": connections_share})
        if not check_mode:  # refresh_ssl reads only in check mode
            client.refresh_security("SSL")
        if self.effect:
            self.effect(len(self.calls))
        answer = self.answers.pop(0) if self.answers else ok()
        if isinstance(answer, MQError):
            raise answer  # pylint: disable=raising-bad-type  # the answers are results (dicts) and MQErrors
        return answer


def ok(channels=()):
    return {"type": "SSL", "commands": ["REFRESH SECURITY TYPE(SSL)"], "channels": list(channels),
            "clients": {"before": 2, "after": 2, "share_required": 0.9, "back": True}, "elapsed": 1.5}


def sender(status_after="RUNNING", down=0.8, back=True, name="QM1.TO.QM2"):
    return {"name": name, "type": "sdr", "direction": "outbound", "status_before": "RUNNING", "status_after": status_after,
            "down_seconds": down if back else None, "back": back}


def mqsc(mq, command, qmgr="QM1"):
    status, reply = mq.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})
    assert status == 200 and reply["overallCompletionCode"] == 0, reply


def rotate(client_factory, fake_clock, host=None, refresh=None, check_mode=False, real_time=False, **options):
    """One rotation of QM1; ``real_time`` for the real refresh_ssl against the emulator, whose second between the status
    read and the refresh (CHSTATI's resolution, _refresh_ssl.STAMP_RESOLUTION) a fake clock would skip: a channel restarted
    within the same second would then look never restarted."""
    options.setdefault("poll_interval", 0.2)
    options.setdefault("health_timeout", 5.0)
    clock, sleep = (time.monotonic, time.sleep) if real_time else (fake_clock, fake_clock.sleep)
    run = CertRotation(lambda: client_factory(check_mode=check_mode, retries=0), host or Host(), refresh or Refresh(),
                       Options("QM1", options.pop("label", "qm1-2027"), check_mode=check_mode, **options),
                       clock=clock, sleep=sleep)
    return run.run()


def certlabl(mq, qmgr="QM1"):
    return mq.model.qmgrs[qmgr].qmgr.attrs["CERTLABL"]


@pytest.fixture
def tls_sender(mq):
    """A TLS sender QM1.TO.QM2 running to QM2 (on host partner)."""
    mqsc(mq, "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(SDR) CONNAME('partner(1414)') XMITQ(XQ) SSLCIPH(ANY_TLS12_OR_HIGHER)")
    mqsc(mq, "START CHANNEL(QM1.TO.QM2)")
    mq.model.clear_journal()
    return "QM1.TO.QM2"


def test_the_queue_manager_label_is_checked_on_the_host_set_and_refreshed(mq, client_factory, fake_clock, mutations):
    host, refresh = Host(), Refresh(ok([sender()]))
    report = rotate(client_factory, fake_clock, host, refresh)
    assert report["outcome"] == "rotated" and report["failure"] == "", report
    assert host.ran == [DEFAULT_LABEL_CHECK.format(kdb=KDB, label="qm1-2027")]
    assert report["label_check"] == {"command": host.ran[0], "rc": 0, "output": "rc 0: Label : qm1-2027; Issuer : CN=mqemu-ca"}
    assert report["labels"] == [{"object": "queue manager", "before": "ibmwebspheremqqm1", "after": "qm1-2027"}]
    assert certlabl(mq) == "qm1-2027"
    assert [(m["command"], m["qualifier"]) for m in mutations()] == [("ALTER", "QMGR"), ("REFRESH", "SECURITY")]
    assert report["commands"] == ["ALTER QMGR CERTLABL('qm1-2027')", "REFRESH SECURITY TYPE(SSL)"]
    assert report["channels"] == [sender()] and report["down_seconds"] == 0.8 and report["not_back"] == []
    assert report["changed"] is True and report["rolled_back"] is False and report["native_ha"] is False


def test_a_second_run_changes_nothing_and_refreshes_nothing(mq, client_factory, fake_clock, mutations):
    mqsc(mq, "ALTER QMGR CERTLABL('qm1-2027')")
    mq.model.clear_journal()
    refresh = Refresh()
    report = rotate(client_factory, fake_clock, refresh=refresh)
    assert (report["outcome"], report["changed"], report["commands"]) == ("unchanged", False, [])
    checked = rotate(client_factory, fake_clock, refresh=refresh, check_mode=True)
    assert (checked["outcome"], checked["changed"], checked["commands"]) == ("unchanged", False, [])
    assert refresh.calls == [] and mutations() == []


def test_check_mode_says_what_would_change_and_bounce_and_sends_nothing(mq, client_factory, fake_clock, mutations, tls_sender):
    would = [{"name": tls_sender, "type": "sdr", "direction": "outbound", "status_before": "RUNNING"}]
    refresh = Refresh(dict(ok(), would_bounce=would))
    report = rotate(client_factory, fake_clock, refresh=refresh, check_mode=True)
    assert report["outcome"] == "checked" and report["changed"] is True
    assert report["commands"] == ["ALTER QMGR CERTLABL('qm1-2027')", "REFRESH SECURITY TYPE(SSL)"]
    assert report["would_bounce"] == would and refresh.calls[0]["check_mode"] is True
    assert mutations() == [] and certlabl(mq) == "ibmwebspheremqqm1"


def test_a_label_not_in_the_key_repository_fails_the_preflight_before_any_change(mq, client_factory, fake_clock, mutations):
    refresh = Refresh()
    report = rotate(client_factory, fake_clock, Host(labels=["ibmwebspheremqqm1"]), refresh)
    assert report["outcome"] == "failed"
    assert report["failure"].startswith("Preflight") and "the label 'qm1-2027' is not known to be in the key repository " + KDB in report["failure"]
    assert "CTGSK3029W" in report["failure"] and report["rollback"] == "nothing to undo: no label was changed"
    assert refresh.calls == [] and mutations() == [] and report["changed"] is False


def test_the_label_check_can_be_skipped_or_given_as_a_template(mq, client_factory, fake_clock):
    host = Host()
    assert rotate(client_factory, fake_clock, host, label_check=False)["label_check"] is None and host.ran == []
    mqsc(mq, "ALTER QMGR CERTLABL('ibmwebspheremqqm1')")
    rotate(client_factory, fake_clock, host, label_check_command="check-label {qmgr} {kdb} -label {label}", key_repository="/k/my key.p12")
    assert host.ran == ["check-label QM1 '/k/my key.p12' -label qm1-2027"]
    bad = rotate(client_factory, fake_clock, host, label="qm1-2028", label_check_command="check {keystore}")
    assert "label_check_command='check {keystore}' is not a template" in bad["failure"], bad


def test_the_key_database_of_sslkeyr():
    assert key_database("/var/mqm/qmgrs/QM1/ssl/key") == KDB
    assert key_database("/var/mqm/qmgrs/QM1/ssl/key.kdb") == KDB
    assert key_database("/var/mqm/qmgrs/QM1/ssl/key.p12") == "/var/mqm/qmgrs/QM1/ssl/key.p12"
    assert key_database("  ") == "" and default_label("QM1") == "ibmwebspheremqqm1"


def test_a_failed_refresh_puts_the_old_label_back_and_refreshes_again(mq, client_factory, fake_clock, mutations):
    failed = MQError("TLS channels not back within 600s: QM1.TO.QM2 (RETRYING)",
                     result=ok([sender("RETRYING", back=False)]))
    refresh = Refresh(failed, ok([sender(down=1.1)]))
    report = rotate(client_factory, fake_clock, refresh=refresh)
    assert report["outcome"] == "rolled back" and report["rolled_back"] is True
    assert report["failure"] == "REFRESH SECURITY TYPE(SSL), waiting until every TLS channel and client is back: " \
                                "TLS channels not back within 600s: QM1.TO.QM2 (RETRYING)"
    assert report["not_back"] == ["QM1.TO.QM2"] and report["rollback_refresh"]["channels"] == [sender(down=1.1)]
    assert report["rollback"] == "put back queue manager 'ibmwebspheremqqm1' and refreshed again: every TLS channel that ran before runs again"
    assert report["labels"] == [{"object": "queue manager", "before": "ibmwebspheremqqm1", "after": "ibmwebspheremqqm1"}]
    assert certlabl(mq) == "ibmwebspheremqqm1" and len(refresh.calls) == 2
    assert [m["command"] + " " + m["qualifier"] for m in mutations()] == [
        "ALTER QMGR", "REFRESH SECURITY", "ALTER QMGR", "REFRESH SECURITY"]


def test_a_refresh_that_returns_failed_is_a_failure_too_and_rollback_false_leaves_the_label(mq, client_factory, fake_clock, mutations):
    refresh = Refresh(dict(ok([sender("RETRYING", back=False)]), failed=True, msg="QM1.TO.QM2 did not come back (RETRYING)"))
    report = rotate(client_factory, fake_clock, refresh=refresh, rollback=False)
    assert report["outcome"] == "failed" and report["failure"].endswith("QM1.TO.QM2 did not come back (RETRYING)")
    assert report["rollback"].startswith("none: rollback is false") and certlabl(mq) == "qm1-2027" and len(refresh.calls) == 1


def test_the_health_gate_fails_when_a_channel_that_ran_does_not_run_and_rolls_back(mq, client_factory, fake_clock, tls_sender):
    def stop_it(call):
        if call == 1:
            mqsc(mq, "STOP CHANNEL(QM1.TO.QM2)")
    report = rotate(client_factory, fake_clock, refresh=Refresh(effect=stop_it), wait_timeout=5.0)
    assert report["outcome"] == "rolled back"
    # A channel stopped by hand stays STOPPED: the rollback says so rather than claim everything is back.
    assert report["rollback"] == "put back queue manager 'ibmwebspheremqqm1' and refreshed again, but not RUNNING 5s after it: " \
                                 "QM1.TO.QM2 (STOPPED)"
    assert report["failure"] == "Health gate, every TLS channel that ran before runs: not RUNNING 5s after the refresh: QM1.TO.QM2 (STOPPED)"
    assert report["health"] == {"channels": 1, "not_running": {"QM1.TO.QM2": "STOPPED"}}
    assert report["tls_channels"] == [{"name": "QM1.TO.QM2", "type": "SDR", "status": "RUNNING"}]


def test_a_tls_channel_without_its_partner_fails_the_preflight(mq, client_factory, fake_clock, mutations):
    mqsc(mq, "DEFINE CHANNEL(QM1.TO.NOWHERE) CHLTYPE(SDR) CONNAME('nowhere(1414)') XMITQ(XQ) SSLCIPH(ANY_TLS12_OR_HIGHER)")
    mqsc(mq, "START CHANNEL(QM1.TO.NOWHERE)")
    mq.model.clear_journal()
    report = rotate(client_factory, fake_clock)
    assert "TLS channels without their partner now: QM1.TO.NOWHERE (RETRYING)" in report["failure"], report
    assert mutations() == []
    assert rotate(client_factory, fake_clock, partners_check=False)["outcome"] == "rotated"
    # One held STOPPED is no partner's absence: the refresh leaves it alone, and so does the preflight.
    mqsc(mq, "STOP CHANNEL(QM1.TO.NOWHERE)")
    assert rotate(client_factory, fake_clock, label="ibmwebspheremqqm1")["outcome"] == "rotated"


def test_channel_labels_are_rotated_and_put_back_and_the_rules_refuse_before_any_change(mq, client_factory, fake_clock, mutations,
                                                                                        tls_sender):
    report = rotate(client_factory, fake_clock, channels=[tls_sender], refresh=Refresh(MQError("not back", result=ok())))
    assert report["labels"] == [{"object": "channel QM1.TO.QM2", "before": "", "after": ""}] and report["rolled_back"] is True
    assert [m["command"] + " " + m["qualifier"] for m in mutations()] == [
        "ALTER CHANNEL", "REFRESH SECURITY", "ALTER CHANNEL", "REFRESH SECURITY"]
    mq.model.clear_journal()
    mqsc(mq, "DEFINE CHANNEL(PLAIN.TO.QM2) CHLTYPE(SDR) CONNAME('partner(1414)') XMITQ(XQ)")
    mqsc(mq, "DEFINE CHANNEL(TO.CLUSTER) CHLTYPE(CLUSSDR) CONNAME('partner(1414)') CLUSTER(C1) SSLCIPH(ANY_TLS12_OR_HIGHER)")
    mq.model.clear_journal()
    for channels, words in (([" plain.to.qm2"], "PLAIN.TO.QM2 has no SSLCIPH"), (["TO.CLUSTER"], "MQRCCF_WRONG_CHANNEL_TYPE"),
                            (["NONE.SUCH"], "channel NONE.SUCH does not exist on QM1")):
        report = rotate(client_factory, fake_clock, channels=channels)
        assert report["failure"].startswith("Preflight") and words in report["failure"], report
    assert mutations() == []


def test_with_the_real_refresh_a_missing_label_is_rolled_back_and_the_channel_runs_again(mq, client_factory, fake_clock, mutations,
                                                                                         tls_sender):
    """refresh_ssl against the emulator's TLS channels: QM1's new label is not in its key repository (the check skipped), so
    after the refresh its sender cannot start; the old label back and a second refresh bring it back."""
    report = rotate(client_factory, fake_clock, refresh=refresh_ssl, label_check=False, wait_timeout=5.0, real_time=True)
    assert report["outcome"] == "rolled back" and report["not_back"] == [tls_sender], report
    # Whether the second refresh found it back already (its retry read the old label) or RETRYING, the rollback waits for it.
    assert report["rollback"] == "put back queue manager 'ibmwebspheremqqm1' and refreshed again: every TLS channel that ran before " \
                                 "runs again"
    assert certlabl(mq) == "ibmwebspheremqqm1"
    assert [row["status"] for row in client_factory().display("CHSTATUS", tls_sender)] == ["RUNNING"]
    assert [m["command"] for m in mutations()] == ["ALTER", "REFRESH", "ALTER", "REFRESH"]
