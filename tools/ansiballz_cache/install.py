# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Install the suites' caches of ansible-core's per-process work into the Python that runs this: a .pth file in its
site-packages that calls their install() at every start of that Python.

    <virtualenv>/bin/python tools/ansiballz_cache/install.py CACHE_DIR

- ansiballz_bytecode_cache: module runs keep the bytecode they compile from the payload zip (CACHE_DIR/bytecode);
- ansiballz_payload_cache: ansible-playbook runs keep what they put into payloads (CACHE_DIR/payload);
- ansible_yaml_cache: ansible-core's processes keep their parse of its settings and routing YAML (CACHE_DIR/yaml).

`make venv` installs them into .venv, tools/matrix.py into the matrix virtualenvs; the run-time virtualenv of
`make demo`, what users run, has none. MQREST_ANSIBALLZ_CACHE=off switches all off. Standard library only.
"""

import os
import py_compile
import sys
import sysconfig

HERE = os.path.dirname(os.path.abspath(__file__))
CACHES = ("ansiballz_bytecode_cache", "ansiballz_payload_cache", "ansible_yaml_cache")
PTH = "mqrest_ansiballz_caches.pth"
# What an earlier version installed (the bytecode cache alone): removed, so no Python installs a cache twice.
OLD_PTHS = ("mqrest_ansiballz_bytecode_cache.pth",)


def write_pth(cache_dir):
    cache_dir = os.path.abspath(cache_dir)
    for name in CACHES:
        # Every start of that Python imports these files: compiled now, they are not compiled again at each start (about
        # 5 ms) where PYTHONDONTWRITEBYTECODE keeps Python from writing the .pyc itself, as on the CI machine.
        py_compile.compile(os.path.join(HERE, name + ".py"), doraise=True)
    site_packages = sysconfig.get_path("purelib")
    for old in OLD_PTHS:
        if os.path.exists(os.path.join(site_packages, old)):
            os.remove(os.path.join(site_packages, old))
    pth = os.path.join(site_packages, PTH)
    # A .pth line that starts with "import" runs at start-up; the first line puts this directory on sys.path.
    lines = [HERE] + ["import {0}; {0}.install({1!r})".format(name, os.path.join(cache_dir, name.split("_")[1]))
                      for name in CACHES]
    with open(pth, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
    return pth


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: <virtualenv>/bin/python {0} CACHE_DIR".format(sys.argv[0]))
    print("installed", write_pth(sys.argv[1]))
