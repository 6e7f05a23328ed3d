# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Stand-in for the pip bootstrap script ansible-test downloads from a host this network cannot reach.

ansible-test runs it inside a fresh virtual environment with pip's options and the wanted packages
(for example ``pip==24.2``) as arguments. The standard library's ensurepip provides pip offline;
the requested version then comes from PyPI like every other package.
"""

import subprocess
import sys

subprocess.check_call([sys.executable, "-m", "ensurepip", "--default-pip"], stdout=subprocess.DEVNULL)
packages = [arg for arg in sys.argv[1:] if not arg.startswith("-")]
if packages:
    subprocess.check_call([sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q"] + packages)
