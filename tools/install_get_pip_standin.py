# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Put tools/get_pip_standin.py where the installed ansible-test looks for its pip bootstrap script.

    .venv/bin/python tools/install_get_pip_standin.py [STAMP]

ansible-test caches the script as ~/.ansible/test/cache/get_pip_<pip version>.py, and the pip version
changes with ansible-core (24.2 in 2.19, 25.2 in 2.20). Both the file name pattern and the versions are
read from the ansible-test source of the Python running this script (its virtualenv's ansible-core), and
the stand-in is installed under every name found, so no release's name is hard-coded here. STAMP, if
given, is touched afterwards (the Makefile's target). Fails if the source no longer looks as expected,
rather than leaving ansible-test to fail on a download this network cannot make.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys

STANDIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "get_pip_standin.py")


def ansible_test_file(*parts: str) -> str:
    spec = importlib.util.find_spec("ansible_test")
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"install_get_pip_standin: ansible_test is not installed for {sys.executable}")
    path = os.path.join(list(spec.submodule_search_locations)[0], *parts)
    with open(path, encoding="utf-8") as f:
        return f.read()


def cache_names() -> list[str]:
    setup = ansible_test_file("_util", "target", "setup", "requirements.py")
    # cache_path = os.path.expanduser('~/.ansible/test/cache/get_pip_%s.py' % pip_version.replace(".", "_"))
    pattern = re.search(r"""['"]~/\.ansible/test/cache/([\w.-]*%s[\w.-]*)['"]\s*%\s*pip_version"""
                        r"""\.replace\(\s*['"]\.['"]\s*,\s*['"]_['"]\s*\)""", setup)
    if not pattern:
        sys.exit("install_get_pip_standin: ansible-test no longer caches its pip bootstrap script as"
                 " ~/.ansible/test/cache/get_pip_<version>.py; tools/install_get_pip_standin.py needs an update")
    requirements = ansible_test_file("_internal", "python_requirements.py")
    body = requirements[requirements.index("def get_venv_packages"):]
    body = body[:body.index("\ndef ", 1)]
    versions = set(re.findall(r"""\bpip\s*=\s*['"]([0-9][0-9A-Za-z.]*)['"]""", body))
    versions |= set(re.findall(r"""['"]pip['"]\s*:\s*['"]([0-9][0-9A-Za-z.]*)['"]""", body))
    if not versions:
        sys.exit("install_get_pip_standin: found no pip version in ansible-test's get_venv_packages();"
                 " tools/install_get_pip_standin.py needs an update")
    return sorted(pattern.group(1) % v.replace(".", "_") for v in versions)


def main() -> int:
    cache = os.path.expanduser("~/.ansible/test/cache")
    os.makedirs(cache, exist_ok=True)
    names = cache_names()
    for name in names:
        # Copied under a name of its own, then renamed: an ansible-test of another checkout or of make test's other
        # steps may read the file at this moment, and must see the whole stand-in, never half of it.
        partial = os.path.join(cache, f".{name}.{os.getpid()}")
        shutil.copyfile(STANDIN, partial)
        os.replace(partial, os.path.join(cache, name))
    print(f"install_get_pip_standin: {', '.join(names)} in {cache}")
    if len(sys.argv) > 1:
        with open(sys.argv[1], "a", encoding="utf-8"):
            os.utime(sys.argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
