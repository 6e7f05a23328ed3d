# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""One queue manager's certificate rotation in one run (the cert_rotation action), in IBM's order: the new certificate is
in the key repository (and its CA in the partners' trust stores) first, then CERTLABL, then REFRESH SECURITY TYPE(SSL)
(IBM MQ on Cloud, "Queue manager certificate administration"; reference mq-security-topics-ha.md §6).

The steps: a preflight (the new label is in the key repository: a command on the queue manager's host, runmqakm by
default, which the caller runs; every TLS channel that runs has its partner now, so that one that does not come back
after the refresh is the rotation's doing), the label set by the same convergence the modules use (_ensure), the
synchronous refresh (``refresh``: _refresh_ssl.refresh_ssl, which the caller passes), a health gate, and on any failure
after the label changed, the old label(s) back and a second refresh, so that no queue manager is left with channels that
cannot start.

IBM gives runmqakm no REST equivalent, so the label check runs on the host through ``run_command`` (the action runs
ansible.builtin.command there, the unit tests pass a fake); everything else is REST from the controller.
"""

from __future__ import annotations

import shlex
import time

from ._ensure import ensure_present, read_one
from ._errors import MQError, MQInputError
from ._lifecycle import status_values
from ._qmgr_restart import StepFailed, Steps, command_text, group_status
from ._types import REGISTRY

__all__ = ["CertRotation", "Options", "DEFAULT_LABEL_CHECK", "default_label", "key_database", "STEPS"]

# The steps, named as a person reads them: a failure is reported as "<step>: <what went wrong>".
PREFLIGHT = "Preflight, the new label in the key repository and every running TLS channel's partner reachable"
SET_LABEL = "Set the new certificate label"
REFRESH = "REFRESH SECURITY TYPE(SSL), waiting until every TLS channel and client is back"
HEALTH = "Health gate, every TLS channel that ran before runs"
ROLLBACK = "Put the old certificate label back"
STEPS = (PREFLIGHT, SET_LABEL, REFRESH, HEALTH, ROLLBACK)

# runmqakm -cert -details exits 0 and prints the certificate when the label is in the key database, non-zero with a
# CTGSK message when not ([V] IBM runmqakm -cert commands). -stashed reads the password from the .sth file beside it.
DEFAULT_LABEL_CHECK = "runmqakm -cert -details -db {kdb} -stashed -label {label}"


def default_label(qmgr):
    """The certificate label MQ looks for when CERTLABL is blank: ibmwebspheremq and the queue manager's name in lower
    case ([V] IBM "Digital certificate labels": the default label)."""
    return "ibmwebspheremq" + qmgr.lower()


def key_database(sslkeyr):
    """The key database file of SSLKEYR: the stem with .kdb added ([V] IBM ALTER QMGR SSLKEYR: "the key repository is
    specified as a stem name ... without the .kdb"); a name that already ends in .kdb or .p12 is the file itself."""
    stem = str(sslkeyr or "").strip()
    if not stem:
        return ""
    return stem if stem.lower().endswith((".kdb", ".p12")) else stem + ".kdb"


class Options:
    """What one rotation is asked to do (the action's options, checked there). ``channels``: the channels whose CERTLABL
    changes; empty, the queue manager's CERTLABL does."""

    __slots__ = ("qmgr", "label", "channels", "key_repository", "label_check", "label_check_command", "partners_check", "wait_timeout",
                 "poll_interval", "connections_share", "health_timeout", "rollback", "check_mode")

    def __init__(self, qmgr, label, channels=None, key_repository=None, label_check=True, label_check_command=None, partners_check=True,
                 wait_timeout=600.0, poll_interval=0.5, connections_share=0.9, health_timeout=30.0, rollback=True, check_mode=False):
        self.qmgr, self.label, self.channels = qmgr, label, [c.strip().upper() for c in channels or []]
        self.key_repository, self.label_check = key_repository, label_check
        self.label_check_command = label_check_command or DEFAULT_LABEL_CHECK
        self.partners_check, self.wait_timeout, self.poll_interval = partners_check, wait_timeout, poll_interval
        self.connections_share, self.health_timeout, self.rollback, self.check_mode = connections_share, health_timeout, rollback, check_mode


def _text(value):
    return str(value if value is not None else "").strip()


class CertRotation(Steps):
    """One run: ``run()`` returns the report (``failure`` says what failed; the rollback ran by then).

    ``connect()`` returns a new MQClient; ``run_command(command)`` runs a command line on the queue manager's host, also in
    check mode (it only reads), and returns ansible.builtin.command's result; ``refresh(client, wait, timeout, poll_interval,
    connections_share, check_mode, clock, sleep)`` is _refresh_ssl.refresh_ssl: it returns its result, or raises MQError whose ``result``
    holds it. ``clock``/``sleep``: the health gate's (the tests' fake clock).
    """

    def __init__(self, connect, run_command, refresh, options, clock=time.monotonic, sleep=time.sleep):
        self.connect, self.run_command, self.refresh, self.o = connect, run_command, refresh, options
        self.clock, self.sleep = clock, sleep
        self.client = None
        self.targets = []  # [{object, name (None: the queue manager), before, after}]
        self.tls_before = {}  # {channel: {type, status}} of the TLS channels that run
        self.label_check = None
        self.refreshed = self.rollback_refresh = None
        self.failure = self.rollback = ""
        self.rolled_back = False
        self.changed_label = False
        self.native_ha = False
        self.health = None
        self.started = clock()

    # -- the run -------------------------------------------------------------------------------------
    def run(self):
        return self._run(self._steps, self._rollback)

    def _steps(self):
        self._preflight()
        if self._to_change():
            self._set_label()
            self._refresh()
            if not self.o.check_mode:
                self._health()

    def _to_change(self):
        return [t for t in self.targets if t["before"] != self.o.label]

    # -- preflight ------------------------------------------------------------------------------------
    def _preflight(self):
        self.client = self._step(PREFLIGHT, self.connect)
        qmgr_row = self._step(PREFLIGHT, self.client.display_one, "QMGR", None) or {}
        if self.o.channels:
            self._step(PREFLIGHT, self._channel_targets)
        else:
            self.targets = [{"object": "queue manager", "name": None, "before": _text(qmgr_row.get("certlabl"))}]
        self.native_ha = bool(self._step(PREFLIGHT, group_status, self.client))
        self.tls_before = self._step(PREFLIGHT, self._tls_status)
        if self.o.label_check:
            self._check_label(qmgr_row)
        if self.o.partners_check:
            self._check_partners()

    def _channel_targets(self):
        otype = REGISTRY["channel"]
        for name in self.o.channels:
            row = read_one(self.client, otype, name, namespace="")  # the queue manager's channels, not the client table
            if row is None:
                raise MQError("channel {0} does not exist on {1}: name the channels whose CERTLABL changes".format(name, self.o.qmgr))
            chltype = _text(row.get("chltype")).upper()
            if chltype == "CLUSSDR":
                # [V] IBM ALTER CHANNEL CERTLABL: "This parameter is not valid for channels with a channel type of CLUSSDR"
                # (MQRCCF_WRONG_CHANNEL_TYPE): a cluster-sender uses the queue manager's certificate.
                raise MQInputError("channels: {0} is a cluster-sender (CLUSSDR), whose CERTLABL MQ refuses "
                                   "(MQRCCF_WRONG_CHANNEL_TYPE): it uses the queue manager's label; rotate that instead".format(name))
            if not _text(row.get("sslciph")):
                raise MQInputError("channels: {0} has no SSLCIPH, so it uses no certificate: only a TLS channel's CERTLABL is "
                                   "rotated".format(name))
            self.targets.append({"object": "channel", "name": name, "type": chltype, "before": _text(row.get("certlabl"))})

    def _tls_status(self):
        """{channel: {type, status}} of the TLS channels (SSLCIPH set) with a status now; a client channel (SVRCONN)
        instance is its clients', whom the refresh counts apart."""
        tls = {_text(row.get("channel")): _text(row.get("chltype")).upper() for row in self.client.display("CHANNEL", "*")
               if _text(row.get("sslciph")) and not REGISTRY["channel"].row_namespace(row)}  # not the client table's
        found = {}
        for row in self.client.display("CHSTATUS", "*"):
            name = _text(row.get("channel"))
            if name not in tls or tls[name] == "SVRCONN":
                continue
            status = status_values([row])[0]
            entry = found.setdefault(name, {"type": tls[name], "status": status})
            if status == "RUNNING":
                entry["status"] = "RUNNING"  # one RUNNING instance of several (a RCVR with two partners) is running
        return found

    def _check_label(self, qmgr_row):
        kdb = self.o.key_repository or key_database(qmgr_row.get("sslkeyr"))
        if not kdb:
            raise StepFailed(PREFLIGHT, "{0} has no key repository (SSLKEYR is blank), so the label cannot be looked up: set "
                                        "key_repository, or label_check: false".format(self.o.qmgr))
        try:
            command = self.o.label_check_command.format(kdb=shlex.quote(kdb), label=shlex.quote(self.o.label),
                                                        qmgr=shlex.quote(self.o.qmgr))
        except (KeyError, IndexError, ValueError) as exc:
            raise StepFailed(PREFLIGHT, "label_check_command={0!r} is not a template of {{kdb}}, {{label}} and {{qmgr}}: {1}".format(
                self.o.label_check_command, exc))
        answer = self.run_command(command)
        self.label_check = {"command": command, "rc": answer.get("rc"), "output": command_text(answer)}
        if answer.get("rc") != 0:
            said = command_text(answer)
            if answer.get("msg") and answer.get("msg") != "non-zero return code":
                said = "{0} ({1})".format(answer["msg"], said)  # it could not run at all: not found, become failed
            raise StepFailed(PREFLIGHT, "the label check failed, so the label {0!r} is not known to be in the key repository {1} "
                                        "({2}: {3}): add the certificate there (and its CA to every partner's trust store) first; "
                                        "where the host cannot run it, set label_check_command, or label_check: false".format(
                                            self.o.label, kdb, shlex.split(command)[0], said))

    def _check_partners(self):
        """No TLS channel is RETRYING or on its way now. One that is has no partner now, and after the refresh could not be
        told apart from one whose partner does not trust the new certificate. One held STOPPED is left alone (the refresh
        does not start it)."""
        away = ["{0} ({1})".format(name, entry["status"]) for name, entry in sorted(self.tls_before.items())
                if entry["status"] not in ("RUNNING", "STOPPED", "INACTIVE")]
        if away:
            raise StepFailed(PREFLIGHT, "TLS channels without their partner now: {0}; bring them back (or stop them) first, or set "
                                        "partners_check: false".format(", ".join(away)))

    # -- the change ------------------------------------------------------------------------------------
    def _set_label(self):
        for target in self._to_change():
            self._step(SET_LABEL, self._set, target, self.o.label)
            target["after"] = self.o.label
            self.changed_label = True

    def _set(self, target, label):
        if target["name"] is None:
            ensure_present(self.client, REGISTRY["qmgr"], None, {"CERTLABL": label})
        else:
            ensure_present(self.client, REGISTRY["channel"], target["name"], {"CHLTYPE": target["type"], "CERTLABL": label})

    def _refresh_once(self):
        """The refresh's result, and the failure it reports ('' when every channel and client came back)."""
        try:
            result = self.refresh(self.client, wait=True, timeout=self.o.wait_timeout, poll_interval=self.o.poll_interval,
                                  connections_share=self.o.connections_share, check_mode=self.o.check_mode, clock=self.clock,
                                  sleep=self.sleep)
        except MQError as exc:
            return dict(exc.result or {}), exc.msg
        return result, (result.get("msg") or "the refresh failed") if result.get("failed") else ""

    def _refresh(self):
        self.refreshed, failure = self._refresh_once()
        if failure:
            raise StepFailed(REFRESH, failure)

    def _health(self):
        """Every TLS channel that ran before runs now, within health_timeout (a sender the refresh brought back that then
        fails its next handshake shows here)."""
        self.health = self._step(HEALTH, self._all_running, self.o.health_timeout)
        if self.health["not_running"]:
            raise StepFailed(HEALTH, "not RUNNING {0:g}s after the refresh: {1}".format(
                self.o.health_timeout, _statuses(self.health["not_running"])))

    def _all_running(self, timeout):
        """Poll until every TLS channel that ran before the rotation is RUNNING, for ``timeout`` seconds: {channels (how many
        were waited for), not_running ({name: last status}, empty when all run)}."""
        deadline = self.clock() + timeout
        wanted = sorted(name for name, entry in self.tls_before.items() if entry["status"] == "RUNNING")
        while True:
            now = self._tls_status()
            missing = {name: (now.get(name) or {}).get("status", "no status") for name in wanted
                       if (now.get(name) or {}).get("status") != "RUNNING"}
            if not missing or self.clock() >= deadline:
                return {"channels": len(wanted), "not_running": missing}
            self.sleep(self.o.poll_interval)

    # -- rollback ---------------------------------------------------------------------------------------
    def _rollback(self):
        """Once a label changed, whatever failed: the old label(s) back and a second refresh, and say what came back."""
        if not self.changed_label or self.o.check_mode:
            self.rollback = "nothing to undo: no label was changed"
            return
        if not self.o.rollback:
            self.rollback = "none: rollback is false, so the new label stays; the channels that did not come back cannot start"
            return
        try:
            for target in self.targets:
                if target.get("after") is not None:
                    self._set(target, target["before"])
                    target["after"] = target["before"]
            self.rolled_back = True
            self.rollback_refresh, failure = self._refresh_once()
            # The second refresh waits only for what ran when it started: the channels the first one left down (a sender
            # RETRYING, an inbound channel whose partner retries) come back on their retries, with the old label.
            back = None if failure else self._all_running(self.o.wait_timeout)
        except Exception as exc:  # pylint: disable=broad-exception-caught  # the report must still say what happened
            self.rollback = "the rollback failed: {0}: {1}".format(type(exc).__name__, getattr(exc, "msg", None) or exc)
            return
        what = ", ".join("{0} {1!r}".format(_where(t), t["before"]) for t in self.targets if t.get("after") is not None)
        if failure:
            self.rollback = "put back {0}, but the second refresh failed too: {1}".format(what, failure)
        elif back["not_running"]:
            self.rollback = "put back {0} and refreshed again, but not RUNNING {1:g}s after it: {2}".format(
                what, self.o.wait_timeout, _statuses(back["not_running"]))
        else:
            self.rollback = "put back {0} and refreshed again: every TLS channel that ran before runs again".format(what)

    # -- the report -------------------------------------------------------------------------------------
    def report(self):
        refreshed = self.refreshed or {}
        channels = refreshed.get("channels") or []
        if self.failure:
            outcome = "rolled back" if self.rolled_back else "failed"
        elif not self.changed_label:
            outcome = "unchanged"  # every label in force already: nothing set, nothing refreshed (in check mode too)
        else:
            outcome = "checked" if self.o.check_mode else "rotated"
        down = [c["down_seconds"] for c in channels if c.get("down_seconds") is not None]
        commands = list(self.client.sent) if self.client is not None else []
        if self.o.check_mode and self.refreshed is not None:
            commands += refreshed.get("commands") or []  # the refresh sends nothing in check mode, so the client has not got it
        return {
            "qmgr": self.o.qmgr,
            "label": self.o.label,
            "outcome": outcome,
            "failure": self.failure,
            "rolled_back": self.rolled_back,
            "rollback": self.rollback,
            "labels": [{"object": _where(t), "before": t["before"], "after": t.get("after", t["before"])} for t in self.targets],
            "label_check": self.label_check,
            "tls_channels": [dict(entry, name=name) for name, entry in sorted(self.tls_before.items())],
            "channels": channels,
            "not_back": sorted(c["name"] for c in channels if not c.get("back", True)),
            "would_bounce": refreshed.get("would_bounce", []) if self.o.check_mode else [],
            "clients": refreshed.get("clients"),
            "down_seconds": max(down) if down else None,
            "refresh_elapsed": refreshed.get("elapsed"),
            "rollback_refresh": self.rollback_refresh,
            "health": self.health,
            "native_ha": self.native_ha,
            "commands": commands,
            "changed": bool(commands) if self.o.check_mode else self.changed_label,
            "elapsed": round(self.clock() - self.started, 3),
        }


def _statuses(statuses):
    return ", ".join("{0} ({1})".format(name, status) for name, status in sorted(statuses.items()))


def _where(target):
    return "queue manager" if target["name"] is None else "channel " + target["name"]
