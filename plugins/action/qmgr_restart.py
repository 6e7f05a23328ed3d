# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.qmgr_restart: one queue manager's restart in one task (documentation: plugins/modules/qmgr_restart.py).

An action plugin, as ansible.builtin.reboot is: the stop and start commands run on the queue manager's host through
ansible.builtin.command (the task's connection, become and environment, so delegate_to picks an instance's host), and
everything else runs here, in ansible-playbook's own Python, over REST: the same code mq_qmgr_wait and mq_restart run
(module_utils/_qmgr_restart). The connection options come as the modules take them: the task's arguments with the
group/mqrest.admin.mq module_defaults, then MQ_REST_* from the task's environment and the controller's.
"""

from __future__ import annotations

import os

from ansible.errors import AnsibleActionFail
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.plugins.action import ActionBase

from ansible_collections.mqrest.admin.plugins.module_utils._argspec import connection_spec, fold_choices, qmgr_restart_spec
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQError, MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._module import connection_method, open_client
from ansible_collections.mqrest.admin.plugins.module_utils._qmgr_restart import Options, QmgrRestart, restart_order
from ansible_collections.mqrest.admin.plugins.module_utils._transport import HAS_REQUESTS
from ansible_collections.mqrest.admin.plugins.plugin_utils._qmgr_restart_report import progress_line
from ansible_collections.mqrest.admin.plugins.plugin_utils._role_vars import misspelt, role_options


# The options that go to the restart as they are (module_utils/_qmgr_restart.Options).
RESTART_OPTIONS = ("stop_mode", "escalate_preemptive", "switchover", "stop_command", "start_command", "end_timeout", "start_timeout",
                   "poll_interval", "connections_share", "restore", "priority", "restore_timeout", "health_timeout", "log_limits")


def environment_fallbacks(argument_spec, args, environment):
    """``args`` with each option not given taken from its environment variable (env_fallback), looked up in
    ``environment`` (the controller's, under the task's ``environment``), as a module on the controller would see it."""
    filled = dict(args)
    for option, spec in argument_spec.items():
        fallback = spec.get("fallback")
        if filled.get(option) is None and fallback:
            names = next((a for a in fallback[1:] if isinstance(a, (list, tuple))), [])
            value = next((environment[name] for name in names if name in environment), None)
            if value is not None:
                filled[option] = value
    return filled


class OptionsRefused(Exception):
    """The task's options broke a rule; nothing was sent."""


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        result = super().run(tmp, task_vars)
        task_vars = task_vars or {}
        try:
            params, method, warnings = self._options(qmgr_restart_spec(), task_vars, mutually_exclusive=[("plan", "instance")])
        except OptionsRefused as exc:
            return dict(result, failed=True, changed=False, msg=str(exc))

        def connect():
            return open_client(params, method, self._task.check_mode)

        if params["plan"]:
            return self._plan(result, params, connect, task_vars, warnings)
        instance = params["instance"] or {}
        options = Options(params["qmgr"], group=instance.get("group"), role=instance.get("role"), instance=instance.get("name"),
                          check_mode=bool(self._task.check_mode), **{key: params[key] for key in RESTART_OPTIONS})
        report = QmgrRestart(connect, lambda command: self._run_command(command, task_vars), options).run()
        report["host"] = task_vars.get("inventory_hostname")
        result.update(report)
        result["changed"] = bool(report["stop_command"])
        result["msg"] = progress_line(report)
        if warnings or report["log_warnings"]:
            result["warnings"] = warnings + report["log_warnings"]
        if report["failure"]:
            result["failed"] = True
            result["msg"] = "{0}: {1}; rescue: {2}; state now: {3}".format(
                report["qmgr"], report["failure"], report["rescue"], report["state"])
        return result

    def _options(self, spec, task_vars, **validator_kwargs):
        """(params, auth method, warnings) of the task's options as a module on the controller reads them: the task's
        arguments (with the group/mqrest.admin.mq module_defaults Ansible merged in), then MQ_REST_* from the task's
        environment and the controller's; ``spec`` with the connection options, and its rules, before any request. The
        misspelt-variable warnings of ``check_role_vars`` (not for a group's instance: the plan task gave them). Raises
        OptionsRefused naming the option, the value and the rule. Shared with the cert_rotation action."""
        spec.merge(connection_spec())
        environment = {}
        self._compute_environment_string(environment)
        args = environment_fallbacks(spec.argument_spec, self._task.args, dict(os.environ, **environment))
        fold_choices(spec.argument_spec, args)
        validated = ArgumentSpecValidator(spec.argument_spec, **validator_kwargs).validate(args)
        if validated.error_messages:
            raise OptionsRefused("; ".join(validated.error_messages))
        params = validated.validated_parameters
        if not HAS_REQUESTS:
            raise OptionsRefused("{0} runs in ansible-playbook's own Python, which cannot import requests: install it there (python3 "
                                 "-m pip install requests, or requirements.txt into that environment)".format(self._task.action))
        warnings = []
        if params.get("check_role_vars") and not params.get("instance"):
            warnings.extend(self._misspelt(params["check_role_vars"], task_vars))
        try:
            spec.validate(params)
            return params, connection_method(params, warnings.append), warnings
        except MQInputError as exc:
            raise OptionsRefused(exc.msg)

    @staticmethod
    def _misspelt(role, task_vars):
        """mqrest.admin.check_role_vars' warnings, done here so that the role needs no task of its own for them."""
        options = role_options()
        if role not in options:
            raise AnsibleActionFail("check_role_vars={0!r} is not a role of this collection: it must be one of {1}".format(
                role, ", ".join(sorted(options))))
        return ["role {0}: variable {1} is not one it takes, so it is ignored; did you mean {2}?".format(role, name, nearest)
                for name, nearest in misspelt(list(task_vars), role, options)]

    def _plan(self, result, params, connect, task_vars, warnings):
        """Which instance is active, and the order: the others first, the active one last."""
        client = connect()

        def dspmq(command):
            return self._run_command(command, task_vars, read_only=True)

        try:
            plan = restart_order(client, params["instances"], params["qmgr"], dspmq)
        except MQError as exc:
            return dict(result, failed=True, changed=False, msg=exc.msg, warnings=warnings)
        finally:
            client.transport.close()
        for entry in plan["order"]:
            entry["group"] = plan["group"]
        return dict(result, changed=False, warnings=warnings, **plan)

    def _run_command(self, command, task_vars, read_only=False):
        """ansible.builtin.command on the task's host (or its delegate). ``read_only``: also in check mode (dspmq)."""
        check_mode = self._task.check_mode
        if read_only:
            self._task.check_mode = False
        try:
            return self._execute_module(module_name="ansible.builtin.command", module_args={"_raw_params": command},
                                        task_vars=task_vars)
        finally:
            self._task.check_mode = check_mode
