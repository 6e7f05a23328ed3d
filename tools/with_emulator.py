# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a command against a queue manager: the embedded emulator, or a real one named by MQ_REST_URL.

    python tools/with_emulator.py [--qmgrs QM1,QM2@qm2host] [--partner HOST] [--xmitq NAME] [--timing fast]
                                  [--principal NAME:PASSWORD:GROUP ...] [--config FILE] -- COMMAND...

Without MQ_REST_URL in the environment it starts the emulator (python -m mqemu) on a free port and stops it
afterwards. A sender channel runs in the emulator only with a partner (its channel network): --partner HOST adds a
queue manager PARTNER on HOST listening on 1414 that defines a receiver for any sender (CHAD), and --xmitq NAME
defines that transmission queue on the other queue managers; QM@HOST puts a queue manager on its own host;
--principal adds a user of the emulated hosts (python -m mqemu --principal), whom authority records may name.
Either way the command gets MQ_REST_URL, MQ_QMGR, MQ_REST_USERNAME and MQ_REST_PASSWORD (and MQEMU_CONTROL_URL
for the emulator), and --config writes the same facts as Ansible variables for ansible-test's integration_config.yml.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request


def start_emulator(qmgrs, timing, principals=()):
    process = subprocess.Popen(
        [sys.executable, "-m", "mqemu", "--port", "0", "--timing", timing] + [a for q in qmgrs for a in ("--qmgr", q)]
        + [a for p in principals for a in ("--principal", p)],
        stdout=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("mqemu ready "):
        process.kill()
        raise SystemExit("emulator did not start: {0!r}".format(line))
    base_url = line.split()[2]
    parts = urllib.parse.urlsplit(base_url)
    return process, base_url, "{0}://{1}/mqemu/v1".format(parts.scheme, parts.netloc)


def mqsc(base_url, qmgr, command):
    """One runmqsc command through the emulator's REST API, as the admin user; fails loudly."""
    request = urllib.request.Request(
        "{0}/admin/action/qmgr/{1}/mqsc".format(base_url, qmgr), method="POST",
        data=json.dumps({"type": "runCommand", "parameters": {"command": command}}).encode(),
        headers={"Content-Type": "application/json", "ibm-mq-rest-csrf-token": "",
                 "Authorization": "Basic " + base64.b64encode(b"admin:passw0rd").decode()})
    with urllib.request.urlopen(request, timeout=10) as response:  # nosec: the emulator on loopback
        reply = json.load(response)
    if reply["overallCompletionCode"] != 0:
        raise SystemExit("emulator setup failed: {0} on {1}: {2}".format(command, qmgr, reply))


def prepare_network(base_url, qmgrs, partner, xmitqs):
    if partner:
        for command in ("ALTER QMGR CHAD(ENABLED)", "DEFINE LISTENER(PARTNER.TCP) TRPTYPE(TCP) PORT(1414) CONTROL(QMGR)",
                        "START LISTENER(PARTNER.TCP)"):
            mqsc(base_url, "PARTNER", command)
    for qmgr in qmgrs:
        for xmitq in xmitqs:
            mqsc(base_url, qmgr, "DEFINE QLOCAL({0}) USAGE(XMITQ)".format(xmitq))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmgrs", default="QM1", help="NAME or NAME@HOST, comma-separated")
    parser.add_argument("--partner", help="host of a PARTNER queue manager that accepts any sender (emulator only)")
    parser.add_argument("--xmitq", action="append", default=[], help="a transmission queue to define on each queue manager")
    parser.add_argument("--timing", default="fast")
    parser.add_argument("--principal", action="append", default=[], help="NAME[:PASSWORD[:GROUP,...]], a user of the emulated hosts")
    parser.add_argument("--config")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    specs = args.qmgrs.split(",") + (["PARTNER@" + args.partner] if args.partner else [])
    qmgrs = [spec.partition("@")[0] for spec in args.qmgrs.split(",")]

    env = dict(os.environ)
    process = None
    if env.get("MQ_REST_URL"):
        print("using the queue manager at {0} (MQ_REST_URL); fault-injection tests are skipped".format(env["MQ_REST_URL"]), flush=True)
    else:
        process, base_url, control = start_emulator(specs, args.timing, args.principal)
        try:
            prepare_network(base_url, qmgrs, args.partner, args.xmitq)
        except BaseException:
            process.terminate()
            raise
        env.update(MQ_REST_URL=base_url, MQ_QMGR=qmgrs[0], MQ_REST_USERNAME="admin", MQ_REST_PASSWORD="passw0rd",
                   MQEMU_CONTROL_URL=control, MQEMU_QMGRS=",".join(qmgrs))
        print("emulator ready at {0} with {1}".format(base_url, ", ".join(qmgrs)), flush=True)
    if args.config:
        facts = {
            "mq_rest_url": env["MQ_REST_URL"],
            "mq_qmgr": env.get("MQ_QMGR", qmgrs[0]),
            "mq_username": env.get("MQ_REST_USERNAME", ""),
            "mq_password": env.get("MQ_REST_PASSWORD", ""),
            "mq_ca_path": env.get("MQ_REST_CA_PATH", ""),
            "mq_validate_certs": env.get("MQ_REST_VALIDATE_CERTS", "true").lower() in ("1", "true", "yes"),
            "mq_emulator_control": env.get("MQEMU_CONTROL_URL", ""),
            "ansible_python_interpreter": sys.executable,
        }
        with open(args.config, "w", encoding="utf-8") as handle:
            json.dump(facts, handle, indent=2)  # JSON is YAML
    try:
        return subprocess.call(command, env=env)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
