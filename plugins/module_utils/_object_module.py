# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The body shared by mq_listener, mq_channel and mq_service: validate, ensure, then start/stop."""

from __future__ import annotations

from ._ensure import ensure_absent, ensure_present
from ._errors import MQError
from ._module import OBJECT_ARGSPEC, WAIT_ARGSPEC, MQModule
from ._sync import ObjectRuntime

__all__ = ["object_argspec", "run_object_module", "CHANNEL_SYNC_ARGSPEC"]

# Paired with the channel-only options documented in mq_channel and mq_restart.
CHANNEL_SYNC_ARGSPEC = dict(
    stop_mode=dict(type="str", choices=["quiesce", "force", "terminate"], default="quiesce"),
    stop_status=dict(type="str", choices=["stopped", "inactive"], default="stopped"),
    retrying_grace=dict(type="float", default=0.0),
)


def object_argspec(spec, extra=None):
    argspec = dict(OBJECT_ARGSPEC)
    argspec.update(WAIT_ARGSPEC)
    argspec.update(spec.option_argspec())
    argspec.update(extra or {})
    return argspec


def _subtype(spec, params):
    if spec.type_attr is None:
        return None
    value = params.get(spec.type_attr.option)
    return value.upper() if value else None


def run_object_module(spec, argspec, required_if=None, check_input=None):
    mq = MQModule(argspec, required_if=required_if or [])
    params = mq.params
    state = params["state"]
    partial = {"changed": False}
    try:
        spec.validate_name(params["name"])
        mq.validate_wait()
        subtype = _subtype(spec, params)
        desired = spec.desired_from_params(params, subtype) if state != "absent" else {}
        if check_input:
            check_input(params, subtype)
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
