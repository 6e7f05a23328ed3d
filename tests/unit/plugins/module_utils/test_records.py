# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Records named by more than a name (CHLAUTH, AUTHREC): their input rules and their pure plans, from DISPLAY rows.

What the emulator does with the commands is tested through the modules (tests/unit/plugins/modules/test_mq_chlauth.py,
test_mq_authrec.py); here the rows are written by hand, so every case is one MQ could show.
"""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._ensure import delete_command, plan_present
from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQInputError
from ansible_collections.mqrest.admin.plugins.module_utils._types import AUTHREC, CHLAUTH


def chlauth(**options):
    options.setdefault("state", "present")
    return options


def authrec(**options):
    options.setdefault("state", "present")
    options.setdefault("mode", "exact")
    return options


def plan(otype, options, row):
    """(action, [command text], applied) for ``options`` against DISPLAY ``row`` (None: absent), as the modules plan."""
    ref = otype.validate_entry(options)
    rows = otype.rows([row]) if row else []
    found = otype.pick(rows, ref)
    _subtype, desired = otype.desired_for(options, found)
    action, commands, applied = plan_present(otype, ref, desired, found)
    return action, [c.text() for c in commands], applied


@pytest.mark.parametrize("options,message", [
    (chlauth(profile="APP.SVRCONN", type="blockaddr", addresses=["192.0.2.1"]),
     r"profile='APP.SVRCONN': with type=blockaddr the profile must be '\*'.*3349 MQRCCF_CHLAUTH_NAME_ERROR"),
    (chlauth(profile="APP.SVRCONN", type="usermap", client_user="app*", user_source="channel"),
     r"client_user='app\*' must name one user.*3348 MQRCCF_CHLAUTH_CLNTUSER_ERROR"),
    (chlauth(profile="*", type="blockaddr", addresses=["192.0*"]), r"addresses\[0\]='192.0\*'.*a \* standing alone.*3345"),
    (chlauth(profile="*", type="blockaddr", addresses=["192.0.*.*"]), r"a \* next to a trailing \*"),
    (chlauth(profile="*", type="blockaddr", addresses=["192.0.2"]), r"it has 3 parts; an address has 4"),
    (chlauth(profile="*", type="blockaddr", addresses=["192.0.2.300"]), r"'300': a part is at most 255"),
    (chlauth(profile="*", type="blockaddr", addresses=["192.0.2.9-4"]), r"a range goes from a lower to a higher.*3346"),
    (chlauth(profile="*", type="blockaddr", addresses=["host.example.com"]), r"addresses\[0\].*host names are not taken"),
    (chlauth(profile="*", type="blockaddr", addresses=["192.0.2.1-10", "192.0.2.5-20"]),
     r"addresses\[1\]='192.0.2.5-20' overlaps addresses\[0\]='192.0.2.1-10'.*3343 MQRCCF_IPADDR_RANGE_CONFLICT"),
    (chlauth(profile="*", type="blockaddr", addresses=["2001:DB8::*"]), r"'::' cannot be combined with a trailing \*"),
    (chlauth(profile="*", type="blockaddr", addresses=[]), r"addresses=\[\] is empty.*state=absent"),
    (chlauth(profile="APP", type="addressmap", address="10..1", user_source="channel"), r"address='10..1' is not a generic IP"),
    (chlauth(profile="APP", type="addressmap", user_source="channel"), r"address is required with type=addressmap: it names"),
    (chlauth(profile="APP", type="usermap", user_source="channel"), r"client_user is required with type=usermap"),
    (chlauth(profile="APP", type="qmgrmap", remote_qmgr="QM 2", user_source="channel"), r"remote_qmgr='QM 2' is not a valid"),
    (chlauth(profile="A" * 21, type="blockuser", users=["x"]), r"profile='A{21}' is not a valid channel authentication record"),
    (chlauth(profile="APP?", type="blockuser", users=["x"]), r"with \* as wildcards anywhere"),
    (chlauth(profile="APP", type="blockuser", users=["u%d" % i for i in range(101)]), r"users holds 101 values; MQ allows at most 100"),
    (chlauth(profile="APP", type="blockuser", users=["x"], address="*"), r"address is not valid for a blockuser chlauth"),
    (authrec(profile="APP.Q", object_type="queue", principal="app", group="apps"), r"exactly one of principal and group \(both"),
    (authrec(profile="APP.Q", object_type="queue"), r"exactly one of principal and group"),
    (authrec(object_type="queue", principal="app"), r"profile is required unless object_type=qmgr"),
    (authrec(profile="QM1", object_type="qmgr", principal="app"), r"leave profile out with object_type=qmgr"),
    (authrec(profile="APP Q", object_type="queue", principal="app"), r"profile='APP Q' is not a valid authority record name"),
    (authrec(profile="APP.Q", object_type="queue", principal="app", authorities=["putt"]), r"authorities='putt' must be one of"),
])
def test_bad_input_is_refused_naming_the_option_and_the_rule(options, message):
    otype = CHLAUTH if "type" in options else AUTHREC
    with pytest.raises(MQInputError, match=message):
        otype.validate_entry(options)
        otype.desired_from_params(options, otype.subtype(options))


@pytest.mark.parametrize("options", [
    chlauth(profile="*", type="blockaddr", addresses=["*", "192.0.2.*", "192.0.*", "192.0.*.2", "192.*.2", "192.0.2.1-8",
                                                      "2001:DB8:0:0:0:0:0:*", "2001:DB8::1", "192.0.2.1-100", "192.0.2.20-30"]),
    chlauth(profile="*", type="blockaddr", addresses=["192.0.*.1-8"]),
    chlauth(profile="APP.*", type="addressmap", address="app-host*.example.com", user_source="channel"),
    chlauth(profile="*", type="qmgrmap", remote_qmgr="QM*", user_source="noaccess"),
    authrec(object_type="qmgr", principal="app", authorities=["connect"]),
    authrec(profile="APP.**", object_type="queue", group="apps"),
])
def test_what_ibm_allows_is_taken(options):
    """Generic IP addresses as IBM's page lists them (a range held by another is no conflict), host names in ADDRESS, and
    OAM's wildcards."""
    otype = CHLAUTH if "type" in options else AUTHREC
    otype.validate_entry(options)
    otype.desired_from_params(options, otype.subtype(options))


# -- CHLAUTH ---------------------------------------------------------------------------------------------------------
ADDRESSMAP = {"chlauth": "APP.SVRCONN", "type": "ADDRESSMAP", "address": "10.1.*", "usersrc": "MAP", "mcauser": "appuser",
              "descr": "Application hosts", "warn": "NO", "altdate": "2026-12-06", "alttime": "10.00.00"}


def test_a_new_record_is_added_with_its_identity_first():
    action, commands, applied = plan(CHLAUTH, chlauth(profile="APP.SVRCONN", type="addressmap", address="10.1.*",
                                                      user_source="channel", check_client="required"), None)
    assert action == "created"
    assert commands == ["SET CHLAUTH(APP.SVRCONN) TYPE(ADDRESSMAP) ADDRESS(10.1.*) USERSRC(CHANNEL) CHCKCLNT(REQUIRED) ACTION(ADD)"]
    assert applied == {"USERSRC": "CHANNEL", "CHCKCLNT": "REQUIRED"}  # which record it is, TYPE and ADDRESS, is no change


def test_a_record_that_holds_what_is_declared_needs_nothing_address_compared_without_case():
    assert plan(CHLAUTH, chlauth(profile="APP.SVRCONN", type="addressmap", address="10.1.*", mcauser="appuser"), ADDRESSMAP)[0] == "unchanged"
    host = dict(ADDRESSMAP, address="APP-HOST.EXAMPLE.COM")
    assert plan(CHLAUTH, chlauth(profile="APP.SVRCONN", type="addressmap", address="app-host.example.com"), host)[0] == "unchanged"


def test_replace_carries_what_the_record_keeps_and_drops_what_the_new_user_source_refuses():
    """ACTION(REPLACE) replaces the record: the undeclared DESCR goes along, MCAUSER and WARN do not (MQ takes MCAUSER only with
    USERSRC(MAP) and WARN only with NOACCESS)."""
    action, commands, applied = plan(CHLAUTH, chlauth(profile="APP.SVRCONN", type="addressmap", address="10.1.*",
                                                      user_source="channel"), ADDRESSMAP)
    assert action == "updated"
    assert commands == ["SET CHLAUTH(APP.SVRCONN) TYPE(ADDRESSMAP) ADDRESS(10.1.*) USERSRC(CHANNEL) DESCR('Application hosts') "
                        "ACTION(REPLACE)"]
    assert applied == {"USERSRC": "CHANNEL"}


def test_a_record_is_told_apart_from_the_other_records_of_its_profile():
    other = dict(ADDRESSMAP, address="10.2.*")
    ref = CHLAUTH.validate_entry(chlauth(profile="APP.SVRCONN", type="addressmap", address="10.1.*"))
    assert CHLAUTH.pick([other, ADDRESSMAP], ref) is ADDRESSMAP
    assert CHLAUTH.pick([other], ref) is None


@pytest.mark.parametrize("options,message", [
    (chlauth(profile="APP", type="addressmap", address="*", user_source="noaccess", mcauser="app"),
     "mcauser is valid only with user_source=map, and this channel authentication record has user_source=noaccess"),
    (chlauth(profile="APP", type="addressmap", address="*"), r"user_source=map needs mcauser \(map is MQ's default\)"),
    (chlauth(profile="APP", type="addressmap", address="*", user_source="channel", warn=True),
     "warn is valid only with user_source=noaccess"),
    (chlauth(profile="APP", type="usermap", client_user="app", user_source="noaccess", check_client="required"),
     "check_client is valid only with user_source=map or channel"),
])
def test_what_the_keywords_hold_together_is_checked_before_anything_is_sent(options, message):
    with pytest.raises(MQInputError, match=message):
        plan(CHLAUTH, options, None)


def test_the_existing_user_source_decides_when_the_task_leaves_it_alone():
    with pytest.raises(MQInputError, match=r"warn is valid only with user_source=noaccess.*user_source=map \(as it exists\)"):
        plan(CHLAUTH, chlauth(profile="APP.SVRCONN", type="addressmap", address="10.1.*", warn=True), ADDRESSMAP)


BLOCKUSER = {"chlauth": "APP.SVRCONN", "type": "BLOCKUSER", "userlist": ["nobody", "Batch"], "warn": "NO", "descr": ""}


@pytest.mark.parametrize("users,action", [(["Batch", "nobody"], "unchanged"), (["nobody"], "updated"),
                                          (["nobody", "Batch", "mqm"], "updated"), (["nobody", "batch"], "updated")])
def test_a_list_converges_to_exactly_the_declared_list_in_any_order_case_kept(users, action):
    result = plan(CHLAUTH, chlauth(profile="APP.SVRCONN", type="blockuser", users=users), BLOCKUSER)
    assert result[0] == action
    if action == "updated":
        assert result[1] == ["SET CHLAUTH(APP.SVRCONN) TYPE(BLOCKUSER) USERLIST({0}) WARN(NO) ACTION(REPLACE)".format(
            ",".join(u if u.isupper() else "'{0}'".format(u) for u in users))]


def test_a_list_as_mqsc_text_compares_as_the_same_list():
    """DISPLAY may give a list as one comma-separated value; addresses compare without case (IPv6 hex digits)."""
    row = {"chlauth": "*", "type": "BLOCKADDR", "addrlist": "192.0.2.7, 2001:db8::1"}
    assert plan(CHLAUTH, chlauth(profile="*", type="blockaddr", addresses=["2001:DB8::1", "192.0.2.7"]), row)[0] == "unchanged"


def test_a_mixed_case_record_is_found_again_and_removed_as_mq_holds_it():
    row = {"chlauth": "APP.SVRCONN", "type": "USERMAP", "clntuser": "Batch", "address": " ", "usersrc": "CHANNEL"}
    ref = CHLAUTH.validate_entry(chlauth(profile="APP.SVRCONN", type="usermap", client_user="Batch", state="absent"))
    found = CHLAUTH.pick([row], ref)
    assert found is row
    assert CHLAUTH.pick([row], CHLAUTH.validate_entry(chlauth(profile="APP.SVRCONN", type="usermap", client_user="BATCH"))) is None
    command = delete_command(CHLAUTH, ref, found)
    assert command.text() == "SET CHLAUTH(APP.SVRCONN) TYPE(USERMAP) CLNTUSER('Batch') ACTION(REMOVE)"
    assert command.payload()["parameters"] == {"type": "USERMAP", "clntuser": "Batch", "action": "REMOVE"}


def test_remove_carries_only_what_ibm_lets_remove_take():
    """REMOVE takes the profile, TYPE and the key (IBM's table of what each ACTION accepts): never USERSRC, MCAUSER, DESCR or
    WARN, which it refuses with 3339 MQRCCF_WRONG_CHLAUTH_ACTION."""
    command = delete_command(CHLAUTH, None, ADDRESSMAP)
    assert set(command.parameters) == {"TYPE", "ADDRESS", "ACTION"}
    assert command.name == "APP.SVRCONN"


# -- AUTHREC ---------------------------------------------------------------------------------------------------------
QUEUE_RECORD = {"profile": "APP.Q", "objtype": "QUEUE", "entity": "app", "enttype": "PRINCIPAL", "authlist": ["GET", "PUT", "CRT"]}


def test_a_new_record_gets_its_authorities_expanded_and_the_identity_as_keywords():
    action, commands, applied = plan(AUTHREC, authrec(profile="APP.Q", object_type="queue", principal="app",
                                                      authorities=["put", "allmqi"]), None)
    assert action == "created"
    assert commands == ["SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') "
                        "AUTHADD(BROWSE,GET,INQ,PASSALL,PASSID,PUT,SET,SETALL,SETID)"]
    assert applied == {"AUTHLIST": ["BROWSE", "GET", "INQ", "PASSALL", "PASSID", "PUT", "SET", "SETALL", "SETID"]}


def test_a_record_without_authorities_is_created_with_none():
    assert plan(AUTHREC, authrec(profile="APP.Q", object_type="queue", group="apps"), None)[1] == [
        "SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) GROUP('apps') AUTHADD(NONE)"]


def test_exact_adds_what_is_missing_and_removes_what_is_extra_in_one_command():
    action, commands, applied = plan(AUTHREC, authrec(profile="APP.Q", object_type="queue", principal="app",
                                                      authorities=["put", "get", "inq"]), QUEUE_RECORD)
    assert (action, commands) == ("updated", ["SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(INQ) AUTHRMV(CRT)"])
    assert applied == {"AUTHLIST": ["GET", "INQ", "PUT"]}


def test_add_only_grants_and_is_satisfied_by_more():
    options = authrec(profile="APP.Q", object_type="queue", principal="app", authorities=["put", "inq"], mode="add")
    action, commands, applied = plan(AUTHREC, options, QUEUE_RECORD)
    assert commands == ["SET AUTHREC PROFILE(APP.Q) OBJTYPE(QUEUE) PRINCIPAL('app') AUTHADD(INQ)"]
    assert applied == {"AUTHLIST": ["CRT", "GET", "INQ", "PUT"]}
    assert plan(AUTHREC, dict(options, authorities=["put"]), QUEUE_RECORD)[0] == "unchanged"


@pytest.mark.parametrize("authlist", [["ALLMQI"], "BROWSE,GET,INQ,PASSALL,PASSID,PUT,SET,SETALL,SETID",
                                      ["SETID", "SETALL", "SET", "PUT", "PASSID", "PASSALL", "INQ", "GET", "BROWSE"]])
def test_a_shorthand_compares_with_what_it_stands_for_however_mq_shows_it(authlist):
    """Whether DISPLAY shows ALLMQI as it was granted or as the authorities it stands for, a re-run sends nothing."""
    row = dict(QUEUE_RECORD, authlist=authlist)
    assert plan(AUTHREC, authrec(profile="APP.Q", object_type="queue", principal="app", authorities=["allmqi"]), row)[0] == "unchanged"


def test_shorthands_expand_per_object_type():
    authlist = AUTHREC.by_keyword["AUTHLIST"]
    assert authlist.normalize(["ALL"], "QMGR") == {"ALTUSR", "CONNECT", "INQ", "SET", "SETALL", "SETID", "CHG", "DLT", "DSP", "SYSTEM"}
    assert authlist.normalize(["ALLADM"], "CHANNEL") == {"CHG", "CTRL", "CTRLX", "DLT", "DSP"}
    assert authlist.normalize(["ALLMQI"], "CHANNEL") == frozenset()
    assert authlist.normalize(["ALL"], "RQMNAME") == {"PUT"}
    assert authlist.normalize(["NONE"], "QUEUE") == frozenset()


def test_the_queue_managers_own_record_has_no_profile_and_is_told_apart_from_its_class_record():
    rows = AUTHREC.rows([{"profile": "@class", "objtype": "QMGR", "entity": "app", "enttype": "PRINCIPAL", "authlist": "NONE"},
                         {"profile": "self", "objtype": "QMGR", "entity": "app", "enttype": "PRINCIPAL", "authlist": "CONNECT"}])
    ref = AUTHREC.validate_entry(authrec(object_type="qmgr", principal="app", authorities=["connect", "inq"]))
    assert AUTHREC.pick(rows, ref) is rows[1]
    assert AUTHREC.facts(rows[1]) == {"profile": None, "object_type": "qmgr", "principal": "app", "authorities": ["connect"]}
    action, commands, _applied = plan(AUTHREC, authrec(object_type="qmgr", principal="app", authorities=["connect", "inq"]), rows[1])
    assert commands == ["SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('app') AUTHADD(INQ)"]
    assert delete_command(AUTHREC, ref, rows[1]).text() == "DELETE AUTHREC OBJTYPE(QMGR) PRINCIPAL('app')"


def test_a_group_and_a_principal_of_one_name_are_two_records():
    rows = AUTHREC.rows([dict(QUEUE_RECORD, enttype="GROUP"), QUEUE_RECORD])
    principal = AUTHREC.validate_entry(authrec(profile="APP.Q", object_type="queue", principal="app"))
    group = AUTHREC.validate_entry(authrec(profile="APP.Q", object_type="queue", group="app"))
    assert AUTHREC.pick(rows, principal)["principal"] == "app"
    assert AUTHREC.pick(rows, group)["group"] == "app"
    assert AUTHREC.label(group) == "APP.Q object_type=queue, group=app"


@pytest.mark.parametrize("otype,row,protected", [
    (CHLAUTH, {"chlauth": "*", "type": "BLOCKUSER", "userlist": "*MQADMIN"}, True),
    (CHLAUTH, {"chlauth": "SYSTEM.*", "type": "ADDRESSMAP", "address": "*"}, True),
    (CHLAUTH, {"chlauth": "APP.SVRCONN", "type": "BLOCKUSER"}, False),
    (AUTHREC, AUTHREC.rows([dict(QUEUE_RECORD, entity="mqm", enttype="GROUP")])[0], True),
    (AUTHREC, AUTHREC.rows([dict(QUEUE_RECORD, profile="@class")])[0], True),
    (AUTHREC, AUTHREC.rows([QUEUE_RECORD])[0], False),
])
def test_what_mq_makes_itself_is_protected_from_purge(otype, row, protected):
    assert otype.is_protected(row) == protected
