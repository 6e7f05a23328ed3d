# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Queue-manager control (control API /qmgr/..., README "Control API"): stop, start and restart in their compressed legacy
forms, hosts of the channel network, what the emulator knows beyond DISPLAY, attached clients, and an application's
messages and open handles on a queue. endmqm, strmqm and dspmq for the shims are in commands.py."""

import time

from . import objects as O
from .lifecycle import ENDED
from .parse import MqscError
from .keyrepo import DEFAULT_ISSUER, LOG as TLS_LOG
from .security import (REASON_NAMES, RC_CHANNEL_NOT_AVAILABLE, RC_Q_MGR_NOT_AVAILABLE, RC_SSL_INITIALIZATION_ERROR,
                       RC_UNKNOWN_CHANNEL_NAME, Refused)


class ControlError(Exception):
    """A control-API request that cannot be honoured (HTTP status and text)."""

    def __init__(self, status, text):
        super().__init__(text)
        self.status = status


class Control:
    """Acts on the queue managers of a model (model.qmgrs, model.network) inside model.changing()."""

    def __init__(self, model):
        self.model = model
        # Restarts held down until the queue manager has refused a number of /mqsc requests (restart_qmgr's refusals):
        # qmgr -> {"at": earliest start, "starting": seconds, "left": refusals to go, "plan": the lifecycle plan it holds}.
        self.held_down = {}

    def reset(self):
        self.held_down.clear()

    def qm(self, name):
        qm = self.model.qmgrs.get(name)
        if qm is None:
            raise ControlError(404, f"unknown queue manager {name}")
        return qm

    def qmgr_state(self, name, host=None):
        """The /admin/qmgr state; with host, as that host's instance sees it (lifecycle.Lifecycle.state_on)."""
        qm = self.qm(name)
        with qm.lock:
            return qm.life.state_on(host, time.monotonic())

    def stop_qmgr(self, name, mode=None):
        qm = self.qm(name)
        with self.model.changing():
            self.held_down.pop(name, None)
            if qm.state(time.monotonic()) not in ENDED or qm.life.plan[-1][0] > time.monotonic():
                qm.stop(immediate=mode == "immediate")
            return qm.state(time.monotonic())

    def start_qmgr(self, name, duration=0.0):
        qm = self.qm(name)
        with self.model.changing():
            self.held_down.pop(name, None)
            now = time.monotonic()
            if qm.state(now) != "running":
                qm.start(now, now + max(0.0, float(duration)))
            return qm.state(now)

    def restart_qmgr(self, name, down=0.0, starting=0.0, refusals=0):
        """Stop now, start after `down` seconds, running `starting` seconds later. refusals > 0: it also stays down until its
        /mqsc has answered that many requests with the queue-manager-down status (503), so a client polling through an
        outage is certain to see it, however loaded the machine (the emulator's own control, no MQ behaviour)."""
        qm = self.qm(name)
        if isinstance(refusals, bool) or not isinstance(refusals, int) or refusals < 0:
            raise ValueError("refusals must be an integer >= 0")
        with self.model.changing():
            now = time.monotonic()
            self.held_down.pop(name, None)
            qm.stop()
            if refusals:
                self.held_down[name] = {"at": now + float(down), "starting": float(starting), "left": refusals,
                                        "plan": qm.life.plan}
            else:
                qm.start(now + float(down), now + float(down) + float(starting))
            return qm.state(now)

    def refused(self, name):
        """The gateway answered a /mqsc request for name with the queue-manager-down status: one refusal less for a restart
        held down (restart_qmgr); the last one starts it, `down` seconds after the stop at the earliest."""
        qm = self.model.qmgrs.get(name)
        if name not in self.held_down or qm is None:
            return
        with self.model.changing():
            held = self.held_down.get(name)
            if held is None:
                return
            if qm.life.plan is not held["plan"]:  # started (strmqm) or ended again by other means since
                del self.held_down[name]
                return
            held["left"] -= 1
            if held["left"] <= 0:
                del self.held_down[name]
                at = max(time.monotonic(), held["at"])
                qm.start(at, at + held["starting"])

    def set_host(self, qmgr, host):
        """The host name of a queue manager (default localhost); CONNAMEs reach its listeners there (network.py)."""
        self.qm(qmgr)
        if not isinstance(host, str) or not host.strip() or any(c in host for c in "(), "):
            raise ValueError("host must be a host name or address without '(', ')', ',' or blanks")
        with self.model.changing():
            return self.model.network.set_host(qmgr, host)

    def network_state(self):
        """Hosts and the running sender/receiver pairs (control API GET /network)."""
        with self.model.changing(settle=False):
            return {"hosts": {name: self.model.network.host(name) for name in self.model.qmgrs},
                    "pairs": [{"qmgr": s, "channel": c, "partner": p} for (s, c), (p, _s, _r) in sorted(self.model.network.links.items())]}

    def channel_status(self, qmgr, channel):
        """The status records of one channel with what the emulator knows beyond DISPLAY CHSTATUS: the last connection error
        (AMQ message and MQRCCF reason, as the channel's error log would say) and the retries left."""
        qm = self.qm(qmgr)
        with self.model.changing(settle=False):
            now = time.monotonic()
            out = []
            for rec in qm.status.live_channel(channel, now):
                sched = rec.info.get("sched")
                left = sched.remaining(now, rec.info.get("first_done", False)) if sched is not None else rec.info.get("counts")
                out.append({"status": qm.status.view("CHANNEL", channel, rec, now), "rqmname": rec.info.get("rqmname", ""),
                            "conname": rec.info.get("conname", ""), "error": rec.info.get("error"),
                            "retries_left": None if left is None else {"short": left[0], "long": left[1]},
                            "started": rec.info.get("wall"), "tls": dict(rec.info["tls"]) if rec.info.get("tls") else None})
            return {"qmgr": qmgr, "channel": channel, "instances": out}

    def set_qmstatus(self, name, **values):
        qm = self.qm(name)
        with qm.lock:
            for key, value in values.items():
                if key.upper() in ("QMNAME", "STATUS", "CHINIT", "CMDSERV"):
                    raise ValueError(f"{key} is computed by the emulator (use stop/start or the cmdserv_down fault)")
                qm.qmstatus[key.upper()] = value
            return {k.lower(): v for k, v in qm.qmstatus.items()}

    def attach_clients(self, qmgr, channel, count):
        qm = self.qm(qmgr)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError("count must be an integer >= 0")
        with self.model.changing():
            try:
                qm.attach_clients(channel, count)
            except LookupError as err:
                raise ControlError(404, str(err)) from err
            except ValueError as err:
                raise ControlError(409, str(err)) from err
        return count

    def connect_client(self, qmgr, channel, user=None, password=None, address=None, host=None, sslpeer=None, sslcerti=None):
        """A client connects to SVRCONN channel as user (the user ID it asserts and, with a password, authenticates) from
        address: accepted or refused the way MQ decides (security.Security.connect). -> {"connected", "reason",
        "reason_name", "mcauser", "errors"}: an accepted client is one more RUNNING instance of the channel; a refused one
        leaves the AMQ messages MQ logs in the queue manager's error log (also in "errors")."""
        qm = self.qm(qmgr)
        for key, value in (("user", user), ("password", password), ("address", address), ("host", host), ("sslpeer", sslpeer),
                           ("sslcerti", sslcerti)):
            if value is not None and not isinstance(value, str):
                raise ValueError(f"{key} must be a string")
        if not user:
            raise ValueError("user (the user ID the client asserts) is required")
        address = address or "127.0.0.1"  # a client always comes from somewhere; the loopback address by default
        with self.model.changing() as now:
            before = len(qm.security.log)
            outcome = {"connected": False, "reason": 0, "mcauser": None}
            try:
                if qm.state(now) != "running":
                    raise Refused(RC_Q_MGR_NOT_AVAILABLE)
                try:
                    qm.svrconn(channel)
                except LookupError as err:
                    qm.security.write("unknown_channel", RC_UNKNOWN_CHANNEL_NAME, channel=channel, address=address, user=user)
                    raise Refused(RC_UNKNOWN_CHANNEL_NAME) from err
                if qm.status.channel_stopped(channel, now):
                    raise Refused(RC_CHANNEL_NOT_AVAILABLE)  # a STOPPED SVRCONN refuses clients (IBM-IT27694)
                handshake = qm.tls_client(channel, sslcerti or DEFAULT_ISSUER, now)
                if handshake is not None and handshake[0] is not None:
                    # The TLS handshake comes before any security check: the queue manager logs why ([I] AMQ9637E for its
                    # own missing or expired certificate, AMQ9633E for the client's untrusted one), the client sees 2393.
                    which = "bad_cert" if "client certificate" in handshake[0] else "lacking"
                    qm.security.append(*TLS_LOG[which], RC_SSL_INITIALIZATION_ERROR, channel=channel, remote=address,
                                       why=handshake[0], issuer=sslcerti or DEFAULT_ISSUER, label="")
                    raise Refused(RC_SSL_INITIALIZATION_ERROR)
                mcauser = qm.security.connect(channel, user, password, address, host, sslpeer, sslcerti)
                qm.status.connect_client(channel, address, mcauser, handshake[1] if handshake else None)
                outcome.update(connected=True, mcauser=mcauser)
            except Refused as refused:
                outcome["reason"] = refused.reason
            outcome["reason_name"] = REASON_NAMES.get(outcome["reason"], "")
            outcome["errors"] = list(qm.security.log)[before:]
            return outcome

    def key_repository(self, qmgr, method, rest, body):
        """Control API /qmgr/{qm}/keyrepo (keyrepo.py): GET the listing; POST certificates {label, issuer?, expires?};
        DELETE certificates/{label}; POST trusted {issuer}; DELETE trusted/{issuer}. Inside changing(): a certificate that
        arrives lets a retrying TLS sender connect at its next attempt. -> the listing (None: no such route)."""
        qm = self.qm(qmgr)
        with self.model.changing():
            repo = qm.keyrepo
            if not rest and method == "GET":
                pass
            elif rest == ["certificates"] and method == "POST":
                unknown = set(body) - {"label", "issuer", "expires"}
                if unknown:
                    raise ValueError(f"unknown keys {sorted(unknown)}; a certificate has label, issuer and expires")
                repo.add(body.get("label"), body.get("issuer", DEFAULT_ISSUER), body.get("expires"))
            elif len(rest) == 2 and rest[0] == "certificates" and method == "DELETE":
                repo.delete(rest[1])
            elif rest == ["trusted"] and method == "POST":
                repo.trust(body.get("issuer"))
            elif len(rest) == 2 and rest[0] == "trusted" and method == "DELETE":
                repo.untrust(rest[1])
            else:
                return None
            return dict(repo.listing(), qmgr=qmgr, certlabl=qm.qmgr.attrs["CERTLABL"])

    def error_log(self, qmgr):
        """The queue manager's error log as far as security writes it (AMQERR01.LOG's refusals), oldest first."""
        qm = self.qm(qmgr)
        with qm.lock:
            return {"qmgr": qmgr, "entries": qm.security.errors()}

    def clear_error_log(self, qmgr):
        qm = self.qm(qmgr)
        with qm.lock:
            qm.security.clear_errors()
            return {"qmgr": qmgr, "entries": []}

    def queue_control(self, qmgr, queue, action, user=None, **kw):
        """Control API on one queue: action 'put' (count), 'get' (count or None = all) or 'open' (ipprocs, opprocs).
        MQ refusals (an MQRC of the application's MQOPEN/MQPUT) are 409 naming the reason. With user, a put or get is that
        user's MQCONN and MQOPEN: the OAM checks connect and put or get (2035 refused, its AMQ8077W in the error log)."""
        qm = self.qm(qmgr)
        for key, value in kw.items():
            if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 0):
                raise ValueError(f"{key} must be an integer >= 0")
        if user is not None and (not isinstance(user, str) or not user or action == "open"):
            raise ValueError("user must be a user name, and only for put and get")
        with self.model.changing() as now:
            try:
                if user is not None:
                    qm.security.check_queue(user, queue, action)
                if action == "put":
                    if kw.get("count") is None:
                        raise ValueError("count (messages to put) is required")
                    target, depth = qm.put_messages(queue, kw["count"])
                    self.model.network.message_arrived(qm, target, now)  # wakes an inactive sender of that XMITQ
                    return {"queue": queue, "target": target, "curdepth": depth}
                if action == "get":
                    target, got, depth = qm.get_messages(queue, kw.get("count"))
                    return {"queue": queue, "target": target, "got": got, "curdepth": depth}
                return dict(qm.open_queue(queue, kw.get("ipprocs"), kw.get("opprocs")), queue=queue)
            except MqscError as err:
                status = 404 if err.reason == O.RC_UNKNOWN_OBJECT else 409
                raise ControlError(status, f"reason {err.reason}: {err.lines[0]}") from err
            except Refused as refused:
                raise ControlError(409, f"reason {refused.reason} {REASON_NAMES[refused.reason]}: {qm.security.log[-1]['message']}") \
                    from refused
