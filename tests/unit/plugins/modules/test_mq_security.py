# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_chlauth, mq_authrec, mq_refresh_security and mq_objects chlauths/authrecs against the emulator: what each sends,
that a second run and check mode send no mutating command, and that bad input is refused before any request (the
journal proves each). The pure plans from hand-written rows: tests/unit/plugins/module_utils/test_records.py."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent, warning_texts  # pylint: disable=import-error


@pytest.fixture
def app_user(mq):
    """The operating-system users an authority record may name (MQ answers 2292 MQRC_UNKNOWN_ENTITY otherwise)."""
    mq.model.directory.add_principal("app", password="passw0rd", groups=["apps"])
    return "app"


def mqsc(mq, text):
    status, body = mq.model.run_mqsc("QM1", {"type": "runCommand", "parameters": {"command": text}})
    assert status == 200 and body["overallCompletionCode"] == 0, body
    return body


def chlauth_rows(mq, profile, rtype):
    _status, body = mq.model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "display", "qualifier": "chlauth", "name": profile,
                                              "parameters": {"type": rtype, "match": "exact"}, "responseParameters": ["all"]})
    return [item["parameters"] for item in body["commandResponse"] if item.get("completionCode") == 0]


def authrec_rows(mq):
    _status, body = mq.model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "display", "qualifier": "authrec",
                                              "parameters": {"principal": "app"}})
    return [item["parameters"] for item in body["commandResponse"] if item.get("completionCode") == 0]


# -- mq_chlauth -------------------------------------------------------------------------------------------------------
ADDRESSMAP = dict(profile="APP.SVRCONN", type="addressmap", address="192.0.2.*", user_source="channel", check_client="required",
                  description="Application hosts")


def test_chlauth_adds_then_sends_nothing_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    check = run_module("mq_chlauth", _ansible_check_mode=True, **ADDRESSMAP)
    assert (check["changed"], check["action"]) == (True, "created") and mutating(mq) == []
    created = run_module("mq_chlauth", **ADDRESSMAP)
    assert created["commands"] == ["SET CHLAUTH(APP.SVRCONN) TYPE(ADDRESSMAP) ADDRESS(192.0.2.*) USERSRC(CHANNEL) "
                                   "CHCKCLNT(REQUIRED) DESCR('Application hosts') ACTION(ADD)"]
    assert created["chlauth"]["user_source"] == "channel"
    fresh(mq)
    again = run_module("mq_chlauth", **ADDRESSMAP)
    check = run_module("mq_chlauth", _ansible_check_mode=True, **ADDRESSMAP)
    assert (again["changed"], again["action"], check["changed"]) == (False, "unchanged", False)
    assert mutating(mq) == []


def test_chlauth_change_is_a_replace_and_diff_shows_the_attribute(mq, run_module):
    run_module("mq_chlauth", **ADDRESSMAP)
    fresh(mq)
    changed = run_module("mq_chlauth", _ansible_diff=True, **dict(ADDRESSMAP, check_client="asqmgr"))
    assert changed["action"] == "updated" and changed["commands"][0].endswith("ACTION(REPLACE)")
    assert changed["diff"] == {"before": {"check_client": "required"}, "after": {"check_client": "asqmgr"}}
    assert chlauth_rows(mq, "APP.SVRCONN", "ADDRESSMAP")[0]["chckclnt"] == "ASQMGR"


def test_a_blockaddr_list_converges_to_exactly_the_declared_list(mq, run_module):
    mqsc(mq, "SET CHLAUTH('*') TYPE(BLOCKADDR) ADDRLIST('192.0.2.1','192.0.2.2','198.51.100.9') ACTION(ADD)")
    fresh(mq)
    result = run_module("mq_chlauth", profile="*", type="blockaddr", addresses=["192.0.2.2", "203.0.113.*"])
    assert result.get("action") == "updated", result
    assert result["action"] == "updated"
    assert result["commands"] == ["SET CHLAUTH(*) TYPE(BLOCKADDR) ADDRLIST(192.0.2.2,203.0.113.*) WARN(NO) ACTION(REPLACE)"]
    assert sorted(chlauth_rows(mq, "*", "BLOCKADDR")[0]["addrlist"]) == ["192.0.2.2", "203.0.113.*"]
    fresh(mq)
    assert run_module("mq_chlauth", profile="*", type="blockaddr", addresses=["203.0.113.*", "192.0.2.2"])["changed"] is False
    assert mutating(mq) == []
    removed = run_module("mq_chlauth", profile="*", type="blockaddr", state="absent")
    assert not removed.get("failed"), removed.get("msg")
    assert removed["action"] == "deleted" and chlauth_rows(mq, "*", "BLOCKADDR") == []


def test_a_mixed_case_client_user_is_found_again_and_removed(mq, run_module):
    record = dict(profile="APP.SVRCONN", type="usermap", client_user="Batch", user_source="map", mcauser="appUser")
    created = run_module("mq_chlauth", **record)
    assert "CLNTUSER('Batch')" in created["commands"][0] and "MCAUSER('appUser')" in created["commands"][0]
    fresh(mq)
    assert run_module("mq_chlauth", **record)["changed"] is False and mutating(mq) == []
    # Another record for BATCH in upper case is another user: MQ keeps CLNTUSER's case.
    assert run_module("mq_chlauth", **dict(record, client_user="BATCH"))["action"] == "created"
    removed = run_module("mq_chlauth", profile="APP.SVRCONN", type="usermap", client_user="Batch", state="absent")
    assert removed["commands"] == ["SET CHLAUTH(APP.SVRCONN) TYPE(USERMAP) CLNTUSER('Batch') ACTION(REMOVE)"]
    assert [row["clntuser"] for row in chlauth_rows(mq, "APP.SVRCONN", "USERMAP")] == ["BATCH"]
    fresh(mq)
    gone = run_module("mq_chlauth", profile="APP.SVRCONN", type="usermap", client_user="Batch", state="absent")
    assert (gone["changed"], gone["action"]) == (False, "absent") and mutating(mq) == []


@pytest.mark.parametrize("options,message", [
    (dict(profile="APP.SVRCONN", type="blockaddr", addresses=["192.0.2.1"]),
     "profile='APP.SVRCONN': with type=blockaddr the profile must be '*'"),
    (dict(profile="APP.SVRCONN", type="usermap", client_user="app*", user_source="channel"),
     "client_user='app*' must name one user: MQ allows no wildcard in CLNTUSER (3348 MQRCCF_CHLAUTH_CLNTUSER_ERROR)"),
    (dict(profile="APP.SVRCONN", type="addressmap", user_source="channel"), "address is required with type=addressmap"),
    (dict(profile="*", type="blockaddr", addresses=["192.0.*.*"]), "a * next to a trailing *"),
    (dict(profile="*", type="blockaddr", addresses=["192.0.2.1-10", "192.0.2.5-20"]), "3343 MQRCCF_IPADDR_RANGE_CONFLICT"),
    (dict(profile="APP.SVRCONN", type="addressmap", address="10.1.2.3.4", user_source="channel"), "address='10.1.2.3.4'"),
    (dict(profile="APP.SVRCONN", type="addressmap", address="*", user_source="noaccess", mcauser="app"),
     "mcauser is valid only with user_source=map"),
    (dict(profile="APP.SVRCONN", type="addressmap", address="*"), "user_source=map needs mcauser (map is MQ's default)"),
    (dict(profile="APP.SVRCONN", type="blockuser", users=["x"], client_user="y"), "client_user is not valid for a blockuser"),
    (dict(profile="APP.SVRCONN", type="weird", users=["x"]), "type"),
])
def test_chlauth_bad_input_is_refused_before_anything_is_changed(mq, run_module, options, message):
    fresh(mq)
    result = run_module("mq_chlauth", **options)
    assert result["failed"] and message in result["msg"], result["msg"]
    # Rules of the options alone are checked before any request; those that depend on the record as it exists (MQ's
    # default USERSRC(MAP) for a new map) after its one DISPLAY: nothing is changed either way.
    assert mutating(mq) == []
    assert all(verb == "DISPLAY" for verb, _qualifier, _name in sent(mq))
    if "mcauser" not in message:
        assert sent(mq) == []


# -- mq_authrec -------------------------------------------------------------------------------------------------------
def test_authrec_exact_converges_and_a_rerun_sends_nothing(mq, run_module, app_user):
    mqsc(mq, "DEFINE QLOCAL(APP.Q)")
    fresh(mq)
    check = run_module("mq_authrec", _ansible_check_mode=True, profile="APP.Q", object_type="queue", principal=app_user,
                       authorities=["put", "get"])
    assert check["changed"] and mutating(mq) == []
    created = run_module("mq_authrec", profile="APP.Q", object_type="queue", principal=app_user, authorities=["put", "get"])
    assert created["commands"] == ["SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(GET,PUT)"]
    fresh(mq)
    assert run_module("mq_authrec", profile="APP.Q", object_type="queue", principal=app_user, authorities=["get", "put"])["changed"] is False
    assert mutating(mq) == []
    exact = run_module("mq_authrec", _ansible_diff=True, profile="APP.Q", object_type="queue", principal=app_user,
                       authorities=["put", "inq"])
    assert exact["commands"] == ["SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(INQ) AUTHRMV(GET)"]
    assert exact["diff"] == {"before": {"authorities": ["get", "put"]}, "after": {"authorities": ["inq", "put"]}}
    added = run_module("mq_authrec", profile="APP.Q", object_type="queue", principal=app_user, authorities=["browse"], mode="add")
    assert added["commands"] == ["SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(BROWSE)"]
    deleted = run_module("mq_authrec", profile="APP.Q", object_type="queue", principal=app_user, state="absent")
    assert deleted["commands"] == ["DELETE AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app')"]
    fresh(mq)
    assert run_module("mq_authrec", profile="APP.Q", object_type="queue", principal=app_user, state="absent")["changed"] is False
    assert mutating(mq) == []


@pytest.mark.parametrize("config", [{}, {"authrec_display": "shorthand"}, {"authrec_alladm": "ibmi"},
                                    {"authrec_entity_key": "entname"}])
def test_authrec_shorthands_are_idempotent_however_mq_expands_or_shows_them(mq, run_module, app_user, config):
    """IBM's expansion of ALL/ALLADM/ALLMQI and whether DISPLAY shows the shorthand are unconfirmed (reference §2): the
    module sends the authorities themselves, so a re-run sends nothing with the emulator set either way."""
    mq.model.set_config(**config)
    for authorities in (["allmqi"], ["alladm", "connect"]):
        objtype, profile = ("queue", "APP.**") if authorities == ["allmqi"] else ("qmgr", None)
        run_module("mq_authrec", profile=profile, object_type=objtype, principal=app_user, authorities=authorities)
        fresh(mq)
        again = run_module("mq_authrec", profile=profile, object_type=objtype, principal=app_user, authorities=authorities)
        assert (again["changed"], again["commands"]) == (False, []), again
        assert mutating(mq) == []


@pytest.mark.parametrize("options,message", [
    (dict(profile="APP.Q", object_type="queue", principal="app", group="apps"), "give exactly one of principal and group (both are given)"),
    (dict(profile="APP.Q", object_type="queue"), "give exactly one of principal and group"),
    (dict(object_type="queue", principal="app"), "profile is required unless object_type=qmgr"),
    (dict(profile="APP Q", object_type="queue", principal="app"), "profile='APP Q' is not a valid authority record name"),
    (dict(profile="APP.Q", object_type="queue", principal="app", authorities=["putt"]), "authorities"),
    (dict(profile="APP.Q", object_type="queues", principal="app"), "object_type"),
])
def test_authrec_bad_input_is_refused_before_any_request(mq, run_module, options, message):
    fresh(mq)
    result = run_module("mq_authrec", **options)
    assert result["failed"] and message in result["msg"], result["msg"]
    assert sent(mq) == []


def test_authrec_for_an_unknown_user_shows_mqs_reason(mq, run_module):
    fresh(mq)
    result = run_module("mq_authrec", object_type="qmgr", principal="nosuchuser", authorities=["connect"])
    assert result["failed"] and "2292" in result["msg"] and "MQRC_UNKNOWN_ENTITY" in result["msg"], result["msg"]


# -- mq_refresh_security ----------------------------------------------------------------------------------------------
def test_refresh_security_sends_its_type_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    check = run_module("mq_refresh_security", _ansible_check_mode=True, type="connauth")
    assert check["changed"] and mutating(mq) == [] and sent(mq) == []
    done = run_module("mq_refresh_security", type="CONNAUTH")
    assert (done["changed"], done["type"], done["commands"]) == (True, "CONNAUTH", ["REFRESH SECURITY TYPE(CONNAUTH)"])
    assert [verb for verb, _q, _n in sent(mq)] == ["REFRESH"]


@pytest.mark.parametrize("options,message", [
    (dict(type="connauth", wait_timeout=30), "wait_timeout=30.0: applies to type=ssl only"),
    (dict(type="authserv", wait=False), "wait=False: applies to type=ssl only"),
    (dict(type="ssl", wait_timeout=0), "wait_timeout=0.0 must be greater than 0 seconds"),
    (dict(type="ssl", connections_share=1.5), "connections_share=1.5 must be between 0 and 1"),
    (dict(type="tls"), "type"),
])
def test_refresh_security_input_is_refused_before_any_request(mq, run_module, options, message):
    fresh(mq)
    refused = run_module("mq_refresh_security", **options)
    assert refused["failed"] and message in refused["msg"], refused["msg"]
    assert sent(mq) == [] and mq.model.requests()["total"] == 0


def tls_pair(mq):
    """A TLS sender QM1.TO.QM2 to QM2's TLS receiver (at host partner, the unit tests' NETWORK), RUNNING."""
    status, reply = mq.model.run_mqsc("QM2", {"type": "runCommand", "parameters": {
        "command": "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(RCVR) SSLCIPH(ANY_TLS12_OR_HIGHER)"}})
    assert status == 200 and reply["overallCompletionCode"] == 0, reply
    mqsc(mq, "DEFINE CHANNEL(QM1.TO.QM2) CHLTYPE(SDR) CONNAME('partner(1414)') XMITQ(XQ) SSLCIPH(ANY_TLS12_OR_HIGHER)")
    mqsc(mq, "DEFINE CHANNEL(QM1.PLAIN) CHLTYPE(SDR) CONNAME('partner(1414)') XMITQ(XQ)")


def test_refresh_ssl_in_check_mode_reads_what_it_would_bounce_and_sends_nothing(mq, run_module):
    tls_pair(mq)
    started = run_module("mq_channel", name="QM1.TO.QM2", state="started")
    assert started["run_action"] == "started", started
    fresh(mq)
    check = run_module("mq_refresh_security", _ansible_check_mode=True, type="ssl")
    assert (check["changed"], check["type"], check["commands"]) == (True, "SSL", ["REFRESH SECURITY TYPE(SSL)"])
    assert check["would_bounce"] == [{"name": "QM1.TO.QM2", "type": "sdr", "direction": "outbound", "status_before": "RUNNING"}]
    assert mutating(mq) == [] and {verb for verb, _q, _n in sent(mq)} == {"DISPLAY"}


# -- mq_objects -------------------------------------------------------------------------------------------------------
def test_mq_objects_check_mode_lists_the_records_to_set_and_remove_and_diff_mode_their_changes(mq, run_module, app_user):
    mqsc(mq, "DEFINE QLOCAL(APP.Q)")
    mqsc(mq, "SET CHLAUTH('APP.OLD') TYPE(ADDRESSMAP) ADDRESS('*') USERSRC(NOACCESS) ACTION(ADD)")
    mqsc(mq, "SET CHLAUTH('APP.SVRCONN') TYPE(ADDRESSMAP) ADDRESS('192.0.2.*') USERSRC(CHANNEL) CHCKCLNT(ASQMGR) ACTION(ADD)")
    mqsc(mq, "SET AUTHREC PROFILE('APP.Q') OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(GET)")
    declared = dict(
        chlauths=[dict(ADDRESSMAP), dict(profile="APP.SVRCONN", type="blockuser", users=["nobody"])],
        authrecs=[dict(profile="APP.Q", object_type="queue", principal=app_user, authorities=["put", "get"]),
                  dict(object_type="qmgr", principal=app_user, authorities=["connect", "inq"])],
        purge={"prefix": "APP."})
    fresh(mq)
    check = run_module("mq_objects", _ansible_check_mode=True, _ansible_diff=True, **declared)
    assert check["changed"] and mutating(mq) == []
    commands = check["commands"]
    assert "SET CHLAUTH(APP.SVRCONN) TYPE(BLOCKUSER) USERLIST('nobody') ACTION(ADD)" in commands
    assert "SET CHLAUTH(APP.OLD) TYPE(ADDRESSMAP) ADDRESS(*) ACTION(REMOVE)" in commands
    assert "SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(PUT)" in commands
    assert "SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('app') AUTHADD(CONNECT,INQ)" in commands
    # IBM's default records are never purged, though SYSTEM.* is outside the prefix anyway and '*' is not.
    assert not [c for c in commands if "CHLAUTH(*)" in c or "SYSTEM." in c]
    diff_text = repr(check["diff"])
    assert "check_client" in diff_text and "required" in diff_text and "asqmgr" in diff_text
    assert "authorities" in diff_text
    applied = run_module("mq_objects", **declared)
    assert applied["changed"] and not applied.get("failed"), applied.get("msg")
    assert chlauth_rows(mq, "APP.OLD", "ADDRESSMAP") == []
    assert [row["chlauth"] for row in chlauth_rows(mq, "*", "BLOCKUSER")] == ["*"]
    fresh(mq)
    again = run_module("mq_objects", **declared)
    assert (again["changed"], mutating(mq)) == (False, [])


def test_mq_objects_purge_never_removes_ibms_default_records(mq, run_module, app_user):
    """Purge removes undeclared records under the prefix, never those MQ makes itself: the default CHLAUTH records (SYSTEM.*
    profiles; '*' starts with no name prefix) and each type's @class authority record."""
    mqsc(mq, "SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('app') AUTHADD(CONNECT)")
    assert any(row.get("profile") == "@class" for row in authrec_rows(mq))
    for prefix in ("S", "SYSTEM"):
        fresh(mq)
        result = run_module("mq_objects", chlauths=[], authrecs=[], purge={"prefix": prefix})
        assert not result.get("failed"), result.get("msg")
        assert (result["changed"], mutating(mq)) == (False, [])
    assert [row["chlauth"] for row in chlauth_rows(mq, "SYSTEM.*", "ADDRESSMAP")] == ["SYSTEM.*"]


def test_mq_objects_removes_a_queues_authority_record_before_the_queue(mq, run_module, app_user):
    """MQ refuses DELETE AUTHREC for an explicit profile that names no object (2085): the record goes first."""
    mqsc(mq, "DEFINE QLOCAL(APP.Q)")
    mqsc(mq, "SET AUTHREC PROFILE('APP.Q') OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(PUT)")
    result = run_module("mq_objects", queues=[{"name": "APP.Q", "state": "absent"}],
                        authrecs=[{"profile": "APP.Q", "object_type": "queue", "principal": app_user, "state": "absent"}])
    assert not result.get("failed"), result.get("msg")
    assert result["commands"] == ["DELETE AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app')", "DELETE QLOCAL(APP.Q)"]


def test_mq_info_returns_the_records_as_the_modules_report_them(mq, run_module, app_user):
    mqsc(mq, "SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('app') AUTHADD(CONNECT)")
    run_module("mq_chlauth", **ADDRESSMAP)
    fresh(mq)
    result = run_module("mq_info", types=["chlauth", "authrec"])
    assert not result.get("failed"), result.get("msg")
    defaults = {(r["profile"], r["type"]) for r in result["chlauths"]}
    assert {("*", "blockuser"), ("SYSTEM.*", "addressmap"), ("APP.SVRCONN", "addressmap")} <= defaults
    mine = [r for r in result["chlauths"] if r["profile"] == "APP.SVRCONN"][0]
    assert (mine["address"], mine["user_source"], mine["check_client"]) == ("192.0.2.*", "channel", "required")
    assert {"profile": None, "object_type": "qmgr", "principal": "app", "authorities": ["connect"]} in result["authrecs"]
    assert result["changed"] is False and mutating(mq) == []


def test_a_channels_certificate_label_waits_for_a_refresh_or_its_restart_and_says_which_module_runs_it(mq, run_module):
    tls_pair(mq)
    started = run_module("mq_channel", name="QM1.TO.QM2", state="started")
    assert started["refresh_required"] == []  # nothing changed
    fresh(mq)
    check = run_module("mq_channel", _ansible_check_mode=True, name="QM1.TO.QM2", certificate_label="qm1cert2027")
    assert (check["changed"], check["refresh_required"], mutating(mq)) == (True, ["ssl"], [])
    changed = run_module("mq_channel", name="QM1.TO.QM2", certificate_label="qm1cert2027")
    assert (changed["changed_attributes"], changed["refresh_required"], changed["restart_required"]) == (["certificate_label"], ["ssl"], True)
    assert "channel 'QM1.TO.QM2': the change takes effect after REFRESH SECURITY TYPE(SSL), which this task does not run (or when " \
           "the channel next starts): mqrest.admin.mq_refresh_security with type: ssl runs it and waits until every TLS channel " \
           "and client it bounces is back" in warning_texts(changed)
    # Neither a refresh nor a restart was sent; a second run changes nothing and waits for nothing.
    assert [verb for verb, _q, _n in mutating(mq)] == ["ALTER"]
    again = run_module("mq_channel", name="QM1.TO.QM2", certificate_label="qm1cert2027")
    assert (again["changed"], again["refresh_required"]) == (False, [])
    # Another attribute of the channel waits for no refresh.
    other = run_module("mq_channel", name="QM1.TO.QM2", description="TLS to QM2")
    assert (other["changed"], other["refresh_required"]) == (True, [])


def test_refresh_ssl_bounces_the_tls_pair_and_returns_when_it_is_back(mq, run_module):
    tls_pair(mq)
    assert run_module("mq_channel", name="QM1.TO.QM2", state="started")["run_action"] == "started"
    assert run_module("mq_channel", name="QM1.PLAIN", state="started")["run_action"] == "started"
    fresh(mq)
    done = run_module("mq_refresh_security", type="ssl", wait_timeout=10, poll_interval=0.2)
    assert not done.get("failed"), done["msg"]
    assert [(c["name"], c["direction"], c["back"], c["status_after"]) for c in done["channels"]] == [
        ("QM1.TO.QM2", "outbound", True, "RUNNING")]
    assert done["channels"][0]["down_seconds"] > 0 and done["commands"] == ["REFRESH SECURITY TYPE(SSL)"]
    assert mutating(mq) == [("REFRESH", "SECURITY", None)]
