# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Serve the MQ REST emulator in the foreground for trying the collection by hand (`make emulator`).

    python tools/serve_emulator.py [--port 9443] [--qmgrs QM1,QM2,QM3] [--dir .tmp/emulator] [--collections-path DIR]

Serves HTTPS on localhost (the README's Quick start URL, https://localhost:9443/ibmmq/rest/v2), writes the test CA,
an inventory for the Quick start play (group qmgrs, one host per queue manager) and an env file into --dir, prints
how to use them, and runs until Ctrl-C. The inventory runs the modules with this script's Python, which must have
`requests` (ansible_python_interpreter).
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import sys
import threading

from mqemu import EmulatorServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

USER, PASSWORD = "admin", "passw0rd"


def inventory(qmgrs, ca_path):
    lines = [
        "# Written by tools/serve_emulator.py (make emulator) for the emulator it serves; the README's Quick start play",
        "# runs against it with: ansible-playbook -i {0} quickstart.yml".format("<this file>"),
        "qmgrs:",
        "  vars:",
        "    ansible_connection: local",
        "    ansible_python_interpreter: {0}".format(sys.executable),
        "    mq_host: localhost",
        "    mq_user: {0}".format(USER),
        "    mq_password: {0}".format(PASSWORD),
        "    mq_ca_path: {0}".format(ca_path),
        "  hosts:",
    ]
    lines += ["    {0}: {{mq_qmgr: {1}}}".format(q.lower(), q) for q in qmgrs]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9443)
    parser.add_argument("--qmgrs", default="QM1,QM2,QM3")
    parser.add_argument("--dir", default=os.path.join(ROOT, ".tmp", "emulator"))
    parser.add_argument("--timing", default="fast")
    parser.add_argument("--collections-path", help="printed as ANSIBLE_COLLECTIONS_PATH (a checkout's collection link)")
    args = parser.parse_args()
    qmgrs = [q for q in args.qmgrs.split(",") if q]
    directory = os.path.abspath(args.dir)
    os.makedirs(directory, exist_ok=True)
    try:
        # Each queue manager on its own host of the emulated network, so that each can listen on the same port.
        server = EmulatorServer(qmgrs=qmgrs, tls=True, timing=args.timing, host="127.0.0.1", port=args.port,
                                state_dir=directory, hosts={q: q.lower() for q in qmgrs}).start()
    except OSError as error:
        sys.exit("serve_emulator: cannot listen on 127.0.0.1:{0} ({1}); choose another port with PORT=... "
                 "(and use it in rest_url)".format(args.port, error))
    url = server.base_url.replace("://127.0.0.1:", "://localhost:")
    inventory_path = os.path.join(directory, "inventory.yml")
    with open(inventory_path, "w", encoding="utf-8") as handle:
        handle.write(inventory(qmgrs, server.ca_path))
    env = {"MQ_REST_URL": url, "MQ_QMGR": qmgrs[0], "MQ_REST_USERNAME": USER, "MQ_REST_PASSWORD": PASSWORD,
           "MQ_REST_CA_PATH": server.ca_path, "ANSIBLE_PYTHON_INTERPRETER": sys.executable}
    if args.collections_path:
        env["ANSIBLE_COLLECTIONS_PATH"] = os.path.abspath(args.collections_path)
    env_path = os.path.join(directory, "env")
    export = "export " + " ".join("{0}={1}".format(k, shlex.quote(v)) for k, v in env.items())
    with open(env_path, "w", encoding="utf-8") as handle:
        # ansible-playbook from the same virtualenv as this Python, which has requests.
        handle.write('export PATH={0}:"$PATH"\n{1}\n'.format(shlex.quote(os.path.dirname(sys.executable)), export))

    print("""MQ REST emulator at {url}
  queue managers  {qmgrs}
  users           {user} / {password} (MQWebAdmin), reader / {password} (MQWebAdminRO)
  TLS CA          {ca}
  control API     {control} (journal, faults: tests/emulator/README.md)

In another shell, the README's Quick start play (saved as quickstart.yml):
  ansible-playbook -i {inventory} quickstart.yml

or anything else, with the connection in the MQ_REST_* environment variables (demo/inventory.yml reads them):
  source {env_path}
  ansible-playbook -i demo/inventory.yml demo/provision.yml

Ctrl-C stops it; its state is in memory only.""".format(
        url=url, qmgrs=", ".join(qmgrs), user=USER, password=PASSWORD, ca=server.ca_path, control=server.control_url,
        inventory=os.path.relpath(inventory_path), env_path=os.path.relpath(env_path)), flush=True)
    done = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *args: done.set())
    while not done.wait(0.5):
        pass
    server.stop()
    print("emulator stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
