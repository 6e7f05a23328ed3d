# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A bytecode cache for the Python that `make test` runs modules with (the dev virtualenvs only).

Every module task runs a new Python process that imports ansible-core's module_utils and ours from the AnsiballZ
payload, a zip file. Python caches compiled bytecode for files on disk (__pycache__), but zipimport never does: each
module run compiled `ansible.module_utils.basic` and the rest again: a `ping` module process took 0.39 CPU seconds
without this and 0.23 with it, a ping task 0.47 and 0.30, and the suites run thousands of module tasks
(docs/docsite/rst/guide_testing.rst, "The step table").

This keeps the code objects zipimport compiles in a directory, keyed by the Python's bytecode magic number, the
optimization level, the file's path inside the zip and a SHA-256 of its source: what runs is what compile() makes of
that source, as with a .pyc. Each payload zip is written to a new temporary path, so a cached code object gets the
current path as its file name again (tracebacks name the file that ran). Writes are atomic (a temporary file renamed),
so concurrent module runs can share the directory; any error reading or writing the cache falls back to compiling.

install.py puts it into .venv (`make venv`) and the matrix virtualenvs (tools/matrix.py) with a .pth file, which
calls install() at every start of that Python; the run-time virtualenv of `make demo`, what users run, does not have
it. Standard library only.
"""

import os
import sys
import zipimport

_ZIP_SUFFIX = ".zip" + os.sep
# MQREST_ANSIBALLZ_CACHE=off in a process's environment leaves it, and the processes it starts, without this cache and
# the others (ansiballz_payload_cache, ansible_yaml_cache): `make bench` measures what users' runs cost (tools/bench_lib.py).
SWITCH = "MQREST_ANSIBALLZ_CACHE"


def install(cache_dir):
    """Make zipimport look compiled code up in cache_dir before compiling (idempotent)."""
    compile_source = getattr(zipimport, "_compile_source", None)
    if compile_source is None or getattr(compile_source, "cache_dir", None) or os.environ.get(SWITCH) == "off":
        return

    # zipimport asks for each module's code twice (its file name for the module spec, then the code to run it).
    compiled = {}

    def cached_compile_source(pathname, source):
        key = (pathname, source)
        if key not in compiled:
            compiled[key] = _load_or_compile(cache_dir, compile_source, pathname, source)
        return compiled[key]

    cached_compile_source.cache_dir = cache_dir
    zipimport._compile_source = cached_compile_source


def _load_or_compile(cache_dir, compile_source, pathname, source):
    import hashlib
    import marshal
    from importlib.util import MAGIC_NUMBER

    inner = pathname.rpartition(_ZIP_SUFFIX)[2]
    digest = hashlib.sha256(MAGIC_NUMBER + b"%d\0" % sys.flags.optimize + inner.encode("utf-8") + b"\0" + source)
    path = os.path.join(cache_dir, digest.hexdigest())
    try:
        with open(path, "rb") as cached:
            return _with_filename(marshal.loads(cached.read()), pathname)
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not cached yet, or unreadable: compile as zipimport would
    code = compile_source(pathname, source)
    try:
        os.makedirs(cache_dir, exist_ok=True)
        write_atomically(path, marshal.dumps(code))
    except OSError:
        pass
    return code


class PatchAfterImport:
    """A meta path finder that finds nothing itself: when the module `name` is imported, it lets the path finder load it
    and then calls patch(module) (ansiballz_payload_cache and ansible_yaml_cache wrap ansible-core functions so; ansible
    never sees it, and a process that never imports `name` pays nothing)."""

    def __init__(self, name, patch):
        self.name, self.patch = name, patch

    def install(self):
        """Put it first on sys.meta_path, unless the switch is off or one for the same module is there (idempotent)."""
        if os.environ.get(SWITCH) != "off" and not any(getattr(finder, "name", None) == self.name for finder in sys.meta_path):
            sys.meta_path.insert(0, self)

    def find_spec(self, fullname, path, target=None):
        if fullname != self.name:
            return None
        from importlib.machinery import PathFinder  # pylint: disable=import-outside-toplevel

        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            self.patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


def write_atomically(path, data):
    """Write data to path through a temporary file renamed over it: a process reading path meanwhile reads the whole
    old entry or the whole new one (ansiballz_payload_cache writes its entries this way too)."""
    partial = "{0}.{1}.tmp".format(path, os.getpid())
    with open(partial, "wb") as out:
        out.write(data)
    os.replace(partial, path)


def _with_filename(code, filename):
    """code, and the code objects nested in it (functions, classes, comprehensions), with co_filename filename."""
    consts = tuple(_with_filename(const, filename) if isinstance(const, type(code)) else const
                   for const in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
