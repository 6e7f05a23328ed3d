# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_export: a queue manager's objects, defined out of band with MQSC, come back as mq_objects' declarations; converging
them changes nothing and sends no mutating command (the journal proves it), for every kind of the registry."""

from __future__ import annotations

import pytest
import yaml

from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

# Per kind: what an operator defined with runmqsc (attributes away from the defaults, an attribute MQ shows masked or one the
# collection does not manage where the kind has one), and the declarations mq_export must make of them. A kind added to the
# registry without a sample here fails test_every_kind_has_a_sample.
SAMPLES = {
    "queue": (
        ["DEFINE QLOCAL(EXP.IN) MAXDEPTH(500) DEFPSIST(YES) TRIGGER TRIGTYPE(EVERY) DESCR('Orders in')",
         "DEFINE QLOCAL(EXP.XQ) USAGE(XMITQ)",
         "DEFINE QALIAS(EXP.ALIAS) TARGET(EXP.IN)",
         "DEFINE QREMOTE(EXP.REMOTE) RNAME(IN) RQMNAME(QM2) XMITQ(EXP.XQ)",
         "DEFINE QMODEL(EXP.MODEL) DEFTYPE(PERMDYN)"],
        [{"name": "EXP.ALIAS", "type": "alias", "target": "EXP.IN"},
         {"name": "EXP.IN", "type": "local", "description": "Orders in", "max_depth": 500, "persistence": True,
          "attributes": {"TRIGTYPE": "EVERY"}},
         {"name": "EXP.MODEL", "type": "model", "attributes": {"DEFTYPE": "PERMDYN"}},
         {"name": "EXP.REMOTE", "type": "remote", "remote_name": "IN", "remote_qmgr": "QM2", "xmitq": "EXP.XQ"},
         {"name": "EXP.XQ", "type": "local", "usage": "xmitq"}],
        ["queue 'EXP.IN': TRIGGER(YES) differs from SYSTEM.DEFAULT.LOCAL.QUEUE and is not exported: this collection does not "
         "manage it"]),
    "topic": (
        ["DEFINE TOPIC(EXP.PRICES) TOPICSTR('exp/prices') DURSUB(YES) WILDCARD(BLOCK)",
         "DEFINE TOPIC(EXP.PLAIN) TOPICSTR('exp/plain')"],
        [{"name": "EXP.PLAIN", "topic_string": "exp/plain"},
         {"name": "EXP.PRICES", "topic_string": "exp/prices", "durable_subscriptions": "yes", "attributes": {"WILDCARD": "BLOCK"}}],
        []),
    "listener": (
        ["DEFINE LISTENER(EXP.LISTENER) TRPTYPE(TCP) PORT(1999) CONTROL(QMGR) DESCR('Partners')"],
        [{"name": "EXP.LISTENER", "transport_type": "tcp", "port": 1999, "control": "qmgr", "description": "Partners"}],
        []),
    "channel": (
        ["DEFINE CHANNEL(EXP.TO.QM2) CHLTYPE(SDR) CONNAME('qm2(1414)') XMITQ(XQ) BATCHSZ(10) PASSWORD('s3cret')",
         "DEFINE CHANNEL(EXP.SVRCONN) CHLTYPE(SVRCONN) MAXINST(20) COMPHDR(SYSTEM)",
         "DEFINE CHANNEL(EXP.SVRCONN) CHLTYPE(CLNTCONN) CONNAME('mqhost(1414)') QMNAME(QM1)",
         "DEFINE CHANNEL(EXP.FROM.QM2) CHLTYPE(RCVR)"],
        [{"name": "EXP.FROM.QM2", "type": "rcvr"},
         {"name": "EXP.SVRCONN", "type": "svrconn", "max_instances": 20, "attributes": {"COMPHDR": ["SYSTEM"]}},
         {"name": "EXP.SVRCONN", "type": "clntconn", "conname": "mqhost(1414)", "qmgr_name": "QM1"},
         {"name": "EXP.TO.QM2", "type": "sdr", "conname": "qm2(1414)", "xmitq": "XQ", "attributes": {"BATCHSZ": 10}}],
        ["channel 'EXP.TO.QM2': PASSWORD left out: MQ shows it masked (********), so its value cannot be read (this "
         "collection does not manage it)"]),
    "namelist": (
        ["DEFINE NAMELIST(EXP.CLUSTERS) NAMES(ALPHA, BETA) DESCR('Clusters')", "DEFINE NAMELIST(EXP.EMPTY)"],
        [{"name": "EXP.CLUSTERS", "names": ["ALPHA", "BETA"], "description": "Clusters"}, {"name": "EXP.EMPTY"}],
        []),
    "process": (
        ["DEFINE PROCESS(EXP.TRIGGERED) APPLICID('/opt/app/bin/run') USERDATA('-v')"],
        [{"name": "EXP.TRIGGERED", "application_id": "/opt/app/bin/run", "user_data": "-v"}],
        []),
    "subscription": (
        ["DEFINE QLOCAL(EXP.PRICES.Q)", "DEFINE SUB(EXP.PRICES.SUB) TOPICSTR('exp/prices') DEST(EXP.PRICES.Q) USERDATA('feed')"],
        # Fixed attributes are exported whatever their values (they cannot change after DEFINE), blank ones left out.
        [{"name": "EXP.PRICES.SUB", "topic_string": "exp/prices", "destination": "EXP.PRICES.Q", "destination_class": "provided",
          "user_data": "feed", "attributes": {"SUBLEVEL": 1, "SUBSCOPE": "ALL", "WSCHEMA": "TOPIC"}}],
        []),
    "authinfo": (
        ["DEFINE AUTHINFO(EXP.IDPW) AUTHTYPE(IDPWOS) CHCKCLNT(REQUIRED)",
         "DEFINE AUTHINFO(EXP.OCSP) AUTHTYPE(OCSP) OCSPURL('http://ocsp.example.com/')"],
        [{"name": "EXP.IDPW", "type": "idpwos", "check_client": "required"},
         {"name": "EXP.OCSP", "type": "ocsp", "ocsp_url": "http://ocsp.example.com/"}],
        []),
    "service": (
        ["DEFINE SERVICE(EXP.TRIGGER) SERVTYPE(SERVER) CONTROL(QMGR) STARTCMD('/bin/sleep') STARTARG('60') STOPCMD('/bin/true')",
         "DEFINE SERVICE(EXP.CLEANUP) STARTCMD('/usr/bin/find') STARTARG('/tmp -mtime +7')"],
        [{"name": "EXP.CLEANUP", "service_type": "command", "start_command": "/usr/bin/find", "start_args": "/tmp -mtime +7"},
         {"name": "EXP.TRIGGER", "service_type": "server", "control": "qmgr", "start_command": "/bin/sleep", "start_args": "60",
          "stop_command": "/bin/true"}],
        []),
}


def mutations(mq):
    return [entry for entry in mq.model.journal("QM1") if entry["mutating"]]


def declared(result):
    return {option: entries for option, entries in result["declarations"].items() if entries}


def test_every_kind_has_a_sample():
    # Every type of named object; the queue manager's own attributes (qmgr_attributes) are not exported, nor the security
    # records (chlauths, authrecs): a record is named by its profile and identity keywords and MQ has no default record to
    # compare with, while the export reads objects by name against the type's default object (guide_adopt.rst).
    assert sorted(SAMPLES) == sorted(t.kind for t in REGISTRY.objects)
    assert "qmgr" not in [t.kind for t in REGISTRY.objects] and "qmgr" in REGISTRY.kinds
    records = [t.kind for t in REGISTRY if t.identity.keys]
    assert sorted(records) == ["authrec", "chlauth"]
    assert not set(records) & {t.kind for t in REGISTRY.objects}


@pytest.mark.parametrize("kind", [t.kind for t in REGISTRY.objects])
def test_round_trip_of_each_kind(kind, mq, operator, run_module):
    commands, expected, notes = SAMPLES[kind]
    for command in commands:
        operator(command)
    mq.model.clear_journal()
    exported = run_module("mq_export", kinds=[kind], prefix="EXP.")
    otype = REGISTRY[kind]
    assert exported["changed"] is False
    assert exported["declarations"] == {otype.list_option: expected}
    assert exported["notes"] == notes
    assert exported["summary"] == {kind: len(expected)}
    assert mutations(mq) == []
    # One DISPLAY of the objects, one of the type's default objects (a prefix leaves them out of the first).
    assert [(e["command"], e["qualifier"]) for e in mq.model.journal("QM1")] == [("DISPLAY", otype.qualifier)] * 2
    mq.model.clear_journal()
    converged = run_module("mq_objects", **exported["declarations"])
    assert (converged["changed"], converged["commands"]) == (False, [])
    assert converged["summary"]["unchanged"] == len(expected)
    assert mutations(mq) == []


def test_every_kind_at_once_with_no_prefix_reads_each_type_once(mq, operator, run_module):
    for commands, _expected, _notes in SAMPLES.values():
        for command in commands:
            operator(command)
    mq.model.clear_journal()
    mq.model.clear_requests()
    exported = run_module("mq_export")
    # Every object of every type in one DISPLAY each: the SYSTEM.* objects among them are the defaults, and are left out.
    assert [(e["command"], e["qualifier"], e["name"]) for e in mq.model.journal("QM1")] == \
        [("DISPLAY", otype.qualifier, "*") for otype in REGISTRY.objects]
    assert mq.model.requests()["mqsc"] == len(REGISTRY.objects)
    for otype in REGISTRY.objects:
        names = [entry["name"] for entry in exported["declarations"][otype.list_option]]
        assert not [name for name in names if name.startswith("SYSTEM.")]
    # The test fixture's own transmission queue XQ is exported with the samples.
    assert exported["declarations"]["queues"][-1] == {"name": "XQ", "type": "local", "usage": "xmitq"}
    assert exported["declarations"]["channels"] == SAMPLES["channel"][1]
    mq.model.clear_journal()
    converged = run_module("mq_objects", **exported["declarations"])
    assert (converged["changed"], converged["commands"], mutations(mq)) == (False, [], [])


def test_the_queue_managers_own_default_decides(mq, operator, run_module):
    """An attribute equal to this queue manager's default object is left out, also where that default was changed."""
    operator("ALTER QLOCAL(SYSTEM.DEFAULT.LOCAL.QUEUE) MAXDEPTH(20000)")
    operator("DEFINE QLOCAL(EXP.SAME) MAXDEPTH(20000)")
    operator("DEFINE QLOCAL(EXP.OTHER) MAXDEPTH(5000)")
    exported = run_module("mq_export", kinds=["queue"], prefix="EXP.")
    assert exported["declarations"]["queues"] == [{"name": "EXP.OTHER", "type": "local", "max_depth": 5000},
                                                  {"name": "EXP.SAME", "type": "local"}]


def test_include_defaults_exports_every_attribute_and_still_changes_nothing(mq, operator, run_module):
    for command in SAMPLES["channel"][0] + SAMPLES["listener"][0]:
        operator(command)
    exported = run_module("mq_export", kinds=["listener", "channel"], prefix="EXP.", include_defaults=True)
    listener = exported["declarations"]["listeners"][0]
    assert listener == {"name": "EXP.LISTENER", "transport_type": "tcp", "port": 1999, "ip_address": "", "backlog": 0, "control": "qmgr",
                        "description": "Partners"}
    sender = [c for c in exported["declarations"]["channels"] if c["type"] == "sdr"][0]
    assert sender["heartbeat_interval"] == 300 and sender["attributes"]["BATCHSZ"] == 10 and "PASSWORD" not in sender["attributes"]
    mq.model.clear_journal()
    converged = run_module("mq_objects", **exported["declarations"])
    assert (converged["changed"], mutations(mq)) == (False, [])


def test_include_state_exports_what_runs_as_started(mq, operator, run_module):
    operator("DEFINE LISTENER(EXP.RUNNING) TRPTYPE(TCP) PORT(1998)")
    operator("START LISTENER(EXP.RUNNING)")
    operator("DEFINE LISTENER(EXP.IDLE) TRPTYPE(TCP) PORT(1997)")
    # A sender whose partner does not answer goes RETRYING: started, but state: started would restart it.
    operator("DEFINE CHANNEL(EXP.NOWHERE) CHLTYPE(SDR) CONNAME('nowhere(1414)') XMITQ(XQ) SHORTRTY(999) SHORTTMR(999)")
    operator("START CHANNEL(EXP.NOWHERE)")
    operator("DEFINE CHANNEL(EXP.HELD) CHLTYPE(SVRCONN)")
    operator("STOP CHANNEL(EXP.HELD)")
    operator("DEFINE CHANNEL(EXP.OPEN) CHLTYPE(SVRCONN)")
    mq.model.clear_journal()
    exported = run_module("mq_export", kinds=["listener", "channel"], prefix="EXP.", include_state=True)
    states = {entry["name"]: entry.get("state") for option in ("listeners", "channels") for entry in exported["declarations"][option]}
    # An idle svrconn with no STOPPED record accepts clients: started, as mq_objects' state: started sees it.
    assert states == {"EXP.RUNNING": "started", "EXP.IDLE": None, "EXP.NOWHERE": None, "EXP.HELD": None, "EXP.OPEN": "started"}
    assert exported["notes"] == ["channel 'EXP.NOWHERE': state left out: it is RETRYING, so state: started would restart it"]
    assert [(e["qualifier"]) for e in mq.model.journal("QM1")] == ["LISTENER", "LISTENER", "LSSTATUS", "CHANNEL", "CHANNEL", "CHSTATUS"]
    mq.model.clear_journal()
    converged = run_module("mq_objects", **exported["declarations"])
    assert (converged["changed"], mutations(mq)) == (False, [])


def test_dest_is_the_provision_roles_variables_and_written_once(mq, operator, run_module, tmp_path):
    for command in SAMPLES["channel"][0]:
        operator(command)
    dest = tmp_path / "host_vars" / "qm1.yml"  # a new inventory: the directory is created
    planned = run_module("mq_export", kinds=["channel"], prefix="EXP.", dest=str(dest), _ansible_check_mode=True)
    assert planned["changed"] is True and not dest.parent.exists()
    written = run_module("mq_export", kinds=["channel"], prefix="EXP.", dest=str(dest))
    assert written["changed"] is True and written["dest"] == str(dest)
    text = dest.read_text(encoding="utf-8")
    assert text.startswith("# Exported from queue manager QM1 by mqrest.admin.mq_export")
    assert "# NOTE channel 'EXP.TO.QM2': PASSWORD left out" in text
    assert "s3cret" not in text
    assert yaml.safe_load(text) == {"mq_channels": SAMPLES["channel"][1]}
    again = run_module("mq_export", kinds=["channel"], prefix="EXP.", dest=str(dest))
    assert again["changed"] is False


@pytest.mark.parametrize("prefix,message", [
    ("SYSTEM.DEF.", "prefix='SYSTEM.DEF.' names queue manager objects (SYSTEM.*), which are never exported"),
    ("APP.*", "prefix='APP.*' is a literal prefix, not a generic name: leave out the *"),
])
def test_a_bad_prefix_is_refused_before_any_request(prefix, message, mq, run_module):
    mq.model.clear_requests()
    result = run_module("mq_export", prefix=prefix)
    assert result["failed"] is True and result["msg"] == message
    assert mq.model.requests()["total"] == 0
