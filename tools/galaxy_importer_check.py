# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Import the collection tarball as Galaxy would and fail on anything galaxy-importer reports (make build-check).

    python tools/galaxy_importer_check.py TARBALL

galaxy-importer runs offline with tools/galaxy-importer.cfg (ansible-doc, the changelog check; no
ansible-test container, and no ansible-lint: make build-check lints the same extracted tarball with the
production profile and nothing skipped, see the config file). Any WARNING, ERROR or CRITICAL line in its
log fails, as does a licence other than the SPDX identifier galaxy.yml declares. It works in a temporary
directory outside this checkout. ansible-doc is run from PATH, so run this with the virtualenv's bin
directory on PATH.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CONFIG = os.path.join(ROOT, "tools", "galaxy-importer.cfg")
LICENSE = ["GPL-3.0-or-later"]
BAD = ("WARNING", "ERROR", "CRITICAL")


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    tarball = os.path.abspath(sys.argv[1])
    with tempfile.TemporaryDirectory(prefix="mqrest-galaxy-importer-") as work:
        env = dict(os.environ, GALAXY_IMPORTER_CONFIG=CONFIG, GALAXY_IMPORTER_TMP_ROOT_DIR=work,
                   GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP=os.path.join(work, "ansible-tmp"))
        proc = subprocess.run([sys.executable, "-m", "galaxy_importer.main", tarball], cwd=work, env=env,
                              capture_output=True, text=True, check=False)
        log = (proc.stdout + proc.stderr).splitlines()
        problems = [line for line in log if line.lstrip().startswith(BAD) or "Traceback" in line]
        result_file = os.path.join(work, "importer_result.json")
        if proc.returncode != 0 or not os.path.exists(result_file):
            problems.append(f"galaxy-importer exited with {proc.returncode} and no result")
        else:
            with open(result_file, encoding="utf-8") as f:
                result = json.load(f)
            license_ = result["metadata"].get("license")
            if license_ != LICENSE:
                problems.append(f"galaxy-importer reports the licence {license_!r}, not {LICENSE!r}")
    if problems:
        print("\n".join(log), file=sys.stderr)
        print("galaxy_importer_check: galaxy-importer reported:", *problems, sep="\n  ", file=sys.stderr)
        return 1
    print(f"galaxy_importer_check: {os.path.basename(tarball)} imports with no warning; licence {LICENSE[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
