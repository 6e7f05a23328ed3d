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
