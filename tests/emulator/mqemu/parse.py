# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""MQSC commands as the /mqsc endpoint receives them: the runCommandJSON body and runCommand text, parsed into a Command.

MqscError (one failed command) lives here because the parser is the first to raise it; every later stage raises it too.
"""

import re
from dataclasses import dataclass, field

from . import objects as O


class BadRequest(Exception):
    """The request body is malformed: HTTP 400 before any MQSC runs."""


class MqscError(Exception):
    """One failed MQSC command: an element with completionCode 2 and an MQ reason code."""

    def __init__(self, reason, name="", extra=()):
        super().__init__(reason)
        self.reason = reason
        self.name = name
        self.lines = [O.MESSAGES[reason].format(name=name), *extra]


@dataclass
class Command:
    """A parsed MQSC command; keys of params are upper-case MQSC keywords."""

    verb: str
    qualifier: str
    name: object = None
    params: dict = field(default_factory=dict)
    response: object = None
    text: bool = False
    source: str = ""
    error: object = None  # a runCommand syntax error, reported once the queue manager is reached

    @property
    def mutating(self):
        return self.verb != "DISPLAY"


# runmqsc abbreviations that clients commonly type.
ALIASES = {"DIS": "DISPLAY", "DEF": "DEFINE", "CHL": "CHANNEL", "CHS": "CHSTATUS", "QL": "QLOCAL", "QR": "QREMOTE",
           "QA": "QALIAS", "QM": "QMODEL", "Q": "QUEUE", "STA": "START", "QS": "QSTATUS", "NL": "NAMELIST", "PRO": "PROCESS"}
QUEUE_TYPES = ("QLOCAL", "QREMOTE", "QALIAS", "QMODEL")
KIND = {"CHANNEL": "CHANNEL", "LISTENER": "LISTENER", "SERVICE": "SERVICE", "QUEUE": "QUEUE", "AUTHINFO": "AUTHINFO",
        **{q: "QUEUE" for q in QUEUE_TYPES},
        **{k: k for k in O.PLAIN_KINDS}}
BODY_KEYS = {"type", "command", "qualifier", "name", "parameters", "responseParameters"}


def syntax_error(source):
    return MqscError(O.RC_COMMAND_FAILED, extra=[source])


def parse_body(body, strict_keys=True):
    """Validate a /mqsc JSON body and return a Command (BadRequest -> 400, MqscError -> element)."""
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    if strict_keys and set(body) - BODY_KEYS:
        raise BadRequest(f"Unknown attribute(s) {sorted(set(body) - BODY_KEYS)} in the request body.")
    kind = body.get("type")
    if kind == "runCommand":
        params = body.get("parameters")
        if not isinstance(params, dict) or not isinstance(params.get("command"), str) or set(params) != {"command"}:
            raise BadRequest("runCommand needs parameters.command as a string.")
        return parse_text(params["command"])
    if kind != "runCommandJSON":
        raise BadRequest("The type attribute must be 'runCommandJSON' or 'runCommand'.")
    for key in ("command", "qualifier"):
        if not isinstance(body.get(key), str) or not body[key].strip():
            raise BadRequest(f"The {key} attribute is required and must be a string.")
    name = body.get("name")
    if name is not None and not isinstance(name, str):
        raise BadRequest("The name attribute must be a string.")
    params = body.get("parameters", {})
    if not isinstance(params, dict):
        raise BadRequest("The parameters attribute must be a JSON object.")
    for key, value in params.items():
        ok = isinstance(value, (str, int, float)) and not isinstance(value, bool)
        if not (ok or (isinstance(value, list) and all(isinstance(v, (str, int)) for v in value))):
            raise BadRequest(f"The value of parameter '{key}' has a type that is not valid.")
    resp = body.get("responseParameters")
    if resp is not None and not (isinstance(resp, list) and all(isinstance(r, str) for r in resp)):
        raise BadRequest("The responseParameters attribute must be an array of strings.")
    verb, qual = body["command"].strip().upper(), body["qualifier"].strip().upper()
    source = f"{verb} {qual}" + (f"({name})" if name else "")
    return Command(ALIASES.get(verb, verb), ALIASES.get(qual, qual), name or None, {k.upper(): v for k, v in params.items()},
                   resp, False, source)


def _finish_value(pieces):
    """One list item from (text, quoted) pieces: blanks outside the quotes are not part of the value (so DESCR( 'x y' )
    is 'x y', like DESCR('x y')); without quotes the value is stripped (and was folded to upper case already)."""
    while pieces and not pieces[0][1] and not pieces[0][0].strip():
        pieces.pop(0)
    while pieces and not pieces[-1][1] and not pieces[-1][0].strip():
        pieces.pop()
    value = "".join(piece for piece, _quoted in pieces)
    return value if any(quoted for _piece, quoted in pieces) else value.strip()


def _paren_value(text, i, source):
    """Parse a parenthesised MQSC value starting after '('; unquoted text folds to upper case, '...' keeps case."""
    items, cur, depth = [], [], 0
    while i < len(text):
        c = text[i]
        if c == "'":
            j = i + 1
            while True:
                j = text.find("'", j)
                if j < 0:
                    raise syntax_error(source)
                if text[j + 1:j + 2] == "'":  # '' is an escaped quote
                    j += 2
                    continue
                break
            cur.append((text[i + 1:j].replace("''", "'"), True))
            i = j + 1
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                items.append(_finish_value(cur))
                return (items[0] if len(items) == 1 else items), i + 1
            depth -= 1
        elif c == "," and depth == 0:
            items.append(_finish_value(cur))
            cur = []
            i += 1
            continue
        cur.append((c.upper(), False))
        i += 1
    raise syntax_error(source)


_WORD = re.compile(r"[A-Za-z0-9_.*/%+\-]+")


def tokenize(text):
    """Split MQSC text into (KEYWORD, value-or-None) pairs."""
    tokens, i = [], 0
    source = text.strip()
    while i < len(text):
        if text[i].isspace() or text[i] in ",;":
            i += 1
            continue
        m = _WORD.match(text, i)
        if not m:
            raise syntax_error(source)
        word, i = m.group(0).upper(), m.end()
        while i < len(text) and text[i] == " ":
            i += 1
        value = None
        if i < len(text) and text[i] == "(":
            value, i = _paren_value(text, i + 1, source)
        tokens.append((word, value))
    return tokens


def parse_text(text):
    """runCommand: one MQSC command as typed in runmqsc (no continuation characters)."""
    try:
        return _parse_text(text)
    except MqscError as err:
        words = (text.upper().replace("(", " ").split() + ["", ""])[:2]
        return Command(ALIASES.get(words[0], words[0]), ALIASES.get(words[1], words[1]), None, {}, None, True, text.strip(), err)


def _parse_text(text):
    source = text.strip()
    tokens = tokenize(text)
    if len(tokens) < 2 or tokens[0][1] is not None:
        raise syntax_error(source)
    verb = ALIASES.get(tokens[0][0], tokens[0][0])
    qual, name = tokens[1]
    qual = ALIASES.get(qual, qual)
    if isinstance(name, list):
        raise syntax_error(source)
    params, resp = {}, None
    for key, value in tokens[2:]:
        if value is None and verb == "DISPLAY":
            resp = (resp or []) + [key]  # DISPLAY CHANNEL(X) DESCR CONNAME / ALL
        else:
            params[key] = "YES" if value is None else value  # keyword-only flags such as REPLACE
    return Command(verb, qual, name, params, resp, True, source)
