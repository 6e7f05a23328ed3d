# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mqweb's HTTP error answers (status, body) other than authentication's (auth.py): the error body and its MQWB messages."""


def mqwb(msgid, message, explanation, action, cc=0, rc=0, kind="rest"):
    """HTTP error body: real servers emit msgId (not the documented messageId) (§3.3 [S] CP4I-12, MQC-450)."""
    return {"error": [{"msgId": msgid, "type": kind, "message": f"{msgid}: {message}", "explanation": explanation,
                       "action": action, "completionCode": cc, "reasonCode": rc}]}


def err_unknown_qmgr(name, rc=2058):
    return 404, mqwb("MQWB0009E", f"Could not query the queue manager '{name}'.",
                     "The REST API was invoked specifying a queue manager name which cannot be located.",
                     "Resubmit the request with a valid queue manager name.", 2, rc)


def err_qmgr_down(name, status):
    # What mqweb answers for a queue manager that is not running is unknown: the 503 is [R] (§3.3, config qmgr_down_status),
    # the body [I]. IBM documents MQWB0009E for a queue manager name "which cannot be located" (the 404 above), not for a
    # stopped one; it is reused here as the nearest documented id, with 2059 MQRC_Q_MGR_NOT_AVAILABLE.
    return status, mqwb(
        "MQWB0009E", f"Could not query the queue manager '{name}'.", "The queue manager is not running or is not available.",
        "Start the queue manager and resubmit the request.", 2, 2059)


def err_standby(status):
    # this mqweb's instance is not the active one ([S] MQWB0004E with 2543 from a Native HA replica; status [I])
    return status, mqwb(
        "MQWB0004E", "An internal error occurred while communicating with the queue manager. The root MQ reason code "
        "was 2543 : MQRC_STANDBY_Q_MGR.", "The queue manager instance is a standby instance.",
        "Connect to the active instance.", 2, 2543, "pcf")


def err_command_server():
    """Config cmdserv_down_mode http500 (§3.3 [I])."""
    return 500, mqwb("MQWB0004E", "An internal error occurred while communicating with the queue manager. The root MQ "
                     "reason code was 3204 : MQRCCF_COMMAND_INHIBITED.", "The command server is not running.",
                     "Start the command server and retry.", 2, 3204, "pcf")


def err_qmgr_unavailable(status):
    """The default body of an injected http_error fault with a status mqweb has no own answer for."""
    return status, mqwb(
        "MQWB0004E", "An internal error occurred while communicating with the queue manager. The root MQ reason code was "
        "2059 : MQRC_Q_MGR_NOT_AVAILABLE.", "The REST API could not complete the request.", "Retry the request later.",
        2, 2059, "pcf")


def err_unknown_uri():
    return 404, mqwb("MQWB0116E", "The URI cannot be invoked as it does not correspond to an existing REST interface.",
                     "The URI does not match any REST resource.", "Correct the URI and resubmit the request.")


def err_bad_request(text):
    # The real msgId for invalid JSON is not known (§3.3 table, [I]); clients should key on the 400 status.
    return 400, mqwb("MQWB0007E", f"The request body is not valid: {text}", "The JSON in the request body is malformed or has "
                     "attributes of the wrong type.", "Correct the request body and resubmit the request.")


def err_csrf(status, header):
    return status, mqwb("MQWB0100E", f"The CSRF header {header} was omitted from the request.",
                        "Requests that change state must carry the CSRF header.", f"Add the {header} header to the request.")
