# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Serve the MQ REST emulator in the foreground for trying the collection by hand (`make emulator`).

    python tools/serve_emulator.py [--port 9443] [--qmgrs QM1,QM2,QM3] [--dir .tmp/emulator] [--collections-path DIR]

Serves HTTPS on localhost (the README's Quick start URL, https://localhost:9443/ibmmq/rest/v2) with users admin,
reader and app, each queue manager on its own emulated host (QM1 on qm1, ...). Once it listens it writes into
--dir/<port>/ the test CA, an inventory for the Quick start play and the qmgr_restart playbook (group qmgrs, one host per
queue manager) and an env file (the connection, and what the endmqm/strmqm/dspmq shims need), points --dir/env and
--dir/inventory.yml at them, prints how to use them, and runs until Ctrl-C. A start that cannot listen writes nothing.
The inventory runs the modules with this script's Python, which must have `requests` (ansible_python_interpreter).
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import sys
import tempfile
import threading

from mqemu import EmulatorServer

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

PASSWORD = "passw0rd"
# admin administers, reader reads, app puts and gets test messages (the messaging REST API wants MQWebUser only).
USERS = {"admin": (PASSWORD, "MQWebAdmin"), "reader": (PASSWORD, "MQWebAdminRO"), "app": (PASSWORD, "MQWebUser")}
# The same admin and app as users of the queue managers' hosts, as in IBM's developer image: the queue manager's OAM checks
# the messaging REST API's puts as the mqweb user, so app also needs MQ authority (APP_AUTHORITY, granted at start).
PRINCIPALS = {"admin": (PASSWORD, ["mqm"]), "app": (PASSWORD, ["mqclient"])}
APP_AUTHORITY = ("SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('app') AUTHADD(CONNECT,INQ)",
                 "SET AUTHREC PROFILE('**') OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(BROWSE,GET,INQ,PUT)")
# endmqm, strmqm, dspmq and runmqakm for this emulator (stdlib-only shims; MQEMU_CONTROL_URL and MQEMU_CA_PATH point them here).
SHIMS = os.path.join(ROOT, "tests", "emulator", "bin")
# What a user sources and passes with -i: links to the files of the emulator that last started.
POINTERS = ("env", "inventory.yml")


def inventory(qmgrs, port, state_dir):
    lines = [
        "# Written by tools/serve_emulator.py (make emulator) for the emulator on port {0}. The README's Quick start play and the".format(port),
        "# qmgr_restart and cert_rotation playbooks run against it (after `source .tmp/emulator/env`, which also puts its",
        "# endmqm/strmqm/runmqakm on PATH).",
        "qmgrs:",
        "  vars:",
        "    ansible_connection: local",
        "    ansible_python_interpreter: {0}".format(sys.executable),
        "    mq_host: localhost",
        "    mq_rest_port: {0}".format(port),
        "    mq_user: admin",
        "    mq_password: {0}".format(PASSWORD),
        "    mq_ca_path: {0}".format(os.path.join(state_dir, "ca.pem")),
        "    # The emulator's endmqm/strmqm/runmqakm run as you: there is no mqm user to become.",
        "    qmgr_restart_become: false",
        "    qmgr_restart_report_path: {0}".format(os.path.join(state_dir, "qmgr-restart-report.json")),
        "    cert_rotation_become: false",
        "    cert_rotation_report_path: {0}".format(os.path.join(state_dir, "cert-rotation-report.json")),
        "  # Each host name is the emulated host its queue manager runs on: a sender's CONNAME names it, {0}(1415) for a".format(partner(qmgrs).lower()),
        "  # listener on port 1415 of {0} (localhost is none of them).".format(partner(qmgrs)),
        "  hosts:",
    ]
    lines += ["    {0}: {{mq_qmgr: {1}}}".format(q.lower(), q) for q in qmgrs]
    return "\n".join(lines) + "\n"


def env_file(server, qmgrs, port, state_dir, collections_path):
    ca_path = os.path.join(state_dir, "ca.pem")
    env = {"MQ_REST_URL": local(server.base_url), "MQ_QMGR": qmgrs[0], "MQ_REST_USERNAME": "admin",
           "MQ_REST_PASSWORD": PASSWORD, "MQ_REST_CA_PATH": ca_path, "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
           "MQEMU_CONTROL_URL": server.control_url, "MQEMU_CA_PATH": ca_path}
    if collections_path:
        env["ANSIBLE_COLLECTIONS_PATH"] = os.path.abspath(collections_path)
    return "".join([
        "# Written by tools/serve_emulator.py (make emulator) for the emulator on port {0}: `source` it.\n".format(port),
        # ansible-playbook from the same virtualenv as this Python, which has requests; then the emulator's shims.
        "export PATH={0}:{1}:\"$PATH\"\n".format(shlex.quote(os.path.dirname(sys.executable)), shlex.quote(SHIMS)),
        "export " + " ".join("{0}={1}".format(k, shlex.quote(v)) for k, v in env.items()) + "\n"])


def partner(qmgrs):
    """The queue manager that CONNAME examples name: the second (a first sender's partner), QM2 by default."""
    return qmgrs[1] if len(qmgrs) > 1 else qmgrs[0]


def local(url):
    return url.replace("://127.0.0.1:", "://localhost:")


def publish(base, state_dir, tls_dir, files):
    """The emulator's TLS files and `files` ({name: text}) into state_dir, then base/env and base/inventory.yml point there."""
    shutil.rmtree(state_dir, ignore_errors=True)  # this process listens on its port: no emulator uses that directory
    shutil.copytree(tls_dir, state_dir)
    for name, text in files.items():
        with open(os.path.join(state_dir, name), "w", encoding="utf-8") as handle:
            handle.write(text)
    for name in POINTERS:
        link = os.path.join(base, name)
        temporary = "{0}.{1}".format(link, os.getpid())
        os.symlink(os.path.join(os.path.basename(state_dir), name), temporary)
        os.replace(temporary, link)  # atomic: a shell sourcing env meanwhile reads the old one or the new one


def refused(port, error, base):
    """A start that cannot listen wrote nothing: say which emulator the env file still points at, if any."""
    current = os.path.join(base, "env")
    still = ("{0} still points at the emulator on port {1}".format(os.path.relpath(current), os.path.dirname(os.readlink(current)))
             if os.path.islink(current) else "no file was written")
    return ("serve_emulator: cannot listen on 127.0.0.1:{0} ({1}): another emulator (make emulator) or program has it. "
            "Nothing changed: {2}. Choose another port: make emulator PORT=19443".format(port, error.strerror or error, still))


def banner(server, qmgrs, state_dir, base):
    rel = os.path.relpath
    hosts = "\n".join("  {0:<5} {1:<5} none yet".format(q.lower(), q) for q in qmgrs)
    return """MQ REST emulator at {url} ({qmgrs}; its files in {state})
  users        admin / {password} (MQWebAdmin), reader / {password} (MQWebAdminRO),
               app / {password} (MQWebUser: the messaging REST API, to put and get test messages; on the queue
               managers' hosts app may connect and browse, get, inquire and put on every queue: SET AUTHREC)
  TLS CA       {ca}
  control API  {control} (journal, faults, messages, queue managers: tests/emulator/README.md)

The emulated network: each queue manager runs on its own host (the REST API answers on localhost for all of them):
  HOST  QMGR  LISTENERS
{hosts}
A sender's CONNAME names a host and a listener's port there: {host}(1415) reaches {qmgr} once a listener runs on {qmgr} on
port 1415 (the Quick start's APP.LISTENER); localhost(1415) reaches none of them.

In another shell, first the environment (ansible-playbook, the connection, endmqm/strmqm/dspmq for this emulator):
  source {env}
then the README's Quick start play (saved as quickstart.yml), a queue-manager restart, or any play that reads MQ_REST_*:
  ansible-playbook -i {inventory} quickstart.yml
  ansible-playbook -i {inventory} mqrest.admin.qmgr_restart --limit {first}
  ansible-playbook -i demo/inventory.yml demo/provision.yml

Ctrl-C stops it; its state is in memory only.""".format(
        url=local(server.base_url), qmgrs=", ".join(qmgrs), state=rel(state_dir), password=PASSWORD,
        ca=rel(os.path.join(state_dir, "ca.pem")), control=server.control_url, hosts=hosts,
        host=partner(qmgrs).lower(), qmgr=partner(qmgrs), first=qmgrs[0].lower(),
        env=rel(os.path.join(base, "env")), inventory=rel(os.path.join(base, "inventory.yml")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=9443)
    parser.add_argument("--qmgrs", default="QM1,QM2,QM3")
    parser.add_argument("--dir", default=os.path.join(ROOT, ".tmp", "emulator"))
    parser.add_argument("--timing", default="fast")
    parser.add_argument("--collections-path", help="printed as ANSIBLE_COLLECTIONS_PATH (a checkout's collection link)")
    args = parser.parse_args()
    qmgrs = [q for q in args.qmgrs.split(",") if q]
    base = os.path.abspath(args.dir)
    # The emulator writes its TLS files before it binds: into a directory of its own, copied to base/<port>/ only once it
    # listens, so that a start on a busy port leaves the running emulator's CA, env and inventory alone.
    tls_dir = tempfile.mkdtemp(prefix="mqemu-serve-")
    try:
        try:
            # Each queue manager on its own host of the emulated network, so that each can listen on the same port.
            server = EmulatorServer(qmgrs=qmgrs, users=USERS, tls=True, timing=args.timing, host="127.0.0.1", port=args.port,
                                    state_dir=tls_dir, hosts={q: q.lower() for q in qmgrs}, principals=PRINCIPALS).start()
        except OSError as error:
            sys.exit(refused(args.port, error, base))
        try:
            for qmgr in qmgrs:
                for command in APP_AUTHORITY:
                    server.model.run_mqsc(qmgr, {"type": "runCommand", "parameters": {"command": command}})
            server.model.clear_journal()  # the journal starts with the user's own requests
            done = threading.Event()
            for sig in (signal.SIGTERM, signal.SIGINT):
                signal.signal(sig, lambda *args: done.set())
            state_dir = os.path.join(base, str(server.port))
            os.makedirs(base, exist_ok=True)
            publish(base, state_dir, tls_dir, {"inventory.yml": inventory(qmgrs, server.port, state_dir),
                                               "env": env_file(server, qmgrs, server.port, state_dir, args.collections_path)})
            print(banner(server, qmgrs, state_dir, base), flush=True)
            while not done.wait(0.5):
                pass
        finally:
            server.stop()
    finally:
        shutil.rmtree(tls_dir, ignore_errors=True)
    print("emulator stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
