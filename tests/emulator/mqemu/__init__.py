# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mqemu: the project's IBM MQ administrative REST API emulator (standard library plus `cryptography` for --tls).

Run:    python -m mqemu --port 0 --qmgr QM1 [--tls] [--timing fast]   (prints "mqemu ready <base-url>")
Import: from mqemu import EmulatorServer   (installed by `pip install -e tests/emulator`, in requirements-dev.txt)
See tests/emulator/README.md for the REST surface, the control API and the fidelity table.
"""

from .server import EmulatorServer, main, parse_qmgrs, parse_users

__all__ = ["EmulatorServer", "main", "parse_qmgrs", "parse_users"]
