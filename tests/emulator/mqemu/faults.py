# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Injected faults (control API /faults, README "Control API"): their validation, the ones a request meets, and the
lifecycle faults the queue managers ask about."""

import copy
import threading
import time

from . import objects as O
from .auth import err_forbidden, err_unauthenticated
from .errors import err_qmgr_unavailable, err_unknown_uri
from .network import host_key

FAULT_KINDS = ("http_error", "latency", "drop_connection", "cmdserv_down", "stuck", "strmqm_fails", "never_disconnect",
               "replica_out_of_sync", "refresh_ssl_timeout")
# Faults that act on the queue manager's lifecycle (commands.py, nativeha.py, REFRESH SECURITY TYPE(SSL)), not on REST requests.
LIFECYCLE_FAULTS = ("stuck", "strmqm_fails", "never_disconnect", "replica_out_of_sync", "refresh_ssl_timeout")
FAULT_KEYS = {"qmgr", "kind", "count", "command", "qualifier", "name", "status", "seconds", "body", "scope", "after", "exit",
              "host"}


class ConnectionDropped(Exception):
    """A drop_connection fault: the HTTP layer closes the socket without answering."""


def err_http(status):
    """Body for an injected http_error fault: mqweb's own answer for that status where it has one."""
    return {401: err_unauthenticated, 403: err_forbidden, 404: err_unknown_uri}.get(
        status, lambda: err_qmgr_unavailable(status))()[1]


def check(fault):
    """A validated copy of a fault as the control API receives it, or ValueError naming the rule."""
    if not isinstance(fault, dict):
        raise ValueError("a fault is a JSON object")
    fault = dict(fault)
    if fault.get("kind") not in FAULT_KINDS or set(fault) - FAULT_KEYS:
        raise ValueError(f"a fault needs kind in {FAULT_KINDS} and only the keys {sorted(FAULT_KEYS)}")
    count = fault.get("count")
    if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 1):
        raise ValueError("count must be a positive integer")
    if fault["kind"] == "http_error" and not (isinstance(fault.get("status"), int) and 400 <= fault["status"] <= 599):
        raise ValueError("http_error needs status 400-599")
    if fault["kind"] == "latency" and not (isinstance(fault.get("seconds"), (int, float)) and fault["seconds"] >= 0):
        raise ValueError("latency needs seconds >= 0")
    if fault["kind"] == "stuck" and (str(fault.get("qualifier", "")).upper() not in ("CHANNEL", "LISTENER", "SERVICE")
                                     or not isinstance(fault.get("name"), str)):
        raise ValueError("stuck needs qualifier CHANNEL|LISTENER|SERVICE and a name")
    if "exit" in fault and (fault["kind"] != "strmqm_fails" or isinstance(fault["exit"], bool)
                            or not isinstance(fault["exit"], int) or not 1 <= fault["exit"] <= 255):
        raise ValueError("exit (1-255) is an option of strmqm_fails only")
    if "after" in fault and (fault["kind"] != "drop_connection" or not isinstance(fault["after"], bool)):
        raise ValueError("after (true or false) is an option of drop_connection only")
    if "host" in fault and (fault["kind"] != "replica_out_of_sync" or not isinstance(fault["host"], str) or not fault["host"].strip()):
        raise ValueError("host (a host name) is an option of replica_out_of_sync only")
    if fault.get("scope", "mqsc") not in ("mqsc", "all"):
        raise ValueError("scope is mqsc or all")
    for key in ("command", "qualifier"):
        if fault.get(key) is not None:
            fault[key] = str(fault[key]).upper()
    return fault


def apply_transport_faults(hits):
    """latency sleeps (outside every lock), drop_connection raises, http_error returns (status, body).
    A drop_connection with after: true is not here: the gateway drops the connection once the command has run."""
    for f in hits:
        if f["kind"] == "latency":
            time.sleep(float(f["seconds"]))
    for f in hits:
        if f["kind"] == "drop_connection" and not f.get("after"):
            raise ConnectionDropped()
    for f in hits:
        if f["kind"] == "http_error":
            return f["status"], f.get("body") or err_http(f["status"])
    return None


class Faults:
    """The faults in force. The list is copy-on-write: readers use it without the lock."""

    def __init__(self):
        self.lock = threading.Lock()
        self.active, self.seq = [], 0

    def reset(self):
        with self.lock:
            self.active, self.seq = [], 0

    def add(self, fault):
        fault = check(fault)
        with self.lock:
            self.seq += 1
            fault["id"] = self.seq
            self.active = self.active + [fault]
        return dict(fault)

    def list(self):
        return copy.deepcopy(self.active)

    def clear(self):
        with self.lock:
            self.active = []

    def take(self, qmgr, cmd, path="mqsc"):
        """Faults matching this request (cmd: its parsed command, or None off /mqsc), consuming one use of each counted
        fault; lifecycle faults never match (a 'stuck' fault is never consumed)."""
        def match(f):
            return f["kind"] not in LIFECYCLE_FAULTS and f.get("qmgr") in (None, qmgr) and (path == "mqsc" or f.get("scope") == "all") \
                and (not f.get("command") or (cmd is not None and cmd.verb == f["command"])) \
                and (not f.get("qualifier") or (cmd is not None and cmd.qualifier == f["qualifier"]))

        hits = []
        with self.lock:
            keep = []
            for f in self.active:
                if match(f):
                    hits.append(f)
                    if f.get("count") is not None:
                        f = dict(f, count=f["count"] - 1)
                        if f["count"] == 0:
                            continue
                keep.append(f)
            self.active = keep
        return hits

    def take_strmqm(self, qmgr):
        """The first strmqm_fails fault for qmgr (one use of it), or None."""
        return self.take_lifecycle("strmqm_fails", qmgr)

    def take_lifecycle(self, kind, qmgr, host=None):
        """The first fault of kind for qmgr (and, for one that names a host, that host), one use of it, or None."""
        with self.lock:
            for i, f in enumerate(self.active):
                if f["kind"] == kind and f.get("qmgr") in (None, qmgr) and ("host" not in f or host_key(f["host"]) == host_key(host)):
                    if f.get("count") is not None:
                        rest = dict(f, count=f["count"] - 1)
                        self.active = self.active[:i] + ([rest] if rest["count"] else []) + self.active[i + 1:]
                    return f
        return None

    def has(self, qmgr, kind):
        return any(f["kind"] == kind and f.get("qmgr") in (None, qmgr) for f in self.active)

    def cmdserv_down(self, qmgr):
        return self.has(qmgr, "cmdserv_down")

    def is_stuck(self, qmgr, kind, name):
        return any(f["kind"] == "stuck" and f.get("qmgr") in (None, qmgr) and f["qualifier"].upper() == kind
                   and O.generic_match(f["name"], name) for f in self.active)
