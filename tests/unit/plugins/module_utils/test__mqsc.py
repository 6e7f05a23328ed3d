# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Payload building, runmqsc rendering and response parsing."""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQCommandError
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand, parse_response


def test_payload_is_run_command_json_with_lower_case_keys():
    command = MQSCCommand("define", "channel", "App.Chl", {"CHLTYPE": "SVRCONN", "MAXINST": 5})
    assert command.payload() == {"type": "runCommandJSON", "command": "define", "qualifier": "channel", "name": "App.Chl",
                                 "parameters": {"chltype": "SVRCONN", "maxinst": 5}}


def test_response_parameters_only_on_display():
    assert MQSCCommand("DISPLAY", "LISTENER", "*", response_parameters=["all"]).payload()["responseParameters"] == ["all"]
    assert "responseParameters" not in MQSCCommand("ALTER", "LISTENER", "L", {"PORT": 1}, response_parameters=["all"]).payload()


@pytest.mark.parametrize("parameters,text", [
    ({"PORT": 1414, "CONTROL": "QMGR"}, "ALTER LISTENER(L.1) PORT(1414) CONTROL(QMGR)"),
    ({"DESCR": "Bob's listener"}, "ALTER LISTENER(L.1) DESCR('Bob''s listener')"),
    ({"DESCR": ""}, "ALTER LISTENER(L.1) DESCR(' ')"),
    ({"COMPMSG": ["RLE", "ZLIBFAST"]}, "ALTER LISTENER(L.1) COMPMSG(RLE,ZLIBFAST)"),
])
def test_text_quotes_like_runmqsc(parameters, text):
    assert MQSCCommand("ALTER", "LISTENER", "L.1", parameters).text() == text


def test_lower_case_name_is_quoted():
    assert MQSCCommand("DELETE", "CHANNEL", "app.chl").text() == "DELETE CHANNEL('app.chl')"


def test_parse_rows_and_lower_case_keys():
    body = {"commandResponse": [{"completionCode": 0, "reasonCode": 0, "parameters": {"LISTENER": "A", "PORT": 1}},
                                {"completionCode": 0, "reasonCode": 0, "parameters": {"listener": "B", "port": 2}}],
            "overallCompletionCode": 0, "overallReasonCode": 0}
    assert parse_response(MQSCCommand("DISPLAY", "LISTENER", "*"), body) == [{"listener": "A", "port": 1}, {"listener": "B", "port": 2}]


def test_element_failure_carries_command_reason_name_and_amq_message():
    body = {"commandResponse": [{"completionCode": 2, "reasonCode": 4031, "message": ["AMQ9514E: Channel 'C' is in use."]}],
            "overallCompletionCode": 2, "overallReasonCode": 3008}
    with pytest.raises(MQCommandError) as info:
        parse_response(MQSCCommand("START", "CHANNEL", "C"), body)
    assert info.value.reason_code == 4031
    assert "START CHANNEL(C)" in info.value.msg
    assert "MQRCCF_CHANNEL_IN_USE" in info.value.msg
    assert "AMQ9514E" in info.value.msg


def test_overall_failure_without_element_detail_still_fails():
    with pytest.raises(MQCommandError, match="3008"):
        parse_response(MQSCCommand("DISPLAY", "QMGR"), {"commandResponse": [], "overallCompletionCode": 2, "overallReasonCode": 3008})


def test_a_value_with_a_trailing_newline_is_quoted_in_the_runmqsc_text():
    assert MQSCCommand("ALTER", "CHANNEL", "C1", {"DESCR": "ABC\n"}).text() == "ALTER CHANNEL(C1) DESCR('ABC\n')"
