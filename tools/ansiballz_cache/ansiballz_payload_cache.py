# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A cache of what goes into AnsiballZ payloads, for the ansible-core controller that `make test` runs (dev virtualenvs).

Before a module task runs, the controller builds the module's payload: ansible-core's recursive_finder parses the
module and every module_util it imports (ansible-core's own, basic.py and about 50 more, and ours) to find what goes
into the zip. ansible-core keeps what it built only for the life of one ansible-playbook process, and the suites start
hundreds of them: a one-task mq_queue play took 1.70 CPU seconds without this cache and 1.42 with it.

This keeps what recursive_finder wrote into the zip (each file's name and content) and the metadata it returned, across
processes, keyed by the module's name and source, the ansible-core that runs and the existing directories it looks for
module_utils and collections in. A kept payload is used only while it is still what recursive_finder would build:
- every file it holds that was read from disk has the same content there now, and
- the directories it was read from list the same files (a new file there could change what an import finds), and
- each collection it holds files of is found in the same directory (a copy put into an earlier search path would be
  found instead).
Not covered: a file added, in a directory that was searched already but held none of the payload's files, that shadows
one of them (a module_utils/foo.py beside a playbook shadowing ansible.module_utils.foo). A payload with a file that is
neither read from disk nor a package's __init__.py (a redirect shim of a collection's routing, a 2.21 embed) is never
kept. Nor is one built for the module debugger (it maps the files it read), and any error reading or writing the cache
builds the payload as ansible-core would. Writes are atomic (a temporary file renamed), so parallel ansible-playbook
runs can share the directory; it keeps at most MAX_ENTRIES payloads.

install() wraps recursive_finder when ansible.executor.module_common is first imported
(ansiballz_bytecode_cache.PatchAfterImport, a meta path finder that ansible never sees). The .pth runs install() at
every start of that Python (each module run, pytest, ansible-lint), so this imports only os and sys up front: hashlib,
pickle and zlib wait until a payload is built (imported at the top, they added 22 ms to every start). Standard library
only.
"""

import os
import sys

# Its sibling, on sys.path wherever this is (install.py's .pth, the tests): one switch for all the caches, one way to
# patch ansible-core on import and one way to write.
from ansiballz_bytecode_cache import PatchAfterImport, write_atomically  # pylint: disable=import-error

TARGET = "ansible.executor.module_common"
# Bumped when what a cache entry holds changes.
FORMAT = b"3"
# Each edit of a module, and each other ansible-core, Python or collections path, makes new keys (an edited
# module_util replaces its payloads' entries): past this many entries (up to about 250 kB each), the half used longest
# ago goes (a hit touches its entry).
MAX_ENTRIES = 600


def install(cache_dir):
    """Wrap recursive_finder with the cache in cache_dir once module_common is imported (idempotent)."""
    hook(cache_dir).install()


def hook(cache_dir):
    """The meta path finder that wraps recursive_finder, not installed (the tests install theirs by hand)."""
    def wrap(module):
        if hasattr(module, "recursive_finder") and hasattr(module, "_make_zinfo"):
            module.recursive_finder = _cached(module, module.recursive_finder, cache_dir)

    return PatchAfterImport(TARGET, wrap)


def _cached(common, recursive_finder, cache_dir):
    def cached_recursive_finder(name, module_fqn, module_data, zf, date_time, extension_manager):
        try:
            key = None if extension_manager.debugger_enabled else _key(common, name, module_fqn, module_data, extension_manager)
        except Exception:  # pylint: disable=broad-exception-caught  # an ansible-core this does not know: no cache
            key = None
        if key is None:
            return recursive_finder(name, module_fqn, module_data, zf, date_time, extension_manager)
        path = os.path.join(cache_dir, key)
        kept = _load(path)
        if kept is not None:
            entries, metadata = kept
            for filename, content, _origin in entries:
                zf.writestr(common._make_zinfo(filename, date_time, zf=zf), content)  # pylint: disable=protected-access
            return metadata
        entries = []
        writestr = zf.writestr

        def recording_writestr(zinfo, data, *args, **kwargs):
            entries.append((zinfo.filename, bytes(data) if isinstance(data, (bytes, bytearray)) else str(data).encode("utf-8"),
                            _origin_path(data)))
            return writestr(zinfo, data, *args, **kwargs)

        zf.writestr = recording_writestr
        try:
            metadata = recursive_finder(name, module_fqn, module_data, zf, date_time, extension_manager)
        finally:
            del zf.writestr
        _store(path, entries, metadata)
        return metadata

    cached_recursive_finder.cache_dir = cache_dir
    return cached_recursive_finder


def _key(common, name, module_fqn, module_data, extension_manager):
    """What decides the payload besides the files it holds: the module and its source, this ansible-core and Python,
    and the directories module_utils and collections are looked for in. Only those that exist: ansible-playbook puts
    <playbook directory>/collections first, which is new for each playbook the suites write into a temporary directory
    and rarely there (with it, every such run built every payload again)."""
    import hashlib

    from ansible import __version__

    data = module_data if isinstance(module_data, (bytes, bytearray)) else str(module_data).encode("utf-8")
    search = [common.__file__, __version__, sys.version, name, module_fqn, sorted(extension_manager.extension_names),
              [path for path in common.module_utils_loader._get_paths(subdirs=False)  # pylint: disable=protected-access
               if os.path.isdir(path)],
              [path for path in _collection_paths() if os.path.isdir(path)]]
    digest = hashlib.sha256(FORMAT + b"\0" + repr(search).encode("utf-8") + b"\0" + bytes(data))
    return digest.hexdigest()


def _collection_paths():
    from ansible.utils.collection_loader import AnsibleCollectionConfig

    return list(AnsibleCollectionConfig.collection_paths or [])


def _resolved_collections(entries):
    """(namespace, name, directory) of each collection the payload holds files of: the directory the collection loader
    finds it in now, the first search path that has it (None if none has). A collection that appears in an earlier
    search path, which did exist before, changes what is found without changing the key."""
    collections = sorted({tuple(filename.split("/")[1:3]) for filename, _content, _origin in entries
                          if filename.startswith("ansible_collections/") and filename.count("/") > 3})
    paths = _collection_paths()
    found = []
    for namespace, name in collections:
        directories = (os.path.join(path, *([] if os.path.basename(path) == "ansible_collections" else ["ansible_collections"]),
                                    namespace, name) for path in paths)
        found.append((namespace, name, next((directory for directory in directories if os.path.isdir(directory)), None)))
    return found


def _origin_path(data):
    """The file ansible-core read data from (its Origin tag), or None for content it made up."""
    try:
        from ansible._internal._datatag._tags import Origin  # pylint: disable=import-outside-toplevel

        origin = Origin.get_tag(data)
    except Exception:  # pylint: disable=broad-exception-caught
        return None
    return getattr(origin, "path", None) if origin else None


def _store(path, entries, metadata):
    if any(origin is None and os.path.basename(filename) != "__init__.py" for filename, _content, origin in entries):
        return  # content made from something else than files and names: rebuilt each time
    import pickle
    import zlib

    directories = sorted({os.path.dirname(origin) for _filename, _content, origin in entries if origin})
    try:
        record = zlib.compress(pickle.dumps((entries, [(d, _listing(d)) for d in directories], _resolved_collections(entries),
                                             metadata), protocol=pickle.HIGHEST_PROTOCOL), 1)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        _prune(os.path.dirname(path))
        write_atomically(path, record)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        pass


def _load(path):
    """(entries, metadata) kept at path if every file they were read from is unchanged and each collection they hold
    files of is found where it was, else None."""
    import pickle
    import zlib

    try:
        with open(path, "rb") as kept:
            entries, listings, collections, metadata = pickle.loads(zlib.decompress(kept.read()))
        if _resolved_collections(entries) != collections:
            return None
        for directory, names in listings:
            if _listing(directory) != names:
                return None
        for _filename, content, origin in entries:
            if origin:
                with open(origin, "rb") as source:
                    if source.read() != content:
                        return None
        os.utime(path)  # used now: the last to be pruned
    except Exception:  # pylint: disable=broad-exception-caught  # not kept, damaged, or a file has gone: build it
        return None
    return entries, metadata


def _prune(cache_dir):
    """Past MAX_ENTRIES entries, remove the half used longest ago (another process may be removing them too)."""
    paths = [os.path.join(cache_dir, name) for name in os.listdir(cache_dir)]
    if len(paths) < MAX_ENTRIES:
        return
    used = []
    for path in paths:
        try:
            used.append((os.stat(path).st_mtime, path))
        except OSError:
            pass
    for _mtime, path in sorted(used)[:len(used) - MAX_ENTRIES // 2]:
        try:
            os.remove(path)
        except OSError:
            pass


def _listing(directory):
    return sorted(os.listdir(directory))
