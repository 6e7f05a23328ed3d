# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""One exception hierarchy; every error carries the facts a user needs to act on it."""

from __future__ import annotations

__all__ = [
    "MQError",
    "MQInputError",
    "MQTransportError",
    "MQHTTPError",
    "MQAuthError",
    "MQCommandError",
    "MQWaitError",
    "MQUnconfirmedError",
    "reason_name",
    "add_reason_names",
    "RETRYABLE_STATUS",
]

# What an HTTP status says, in one place. 502/503/504 are transient: a read is worth retrying and a wait goes on.
# 503 (MQWB0009E) is the queue manager itself not running (ending, ended or starting), so it may restart and undo a
# START or STOP. 502/504 come from a proxy that lost mqweb: they say nothing about whether mqweb ran the command.
RETRYABLE_STATUS = frozenset((502, 503, 504))
_UNCERTAIN_STATUS = frozenset((502, 504))
_QMGR_DOWN_STATUS = 503

# Reason codes this collection meets, with their IBM names. The name goes into every
# failure message so an operator can search IBM's reason-code pages without a lookup table.
# A code particular to one object type is named by its row instead (ObjectType.reasons, through add_reason_names).
REASON_NAMES = {
    2035: "MQRC_NOT_AUTHORIZED",
    2042: "MQRC_OBJECT_IN_USE",
    2055: "MQRC_Q_NOT_EMPTY",
    2058: "MQRC_Q_MGR_NAME_ERROR",
    2085: "MQRC_UNKNOWN_OBJECT_NAME",
    2543: "MQRC_STANDBY_Q_MGR",
    3008: "MQRCCF_COMMAND_FAILED",
    3034: "MQRCCF_CHANNEL_TYPE_ERROR",
    3065: "MQRCCF_CHL_STATUS_NOT_FOUND",
    3204: "MQRCCF_COMMAND_INHIBITED",
    3210: "MQRCCF_OBJECT_OPEN_FORCE",
    3233: "MQRCCF_LISTENER_STARTED",
    3234: "MQRCCF_LISTENER_STOPPED",
    3249: "MQRCCF_LISTENER_RUNNING",
    3250: "MQRCCF_LSTR_STATUS_NOT_FOUND",
    3251: "MQRCCF_SERVICE_RUNNING",
    3252: "MQRCCF_SERV_STATUS_NOT_FOUND",
    3253: "MQRCCF_SERVICE_STOPPED",
    3262: "MQRCCF_NO_START_CMD",
    3263: "MQRCCF_NO_STOP_CMD",
    3268: "MQRCCF_LISTENER_STILL_ACTIVE",
    4001: "MQRCCF_OBJECT_ALREADY_EXISTS",
    4002: "MQRCCF_OBJECT_WRONG_TYPE",
    4004: "MQRCCF_OBJECT_OPEN",
    4008: "MQRCCF_OBJECT_NAME_ERROR",
    4031: "MQRCCF_CHANNEL_IN_USE",
    4032: "MQRCCF_CHANNEL_NOT_FOUND",
    4037: "MQRCCF_NOT_XMIT_Q",
    4038: "MQRCCF_CHANNEL_DISABLED",
    4044: "MQRCCF_CHANNEL_NAME_ERROR",
    4052: "MQRCCF_XMIT_Q_NAME_WRONG_TYPE",
    4061: "MQRCCF_MISSING_CONN_NAME",
    4064: "MQRCCF_CHANNEL_NOT_ACTIVE",
}


# What to do about reasons that are about the queue manager rather than the command.
REASON_HINTS = {
    3204: "the queue manager's command server is not running; start it with strmqcsv and run the task again",
    2035: "the user is not authorized by the queue manager (OAM) for this command",
    # A DELETE or CLEAR of a queue that an application (or a channel) has open; DISPLAY QSTATUS TYPE(HANDLE) shows who. IBM
    # does not say which reason MQ gives (DELETE and CLEAR queue pages: "the command fails"): 2042, or 4004 MQRCCF_OBJECT_OPEN.
    2042: "an application has the queue, or a queue that resolves to it, open; DISPLAY QSTATUS(name) TYPE(HANDLE) shows which",
    4004: "an application has the queue, or a queue that resolves to it, open; DISPLAY QSTATUS(name) TYPE(HANDLE) shows which",
    # IBM-RC2055: a DELETE of a queue with uncommitted messages, or committed ones without PURGE.
    2055: "the queue holds messages: a DELETE discards committed ones only with PURGE (purge: true) and never uncommitted ones",
    # IBM-RC3210: an ALTER of USAGE while the queue is open or holds messages; only FORCE, which this collection never sends
    # (it would change the queue under the applications using it), overrides that.
    3210: "the queue is open or holds messages, and MQ changes its usage then only with FORCE, which this collection does not "
          "send: empty and close the queue (DISPLAY QSTATUS(name) TYPE(HANDLE) shows who has it open), then run the task again",
}


def add_reason_names(names):
    """Name more reason codes ({code: IBM name}); a code already named otherwise is a mistake in the caller's table."""
    for code, name in names.items():
        if REASON_NAMES.setdefault(code, name) != name:
            raise ValueError("reason {0} is {1}, not {2}".format(code, REASON_NAMES[code], name))


def reason_name(code):
    """IBM name of an MQ reason code, or ``"UNKNOWN"``."""
    return REASON_NAMES.get(code, "UNKNOWN")


class MQError(Exception):
    """Base error. ``details`` become extra keys of the failed task result.

    ``result``: the partial result of the work done before the failure (what was planned, per-object outcomes),
    returned with the failure. What was sent and whether anything changed come from the client, not from here.
    ``answer_lost``: the request may have run although no answer came (a mutation must be re-read, not resent).
    """

    answer_lost = False

    def __init__(self, msg, result=None, **details):
        super().__init__(msg)
        self.msg = msg
        self.result = dict(result or {})
        self.details = {k: v for k, v in details.items() if v is not None}

    def with_result(self, result):
        """Add the partial result of the enclosing work; what the failing step itself reported is kept."""
        self.result = dict(result, **self.result)
        return self

    def fail_args(self):
        return dict(msg=self.msg, **self.details)


class MQInputError(MQError):
    """Bad module input, detected before any request is sent."""


class MQTransportError(MQError):
    """The REST endpoint could not be reached or did not answer in time (no HTTP status).

    ``reached`` is False when no connection was made, so the request cannot have run;
    ``timed_out`` is True when the request was sent and no answer came in time;
    ``detail`` is what went wrong without the request it went wrong for.
    """

    answer_lost = True

    def __init__(self, msg, reached=True, timed_out=False, detail=None, **details):
        super().__init__(msg, **details)
        self.reached = reached
        self.timed_out = timed_out
        self.detail = detail or msg


class MQHTTPError(MQError):
    """The mqweb server answered with an HTTP error status."""

    reached = True
    timed_out = False

    def __init__(self, msg, status, msg_id=None, detail=None, **details):
        super().__init__(msg, http_status=status, mq_message_id=msg_id, **details)
        self.status = status
        self.msg_id = msg_id
        self.detail = detail or msg

    @property
    def answer_lost(self):
        return self.status in _UNCERTAIN_STATUS

    @property
    def retryable(self):
        return self.status in RETRYABLE_STATUS

    @property
    def qmgr_down(self):
        return self.status == _QMGR_DOWN_STATUS


class MQAuthError(MQHTTPError):
    """401/403: credentials, token or role problem."""


class MQCommandError(MQError):
    """MQ ran the MQSC command and reported a failure (HTTP 200 with a non-zero completion code)."""

    def __init__(self, command, completion_code, reason_code, messages):
        self.command = command
        self.completion_code = completion_code
        self.reason_code = reason_code
        self.messages = list(messages or [])
        text = "; ".join(self.messages) or "no message returned"
        msg = "MQSC command failed: {0}: reason {1} ({2}): {3}".format(command, reason_code, reason_name(reason_code), text)
        if reason_code in REASON_HINTS:
            msg += " ({0})".format(REASON_HINTS[reason_code])
        super().__init__(
            msg,
            mq_command=command,
            mq_completion_code=completion_code,
            mq_reason_code=reason_code,
            mq_reason_name=reason_name(reason_code),
            mq_messages=self.messages,
        )


class MQWaitError(MQError):
    """A start/stop did not reach its target state: timed out or reached a failed state."""

    def __init__(self, msg, failures, result=None, **details):
        super().__init__(msg, result=result, timeouts=failures, **details)
        self.failures = failures


class MQUnconfirmedError(MQError):
    """A mutating command got no answer and a re-read shows that it did not take effect (or cannot tell)."""
