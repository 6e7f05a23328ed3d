# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The body shared by mq_listener, mq_channel and mq_service: validate, ensure, then start/stop."""

from __future__ import annotations

from ._ensure import ensure_absent, ensure_present
from ._errors import MQError, MQInputError
from ._module import OBJECT_ARGSPEC, WAIT_ARGSPEC, MQModule
from ._sync import ObjectRuntime

__all__ = ["object_argspec", "run_object_module", "check_object_input", "CHANNEL_SYNC_ARGSPEC", "OPTION_DEFAULTS"]

# Paired with the channel-only options documented in mq_channel and mq_restart.
CHANNEL_SYNC_ARGSPEC = dict(
    stop_mode=dict(type="str", choices=["quiesce", "force", "terminate"], default="quiesce"),
    stop_status=dict(type="str", choices=["stopped", "inactive"], default="stopped"),
    retrying_grace=dict(type="float", default=0.0),
)


# Option defaults of one object type, for mq_listener and for listener entries of mq_objects alike.
OPTION_DEFAULTS = {"listener": {"transport_type": "tcp"}}


def object_argspec(spec, extra=None):
    argspec = dict(OBJECT_ARGSPEC)
    argspec.update(WAIT_ARGSPEC)
    argspec.update(spec.option_argspec())
    for option, value in OPTION_DEFAULTS.get(spec.kind, {}).items():
        argspec[option] = dict(argspec[option], default=value)
    argspec.update(extra or {})
    return argspec


def subtype_of(spec, params):
    if spec.type_attr is None:
        return None
    value = params.get(spec.type_attr.option)
    return str(value).upper() if value else None


def check_object_input(spec, params):
    """The per-type rules beyond the attribute table, shared by the object modules and mq_objects."""
    state = params["state"]
    if spec.kind == "channel" and state != "absent" and not params.get("type"):
        raise MQInputError("type is required when state is {0}: MQ needs CHLTYPE to define a channel and to alter it".format(state))
    if state not in ("started", "stopped"):
        return
    if spec.kind == "channel" and subtype_of(spec, params) == "CLNTCONN":
        # IBM-STA-CHL: START/STOP CHANNEL work on every type but CLNTCONN; refuse before defining anything.
        raise MQInputError("state={0!r}: a clntconn channel cannot be started or stopped: it is a client-side definition; "
                           "its svrconn partner on the queue manager is what runs".format(state))
    if spec.kind == "channel" and subtype_of(spec, params) == "AMQP":
        # DISPLAY CHSTATUS shows AMQP channels only when asked with CHLTYPE(AMQP), so their state cannot be waited for
        # like the others'; refuse rather than wait for a status that never comes.
        raise MQInputError("state={0!r} is not supported for an amqp channel: its status is not part of DISPLAY CHSTATUS; "
                           "use state=present and manage the AMQP service (SYSTEM.AMQP.SERVICE) instead".format(state))
    if spec.kind == "service" and str(params.get("service_type") or "").lower() != "server":
        raise MQInputError(
            "state={0!r} needs service_type='server': MQ keeps no status for command services (DISPLAY SVSTATUS "
            "shows server services only), so their running state cannot be checked or waited for".format(state))


def run_object_module(spec, argspec, required_if=None):
    mq = MQModule(argspec, required_if=required_if or [])
    params = mq.params
    state = params["state"]
    partial = {"changed": False}
    try:
        spec.validate_name(params["name"])
        mq.validate_wait()
        check_object_input(spec, params)
        subtype = subtype_of(spec, params)
        desired = spec.desired_from_params(params, subtype) if state != "absent" else {}
        client = mq.client
        runtime = ObjectRuntime(
            client, spec, wait=params["wait"], wait_timeout=params["wait_timeout"], poll_interval=params["poll_interval"],
            stop_mode=params.get("stop_mode"), stop_status=params.get("stop_status"), retrying_grace=params.get("retrying_grace") or 0.0,
        )
        if state == "absent":
            result = ensure_absent(client, spec, params["name"], runtime=runtime, force=params["force"]).as_result()
        else:
            ensured = ensure_present(client, spec, params["name"], desired, runtime=runtime, recreate=params["recreate"])
            result = ensured.as_result()
            partial = dict(result)
            if state in ("started", "stopped"):
                if ensured.after is not None and spec.type_attr is not None:
                    subtype = str(ensured.after.get(spec.type_attr.keyword.lower(), subtype or "")).upper() or subtype
                if state == "started":
                    outcome = runtime.ensure_started(params["name"], subtype)
                else:
                    outcome = runtime.ensure_stopped(params["name"], subtype)
                if outcome is not None:
                    result["changed"] = True
                    if not client.check_mode:
                        result["sync_result"] = {k: v for k, v in outcome.as_dict().items() if k in ("operation", "polls", "elapsed_seconds")}
                result["commands"] = list(client.sent)
    except MQError as exc:
        if mq._client is not None and mq._client.applied:
            partial["changed"] = True
        mq.fail(exc, **partial)
    mq.exit(result)
