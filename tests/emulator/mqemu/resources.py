# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The REST resources besides /mqsc (gateway.py): GET /admin/qmgr, GET /admin/installation, and the messaging API's
POST .../message (README "REST surface")."""

import secrets
import time

from . import objects as O
from .auth import err_forbidden
from .errors import err_bad_request, err_qmgr_down, err_standby, err_unknown_qmgr, mqwb
from .parse import MqscError
from .security import Refused


class Resources:
    """Answers for an authenticated user from a model's queue managers (model.qmgrs) and users (model.auth)."""

    def __init__(self, model):
        self.model = model

    def qmgr_resource(self, name=None, status=False, state=None, view=None):
        """GET /admin/qmgr[/{name}] -> (http status, body); shape {"qmgr":[{"name","state"}]} ([S] CP4I-10). view (qmgr, host):
        this mqweb runs on host, so that queue manager shows runningAsStandby/runningElsewhere there (lifecycle.py)."""
        if name is not None and name not in self.model.qmgrs:
            return err_unknown_qmgr(name)
        now = time.monotonic()
        out = []
        for qm in ([self.model.qmgrs[name]] if name else self.model.qmgrs.values()):
            st = qm.life.state_on(view[1], now) if view and view[0] == qm.name else qm.state(now)
            if st in ("replica", "negotiating"):
                # A Native HA replica's own mqweb: MQWB0004E with 2543 for GET /admin/qmgr/{qmgr} ([S] NHALAB, a real body;
                # its HTTP status [I]); config replica_mqweb "state" answers runningAsStandby instead ([I]), as a list does.
                if name and self.model.config["replica_mqweb"] == "2543":
                    return err_standby(self.model.config["qmgr_down_status"])
                st = "runningAsStandby"
            if state and st != state:
                continue
            item = {"name": qm.name, "state": st}
            if status:
                running = st == "running"
                with self.model.changing(settle=False):  # clients may have reconnected since the last call
                    conns = qm.connection_count(now) if running else 0
                # channelInitiatorState follows the channel initiator's start after 'running' ([R] values stopped,
                # starting, running, stopping; the milestone order is seed 001's)
                chinit = qm.life.chinit_state(now).lower() if running else "stopped"
                item["status"] = {"channelInitiatorState": chinit, "ldapConnectionState": "disconnected",
                                  "connectionCount": conns, "publishSubscribeState": "running" if running else "stopped"}
                if running:
                    item["status"]["started"] = time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime(qm.started_wall))
            out.append(item)
        return 200, {"qmgr": out}

    @staticmethod
    def installation_resource(extended=False):
        """GET /admin/installation ([R] shape; extended attributes per IBM-INST-GET)."""
        item = {"name": "Installation1", "version": "9.4.2.0", "platform": "unix", "architecture": "x86_64"}
        if extended:
            item["extended"] = {"level": "p942-L250213", "operatingSystem": "Linux (emulated)", "description": "",
                                "installationPath": "/opt/mqm", "dataPath": "/var/mqm", "maximumCommandLevel": 942}
        return 200, {"installation": [item]}

    def put_message(self, qmgr, queue, user, text):
        """POST /messaging/qmgr/{qmgr}/queue/{queue}/message: one text message put with the caller's context (IBM-MSG-POST
        [V]: 201 Created, ibm-mq-md-messageId header). Only MQWebUser may message ([V] roles), and the queue manager's OAM
        checks the user as any application (security.py); the failure answers are [I]."""
        if self.model.auth.role_of(user) != "MQWebUser":  # MQWebAdmin and MQWebAdminRO do not apply to messaging ([V] DEVW-MSG)
            return err_forbidden(f" to put to {queue}.", needs="MQWebUser")
        qm = self.model.qmgrs.get(qmgr)
        if qm is None:
            return err_unknown_qmgr(qmgr)
        if qm.state(time.monotonic()) != "running":
            return err_qmgr_down(qmgr, self.model.config["qmgr_down_status"])
        if not text:
            return err_bad_request("The message body is empty.")
        with qm.lock:
            try:
                # mqweb puts "using the current user context" (IBM-MSG-POST [V]): the OAM checks that user's connect and put
                qm.security.check_queue(user, queue, "put")
                qm.put_messages(queue, 1)
            except Refused as refused:
                # 2035 from the OAM: MQWB0103E "Not authorized to put to <queue>." ([V] IBM-MQWB01 lists the text; [I] that
                # mqweb answers an MQOPEN's 2035 with it, and the status: config messaging_not_authorized_status)
                return self.model.config["messaging_not_authorized_status"], mqwb(
                    "MQWB0103E", f"Not authorized to put to {queue}.",
                    "The authenticated principal is not authorized to perform the requested REST API operation.",
                    "Obtain the necessary authorization to perform the operation (the queue manager's authority records) and "
                    "resubmit the request.", cc=2, rc=refused.reason)
            except MqscError as err:
                return 404 if err.reason == O.RC_UNKNOWN_OBJECT else 400, mqwb(
                    "MQWB0300E", f"Cannot create messaging connection to {queue} on {qmgr}.",
                    f"MQ answered reason code {err.reason}.", "Resubmit the request, correcting any issues.",
                    cc=2, rc=err.reason)
        message_id = "414d5120" + secrets.token_hex(20)
        return 201, None, [("ibm-mq-md-messageId", message_id)]
