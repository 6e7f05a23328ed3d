# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The MQSC gateway: POST .../admin/action/qmgr/{qmgr}/mqsc for an authenticated user, in mqweb's order of checks, and its
journal (README "REST surface": request order).

Authentication and CSRF come first, in the HTTP layer (httpd.py); what they refuse is journalled by record_rejected.
Then: body (400), role (403), injected faults, the gateway queue manager and the target (404/503), the instance this
mqweb sees (503 on a standby), the command server (element 3204, or 500), then the MQSC command itself (qmgr.py).
"""

import time

from . import objects as O
from .auth import ROLES, err_forbidden, err_unauthenticated
from .display import envelope, failure
from .errors import err_bad_request, err_command_server, err_qmgr_down, err_standby, err_unknown_qmgr
from .faults import ConnectionDropped, apply_transport_faults
from .journal import new_entry
from .lifecycle import NOT_ACTIVE
from .parse import BadRequest, MqscError, parse_body


class Gateway:
    """Runs /mqsc requests against a model: its users (model.auth), faults, journal, config and queue managers."""

    def __init__(self, model):
        self.model = model

    def run_mqsc(self, qmgr, body, user="admin", gateway=None, view=None):
        """-> (http status, body dict); the same code path as HTTP. view (qmgr, host): an extra mqweb port on host
        (server.MqwebPort), where a queue manager whose active instance runs elsewhere answers 503."""
        entry = new_entry(qmgr, body, user, gateway)
        drop_after = []
        try:
            status, resp = self._run_mqsc(qmgr, body, user, gateway, entry, drop_after, view)
        except ConnectionDropped:
            self.model.log.record(entry, None, None)
            raise
        answer = self.model.log.record(entry, status, resp)
        if drop_after:
            # The command ran (and is journalled with its outcome); the client gets no answer.
            raise ConnectionDropped()
        return answer

    def record_rejected(self, qmgr, body, status, resp, user=None, gateway=None):
        """Journal a /mqsc request refused before run_mqsc (authentication or CSRF)."""
        entry = new_entry(qmgr, body, user, gateway)
        if isinstance(body, dict):
            try:
                cmd = parse_body(body, strict_keys=False)
                entry.update(command=cmd.verb, qualifier=cmd.qualifier, mutating=cmd.mutating)
            except BadRequest:
                pass
        self.model.log.record(entry, status, resp)

    def _run_mqsc(self, qmgr, body, user, gateway, entry, drop_after, view=None):  # pylint: disable=too-many-arguments
        model, config = self.model, self.model.config
        try:
            cmd = parse_body(body, config["strict_body_keys"])
        except BadRequest as err:
            return err_bad_request(str(err))
        entry.update(command=cmd.verb, qualifier=cmd.qualifier, mutating=cmd.mutating)
        if cmd.text:
            entry.update(name=cmd.name, parameters=cmd.params, response_parameters=cmd.response)
        role = model.auth.role_of(user)
        if role is None:
            return err_unauthenticated()
        if role not in ROLES:
            return err_forbidden(f" to {cmd.verb} {cmd.qualifier}.")
        if cmd.mutating and (role == "MQWebAdminRO" or (role == "MQWebUser" and config["webuser_mutations"] == "403")):
            # MQWebAdminRO is limited to DISPLAY (§1.4 [R]); what the user lacks is MQWebAdmin
            return err_forbidden(f" to {cmd.verb} {cmd.qualifier}.", needs="MQWebAdmin")
        hits = model.faults.take(qmgr, cmd)
        drop_after.extend(f for f in hits if f["kind"] == "drop_connection" and f.get("after"))
        injected = apply_transport_faults(hits)
        if injected:
            return injected
        now = time.monotonic()
        if gateway is not None:
            # ibm-mq-rest-gateway-qmgr: the gateway must be a running local queue manager; the target is reached through it.
            gw = model.qmgrs.get(gateway)
            if gw is None:
                return err_unknown_qmgr(gateway)
            if gw.state(now) != "running":
                return err_qmgr_down(gateway, config["qmgr_down_status"])
            if qmgr not in model.qmgrs or (config["gateway_require_route"] and qmgr not in gw.store["QUEUE"]):
                return err_unknown_qmgr(qmgr, O.RC_UNKNOWN_REMOTE_QMGR)  # no route from the gateway
        qm = model.qmgrs.get(qmgr)
        if qm is None:
            return err_unknown_qmgr(qmgr)
        # An extra mqweb port sees the instance on its host: a standby, a Native HA replica or an instance elsewhere
        # refuses with 2543; an ended instance there is a queue manager that is not running.
        seen = qm.life.state_on(view[1], now) if view and view[0] == qmgr else qm.state(now)
        if seen in NOT_ACTIVE:
            return err_standby(config["qmgr_down_status"])
        if seen != "running":
            model.control.refused(qmgr)  # a restart held down until it has refused requests (control API) counts this one
            return err_qmgr_down(qmgr, config["qmgr_down_status"])
        # The command server starts after 'running' (strmqm, lifecycle.py): until then MQSC fails as when it is down.
        if any(f["kind"] == "cmdserv_down" for f in hits) or not qm.life.reached("command_server", now):
            if config["cmdserv_down_mode"] == "http500":
                return err_command_server()
            return 200, envelope(cmd, [failure(MqscError(O.RC_COMMAND_INHIBITED))])
        if cmd.mutating and cmd.response is not None and not cmd.text and config["response_parameters_noop"]:
            # pymqrest ef36c2f: MQ silently ignores ALTER/DEFINE/DELETE carrying responseParameters but reports success.
            return 200, envelope(cmd, [])
        if cmd.mutating and role == "MQWebUser" and config["webuser_mutations"] == "2035":
            return 200, envelope(cmd, [failure(MqscError(O.RC_NOT_AUTHORIZED))])  # runs under the user's own identity
        with model.changing(settle=cmd.mutating):
            try:
                elements = qm.execute(cmd)
            except MqscError as err:
                if err.reason == O.RC_PARM_ID_ERROR and config["invalid_attribute_mode"] == "http400":
                    return err_bad_request(f"'{err.name}' is not a valid attribute for this command.")
                elements = [failure(err)]
        return 200, envelope(cmd, elements)
