# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A cache of the two YAML files ansible-core parses at every start, for the Pythons `make test` runs (dev virtualenvs).

Each ansible-playbook process (and ansible-lint, ansible-config, `ansible-playbook --version`) parses
ansible/config/base.yml, its settings (40 ms with libyaml), and each collection's routing (meta/runtime.yml) it loads,
ansible.builtin's ansible/config/ansible_builtin_runtime.yml among them (380 kB, 83 ms): together about a tenth of a
one-task play's CPU, and the suites start hundreds of these processes.

This keeps each result with the text it was parsed from, in CACHE_DIR, as marshal data (what these parses return is
dicts, lists, strings, numbers, booleans and None): a kept result is used only when the text is the same, byte for byte,
and the ansible-core, PyYAML and Python are those that parsed it; a result marshal cannot hold is never kept. Reading
one back costs about 3 ms.
- ansible.config.manager.ConfigManager._read_config_yaml_file(path): base.yml (ansible-core reads no other file with it);
- ansible.utils.collection_loader._collection_finder._meta_yml_to_dict(data, content_id): every collection's
  meta/runtime.yml, the function ansible-core documents as one "tools" may replace to cache its output.
Any error reading or writing the cache parses as ansible-core would; an error in the YAML is raised by ansible-core's
own parse. Writes are atomic, so processes can share the directory.

install() wraps them when their modules are first imported (ansiballz_bytecode_cache.PatchAfterImport, as
ansiballz_payload_cache does), so a process that never imports them pays nothing; it imports only os and sys up front.
Standard library only.
"""

import os
import sys

from ansiballz_bytecode_cache import PatchAfterImport, write_atomically  # pylint: disable=import-error

# Bumped when what an entry holds changes.
FORMAT = b"1"
CONFIG_MANAGER = "ansible.config.manager"
COLLECTION_FINDER = "ansible.utils.collection_loader._collection_finder"


def install(cache_dir):
    """Wrap the two parses with the cache in cache_dir once their modules are imported (idempotent)."""
    for finder in hooks(cache_dir):
        finder.install()


def hooks(cache_dir):
    """The meta path finders that wrap the two parses, not installed (the tests install theirs by hand)."""
    def wrap_config_manager(module):
        config_manager = getattr(module, "ConfigManager", None)
        if hasattr(config_manager, "_read_config_yaml_file"):
            config_manager._read_config_yaml_file = _cached_config_file(  # pylint: disable=protected-access
                config_manager._read_config_yaml_file, cache_dir)  # pylint: disable=protected-access

    def wrap_collection_finder(module):
        if hasattr(module, "_meta_yml_to_dict"):
            module._meta_yml_to_dict = _cached_meta(module._meta_yml_to_dict, cache_dir)  # pylint: disable=protected-access

    return [PatchAfterImport(CONFIG_MANAGER, wrap_config_manager), PatchAfterImport(COLLECTION_FINDER, wrap_collection_finder)]


def _cached_config_file(read_config_yaml_file, cache_dir):
    def cached_read_config_yaml_file(self, yml_file):
        # On a miss ansible-core reads the file again: were it changed in between, its parse would be kept with the text
        # read here, and used until the file changes again. This reads base.yml in site-packages, which nothing changes.
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

    # The parse is ansible-core's and PyYAML's: another version of either, or of Python, is another entry. PyYAML is
    # imported here, as the parse would import it (_meta_yml_to_dict imports it only when it is first called).
    try:
        import yaml  # pylint: disable=import-outside-toplevel
    except ImportError:
        return parse()
    context = "{0} {1} {2}".format(getattr(sys.modules.get("ansible"), "__version__", ""), yaml.__version__,
                                   sys.version).encode("utf-8")
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
