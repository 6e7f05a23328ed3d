# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

# PRIVATE: this file is internal to mqrest.admin and may change without notice.

"""The body shared by mq_listener, mq_channel and mq_service: validate, ensure, then start/stop."""

from __future__ import annotations

from ._argspec import object_spec
from ._ensure import ensure_absent, ensure_present
from ._errors import MQError
from ._module import MQModule
from ._runtime import ObjectRuntime
from ._waiter import WaitPolicy

__all__ = ["run_object_module", "wait_policy"]


def wait_policy(params, enabled=True):
    """The WaitPolicy the waiting options ask for."""
    return WaitPolicy(enabled=params.get("wait", enabled), timeout=params["wait_timeout"], poll_interval=params["poll_interval"],
                      retrying_grace=params.get("retrying_grace") or 0.0)


def run_object_module(spec):
    mq = MQModule(object_spec(spec))
    params = mq.params
    state = params["state"]
    result = {"changed": False}
    try:
        spec.validate_name(params["name"])
        spec.check_state(params)
        # Every value is checked before any request; what depends on the existing definition (its type, what creating
        # it would need) is checked after the one DISPLAY, before anything mutating.
        desired = spec.desired_from_params(params, spec.subtype(params), check_required=False) if state != "absent" else {}
        client = mq.client
        runtime = ObjectRuntime(client, spec, wait_policy(params), stop=params)
        if state == "absent":
            result = ensure_absent(client, spec, params["name"], runtime=runtime, force=params["force"]).as_result()
        else:
            row = client.display_one(spec.qualifier, params["name"])
            subtype, desired = spec.desired_for(params, row, params["recreate"])
            spec.check_run(state, subtype)
            ensured = ensure_present(client, spec, params["name"], desired, runtime=runtime, recreate=params["recreate"], row=row)
            result = ensured.as_result()
            if state in ("started", "stopped"):
                subtype = spec.row_subtype(ensured.after) or subtype
                if state == "started":
                    outcome = runtime.ensure_started(params["name"], subtype)
                else:
                    outcome = runtime.ensure_stopped(params["name"], subtype)
                if outcome is not None:
                    # A START or STOP that another writer had already done is reported, not counted as this task's change.
                    result["changed"] = result["changed"] or outcome.changed
                    if not client.check_mode:
                        result["sync_result"] = {k: v for k, v in outcome.as_dict().items()
                                                 if k in ("operation", "polls", "elapsed_seconds", "by_another_writer")}
                result["commands"] = list(client.sent)
    except MQError as exc:
        mq.fail(exc, **result)
    mq.exit(result)
