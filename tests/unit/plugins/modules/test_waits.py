# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The wait options of the modules (the wait doc fragment): checked before any request."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("module,options", [
    ("mq_listener", {"name": "L1", "port": 1501}),
    ("mq_restart", {"type": "listener", "names": ["L1"]}),
    ("mq_objects", {"listeners": [{"name": "L1"}]}),
])
def test_outage_grace_is_an_option_checked_before_any_request(mq, run_module, module, options):
    result = run_module(module, outage_grace=0, **options)
    assert result["failed"] is True and "outage_grace=0.0 must be greater than 0 seconds" in result["msg"], result["msg"]
    assert mq.model.journal("QM1") == []
