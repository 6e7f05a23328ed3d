# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Bad input, table-driven over the options of every module: each row fails before any request,
with a message naming the option and the rule, and the emulator saw nothing (no request at all).
"""

from __future__ import annotations

import pytest

LONG_49 = "L" * 49
SDR = {"type": "sdr", "conname": "partner(1414)", "xmitq": "XQ"}
BASE = {"qmgr": "QM1", "listeners": [], "services": [], "channels": []}  # an empty mq_qmgr_wait capture baseline

# (module, options, option named in the message, the rule as the message states it)
BAD_INPUT = [
    # connection options, carried by every module
    ("mq_info", {"rest_url": "ftp://mqhost/ibmmq/rest/v2"}, "rest_url", "is not an IBM MQ REST base URL"),
    ("mq_info", {"rest_url": "https://mqhost:9443/ibmmq/rest/v9"}, "rest_url", "v1, v2 or v3"),
    ("mq_info", {"rest_url": "https://admin:passw0rd@mqhost:9443/ibmmq/rest/v2"}, "rest_url", "must not contain credentials"),
    # Credentials in the URL and none in their options: the URL is the problem, not "no credentials".
    ("mq_info", {"rest_url": "https://admin:passw0rd@mqhost:9443/ibmmq/rest/v2", "username": None, "password": None}, "rest_url",
     "must not contain credentials"),
    ("mq_info", {"rest_url": "https://gw.example.com/mq prod/ibmmq/rest/v2"}, "rest_url", "optionally with a path prefix"),
    ("mq_info", {"rest_url": "https://gw.example.com/../ibmmq/rest/v2"}, "rest_url", "is not an IBM MQ REST base URL"),
    ("mq_info", {"rest_url": "https://gw.example.com/mq?x=1/ibmmq/rest/v2"}, "rest_url", "is not an IBM MQ REST base URL"),
    ("mq_info", {"rest_url": "https://gw.example.com/ibmmq/rest/v2/admin"}, "rest_url", "is not an IBM MQ REST base URL"),
    ("mq_info", {"qmgr": "QM 1"}, "qmgr", "1 to 48 characters from A-Z a-z 0-9 . / _ %"),
    ("mq_info", {"qmgr": "QM1')"}, "qmgr", "1 to 48 characters from A-Z a-z 0-9 . / _ %"),
    ("mq_info", {"qmgr": "Q" * 49}, "qmgr", "1 to 48 characters"),
    ("mq_info", {"gateway_qmgr": "GW\nQM"}, "gateway_qmgr", "1 to 48 characters"),
    ("mq_info", {"request_timeout": 0}, "request_timeout", "must be greater than 0"),
    ("mq_info", {"request_timeout": "soon"}, "request_timeout", "unable to convert to float"),
    ("mq_info", {"retries": 11}, "retries", "between 0 and 10"),
    ("mq_info", {"retries": -1}, "retries", "between 0 and 10"),
    ("mq_info", {"retries": 1.5}, "retries", "cannot be converted to an int"),
    ("mq_info", {"auth_method": "kerberos"}, "auth_method", "must be one of: basic, ltpa, certificate"),
    ("mq_info", {"auth_method": "ltpa", "password": ""}, "auth_method", "needs both username and password"),
    ("mq_info", {"validate_certs": "maybe"}, "validate_certs", "unable to convert to bool"),
    ("mq_info", {"client_key": "/nonexistent/key.pem"}, "client_key", "needs client_cert"),
    ("mq_info", {"client_cert": "/nonexistent/cert.pem"}, "client_key", "cannot be read"),
    # names: length, characters, MQSC syntax, generic names where only one object may change
    ("mq_listener", {"name": "MY LISTENER"}, "name", "1 to 48 characters from A-Z a-z 0-9 . / _ %"),
    ("mq_listener", {"name": LONG_49}, "name", "1 to 48 characters"),
    ("mq_listener", {"name": ""}, "name", "1 to 48 characters"),
    ("mq_listener", {"name": "L1) REPLACE"}, "name", "1 to 48 characters from"),
    ("mq_listener", {"name": "L1'"}, "name", "1 to 48 characters from"),
    ("mq_listener", {"name": "L1\nDELETE"}, "name", "1 to 48 characters from"),
    ("mq_listener", {"name": "L*"}, "name", "is not a valid listener name"),
    ("mq_listener", {"name": "*", "state": "absent"}, "name", "is not a valid listener name"),
    ("mq_channel", dict(SDR, name="C" * 21), "name", "1 to 20 characters"),
    # A name that is too long says its length beside the limit (issue 21, item 12).
    ("mq_channel", dict(SDR, name="QM1.TO.QM2.ORDERS.PRIMARY1"), "name", "is 26 characters long, and it must be 1 to 20 characters"),
    ("mq_queue", {"name": "Q" * 49}, "name", "is 49 characters long, and it must be 1 to 48 characters"),
    ("mq_channel", dict(SDR, name="TO.*"), "name", "is not a valid channel name"),
    ("mq_service", {"name": "S;S"}, "name", "1 to 48 characters from"),
    ("mq_restart", {"type": "listener", "names": []}, "names", "must list at least one listener name"),
    ("mq_restart", {"type": "listener", "names": ["A B"]}, "names", "optionally ending in * (a generic name)"),
    ("mq_restart", {"type": "listener", "names": ["A*B"]}, "names", "optionally ending in * (a generic name)"),
    ("mq_restart", {"type": "channel", "names": ["C" * 21]}, "names", "1 to 20 characters"),
    ("mq_restart", {"type": "channel", "names": ["C" * 21 + "*"]}, "names", "is 21 characters long without the *, and it must be 1 to 20"),
    ("mq_restart", {"type": "queue", "names": ["Q1"]}, "type", "must be one of: listener, channel, service"),
    # mq_restart baseline (the qmgr_restart role's restore): what the baseline restores, and only with operation start
    ("mq_restart", {"baseline": BASE}, "operation", "operation='restart': baseline only starts what ran before"),
    ("mq_restart", {"baseline": BASE, "operation": "stop"}, "operation", "operation='stop': baseline only starts"),
    ("mq_restart", {"baseline": BASE, "operation": "start", "type": "channel", "names": ["X"]}, "baseline", "mutually exclusive: baseline|type"),
    ("mq_restart", {"baseline": BASE, "operation": "start", "targets": [{"type": "channel", "names": ["X"]}]}, "baseline",
     "mutually exclusive: baseline|targets"),
    ("mq_restart", {"type": "channel", "names": ["X"], "priority": ["X"]}, "priority", "priority orders the channels a baseline restores"),
    ("mq_restart", {"baseline": dict(BASE, qmgr="QM9"), "operation": "start"}, "baseline", "is of queue manager 'QM9', not qmgr='QM1'"),
    ("mq_restart", {"baseline": dict(BASE, channels=["TO.QM2"]), "operation": "start"}, "baseline.channels",
     "must be a list of {name, type, status, inbound}"),
    ("mq_restart", {"baseline": dict(BASE, listeners="L1"), "operation": "start"}, "baseline.listeners", "must be a list"),
    ("mq_restart", {"baseline": dict(BASE, listeners=["BAD NAME"]), "operation": "start"}, "baseline.listeners",
     "is not a valid listener name"),
    # the rolling form: targets
    ("mq_restart", {"targets": [{"type": "listener", "names": ["L1"]}], "type": "listener"}, "targets", "mutually exclusive"),
    ("mq_restart", {"names": ["L1"]}, "type", "parameters are required together: type, names"),
    ("mq_restart", {"targets": [{"type": "listener", "names": ["L1"]}], "operation": "stop"}, "operation", "targets always restart"),
    ("mq_restart", {"targets": []}, "targets", "must list at least one target"),
    ("mq_restart", {"targets": [{"type": "listener", "names": []}]}, "targets[0].names", "must list at least one listener name"),
    ("mq_restart", {"targets": [{"type": "channel", "names": ["A B"]}]}, "targets[0].names", "is not a valid channel name"),
    ("mq_restart", {"targets": [{"type": "queue", "names": ["Q1"]}]}, "type", "must be one of: listener, channel, service"),
    ("mq_restart", {"targets": [{"type": "listener", "names": ["L1"]}], "health_checks": -1}, "health_checks", "must be between 0 and 100"),
    ("mq_restart", {"targets": [{"type": "listener", "names": ["L1"]}], "health_interval": 0}, "health_interval", "must be greater than 0"),
    ("mq_restart", {"targets": [{"type": "listener", "names": ["L1"]}], "preflight": {"max_logutil": 150}}, "preflight.max_logutil",
     "must be a percentage between 0 and 100"),
    ("mq_info", {"name": "A B*"}, "name", "optionally ending in *"),
    ("mq_info", {"types": ["queues"]}, "types", "must be one or more of: qmgr, namelist, process, queue, topic, subscription, "
     "authinfo, listener, channel, service"),
    # numbers: types and ranges
    ("mq_listener", {"name": "L1", "port": 70000}, "port", "out of range: MQ accepts 0 to 65535"),
    ("mq_listener", {"name": "L1", "port": -1}, "port", "out of range: MQ accepts 0 to 65535"),
    ("mq_listener", {"name": "L1", "port": "fourteen"}, "port", "unable to convert to int"),
    ("mq_listener", {"name": "L1", "backlog": -5}, "backlog", "out of range"),
    ("mq_channel", dict(SDR, name="C1", heartbeat_interval=1000000), "heartbeat_interval", "out of range: MQ accepts 0 to 999999"),
    ("mq_channel", dict(SDR, name="C1", attributes={"BATCHSZ": 0}), "attributes.BATCHSZ", "out of range: MQ accepts 1 to 9999"),
    ("mq_channel", dict(SDR, name="C1", attributes={"BATCHSZ": "many"}), "attributes.BATCHSZ", "must be an integer"),
    ("mq_channel", dict(SDR, name="C1", attributes={"BATCHSZ": True}), "attributes.BATCHSZ", "must be an integer"),
    ("mq_channel", dict(SDR, name="C1", attributes={"KAINT": "SOMETIMES"}), "attributes.KAINT", "or one of AUTO"),
    # intervals
    ("mq_listener", {"name": "L1", "state": "started", "wait_timeout": 0}, "wait_timeout", "must be greater than 0"),
    ("mq_listener", {"name": "L1", "state": "started", "poll_interval": -1}, "poll_interval", "must be greater than 0"),
    ("mq_listener", {"name": "L1", "wait_timeout": "long"}, "wait_timeout", "unable to convert to float"),
    ("mq_channel", dict(SDR, name="C1", retrying_grace=-1), "retrying_grace", "must be 0 or more seconds"),
    ("mq_restart", {"type": "listener", "names": ["L1"], "wait_timeout": -3}, "wait_timeout", "must be greater than 0"),
    ("mq_restart", {"type": "channel", "names": ["C1"], "retrying_grace": -1}, "retrying_grace", "must be 0 or more seconds"),
    # strings: lengths, control characters
    ("mq_listener", {"name": "L1", "description": "x" * 65}, "description", "MQ allows at most 64"),
    ("mq_listener", {"name": "L1", "description": "line one\nline two"}, "description", "single line without control characters"),
    ("mq_listener", {"name": "L1", "description": "tab\there"}, "description", "single line without control characters"),
    ("mq_service", {"name": "S1", "start_command": "/" + "x" * 255}, "start_command", "MQ allows at most 255"),
    ("mq_channel", dict(SDR, name="C1", xmitq="BAD Q"), "xmitq", "is not a valid MQ object name"),
    ("mq_channel", dict(SDR, name="C1", conname="host(1414)\nDELETE CHANNEL(X)"), "conname", "single line"),
    # choices
    ("mq_listener", {"name": "L1", "state": "running"}, "state", "must be one of: present, absent, started, stopped"),
    ("mq_listener", {"name": "L1", "control": "auto"}, "control", "must be one of: manual, qmgr, startonly"),
    ("mq_channel", dict(SDR, name="C1", stop_mode="gentle"), "stop_mode", "must be one of: quiesce, force, terminate"),
    ("mq_channel", {"name": "C1", "type": "fast"}, "type", "must be one of: sdr, svr"),
    # attributes: unknown keys, keys with their own option, the immutable type
    ("mq_listener", {"name": "L1", "attributes": {"NOSUCH": 1}}, "attributes.NOSUCH", "is not a listener attribute this module manages"),
    ("mq_listener", {"name": "L1", "attributes": {"PORT": 1414}}, "attributes.PORT", "use the port option instead"),
    ("mq_listener", {"name": "L1", "attributes": "PORT(1414)"}, "attributes", "unable to convert to dict"),
    ("mq_channel", dict(SDR, name="C1", attributes={"BATCHSIZE": 5}), "attributes.BATCHSIZE", "did you mean BATCHSZ"),
    # A close keyword with an option of its own is named with that option, never suggested for attributes.
    ("mq_channel", {"name": "C1", "type": "svrconn", "attributes": {"MAXINSTS": 5}}, "attributes.MAXINSTS",
     "MAXINST is managed by the max_instances option"),
    ("mq_channel", dict(SDR, name="C1", attributes={"chltype": "RCVR"}), "attributes.chltype", "set the CHLTYPE with the type option"),
    ("mq_channel", dict(SDR, name="C1", attributes={"PASSWORD": "x"}), "attributes.PASSWORD", "is not a channel attribute"),
    # options invalid for the channel type
    ("mq_channel", {"name": "C1", "type": "svrconn", "xmitq": "XQ"}, "xmitq", "is not valid for a svrconn channel"),
    ("mq_channel", {"name": "C1", "type": "rcvr", "conname": "h(1)"}, "conname", "is not valid for a rcvr channel"),
    ("mq_channel", {"name": "C1", "type": "svrconn", "attributes": {"BATCHSZ": 10}}, "attributes.BATCHSZ", "is not valid for a svrconn channel"),
    ("mq_channel", {"name": "C1", "type": "clntconn", "conname": "h(1)", "state": "started"}, "state", "cannot be started or stopped"),
    ("mq_channel", {"name": "C1", "type": "amqp", "heartbeat_interval": 5}, "heartbeat_interval", "is not valid for an amqp channel"),
    # MQ refuses CERTLABL on a cluster-sender (MQRCCF_WRONG_CHANNEL_TYPE, IBM CERTLABL); the other channel types take it.
    ("mq_channel", {"name": "C1", "type": "clussdr", "conname": "h(1)", "cluster": "C", "certificate_label": "qm1cert"},
     "certificate_label", "is not valid for a clussdr channel; it applies to amqp, clntconn, clusrcvr, rcvr, rqstr, sdr, svr, svrconn"),
    ("mq_objects", {"channels": [{"name": "C1", "type": "clussdr", "conname": "h(1)", "certificate_label": "qm1cert"}]},
     "channels[0] (C1): certificate_label", "is not valid for a clussdr channel"),
    ("mq_channel", {"name": "C1", "type": "amqp", "state": "stopped"}, "state", "is not supported for an amqp channel"),
    ("mq_service", {"name": "S1", "service_type": "command", "state": "started"}, "state", "needs service_type='server'"),
    # What creating needs (type, conname, xmitq) depends on whether the object exists: see test_existing_objects.py.
]


@pytest.mark.parametrize("module,options,option,rule", BAD_INPUT,
                         ids=["{0}-{1}-{2}".format(row[0], row[2], i) for i, row in enumerate(BAD_INPUT)])
def test_bad_input_fails_before_any_request(mq, run_module, module, options, option, rule):
    result = run_module(module, **options)
    assert "did you mean MAXINST?" not in result["msg"]
    assert result["failed"] is True
    assert option in result["msg"], result["msg"]
    assert rule in result["msg"], result["msg"]
    assert result.get("changed", False) is False
    assert mq.model.journal() == []
    assert mq.model.requests()["total"] == 0


def test_validate_certs_false_warns_once(run_module):
    result = run_module("mq_info", types=["qmgr"], validate_certs=False)
    # ansible-core 2.19 returns warnings as structured events
    texts = [w["event"]["msg"] if isinstance(w, dict) else w for w in result.get("warnings", [])]
    assert texts == ["validate_certs is false: the mqweb server's certificate is not checked; use ca_path instead"]
    assert "warnings" not in run_module("mq_info", types=["qmgr"])


def test_mqsc_syntax_in_a_string_is_data_not_a_command(mq, run_module):
    sneaky = "x') REPLACE DESCR('owned"
    result = run_module("mq_listener", name="L1", port=1700, description=sneaky)
    assert result["listener"]["description"] == sneaky
    assert result["commands"] == ["DEFINE LISTENER(L1) TRPTYPE(TCP) PORT(1700) DESCR('x'') REPLACE DESCR(''owned')"]
    mutations = [e for e in mq.model.journal("QM1") if e["mutating"]]
    assert [(e["command"], e["parameters"]["descr"]) for e in mutations] == [("DEFINE", sneaky)]
    assert run_module("mq_listener", name="L1", port=1700, description=sneaky)["changed"] is False


def test_names_are_case_sensitive_lower_case_is_another_object(mq, run_module):
    upper = run_module("mq_listener", name="APP.LSTR", port=1701)
    lower = run_module("mq_listener", name="app.lstr", port=1702)
    assert (upper["action"], lower["action"]) == ("created", "created")
    assert lower["commands"] == ["DEFINE LISTENER('app.lstr') TRPTYPE(TCP) PORT(1702)"]  # quoted, as runmqsc needs
    info = run_module("mq_info", types=["listener"], name="*", status=False)
    names = {entry["name"] for entry in info["listeners"]}
    assert {"APP.LSTR", "app.lstr"} <= names
    assert run_module("mq_listener", name="app.lstr", port=1702)["changed"] is False
