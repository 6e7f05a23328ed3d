# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""MQSC commands as data: the runCommandJSON payload, the runmqsc text users read, and response parsing.

Pure functions only; no I/O.
"""

from __future__ import annotations

import os
import re

from ._errors import MQCommandError

__all__ = ["MQSCCommand", "parse_response", "generic_name_for", "NOT_FOUND_REASONS", "FLAG", "MASK"]

# DISPLAY of something that does not exist is an MQSC *failure* (HTTP 200, completion code 2):
# 2085 for objects, 3065/3250/3252 for channel/listener/service status (IBM-RC3065, IBM-RC3250,
# IBM-RC3252), 3338 MQRCCF_CHLAUTH_NOT_FOUND for channel authentication records (AMQ8884, IBM q048040_). For an
# ensure or a wait these all mean "none", not an error.
NOT_FOUND_REASONS = frozenset((2085, 3065, 3250, 3252, 3338))

# Tokens runmqsc leaves alone when unquoted (it folds them to upper case, so they must already be).
_BARE_TOKEN = re.compile(r"^[A-Z0-9._/%*]+$")
# How text() shows the value of a secret keyword (MQCommand.secrets): what DISPLAY shows for a password that is set.
MASK = "********"


class _Flag:
    """The value of a keyword-only parameter (PURGE, REPLACE): mqweb takes it as ``"purge": "yes"`` (PYMQREST, run
    against a real container), and runmqsc as the bare keyword."""

    def __repr__(self):
        return "FLAG"


FLAG = _Flag()


def generic_name_for(names, generic=False):
    """The one name, or the generic name of the names' common prefix: MQSC has no name lists, so one
    DISPLAY covers several objects this way (and the caller keeps the rows it asked for)."""
    names = list(names)
    if len(names) == 1 and not generic:
        return names[0]
    return os.path.commonprefix(names) + "*"


def _mqsc_value(value):
    if isinstance(value, bool):
        return "YES" if value else "NO"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return ",".join(_mqsc_value(v) for v in value)
    text = str(value)
    if text == "":
        return "' '"
    if _BARE_TOKEN.fullmatch(text):
        return text
    # Quoting keeps case and protects blanks; a quote inside is written twice, as in runmqsc.
    return "'" + text.replace("'", "''") + "'"


class MQSCCommand:
    """One MQSC command: ``verb qualifier(name) KEYWORD(value) ...``.

    ``role``: what the command does to a definition ("create", "change", "remove"; None for reads, starts and stops), set
    by whoever builds it from a type's verbs: SET AUTHREC both creates and changes a record, so the verb cannot say.
    ``secrets``: keywords whose value is a secret (an AUTHINFO's LDAPPWD): sent to MQ, never shown by text(), which results,
    messages and logs use.
    """

    __slots__ = ("verb", "qualifier", "name", "parameters", "response_parameters", "role", "secrets")

    def __init__(self, verb, qualifier, name=None, parameters=None, response_parameters=None, role=None, secrets=()):
        self.verb = verb.upper()
        self.qualifier = qualifier.upper()
        self.name = name
        self.parameters = dict(parameters or {})
        self.response_parameters = response_parameters
        self.role = role
        self.secrets = frozenset(k.upper() for k in secrets)

    @property
    def mutating(self):
        return self.verb != "DISPLAY"

    def payload(self):
        body = {"type": "runCommandJSON", "command": self.verb.lower(), "qualifier": self.qualifier.lower()}
        if self.name is not None:
            body["name"] = self.name
        if self.parameters:
            body["parameters"] = {k.lower(): "yes" if v is FLAG else v for k, v in self.parameters.items()}
        # Never on a mutation: MQ reports success for a DEFINE/ALTER/DELETE that carries
        # responseParameters and silently changes nothing (pymqrest ef36c2f).
        if self.response_parameters and not self.mutating:
            body["responseParameters"] = list(self.response_parameters)
        return body

    def text(self):
        """The command as runmqsc would take it; used in results, messages and logs."""
        words = [self.verb, self.qualifier if self.name is None else "{0}({1})".format(self.qualifier, _mqsc_value(self.name))]
        for keyword, value in self.parameters.items():
            shown = MASK if keyword.upper() in self.secrets and str(value).strip() else _mqsc_value(value)
            words.append(keyword.upper() if value is FLAG else "{0}({1})".format(keyword.upper(), shown))
        return " ".join(words)

    def __repr__(self):
        return "MQSCCommand({0!r})".format(self.text())


def parse_response(command, body):
    """Return the ``parameters`` rows of a runCommandJSON response; raise MQCommandError on failure.

    Every element is checked, not only the overall code: MQ reports per-object failures in
    ``commandResponse[]`` and sums them up as overall 2/3008 (MQRCCF_COMMAND_FAILED).
    """
    if not isinstance(body, dict) or "commandResponse" not in body:
        raise MQCommandError(command.text(), 2, 0, ["unexpected response from the REST API: {0!r}".format(body)[:500]])
    rows = []
    for element in body.get("commandResponse") or []:
        completion = element.get("completionCode", 0)
        if completion == 2:
            raise MQCommandError(command.text(), completion, element.get("reasonCode", 0), _messages(element))
        if "parameters" in element:
            rows.append({str(k).lower(): v for k, v in element["parameters"].items()})
    if body.get("overallCompletionCode", 0) == 2:
        raise MQCommandError(command.text(), 2, body.get("overallReasonCode", 0), [])
    return rows


def _messages(element):
    messages = element.get("message") or element.get("text") or []
    return [messages] if isinstance(messages, str) else list(messages)
