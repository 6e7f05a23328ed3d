# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The payload cache the suites' ansible-playbook runs use (tools/ansiballz_cache): a module's payload is built once and
then taken from the cache, with the same files, until a file it holds changes or one is added beside them. Each build is
a new Python process, as each ansible-playbook run is, with the cache switched off in its environment so that .venv's
own (.tmp/ansiballz-cache) is not used, and the test's wrapped around ansible-core's recursive_finder by hand."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

TOOLS = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "tools", "ansiballz_cache")

# Builds the payload of testns.probe.probe as ansible-core's _find_module_utils does, through the cache in CACHE, and
# prints how often ansible-core's own recursive_finder ran and the collection's files in the payload.
BUILD = """
import datetime, io, json, sys, zipfile
sys.path.insert(0, {tools!r})
import ansiballz_payload_cache
ansiballz_payload_cache.MAX_ENTRIES = {max_entries}
from ansible.plugins.loader import init_plugin_loader, module_loader
from ansible.utils.collection_loader import AnsibleCollectionConfig
init_plugin_loader({collections!r})
AnsibleCollectionConfig.playbook_paths = {playbook_dirs!r}
from ansible.executor import module_common
from ansible._internal._datatag._tags import Origin
built = []
def recursive_finder(*args):
    built.append(1)
    return module_common.recursive_finder(*args)
finder = ansiballz_payload_cache._cached(module_common, recursive_finder, {cache!r})
path = module_loader.find_plugin_with_context("testns.probe.probe").plugin_resolved_path
with open(path, "rb") as source:
    data = source.read()
extensions = module_common._builder.ExtensionManager.create(task_vars={{}})
archive = io.BytesIO()
with zipfile.ZipFile(archive, "w") as payload:
    finder("probe", module_common._get_ansible_module_fqn(path), Origin(path=path).tag(data), payload,
           datetime.datetime.now(), extensions)
with zipfile.ZipFile(archive) as payload:
    files = {{name: payload.read(name).decode() for name in payload.namelist() if name.startswith("ansible_collections/testns")}}
    names = payload.namelist()
print(json.dumps({{"built": len(built), "files": files, "names": names}}))
"""


def collection(tmp_path):
    root = tmp_path / "collections" / "ansible_collections" / "testns" / "probe"
    (root / "plugins" / "modules").mkdir(parents=True)
    (root / "plugins" / "module_utils").mkdir()
    (root / "galaxy.yml").write_text("namespace: testns\nname: probe\nversion: 1.0.0\n", encoding="utf-8")
    (root / "plugins" / "modules" / "probe.py").write_text(textwrap.dedent("""
        from ansible.module_utils.basic import AnsibleModule
        from ansible_collections.testns.probe.plugins.module_utils.helper import ANSWER


        def main():
            AnsibleModule(argument_spec={}).exit_json(answer=ANSWER)
        """), encoding="utf-8")
    helper = root / "plugins" / "module_utils" / "helper.py"
    helper.write_text("ANSWER = 42\n", encoding="utf-8")
    return helper


def build(tmp_path, max_entries=600, playbook_dir=None, before=None):
    """The payload of testns.probe.probe built through the cache; as ansible-playbook does, playbook_dir's collections
    directory first if given, then before (a collections path searched first) if given, then tmp_path/collections."""
    collections = ([str(before)] if before else []) + [str(tmp_path / "collections")]
    script = BUILD.format(tools=TOOLS, collections=collections, cache=str(tmp_path / "cache"), max_entries=max_entries,
                          playbook_dirs=[str(playbook_dir)] if playbook_dir else [])
    env = dict(os.environ, MQREST_ANSIBALLZ_CACHE="off")
    return json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                                     env=env).stdout)


HELPER = "ansible_collections/testns/probe/plugins/module_utils/helper.py"


def test_a_payload_is_built_once_and_then_taken_from_the_cache_with_the_same_files(tmp_path):
    collection(tmp_path)
    first = build(tmp_path)
    assert first["built"] == 1
    assert first["files"][HELPER] == "ANSWER = 42\n"
    assert "ansible/module_utils/basic.py" in first["names"]

    second = build(tmp_path)
    assert second["built"] == 0
    assert second["names"] == first["names"]
    assert second["files"] == first["files"]


def test_a_changed_module_util_is_built_again(tmp_path):
    helper = collection(tmp_path)
    build(tmp_path)
    helper.write_text("ANSWER = 43\n", encoding="utf-8")
    changed = build(tmp_path)
    assert changed["built"] == 1
    assert changed["files"][HELPER] == "ANSWER = 43\n"
    assert build(tmp_path)["built"] == 0


def test_a_file_added_beside_the_payloads_files_builds_it_again(tmp_path):
    """A new module there could be what an import now finds (`from ..module_utils import name`)."""
    helper = collection(tmp_path)
    build(tmp_path)
    (helper.parent / "newcomer.py").write_text("", encoding="utf-8")
    assert build(tmp_path)["built"] == 1


def test_playbooks_in_different_directories_share_a_payload(tmp_path):
    """ansible-playbook searches <playbook directory>/collections first: where there is none, it changes nothing."""
    collection(tmp_path)
    for number in range(2):
        (tmp_path / "play{0}".format(number)).mkdir()
    assert build(tmp_path, playbook_dir=tmp_path / "play0")["built"] == 1
    assert build(tmp_path, playbook_dir=tmp_path / "play1")["built"] == 0


def test_a_collection_put_where_it_is_searched_first_is_built_again_from_there(tmp_path):
    """A search path that was searched already (with another collection: the key unchanged) now holds the collection
    too: its files win."""
    collection(tmp_path)
    first = tmp_path / "first"
    (first / "ansible_collections" / "otherns" / "other").mkdir(parents=True)
    assert build(tmp_path, before=first)["built"] == 1
    shutil.copytree(tmp_path / "collections" / "ansible_collections" / "testns", first / "ansible_collections" / "testns")
    (first / "ansible_collections" / "testns" / "probe" / "plugins" / "module_utils" / "helper.py").write_text(
        "ANSWER = 7\n", encoding="utf-8")
    again = build(tmp_path, before=first)
    assert again["built"] == 1
    assert again["files"][HELPER] == "ANSWER = 7\n"


def test_a_damaged_entry_is_built_again(tmp_path):
    collection(tmp_path)
    first = build(tmp_path)
    for entry in (tmp_path / "cache").iterdir():
        entry.write_bytes(b"not a pickle")
    again = build(tmp_path)
    assert again["built"] == 1
    assert again["files"] == first["files"]


def test_past_max_entries_the_half_used_longest_ago_goes(tmp_path):
    """Each edited module, and each other ansible-core, Python or collections path, makes new keys: the cache stays
    bounded."""
    collection(tmp_path)
    (tmp_path / "cache").mkdir()
    for number in range(4):
        entry = tmp_path / "cache" / "old{0}".format(number)
        entry.write_bytes(b"")
        os.utime(entry, (1000 + number, 1000 + number))
    assert build(tmp_path, max_entries=4)["built"] == 1
    assert sorted(entry.name for entry in (tmp_path / "cache").iterdir() if entry.name.startswith("old")) == ["old2", "old3"]
    assert build(tmp_path, max_entries=4)["built"] == 0


def test_switched_off_ansible_core_is_left_alone():
    script = ("import sys; sys.path.insert(0, {0!r}); import ansiballz_payload_cache; ansiballz_payload_cache.install('x');"
              "from ansible.executor import module_common; print(hasattr(module_common.recursive_finder, 'cache_dir'))").format(TOOLS)
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                            env=dict(os.environ, MQREST_ANSIBALLZ_CACHE="off")).stdout
    assert output.strip() == "False"


def test_the_dev_virtualenv_has_it():
    """.venv (make venv) builds payloads through the cache in .tmp/ansiballz-cache/payload, its module compiled."""
    script = "from ansible.executor import module_common; print(getattr(module_common.recursive_finder, 'cache_dir', ''))"
    env = {key: value for key, value in os.environ.items() if key != "MQREST_ANSIBALLZ_CACHE"}
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env).stdout
    assert output.strip().endswith(os.path.join(".tmp", "ansiballz-cache", "payload"))
    import importlib.util  # pylint: disable=import-outside-toplevel

    assert os.path.exists(importlib.util.cache_from_source(os.path.join(TOOLS, "ansiballz_payload_cache.py")))


def test_a_python_that_builds_no_payload_imports_nothing_for_it():
    """The .pth installs the hook at every start of .venv's Python (each module run): the modules only a payload build
    needs are not imported then."""
    env = {key: value for key, value in os.environ.items() if key != "MQREST_ANSIBALLZ_CACHE"}
    script = "import sys; print(sorted(name for name in ('hashlib', 'pickle', 'zlib') if name in sys.modules))"
    output = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, env=env).stdout
    assert output.strip() == "[]"
