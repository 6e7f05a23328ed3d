# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""What the acceptance tests share besides fixtures: the target kind, the emulator marks, observations, polling.

A module of its own rather than conftest.py, which tests cannot import safely (tests/emulator has one too).
"""

from __future__ import annotations

import os
import time

import pytest

REAL = bool(os.environ.get("MQ_REST_URL"))
# Checks that need the emulator's control API: they run on every default run and are skipped only against real MQ.
emulator_only = pytest.mark.skipif(REAL, reason="emulator only: needs the control API, and MQ_REST_URL is set")


def emulator_gap(reason):
    """A documented behaviour the emulator does not have yet: a strict xfail on the emulator (so the fix shows as
    an XPASS to remove), a plain test against real MQ."""
    return pytest.mark.xfail(not REAL, strict=True, reason="emulator: " + reason)


OBSERVED = []


def observe(text):
    """Record which of several documented answers the target gave; printed at the end of the run."""
    if text not in OBSERVED:
        OBSERVED.append(text)


def wait_for(read, done, timeout=30.0, interval=0.1):
    """Poll `read()` until `done(value)`; returns the last value (the caller asserts on it, never on time)."""
    deadline = time.monotonic() + timeout
    value = read()
    while not done(value) and time.monotonic() < deadline:
        time.sleep(interval)
        value = read()
    return value
