# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a module's main() in-process, as Ansible would, against the in-process emulator."""

from __future__ import annotations

import importlib
import json
import urllib.request

import pytest
from ansible.module_utils.common import warnings as ansible_warnings
from ansible.module_utils.testing import patch_module_args


@pytest.fixture
def run_module(mq, capsys):
    """run_module(name, **options) -> the module's result dict; connection options default to the emulator."""
    def run(module_name, /, **options):
        args = dict(rest_url=mq.base_url, qmgr="QM1", username="admin", password="passw0rd", retries=0, request_timeout=5)
        args.update(options)
        args = {k: v for k, v in args.items() if v is not None}
        module = importlib.import_module("ansible_collections.mqrest.admin.plugins.modules." + module_name)
        capsys.readouterr()
        # A module process starts with no warnings; in-process runs share Ansible's global list.
        ansible_warnings._global_warnings.clear()  # pylint: disable=protected-access
        with patch_module_args(args), pytest.raises(SystemExit):
            module.main()
        return json.loads(capsys.readouterr().out)
    return run


@pytest.fixture
def queue_control(mq):
    """queue_control(queue, action, **body): the emulator's control API for a queue of QM1: ``messages`` puts
    ``count`` messages (CURDEPTH), ``open`` sets the open handles (``ipprocs``, ``opprocs``)."""
    def control(name, action, **body):
        request = urllib.request.Request("{0}/qmgr/QM1/queue/{1}/{2}".format(mq.control_url, name, action),
                                         data=json.dumps(body).encode(), method="POST", headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=5) as answer:  # the in-process emulator, on loopback
            assert answer.status in (200, 201, 204)
    return control


@pytest.fixture
def operator(mq):
    """operator(text): another administrator runs MQSC (user ``operator``, apart from the module's ``admin`` in the journal)."""
    mq.model.users["operator"] = mq.model.users["admin"]

    def run(text):
        status, body = mq.model.run_mqsc("QM1", {"type": "runCommand", "parameters": {"command": text}}, user="operator")
        assert status == 200 and body["overallCompletionCode"] == 0, body
    yield run
    mq.model.users.pop("operator", None)
