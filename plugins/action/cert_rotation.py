# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

"""mqrest.admin.cert_rotation: one queue manager's certificate rotation in one task (documentation:
plugins/modules/cert_rotation.py).

An action plugin, as qmgr_restart is (and it shares that action's option handling, its misspelt-variable warning and its
command runner): the label check (runmqakm) runs on the queue manager's host through ansible.builtin.command, with the
task's connection, become and environment; everything else runs here, in ansible-playbook's own Python, over REST: the
label through _ensure, the refresh through _refresh_ssl (what mq_refresh_security type ssl runs), the rules in
module_utils/_cert_rotation.
"""

from __future__ import annotations

from ansible_collections.mqrest.admin.plugins.action.qmgr_restart import ActionModule as QmgrRestartAction
from ansible_collections.mqrest.admin.plugins.action.qmgr_restart import OptionsRefused
from ansible_collections.mqrest.admin.plugins.module_utils._argspec import cert_rotation_spec
from ansible_collections.mqrest.admin.plugins.module_utils._cert_rotation import CertRotation, Options
from ansible_collections.mqrest.admin.plugins.module_utils._module import open_client
from ansible_collections.mqrest.admin.plugins.module_utils._refresh_ssl import refresh_ssl
from ansible_collections.mqrest.admin.plugins.plugin_utils._cert_rotation_report import progress_line

# The options that go to the rotation as they are (module_utils/_cert_rotation.Options).
ROTATION_OPTIONS = ("label", "channels", "key_repository", "label_check", "label_check_command", "partners_check", "wait_timeout",
                    "poll_interval", "connections_share", "health_timeout", "rollback")
# REFRESH SECURITY does not refresh a Native HA group's replication key repository: IBM says to restart each instance
# ([V] IBM 10.0 REFRESH SECURITY, "Native HA"; reference mq-security-topics-ha.md §6).
NATIVE_HA_NOTE = ("{0} is a Native HA queue manager: REFRESH SECURITY TYPE(SSL) does not refresh its replication key repository, "
                  "which its instances read only when they start; restart them, the active one last (the cert_rotation role does with "
                  "cert_rotation_restart_instances: true, through the qmgr_restart role)")


class ActionModule(QmgrRestartAction):
    TRANSFERS_FILES = False
    _supports_check_mode = True
    _supports_async = False

    def run(self, tmp=None, task_vars=None):
        result = super(QmgrRestartAction, self).run(tmp, task_vars)  # pylint: disable=bad-super-call  # ActionBase's, not qmgr_restart's
        task_vars = task_vars or {}
        try:
            params, method, warnings = self._options(cert_rotation_spec(), task_vars)
        except OptionsRefused as exc:
            return dict(result, failed=True, changed=False, msg=str(exc))

        def connect():
            return open_client(params, method, self._task.check_mode)

        def label_check(command):
            # It only reads the key repository, so it runs in check mode too.
            return self._run_command(command, task_vars, read_only=True)

        options = Options(params["qmgr"], check_mode=bool(self._task.check_mode), **{key: params[key] for key in ROTATION_OPTIONS})
        report = CertRotation(connect, label_check, refresh_ssl, options).run()
        report["host"] = task_vars.get("inventory_hostname")
        if report["native_ha"]:
            warnings.append(NATIVE_HA_NOTE.format(report["qmgr"]))
        result.update(report)
        result["msg"] = progress_line(report)
        if warnings:
            result["warnings"] = warnings
        if report["failure"]:
            result["failed"] = True
            result["msg"] = "{0}: {1}; rollback: {2}".format(report["qmgr"], report["failure"], report["rollback"])
        return result
