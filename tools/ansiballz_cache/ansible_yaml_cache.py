# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A cache of the two YAML files ansible-core parses at every start, for the Pythons `make test` runs (dev virtualenvs).

Each ansible-playbook process (and ansible-lint, ansible-config, `ansible-playbook --version`) parses
ansible/config/base.yml, its settings (40 ms with libyaml), and each that loads a collection parses
ansible/config/ansible_builtin_runtime.yml, the routing of ansible.builtin (380 kB, 83 ms): together about a tenth of a
one-task play's CPU, and the suites start hundreds of these processes.

This keeps each result with the text it was parsed from, in CACHE_DIR, as marshal data (what these parses return is
dicts, lists, strings, numbers, booleans and None): a kept result is used only when the text is the same, byte for byte,
and the ansible-core, PyYAML and Python are those that parsed it; a result marshal cannot hold is never kept. Reading one back costs about 3 ms.
- ansible.config.manager.ConfigManager._read_config_yaml_file(path): base.yml (ansible-core reads no other file with it);
- ansible.utils.collection_loader._collection_finder._meta_yml_to_dict(data, content_id): every collection's
  meta/runtime.yml, the function ansible-core documents as one "tools" may replace to cache its output.
Any error reading or writing the cache parses as ansible-core would; an error in the YAML is raised by ansible-core's
own parse. Writes are atomic, so processes can share the directory.

install() wraps them when their modules are first imported (a meta path hook, as ansiballz_payload_cache does), so a
process that never imports them pays nothing; it imports only os and sys. Standard library only.
"""

import os
import sys

from ansiballz_bytecode_cache import SWITCH, write_atomically  # pylint: disable=import-error

# Bumped when what an entry holds changes.
FORMAT = b"1"
CONFIG_MANAGER = "ansible.config.manager"
COLLECTION_FINDER = "ansible.utils.collection_loader._collection_finder"


def install(cache_dir):
    """Wrap the two parses with the cache in cache_dir once their modules are imported (idempotent)."""
    if os.environ.get(SWITCH) == "off" or any(isinstance(finder, _Hook) for finder in sys.meta_path):
        return
    sys.meta_path.insert(0, _Hook(cache_dir))


class _Hook:
    """A meta path finder that finds nothing itself: it only patches the two modules after they have been executed."""

    def __init__(self, cache_dir):
        self.cache_dir = cache_dir

    def find_spec(self, fullname, path, target=None):
        if fullname not in (CONFIG_MANAGER, COLLECTION_FINDER):
            return None
        from importlib.machinery import PathFinder  # pylint: disable=import-outside-toplevel

        spec = PathFinder.find_spec(fullname, path, target)
        if spec is None or not hasattr(spec.loader, "exec_module"):
            return spec
        exec_module = spec.loader.exec_module
        cache_dir = self.cache_dir

        def exec_and_wrap(module):
            exec_module(module)
            if fullname == CONFIG_MANAGER and hasattr(getattr(module, "ConfigManager", None), "_read_config_yaml_file"):
                module.ConfigManager._read_config_yaml_file = _cached_config_file(  # pylint: disable=protected-access
                    module.ConfigManager._read_config_yaml_file, cache_dir)  # pylint: disable=protected-access
            elif fullname == COLLECTION_FINDER and hasattr(module, "_meta_yml_to_dict"):
                module._meta_yml_to_dict = _cached_meta(module._meta_yml_to_dict, cache_dir)  # pylint: disable=protected-access

        spec.loader.exec_module = exec_and_wrap
        return spec


def _cached_config_file(read_config_yaml_file, cache_dir):
    def cached_read_config_yaml_file(self, yml_file):
        try:
            with open(yml_file, "rb") as source:
                text = source.read()
        except (OSError, TypeError):
            return read_config_yaml_file(self, yml_file)  # as ansible-core reports a missing file
        return _parse_through(cache_dir, b"config", text, lambda: read_config_yaml_file(self, yml_file))

    cached_read_config_yaml_file.cache_dir = cache_dir
    return cached_read_config_yaml_file


def _cached_meta(meta_yml_to_dict, cache_dir):
    def cached_meta_yml_to_dict(yaml_string_data, content_id):
        text = yaml_string_data if isinstance(yaml_string_data, bytes) else str(yaml_string_data).encode("utf-8")
        return _parse_through(cache_dir, b"meta", text, lambda: meta_yml_to_dict(yaml_string_data, content_id))

    cached_meta_yml_to_dict.cache_dir = cache_dir
    return cached_meta_yml_to_dict


def _parse_through(cache_dir, kind, text, parse):
    """What parse() returns for text: kept in cache_dir under a checksum of the text, used only if the text kept with it
    is the same."""
    import marshal  # pylint: disable=import-outside-toplevel
    import zlib  # pylint: disable=import-outside-toplevel

    # The parse is ansible-core's and PyYAML's: another version of either, or of Python, is another entry.
    context = "{0} {1} {2}".format(getattr(sys.modules.get("ansible"), "__version__", ""),
                                   getattr(sys.modules.get("yaml"), "__version__", ""), sys.version).encode("utf-8")
    name = "{0}-{1:08x}-{2:08x}-{3}".format(kind.decode(), zlib.crc32(context), zlib.crc32(text), len(text))
    path = os.path.join(cache_dir, name)
    try:
        with open(path, "rb") as kept:
            version, kept_context, kept_text, result = marshal.loads(kept.read())
        if version == FORMAT and kept_context == context and kept_text == text:
            return result
    except Exception:  # pylint: disable=broad-exception-caught  # not kept yet, or damaged: parse it
        pass
    result = parse()
    try:
        record = marshal.dumps((FORMAT, context, text, result))
        os.makedirs(cache_dir, exist_ok=True)
        write_atomically(path, record)
    except (OSError, ValueError):  # ValueError: a value marshal cannot hold; never kept
        pass
    return result
