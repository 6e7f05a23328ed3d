# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shared machinery of tools/bench.py: the emulator as a child process, ansible-playbook runs, object sets.

The emulator runs as its own process in every scenario, so the code under measurement (a Python client loop,
a module, ansible-playbook) never shares an interpreter or its GIL with the server it talks to, and the
emulator's own memory and CPU can be read from /proc.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time

import requests

from with_emulator import prepare_network, start_emulator  # tools/ is on sys.path: bench.py runs from it

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEV = os.path.join(ROOT, ".tmp", "dev")
WORK = os.path.join(ROOT, ".tmp", "bench")
PLAYBOOKS = os.path.join(ROOT, "tools", "bench")
BIN = os.path.dirname(sys.executable)
USERNAME, PASSWORD = "admin", "passw0rd"
# LTPA, as the issue asks for one login per task: every module run logs in, works, and logs out (DELETE /login).
AUTH_METHOD = "ltpa"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def ensure_dev_link():
    """ANSIBLE_COLLECTIONS_PATH=.tmp/dev finds this checkout as mqrest.admin (same link as the Makefile's)."""
    link = os.path.join(DEV, "ansible_collections", "mqrest", "admin")
    os.makedirs(os.path.dirname(link), exist_ok=True)
    if not os.path.exists(link):
        os.symlink(ROOT, link)
    if DEV not in sys.path:
        sys.path.insert(0, DEV)
    os.makedirs(WORK, exist_ok=True)


class Emulator:
    """The emulator (python -m mqemu) as a child process, driven through its control API."""

    def __init__(self, qmgrs, timing="zero", partner=None, xmitqs=()):
        """qmgrs: NAME or NAME@HOST; partner, xmitqs: the channel network its senders need (with_emulator.prepare_network)."""
        self.specs = list(qmgrs) + (["PARTNER@" + partner] if partner else [])
        self.qmgrs = [q.partition("@")[0] for q in qmgrs]
        self.partner, self.xmitqs = partner, list(xmitqs)
        self.timing = timing
        self.process = None
        self.base_url = self.control_url = None
        self.http = requests.Session()

    def __enter__(self):
        self.process, self.base_url, self.control_url = start_emulator(self.specs, self.timing)
        prepare_network(self.base_url, self.qmgrs, self.partner, self.xmitqs)
        return self

    def __exit__(self, *exc):
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None
        self.http.close()

    @property
    def pid(self):
        return self.process.pid

    def control(self, method, path, body=None):
        response = self.http.request(method, self.control_url + path, json=body, timeout=30)
        response.raise_for_status()
        return response.json() if response.content else None

    def reset(self):
        """Objects, status, faults, timing, journal and request counts back to the start state."""
        self.control("POST", "/reset")
        self.control("POST", "/timing", {"profile": self.timing})
        prepare_network(self.base_url, self.qmgrs, self.partner, self.xmitqs)

    def set_latency(self, seconds):
        """Delay every REST request (login included) by ``seconds``; 0 removes the delay."""
        self.control("DELETE", "/faults")
        if seconds:
            self.control("POST", "/faults", {"kind": "latency", "seconds": seconds, "scope": "all"})

    def set_timing(self, **seconds):
        self.control("POST", "/timing", seconds)

    def clear_requests(self):
        self.control("DELETE", "/requests")

    def requests(self):
        return self.control("GET", "/requests")

    def proc(self):
        return proc_stats(self.pid)


def proc_stats(pid):
    """Peak and current resident memory (MiB) and CPU seconds (user + system) of a running process."""
    with open("/proc/{0}/status".format(pid), encoding="ascii") as handle:
        status = dict(line.split(":", 1) for line in handle if ":" in line)
    with open("/proc/{0}/stat".format(pid), encoding="ascii") as handle:
        # Fields after the command name (which may contain spaces) start at field 3 (state).
        fields = handle.read().rsplit(")", 1)[1].split()
    utime, stime = int(fields[11]), int(fields[12])
    return {"vmhwm_mib": round(int(status["VmHWM"].split()[0]) / 1024.0, 1),
            "vmrss_mib": round(int(status["VmRSS"].split()[0]) / 1024.0, 1),
            "cpu_seconds": round((utime + stime) / float(CLOCK_TICKS), 2)}


def client_for(emulator, qmgr="QM1", auth_method="basic"):
    # pylint: disable=import-outside-toplevel  # importable only once ensure_dev_link() has run
    from ansible_collections.mqrest.admin.plugins.module_utils._client import MQClient
    from ansible_collections.mqrest.admin.plugins.module_utils._transport import RestTransport
    return MQClient(RestTransport(emulator.base_url, qmgr, username=USERNAME, password=PASSWORD, auth_method=auth_method))


def connection(emulator, qmgr="QM1"):
    """The connection options of every module call."""
    return {"rest_url": emulator.base_url, "qmgr": qmgr, "username": USERNAME, "password": PASSWORD, "auth_method": AUTH_METHOD}


def object_set(total, prefix="BENCH"):
    """``total`` objects, a third each of listeners, sender channels and server services, as module options
    (the same entries for every method measured)."""
    per_type = total // 3
    listener_count = total - 2 * per_type
    return {
        "listeners": [{"name": "{0}.L.{1:04d}".format(prefix, i), "transport_type": "tcp", "port": 20000 + i, "control": "manual",
                       "description": "bench listener {0}".format(i), "state": "present"} for i in range(listener_count)],
        "channels": [{"name": "{0}.C.{1:04d}".format(prefix, i), "type": "sdr", "conname": "partner{0}.example.com(1414)".format(i),
                      "xmitq": "PARTNER.XMITQ", "description": "bench channel {0}".format(i), "state": "present"} for i in range(per_type)],
        "services": [{"name": "{0}.S.{1:04d}".format(prefix, i), "service_type": "server", "control": "manual",
                      "start_command": "/opt/mqm/bin/benchsvc", "start_args": "-n {0}".format(i), "stop_command": "/bin/true",
                      "description": "bench service {0}".format(i), "state": "present"} for i in range(per_type)],
    }


def define_all(client, objects):
    """Converge every object of ``objects`` with the single-object core (ensure_present), one DISPLAY each."""
    # pylint: disable=import-outside-toplevel
    from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present
    from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY
    changed = 0
    for key, entries in objects.items():
        spec = REGISTRY[key[:-1]]
        for entry in entries:
            subtype = entry.get(spec.type_attr.option).upper() if spec.type_attr is not None and entry.get(spec.type_attr.option) else None
            changed += ensure_present(client, spec, entry["name"], spec.desired_from_params(entry, subtype)).changed
    return changed


def progress(result):
    """One line per finished measurement, on stderr: a full run takes a while."""
    seconds = "-" if result.get("seconds") is None else "{0:.2f} s".format(result["seconds"])
    print("  {0:<4} {1} at {2:.0f} ms: {3}".format(result["scenario"], result["label"], result["latency_ms"], seconds), file=sys.stderr, flush=True)
    return result


def write_json(name, data):
    path = os.path.join(WORK, name)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=1)
    return path


def ansible_env(collections_path=DEV, **extra):
    env = dict(os.environ, PATH=BIN + os.pathsep + os.environ.get("PATH", ""), ANSIBLE_COLLECTIONS_PATH=collections_path,
               ANSIBLE_PYTHON_INTERPRETER=sys.executable, ANSIBLE_LOCALHOST_WARNING="false", ANSIBLE_INVENTORY_UNPARSED_WARNING="false",
               ANSIBLE_NOCOLOR="true", ANSIBLE_RETRY_FILES_ENABLED="false",
               # Runs as users have them: .venv's AnsiballZ caches (tools/ansiballz_cache) off.
               MQREST_ANSIBALLZ_CACHE="off")
    env.pop("ANSIBLE_CONFIG", None)
    env.update(extra)
    return env


def run_playbook(args, env=None, label="ansible-playbook"):
    """Run ansible-playbook ARGS. Returns the wall seconds of the whole command and its recap totals plus ``cpu_seconds``:
    user + system time of ansible-playbook and everything it waited for (its workers and the modules they ran)."""
    log = os.path.join(WORK, re.sub(r"[^A-Za-z0-9]+", "-", label).strip("-") + ".log")
    with open(log, "w+", encoding="utf-8") as output:
        started = time.monotonic()
        process = subprocess.Popen(  # pylint: disable=consider-using-with  # reaped by wait4 below, for its rusage
            [os.path.join(BIN, "ansible-playbook")] + list(args), env=env or ansible_env(), cwd=WORK, stdout=output, stderr=subprocess.STDOUT)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.monotonic() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read()
    if process.returncode != 0:
        raise RuntimeError("{0} failed (rc {1}), see {2}:\n{3}".format(label, process.returncode, log, text[-4000:]))
    recap = {key: sum(int(n) for n in re.findall(r"\b{0}=(\d+)".format(key), text)) for key in ("ok", "changed", "failed", "skipped")}
    recap["cpu_seconds"] = round(usage.ru_utime + usage.ru_stime, 2)
    return seconds, recap


def cpu_times():
    """Machine-wide CPU seconds from /proc/stat: busy (all processes, ours included), idle, and steal (taken by the hypervisor)."""
    with open("/proc/stat", encoding="ascii") as handle:
        ticks = [int(x) for x in handle.readline().split()[1:9]]
    user, nice, system, idle, iowait, irq, softirq, steal = ticks
    return {"busy": (user + nice + system + irq + softirq) / float(CLOCK_TICKS), "idle": (idle + iowait) / float(CLOCK_TICKS),
            "steal": steal / float(CLOCK_TICKS)}


def machine():
    import platform  # pylint: disable=import-outside-toplevel
    from importlib.metadata import version  # pylint: disable=import-outside-toplevel
    with open("/proc/cpuinfo", encoding="utf-8") as handle:
        models = [line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")]
    with open("/proc/meminfo", encoding="ascii") as handle:
        mem_kib = int(handle.readline().split()[1])
    return {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "cpu_model": models[0] if models else platform.processor(), "memory_gib": round(mem_kib / 1024.0 ** 2, 1),
            "ansible_core": version("ansible-core"), "requests": version("requests")}
