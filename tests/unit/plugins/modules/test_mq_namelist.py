# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""mq_namelist and mq_objects namelists: a list of names compared as a whole, order included; the journal proves what was sent."""

from __future__ import annotations

from ansible_collections.mqrest.admin.tests.unit.plugins.modules.journal import fresh, mutating, sent  # pylint: disable=import-error

CLUSTERS = {"name": "APP.CLUSTERS", "names": ["INVENTORY", "ORDERS"], "description": "Clusters of the order application"}


def test_create_then_nothing_to_do_and_check_mode_sends_nothing(mq, run_module):
    fresh(mq)
    check = run_module("mq_namelist", _ansible_check_mode=True, **CLUSTERS)
    assert (check["changed"], check["action"]) == (True, "created") and mutating(mq) == []
    created = run_module("mq_namelist", **CLUSTERS)
    assert created["commands"] == ["DEFINE NAMELIST(APP.CLUSTERS) NAMES(INVENTORY,ORDERS) DESCR('Clusters of the order application')"]
    assert (created["namelist"]["names"], created["namelist"]["namcount"]) == (["INVENTORY", "ORDERS"], 2)
    fresh(mq)
    check_again = run_module("mq_namelist", _ansible_check_mode=True, **CLUSTERS)
    again = run_module("mq_namelist", **CLUSTERS)
    assert (check_again["changed"], again["changed"], again["action"]) == (False, False, "unchanged")
    assert sent(mq) == [("DISPLAY", "NAMELIST", "APP.CLUSTERS")] * 2


def test_the_names_are_compared_in_order_and_case_and_may_be_emptied(mq, run_module):
    run_module("mq_namelist", **CLUSTERS)
    fresh(mq)
    reordered = run_module("mq_namelist", _ansible_diff=True, name="APP.CLUSTERS", names=["ORDERS", "INVENTORY"])
    assert reordered["commands"] == ["ALTER NAMELIST(APP.CLUSTERS) NAMES(ORDERS,INVENTORY)"]
    assert reordered["diff"] == {"before": {"names": ["INVENTORY", "ORDERS"]}, "after": {"names": ["ORDERS", "INVENTORY"]}}
    lower = run_module("mq_namelist", name="APP.CLUSTERS", names=["orders", "INVENTORY"])
    assert lower["commands"] == ["ALTER NAMELIST(APP.CLUSTERS) NAMES('orders',INVENTORY)"]  # names are case-sensitive
    emptied = run_module("mq_namelist", name="APP.CLUSTERS", names=[])
    assert emptied["commands"] == ["ALTER NAMELIST(APP.CLUSTERS) NAMES()"] and emptied["namelist"]["namcount"] == 0
    fresh(mq)
    assert run_module("mq_namelist", name="APP.CLUSTERS", names=[])["changed"] is False and mutating(mq) == []


def test_bad_input_fails_before_any_request(mq, run_module):
    fresh(mq)
    for options, message in (
            (dict(CLUSTERS, names=["HAS BLANK"]), "names[0]='HAS BLANK' is not a valid MQ object name"),
            (dict(CLUSTERS, names=["N{0}".format(i) for i in range(257)]), "names has 257 names; MQ allows at most 256"),
            (dict(CLUSTERS, names=["X" * 49]), "names[0]='" + "X" * 49 + "' is not a valid MQ object name: it is 49 characters long"),
            (dict(CLUSTERS, description="d" * 65), "is 65 characters long; MQ allows at most 64"),
            (dict(CLUSTERS, attributes={"NLTYPE": "cluster"}), "attributes.NLTYPE is not a namelist attribute this module manages"),
            (dict(CLUSTERS, name="APP LIST"), "name='APP LIST' is not a valid namelist name"),
    ):
        result = run_module("mq_namelist", **options)
        assert result["failed"] and message in result["msg"], (options, result["msg"])
    assert sent(mq) == []


def test_mq_objects_converges_namelists_and_purges_by_prefix(mq, run_module):
    run_module("mq_objects", namelists=[{"name": "APP.OLD", "names": ["A"]}])
    declared = [CLUSTERS, {"name": "APP.EMPTY", "names": []}]
    fresh(mq)
    result = run_module("mq_objects", namelists=declared, purge={"prefix": "APP."})
    assert (result["summary"]["created"], result["summary"]["purged"]) == (2, 1)
    assert sorted(mutating(mq)) == [("DEFINE", "NAMELIST", "APP.CLUSTERS"), ("DEFINE", "NAMELIST", "APP.EMPTY"),
                                    ("DELETE", "NAMELIST", "APP.OLD")]
    fresh(mq)
    again = run_module("mq_objects", namelists=declared, purge={"prefix": "APP."})
    assert again["changed"] is False and mutating(mq) == []
    info = run_module("mq_info", types=["namelist"], name="*")["namelists"]
    assert [n["name"] for n in info] == ["APP.CLUSTERS", "APP.EMPTY", "SYSTEM.DEFAULT.NAMELIST"]
    assert info[0]["names"] == ["INVENTORY", "ORDERS"] and "status" not in info[0]
