# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""python -m mqemu: the emulator in the foreground (prints "mqemu ready <base-url>" once it accepts connections)."""

import sys

from .server import main

if __name__ == "__main__":
    sys.exit(main())
