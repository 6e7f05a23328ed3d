# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Transport against the emulator: auth, CSRF, error messages, retries only for reads."""

from __future__ import annotations

import pytest
import requests

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQAuthError, MQCommandError, MQHTTPError, MQInputError, MQTransportError
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand
from ansible_collections.mqrest.admin.plugins.module_utils._transport import parse_rest_url, quote_path_segment

DISPLAY_QMGR = MQSCCommand("DISPLAY", "QMGR", response_parameters=["all"])


@pytest.mark.parametrize("url", ["https://h:9443/ibmmq/rest/v1", "https://h:9443/ibmmq/rest/v2/", "http://127.0.0.1:1/ibmmq/rest/v3",
                                 "https://gw.example.com/mq-prod/ibmmq/rest/v2", "https://gw:8443/a/b.c/ibmmq/rest/v3/"])
def test_rest_url_versions(url):
    assert parse_rest_url(url) == url.rstrip("/")


@pytest.mark.parametrize("url", ["https://gw/../ibmmq/rest/v2", "https://gw/./ibmmq/rest/v2", "https://gw//ibmmq/rest/v2",
                                 "https://gw/a b/ibmmq/rest/v2", "https://gw/a?b/ibmmq/rest/v2", "https://gw/a#b/ibmmq/rest/v2",
                                 "https://gw/ibmmq/rest/v2/admin", "https://gw/ibmmq/rest/v2?x", "https://gw/mq-prod"])
def test_rest_url_prefix_must_be_a_plain_path(url):
    with pytest.raises(MQInputError) as info:
        parse_rest_url(url)
    assert "path prefix" in info.value.msg


def test_rest_url_with_credentials_is_refused_without_echoing_them():
    with pytest.raises(MQInputError) as info:
        parse_rest_url("https://admin:S3cret!@h:9443/ibmmq/rest/v2")
    assert "S3cret" not in info.value.msg


def test_qmgr_path_quoting():
    assert quote_path_segment("QM.A/B%") == "QM%2EA%2FB%25"


@pytest.mark.parametrize("auth", ["basic", "ltpa"])
def test_display_qmgr(transport_factory, auth):
    rows = transport_factory(auth_method=auth).run_mqsc(DISPLAY_QMGR)
    assert rows[0]["qmname"] == "QM1"


def test_ltpa_logs_in_once_and_again_after_expiry(mq, transport_factory):
    transport = transport_factory(auth_method="ltpa")
    transport.run_mqsc(DISPLAY_QMGR)
    first_cookie = transport.session.headers["Cookie"]
    assert first_cookie.startswith("LtpaToken2")
    mq.model.expire_ltpa()
    assert transport.run_mqsc(DISPLAY_QMGR)[0]["qmname"] == "QM1"
    assert transport.session.headers["Cookie"] != first_cookie


def test_wrong_password_is_one_clear_401(mq, transport_factory):
    transport = transport_factory(password="wrong")
    with pytest.raises(MQAuthError) as info:
        transport.run_mqsc(DISPLAY_QMGR)
    assert info.value.status == 401
    assert "check username and password" in info.value.msg
    assert transport.request_count == 1  # no retry storm on bad credentials


def test_read_only_role_names_the_missing_role(transport_factory):
    with pytest.raises(MQAuthError) as info:
        transport_factory(username="reader").run_mqsc(MQSCCommand("DEFINE", "LISTENER", "X", {"TRPTYPE": "TCP"}))
    assert info.value.status == 403
    assert "MQWebAdmin" in info.value.msg


def test_unknown_qmgr_404_says_what_to_check(transport_factory):
    with pytest.raises(MQHTTPError) as info:
        transport_factory(qmgr="qm1").run_mqsc(DISPLAY_QMGR)
    assert info.value.status == 404
    assert "case-sensitive" in info.value.msg


def test_display_is_retried_through_503(mq, transport_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 2})
    transport = transport_factory()
    assert transport.run_mqsc(DISPLAY_QMGR)[0]["qmname"] == "QM1"
    assert transport.request_count == 3


def test_mutation_is_never_retried(mq, transport_factory, mutations):
    mq.model.add_fault({"qmgr": "QM1", "kind": "http_error", "status": 503, "count": 1})
    with pytest.raises(MQHTTPError) as info:
        transport_factory().run_mqsc(MQSCCommand("DEFINE", "LISTENER", "L1", {"TRPTYPE": "TCP"}))
    assert info.value.status == 503
    assert "not running or not available" in info.value.msg
    assert [m for m in mutations() if m["http_status"] == 200] == []


def test_dropped_connection_on_display_is_retried(mq, transport_factory):
    mq.model.add_fault({"qmgr": "QM1", "kind": "drop_connection", "count": 1})
    assert transport_factory().run_mqsc(DISPLAY_QMGR)[0]["qmname"] == "QM1"


def test_connection_refused_explains(transport_factory):
    transport = transport_factory(base_url="http://127.0.0.1:9/ibmmq/rest/v2", retries=1)
    with pytest.raises(MQTransportError) as info:
        transport.run_mqsc(DISPLAY_QMGR)
    assert "Connection refused" in info.value.msg
    assert "https://" in info.value.msg


def test_command_failure_names_command_reason_and_amq_message(transport_factory):
    with pytest.raises(MQCommandError) as info:
        transport_factory().run_mqsc(MQSCCommand("ALTER", "LISTENER", "NOPE", {"TRPTYPE": "TCP", "PORT": 1}))
    assert info.value.reason_code == 2085
    assert "ALTER LISTENER(NOPE)" in info.value.msg and "MQRC_UNKNOWN_OBJECT_NAME" in info.value.msg and "AMQ" in info.value.msg


def test_gateway_header_routes_to_another_qmgr(mq, transport_factory):
    rows = transport_factory(qmgr="QM2", gateway_qmgr="QM1").run_mqsc(DISPLAY_QMGR)
    assert rows[0]["qmname"] == "QM2"
    assert mq.model.journal("QM2")[-1]["gateway"] == "QM1"


def test_a_response_cut_off_mid_body_is_a_transport_error_not_a_traceback(transport_factory, monkeypatch):
    transport = transport_factory(retries=1)

    def broken(*args, **kwargs):
        raise requests.exceptions.ChunkedEncodingError("Connection broken: IncompleteRead(0 bytes read)")

    monkeypatch.setattr(transport.session, "request", broken)
    with pytest.raises(MQTransportError, match="IncompleteRead"):
        transport.run_mqsc(DISPLAY_QMGR)
    assert transport.request_count == 2  # a read: retried once, then a clean failure


def test_a_server_that_answered_and_then_stops_is_an_outage_not_a_wrong_url(transport_factory, monkeypatch):
    transport = transport_factory(retries=0)
    transport.run_mqsc(DISPLAY_QMGR)

    def refused(*args, **kwargs):
        raise requests.exceptions.ConnectionError("[Errno 111] Connection refused")

    monkeypatch.setattr(transport.session, "request", refused)
    with pytest.raises(MQTransportError) as info:
        transport.run_mqsc(DISPLAY_QMGR)
    # The http:// URL worked a moment ago: no advice to switch to https://, but what happened.
    assert "answered earlier in this task and has stopped answering" in info.value.msg
    assert "try https://" not in info.value.msg


def test_mqweb_message_ids_are_said_once(mq, transport_factory):
    mq.model.stop_qmgr("QM1")
    with pytest.raises(MQHTTPError) as info:
        transport_factory(retries=0).run_mqsc(DISPLAY_QMGR)
    assert info.value.status == 503 and info.value.msg_id == "MQWB0009E"
    assert info.value.msg.count("MQWB0009E") == 1, info.value.msg


def test_rest_url_with_a_trailing_newline_is_refused():
    with pytest.raises(MQInputError):
        parse_rest_url("https://mqhost:9443/ibmmq/rest/v2\n")
