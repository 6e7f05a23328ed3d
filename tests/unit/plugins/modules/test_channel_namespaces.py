# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A svrconn and a clntconn channel may share a name (issue 13): MQ keeps client-connection channels in a table of their
own. The modules key channels by (name, client or not); the emulator's journal proves what was sent."""

from __future__ import annotations

import pytest

NAME = "APP.CHL"
CLNT = {"name": NAME, "type": "clntconn", "conname": "mqhost(1414)"}
SVR = {"name": NAME, "type": "svrconn"}


def mutating(mq):
    return [e["command"] + " " + e["name"] + "".join(" {0}={1}".format(k.upper(), v) for k, v in (e["parameters"] or {}).items())
            for e in mq.model.journal("QM1") if e["mutating"]]


def qualifiers(mq):
    return [(e["command"], e["qualifier"]) for e in mq.model.journal("QM1")]


def channels(run_module):
    return sorted((c["type"], c.get("description", "")) for c in run_module("mq_info", types=["channel"], name=NAME)["channels"])


@pytest.fixture
def pair(mq, run_module):
    for options in (SVR, CLNT):
        result = run_module("mq_channel", **options)
        assert result["action"] == "created", result.get("msg")
    mq.model.clear_journal()
    return run_module


def test_a_clntconn_of_a_svrconns_name_is_defined_beside_it_and_converges(pair, mq):
    assert mutating(mq) == []
    assert channels(pair) == [("clntconn", ""), ("svrconn", "")]
    again = pair("mq_channel", **CLNT)
    assert again["changed"] is False and again["channel"]["type"] == "clntconn" and mutating(mq) == []
    altered = pair("mq_channel", description="client side", **CLNT)
    assert altered["action"] == "updated" and mutating(mq) == ["ALTER APP.CHL CHLTYPE=CLNTCONN DESCR=client side"]
    assert channels(pair) == [("clntconn", "client side"), ("svrconn", "")]


def test_by_name_alone_the_pair_is_ambiguous_and_nothing_is_sent(pair, mq):
    for state in ("present", "absent", "stopped"):
        result = pair("mq_channel", name=NAME, state=state)
        assert result["failed"] is True and result["changed"] is False
        assert "channel 'APP.CHL' exists twice, as clntconn and svrconn" in result["msg"] and "set type" in result["msg"], result["msg"]
    assert mutating(mq) == [] and set(qualifiers(mq)) == {("DISPLAY", "CHANNEL")}


def test_deleting_the_clntconn_uses_the_client_table_and_leaves_a_running_svrconn(pair, mq):
    mq.model.attach_clients("QM1", NAME, 2)
    result = pair("mq_channel", name=NAME, type="clntconn", state="absent")
    assert result["action"] == "deleted" and mutating(mq) == ["DELETE APP.CHL CHLTABLE=CLNTTBL"]
    assert ("DISPLAY", "CHSTATUS") not in qualifiers(mq)  # a clntconn has no status; the running svrconn is not in the way
    assert channels(pair) == [("svrconn", "")]
    assert pair("mq_channel", name=NAME, type="clntconn", state="absent")["changed"] is False


def test_the_svrconn_is_stopped_and_deleted_without_touching_the_clntconn(pair, mq):
    mq.model.attach_clients("QM1", NAME, 1)
    assert pair("mq_channel", state="stopped", **SVR)["run_action"] == "stopped"
    result = pair("mq_channel", name=NAME, type="svrconn", state="absent")
    assert result["action"] == "deleted"
    assert mutating(mq) == ["STOP APP.CHL MODE=QUIESCE STATUS=STOPPED", "DELETE APP.CHL"]
    assert channels(pair) == [("clntconn", "")]
    # Now only the clntconn has the name: by name alone is that one.
    assert pair("mq_channel", name=NAME)["channel"]["type"] == "clntconn"


def test_mq_objects_keys_channels_by_name_and_table(mq, run_module):
    declared = [SVR, dict(CLNT)]
    created = run_module("mq_objects", channels=declared, _ansible_diff=True)
    assert not created.get("failed"), created.get("msg")
    assert sorted(mutating(mq)) == ["DEFINE APP.CHL CHLTYPE=CLNTCONN CONNAME=mqhost(1414)", "DEFINE APP.CHL CHLTYPE=SVRCONN"]
    assert sorted((c["name"], c["subtype"], c["action"]) for c in created["changes"]) == [
        (NAME, "clntconn", "created"), (NAME, "svrconn", "created")]
    assert sorted(created["diff"]["after"]["channels"]) == ["APP.CHL", "APP.CHL (clntconn)"]
    mq.model.clear_journal()
    again = run_module("mq_objects", channels=declared)
    assert again["changed"] is False and mutating(mq) == []


def test_mq_objects_purges_the_unmanaged_one_of_a_pair_with_its_table(pair, mq):
    result = pair("mq_objects", channels=[SVR], purge={"prefix": "APP."})
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == ["DELETE APP.CHL CHLTABLE=CLNTTBL"]
    assert [(c["name"], c["subtype"], c["action"]) for c in result["changes"]] == [(NAME, "clntconn", "purged")]
    assert channels(pair) == [("svrconn", "")]


def test_mq_objects_entries_refuse_ambiguity_and_duplicates_before_any_change(pair, mq):
    ambiguous = pair("mq_objects", channels=[{"name": NAME, "description": "x"}])
    assert ambiguous["failed"] is True and "channels[0] (APP.CHL): channel 'APP.CHL' exists twice" in ambiguous["msg"]
    twice = pair("mq_objects", channels=[SVR, SVR])
    assert twice["failed"] is True and "channels[1] (APP.CHL): channel 'APP.CHL' is already declared by channels[0]" in twice["msg"]
    assert mutating(mq) == []


def test_mq_restart_restarts_the_svrconn_that_shares_a_clntconns_name(pair, mq):
    mq.model.attach_clients("QM1", NAME, 1)
    result = pair("mq_restart", type="channel", names=[NAME])
    assert not result.get("failed"), result.get("msg")
    assert mutating(mq) == ["STOP APP.CHL MODE=QUIESCE STATUS=STOPPED", "START APP.CHL"]


def test_a_lost_answer_to_the_clntconn_delete_is_checked_in_the_client_table(pair, mq):
    # The svrconn of the same name stays: re-reading by name alone would say the DELETE did not take effect.
    mq.model.add_fault({"kind": "drop_connection", "command": "DELETE", "after": True, "count": 1})
    result = pair("mq_channel", name=NAME, type="clntconn", state="absent")
    assert not result.get("failed"), result.get("msg")
    assert result["changed"] is True and mutating(mq) == ["DELETE APP.CHL CHLTABLE=CLNTTBL"]
    texts = [w["event"]["msg"] if isinstance(w, dict) else w for w in result.get("warnings", [])]
    assert any("re-reading the object shows the command took effect" in t for t in texts), texts
