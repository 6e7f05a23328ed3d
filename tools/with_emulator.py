# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Run a command against a queue manager: the embedded emulator, or a real one named by MQ_REST_URL.

    python tools/with_emulator.py [--qmgrs QM1,QM2] [--timing fast] [--config FILE] -- COMMAND...

Without MQ_REST_URL in the environment it starts tests/emulator/mqemu.py on a free port and stops it
afterwards. Either way the command gets MQ_REST_URL, MQ_QMGR, MQ_REST_USERNAME and MQ_REST_PASSWORD
(and MQEMU_CONTROL_URL for the emulator), and --config writes the same facts as Ansible variables
for ansible-test's integration_config.yml.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EMULATOR = os.path.join(ROOT, "tests", "emulator", "mqemu.py")


def start_emulator(qmgrs, timing):
    process = subprocess.Popen(
        [sys.executable, EMULATOR, "--port", "0", "--timing", timing] + [a for q in qmgrs for a in ("--qmgr", q)],
        stdout=subprocess.PIPE, text=True,
    )
    line = process.stdout.readline().strip()
    if not line.startswith("mqemu ready "):
        process.kill()
        raise SystemExit("emulator did not start: {0!r}".format(line))
    base_url = line.split()[2]
    parts = urllib.parse.urlsplit(base_url)
    return process, base_url, "{0}://{1}/mqemu/v1".format(parts.scheme, parts.netloc)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--qmgrs", default="QM1")
    parser.add_argument("--timing", default="fast")
    parser.add_argument("--config")
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    qmgrs = args.qmgrs.split(",")

    env = dict(os.environ)
    process = None
    if env.get("MQ_REST_URL"):
        print("using the queue manager at {0} (MQ_REST_URL); fault-injection tests are skipped".format(env["MQ_REST_URL"]), flush=True)
    else:
        process, base_url, control = start_emulator(qmgrs, args.timing)
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
