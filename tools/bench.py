"""Benchmarks of synchronous restarts against the emulator; prints a table and writes bench-results.json.

    python tools/bench.py [--channels 50] [--json bench-results.json]

The emulator runs in-process with channel stop 0.5 s and start 1.0 s, so restarting a channel
has a physical lower bound of 1.5 s. Numbers are wall-clock seconds and REST requests counted
by the emulator. Nothing here asserts; it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "emulator"))
LINK = os.path.join(ROOT, ".tmp", "dev")
os.makedirs(os.path.join(LINK, "ansible_collections", "mqrest"), exist_ok=True)
if not os.path.exists(os.path.join(LINK, "ansible_collections", "mqrest", "admin")):
    os.symlink(ROOT, os.path.join(LINK, "ansible_collections", "mqrest", "admin"))
sys.path.insert(0, LINK)

from mqemu import EmulatorServer  # noqa: E402  pylint: disable=wrong-import-position

from ansible_collections.mqrest.admin.plugins.module_utils._client import MQClient  # noqa: E402
from ansible_collections.mqrest.admin.plugins.module_utils._ensure import ensure_present  # noqa: E402
from ansible_collections.mqrest.admin.plugins.module_utils._mqsc import MQSCCommand  # noqa: E402
from ansible_collections.mqrest.admin.plugins.module_utils._objects import CHANNEL  # noqa: E402
from ansible_collections.mqrest.admin.plugins.module_utils._sync import ObjectRuntime, operate  # noqa: E402
from ansible_collections.mqrest.admin.plugins.module_utils._transport import RestTransport  # noqa: E402

STOP_SECONDS = 0.5
START_SECONDS = 1.0
PHYSICAL = STOP_SECONDS + START_SECONDS


def client_for(server):
    return MQClient(RestTransport(server.base_url, "QM1", username="admin", password="passw0rd", auth_method="basic"))


def prepare(server, count):
    client = client_for(server)
    names = ["BENCH.{0:03d}".format(i) for i in range(count)]
    for name in names:
        ensure_present(client, CHANNEL, name, {"CHLTYPE": "SDR", "CONNAME": "partner(1414)", "XMITQ": "XQ"})
    operate(ObjectRuntime(client, CHANNEL), [(n, "SDR") for n in names], "start")
    server.model.set_timing(channel_stop=STOP_SECONDS, channel_start=START_SECONDS)
    server.model.clear_requests()
    return names


def ours(server, names, parallel=True):
    client = client_for(server)
    runtime = ObjectRuntime(client, CHANNEL, wait_timeout=60, poll_interval=1.0)
    started = time.monotonic()
    operate(runtime, [(n, "SDR") for n in names], "restart", parallel=parallel)
    return time.monotonic() - started


def peer_strategy(server, names, interval=1.0):
    """One object at a time; each phase sleeps a full interval before every status poll (pymqrest §5.2)."""
    transport = client_for(server).transport
    started = time.monotonic()
    for name in names:
        for verb, target in (("STOP", ("STOPPED",)), ("START", ("RUNNING",))):
            transport.run_mqsc(MQSCCommand(verb, "CHANNEL", name))
            while True:
                time.sleep(interval)
                rows = transport.run_mqsc(MQSCCommand("DISPLAY", "CHSTATUS", name, response_parameters=["all"]))
                if any(row.get("status") in target for row in rows):
                    break
    return time.monotonic() - started


def scenario(label, count, run, **kwargs):
    with EmulatorServer(qmgrs=["QM1"], timing="zero") as server:
        names = prepare(server, count)
        seconds = run(server, names, **kwargs)
        requests = server.model.requests()
    return {"scenario": label, "objects": count, "seconds": round(seconds, 3), "physical_seconds": PHYSICAL,
            "ratio_to_physical": round(seconds / PHYSICAL, 2), "rest_requests": requests.get("mqsc", requests.get("total"))}


def main():
    parser = argparse.ArgumentParser(description="mqrest.admin restart benchmarks")
    parser.add_argument("--channels", type=int, default=50)
    parser.add_argument("--json", default=os.path.join(ROOT, "bench-results.json"))
    args = parser.parse_args()
    rows = [
        scenario("restart 1 channel (mq_restart core)", 1, ours),
        scenario("restart {0} channels, parallel".format(args.channels), args.channels, ours),
        scenario("restart {0} channels, one at a time".format(args.channels), args.channels, ours, parallel=False),
        scenario("restart {0} channels, peer strategy (sleep 1 s before each poll)".format(args.channels), args.channels, peer_strategy),
    ]
    ours_parallel, peer = rows[1], rows[3]
    header = "{0:<62} {1:>7} {2:>9} {3:>10} {4:>9}".format("scenario", "objects", "seconds", "x physical", "requests")
    print(header)
    print("-" * len(header))
    for row in rows:
        print("{scenario:<62} {objects:>7} {seconds:>9.3f} {ratio_to_physical:>10.2f} {rest_requests:>9}".format(**row))
    print("\npeer strategy / parallel restart: {0:.1f}x slower, {1:.1f}x the requests".format(
        peer["seconds"] / ours_parallel["seconds"], peer["rest_requests"] / ours_parallel["rest_requests"]))
    result = {"machine": {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count()},
              "channel_stop_seconds": STOP_SECONDS, "channel_start_seconds": START_SECONDS, "results": rows}
    with open(args.json, "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=2)
    print("written to {0}".format(args.json))


if __name__ == "__main__":
    main()
