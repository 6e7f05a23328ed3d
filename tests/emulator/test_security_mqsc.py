# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Security commands (README "Security"): SET/DISPLAY CHLAUTH with IBM's default records, every ACTION and TYPE, the
syntax rules and their reason codes, MATCH(GENERIC|EXACT|ALL|RUNCHECK); SET/DELETE/DISPLAY AUTHREC with the shorthands,
generic profiles, MATCH(PROFILE|EXACT|MEMBERSHIP), DISPLAY ENTAUTH; REFRESH SECURITY; the configurable behaviours."""

import pytest

from mqemu import EmulatorServer

DEFAULT_DESCR = {("*", "BLOCKUSER"): "Default rule to disallow privileged users",
                 ("SYSTEM.*", "ADDRESSMAP"): "Default rule to disable all SYSTEM channels",
                 ("SYSTEM.ADMIN.SVRCONN", "ADDRESSMAP"): "Default rule to allow MQ Explorer access"}


@pytest.fixture(scope="module")
def srv():
    """A queue manager as crtmqm makes it (seed system), with users app (group apps) and ops (group mqm)."""
    principals = {"app": ("apppw", ["apps"]), "ops": ("opspw", ["mqm"]), "other": ("otherpw", ["staff", "apps"])}
    with EmulatorServer(qmgrs=["QM1"], timing="zero", seed="system", principals=principals) as server:
        yield server


def chlauth(client, name, **params):
    return client.mqsc("SET", "CHLAUTH", name, params=params)


def ok_set(client, name, **params):
    return client.ok("SET", "CHLAUTH", name, params=params)


def rows(client, name="*", resp=None, **params):
    return client.ok("DISPLAY", "CHLAUTH", name, params=params or None, resp=resp)


def one(client, name, **params):
    found = rows(client, name, match="exact", **params)
    assert len(found) == 1, found
    return found[0]


# ----- CHLAUTH: the table of a new queue manager ------------------------------------------------------------------
def test_a_new_queue_manager_has_ibms_three_default_records(client):
    found = rows(client)
    assert {(r["chlauth"], r["type"]): r["descr"] for r in found} == DEFAULT_DESCR
    block = next(r for r in found if r["type"] == "BLOCKUSER")
    assert block == {**block, "userlist": ["*MQADMIN"], "warn": "NO", "custom": ""}
    system = next(r for r in found if r["chlauth"] == "SYSTEM.*")
    # [S] a real 9.4.2 record: ADDRESS(*) USERSRC(NOACCESS) WARN(NO), no CHCKCLNT on a NOACCESS record
    assert (system["address"], system["usersrc"], system["warn"]) == ("*", "NOACCESS", "NO") and "chckclnt" not in system
    admin = next(r for r in found if r["chlauth"] == "SYSTEM.ADMIN.SVRCONN")
    assert (admin["usersrc"], admin["chckclnt"]) == ("CHANNEL", "ASQMGR") and "warn" not in admin
    assert all(r["altdate"] and r["alttime"] for r in found)


def test_the_admin_svrconn_default_record_is_configurable():
    with EmulatorServer(qmgrs=["QM1"], config={"chlauth_admin_svrconn_default": False}) as server:
        status, body = server.model.run_mqsc("QM1", {"type": "runCommandJSON", "command": "display", "qualifier": "chlauth",
                                                     "name": "*"})
        assert status == 200
        assert {(e["parameters"]["chlauth"], e["parameters"]["type"]) for e in body["commandResponse"]} == \
            {("*", "BLOCKUSER"), ("SYSTEM.*", "ADDRESSMAP")}


def test_display_chlauth_as_runmqsc_text(client):
    status, body = client.text("DISPLAY CHLAUTH('*') TYPE(BLOCKUSER)")
    assert status == 200 and body["overallCompletionCode"] == 0
    text = body["commandResponse"][0]["text"]
    assert text[0] == "AMQ8878I: Display channel authentication record details."
    assert any("USERLIST(*MQADMIN)" in line for line in text) and any("TYPE(BLOCKUSER)" in line for line in text)


# ----- SET CHLAUTH: ACTION ---------------------------------------------------------------------------------------
def test_add_then_add_again_is_3337_replace_changes_remove_twice_is_3338(client):
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.*", usersrc="CHANNEL", descr="first")
    client.fails(3337, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "ADDRESSMAP", "address": "10.0.0.*", "usersrc": "CHANNEL"})
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.*", usersrc="MAP", mcauser="appuser", action="replace")
    record = one(client, "APP.SVRCONN")
    # REPLACE sets the whole record: the DESCR not given again is blank ([I])
    assert (record["usersrc"], record["mcauser"], record["descr"]) == ("MAP", "appuser", "")
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.*", action="remove")
    message = client.fails(3338, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "ADDRESSMAP", "address": "10.0.0.*",
                                                                          "action": "remove"})
    assert message[0] == "AMQ8884E: Channel authentication record not found."
    client.fails(3338, "DISPLAY", "CHLAUTH", "APP.SVRCONN")


def test_add_is_the_default_action_and_each_address_is_its_own_record(client):
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.1", usersrc="CHANNEL")
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.2", usersrc="NOACCESS")
    assert sorted(r["address"] for r in rows(client, "APP.SVRCONN")) == ["10.0.0.1", "10.0.0.2"]


def test_removeall_removes_every_record_of_the_profile_and_type_and_succeeds_on_none(client):
    for address in ("10.0.0.1", "10.0.0.2"):
        ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address=address, usersrc="CHANNEL")
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["bad"])
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", action="removeall")
    assert [r["type"] for r in rows(client, "APP.SVRCONN")] == ["BLOCKUSER"]
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", action="removeall")


@pytest.mark.parametrize("params,reason", [
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "CHANNEL", "action": "MERGE"}, 3327),
    ({"type": "NOSUCHTYPE"}, 3326),
    ({"address": "*", "usersrc": "CHANNEL"}, 3326),  # TYPE is required
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "CHANNEL", "userlist": ["x"]}, 3336),
    ({"type": "BLOCKUSER", "userlist": ["x"], "address": "*"}, 3336),
    ({"type": "QMGRMAP", "qmname": "QM9", "usersrc": "CHANNEL", "chckclnt": "REQUIRED"}, 3336),
    ({"type": "ADDRESSMAP", "address": "*", "descr": "x", "action": "REMOVE"}, 3339),
    ({"type": "ADDRESSMAP", "address": "*", "action": "REMOVEALL"}, 3339),
    ({"type": "USERMAP", "clntuser": "a", "usersrc": "CHANNEL", "action": "REMOVE"}, 3339),
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "CHANNEL", "mcauser": "x"}, 3340),
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "MAP", "mcauser": "x", "warn": "YES"}, 3340),
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "NOACCESS", "chckclnt": "REQUIRED"}, 3340),
    ({"type": "ADDRESSMAP", "address": "*"}, 3228),  # USERSRC(MAP) is the default and wants an MCAUSER
    ({"type": "ADDRESSMAP", "usersrc": "CHANNEL"}, 3228),  # ADDRESS is mandatory with ADDRESSMAP
    ({"type": "USERMAP", "usersrc": "CHANNEL"}, 3228),
    ({"type": "BLOCKUSER"}, 3228),
    ({"type": "USERMAP", "clntuser": "app*", "usersrc": "CHANNEL"}, 3348),
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "SOMETIMES"}, 3335),
    ({"type": "ADDRESSMAP", "address": "*", "usersrc": "CHANNEL", "chckclnt": "ALWAYS"}, 3370),
    ({"type": "BLOCKUSER", "userlist": ["x"], "warn": "MAYBE"}, 3341),
    ({"type": "BLOCKUSER", "userlist": ["x"], "cmdscope": "*"}, 3014),  # z/OS only
], ids=lambda v: v if isinstance(v, int) else None)
def test_set_chlauth_refusals(client, params, reason):
    message = client.fails(reason, "SET", "CHLAUTH", "APP.SVRCONN", params=params)
    assert message[0].startswith(("MQRCCF_", "AMQ"))
    assert len(rows(client)) == 3  # nothing was set


def test_blockaddr_profile_must_be_star(client):
    client.fails(3349, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "BLOCKADDR", "addrlist": ["10.9.9.9"]})
    client.fails(3349, "DISPLAY", "CHLAUTH", "APP.*", params={"type": "blockaddr"})
    ok_set(client, "*", type="BLOCKADDR", addrlist=["10.9.9.9"])
    assert one(client, "*", type="blockaddr")["addrlist"] == ["10.9.9.9"]


@pytest.mark.parametrize("address", ["192.0.2.*", "192.0.*", "192.0.*.2", "192.0.2.1-8", "192.0-3.*", "*", "::1",
                                     "host.example.com", "*.example.com"])
def test_generic_ip_addresses_ibm_allows(client, address):
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address=address, usersrc="CHANNEL")
    assert one(client, "APP.SVRCONN")["address"] == address


@pytest.mark.parametrize("address,reason", [("192.0*", 3345), ("192.0.*.*", 3345), ("192.0.2", 3345), ("300.0.0.1", 3345),
                                            ("1.2.3.4.5", 3345), ("192.0.2.8-1", 3346), ("192.0.2.4-4", 3346), ("a b", 3345)])
def test_generic_ip_addresses_ibm_refuses(client, address, reason):
    client.fails(reason, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "ADDRESSMAP", "address": address, "usersrc": "CHANNEL"})


def test_a_range_must_be_a_subset_superset_or_disjoint_of_another_on_the_profile(client):
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.1-10", usersrc="CHANNEL")
    client.fails(3343, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "ADDRESSMAP", "address": "10.0.0.5-20", "usersrc": "CHANNEL"})
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.2-3", usersrc="NOACCESS")  # subset
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.0.0.11-12", usersrc="NOACCESS")  # disjoint
    ok_set(client, "OTHER.SVRCONN", type="ADDRESSMAP", address="10.0.0.5-20", usersrc="CHANNEL")  # another profile
    client.fails(3343, "SET", "CHLAUTH", "*", params={"type": "BLOCKADDR", "addrlist": ["10.1.1.1-5", "10.1.1.3-9"]})


# ----- SET CHLAUTH: the blocking lists ------------------------------------------------------------------------------
def test_blockuser_list_add_appends_replace_swaps_remove_drops_entries_and_the_last_one_the_record(client):
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["alice", "bob"])
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["carol", "alice"])
    assert one(client, "APP.SVRCONN")["userlist"] == ["alice", "bob", "carol"]
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["Dave"], action="replace")
    assert one(client, "APP.SVRCONN")["userlist"] == ["Dave"]
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["nobody", "Dave"], action="replace")
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["Dave"], action="remove")
    assert one(client, "APP.SVRCONN")["userlist"] == ["nobody"]
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["nobody"], action="remove")
    client.fails(3338, "DISPLAY", "CHLAUTH", "APP.SVRCONN")
    client.fails(3338, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "BLOCKUSER", "userlist": ["x"], "action": "remove"})


def test_replace_with_an_empty_list_removes_the_record(client):
    ok_set(client, "*", type="BLOCKADDR", addrlist=["10.9.9.9", "10.9.9.10"])
    ok_set(client, "*", type="BLOCKADDR", addrlist=[], action="replace")
    client.fails(3338, "DISPLAY", "CHLAUTH", "*", params={"type": "blockaddr"})


def test_list_add_on_an_existing_record_can_be_configured_to_refuse(srv, client):
    ok_set(client, "APP.SVRCONN", type="BLOCKUSER", userlist=["alice"])
    srv.model.set_config(chlauth_list_add="exists")
    client.fails(3337, "SET", "CHLAUTH", "APP.SVRCONN", params={"type": "BLOCKUSER", "userlist": ["bob"]})
    assert one(client, "APP.SVRCONN")["userlist"] == ["alice"]


def test_list_values_can_be_configured_as_strings(srv, client):
    srv.model.set_config(security_list_values="string")
    assert one(client, "*", type="blockuser")["userlist"] == "*MQADMIN"


# ----- case ----------------------------------------------------------------------------------------------------------
def test_mixed_case_values_are_kept_and_an_unquoted_runmqsc_value_folds_to_upper_case(client):
    ok_set(client, "APP.SVRCONN", type="USERMAP", clntuser="testUser", usersrc="MAP", mcauser="appUser")
    record = one(client, "APP.SVRCONN")
    assert (record["clntuser"], record["mcauser"]) == ("testUser", "appUser")
    # The technote's trap: unquoted, runmqsc folds the value, so the record is not found (AMQ8884E).
    status, body = client.text("SET CHLAUTH('APP.SVRCONN') TYPE(USERMAP) CLNTUSER(testUser) ACTION(REMOVE)")
    assert body["commandResponse"][0]["reasonCode"] == 3338
    assert body["commandResponse"][0]["text"][0] == "AMQ8884E: Channel authentication record not found."
    status, body = client.text("SET CHLAUTH('APP.SVRCONN') TYPE(USERMAP) CLNTUSER('testUser') ACTION(REMOVE)")
    assert status == 200 and body["overallCompletionCode"] == 0
    client.fails(3338, "DISPLAY", "CHLAUTH", "APP.SVRCONN")


def test_channel_profiles_are_case_sensitive(client):
    ok_set(client, "app.svrconn", type="ADDRESSMAP", address="*", usersrc="CHANNEL")
    client.fails(3338, "DISPLAY", "CHLAUTH", "APP.SVRCONN")
    assert one(client, "app.svrconn")["chlauth"] == "app.svrconn"


# ----- DISPLAY CHLAUTH: MATCH -------------------------------------------------------------------------------------
def test_match_generic_exact_and_all(client):
    ok_set(client, "APP.*", type="ADDRESSMAP", address="*", usersrc="CHANNEL")
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="10.*", usersrc="NOACCESS")
    generic = {r["chlauth"] for r in rows(client, "SYSTEM.*")}
    assert generic == {"SYSTEM.*", "SYSTEM.ADMIN.SVRCONN"}  # asterisks in the name are wildcards
    assert {r["chlauth"] for r in rows(client, "SYSTEM.*", match="exact")} == {"SYSTEM.*"}  # literal
    assert {r["chlauth"] for r in rows(client, "APP.SVRCONN")} == {"APP.SVRCONN"}  # no asterisk: as EXACT
    # ALL: every record that would apply to a channel of that name
    assert {(r["chlauth"], r["type"]) for r in rows(client, "APP.SVRCONN", match="all")} == \
        {("*", "BLOCKUSER"), ("APP.*", "ADDRESSMAP"), ("APP.SVRCONN", "ADDRESSMAP")}
    assert {r["chlauth"] for r in rows(client, "*", type="blockuser")} == {"*"}
    client.fails(3342, "DISPLAY", "CHLAUTH", "APP.SVRCONN", params={"address": "10.1.1.1"})  # RUNCHECK only


def test_requested_attributes_add_to_the_identity(client):
    found = rows(client, "SYSTEM.*", resp=["descr"], match="exact")
    assert found == [{"chlauth": "SYSTEM.*", "type": "ADDRESSMAP", "address": "*",
                      "descr": DEFAULT_DESCR[("SYSTEM.*", "ADDRESSMAP")]}]
    client.fails(3014, "DISPLAY", "CHLAUTH", "*", resp=["nosuch"])


def test_runcheck_shows_the_record_a_channel_meets(client):
    found = rows(client, "SYSTEM.DEF.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="app")
    assert [(r["chlauth"], r["usersrc"]) for r in found] == [("SYSTEM.*", "NOACCESS")]
    # the more specific profile wins over SYSTEM.*
    found = rows(client, "SYSTEM.ADMIN.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="app")
    assert [(r["chlauth"], r["usersrc"]) for r in found] == [("SYSTEM.ADMIN.SVRCONN", "CHANNEL")]
    # USERMAP beats ADDRESSMAP on one profile; a client that asserts another user meets the ADDRESSMAP
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="192.0.2.*", usersrc="CHANNEL")
    ok_set(client, "APP.SVRCONN", type="USERMAP", clntuser="app", usersrc="MAP", mcauser="mapped")
    assert rows(client, "APP.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="app")[0]["type"] == "USERMAP"
    assert rows(client, "APP.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="bob")[0]["type"] == "ADDRESSMAP"


def test_runcheck_without_a_record_says_which_mcauser_the_channel_runs_with(client):
    client.ok("DEFINE", "CHANNEL", "APP.SVRCONN", params={"chltype": "SVRCONN", "mcauser": "appuser"})
    assert rows(client, "APP.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="app") == \
        [["AMQ9783I: Channel will run using MCAUSER('appuser')."]]
    assert rows(client, "NO.SUCH.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="app") == \
        [["AMQ9783I: Channel will run using MCAUSER('app')."]]


def test_runcheck_follows_a_warn_record_with_the_one_the_channel_uses(client):
    ok_set(client, "APP.*", type="ADDRESSMAP", address="*", usersrc="CHANNEL")
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="192.0.2.*", usersrc="NOACCESS", warn="yes")
    found = rows(client, "APP.SVRCONN", match="runcheck", address="192.0.2.1", clntuser="app")
    assert [(r["chlauth"], r["usersrc"]) for r in found] == [("APP.SVRCONN", "NOACCESS"), ("APP.*", "CHANNEL")]


@pytest.mark.parametrize("name,params,reason", [
    ("APP.*", {"address": "192.0.2.1"}, 3350),
    ("APP.SVRCONN", {"address": "192.0.2.*"}, 3350),
    ("APP.SVRCONN", {"address": "192.0.2.1", "clntuser": "a*"}, 3350),
    ("APP.SVRCONN", {"address": "192.0.2.1", "type": "BLOCKUSER"}, 3342),  # RUNCHECK must be combined with TYPE(ALL)
    ("APP.SVRCONN", {"address": "host.example.com"}, 3345),  # not a host name
])
def test_runcheck_refusals(client, name, params, reason):
    client.fails(reason, "DISPLAY", "CHLAUTH", name, params={"match": "runcheck", **params})


def test_precedence_of_profile_over_type_is_configurable(srv, client):
    ok_set(client, "APP.SVRCONN", type="ADDRESSMAP", address="*", usersrc="CHANNEL")
    ok_set(client, "APP.*", type="USERMAP", clntuser="app", usersrc="NOACCESS")
    check = {"match": "runcheck", "address": "192.0.2.1", "clntuser": "app"}
    assert rows(client, "APP.SVRCONN", **check)[0]["chlauth"] == "APP.SVRCONN"  # the most specific profile first
    srv.model.set_config(chlauth_precedence="type")
    assert rows(client, "APP.SVRCONN", **check)[0]["chlauth"] == "APP.*"  # USERMAP first, whatever the profile


# ----- AUTHREC ------------------------------------------------------------------------------------------------------
def authrec(client, **params):
    return client.ok("SET", "AUTHREC", params=params)


def auths(client, **params):
    return client.ok("DISPLAY", "AUTHREC", params=params)


def test_set_authrec_adds_and_removes_and_display_shows_the_record(client):
    client.ok("DEFINE", "QLOCAL", "APP.Q")
    assert authrec(client, profile="APP.Q", objtype="queue", principal="app", authadd=["put", "get"]) == \
        [["AMQ8862I: IBM MQ authority record set."]]
    authrec(client, profile="APP.Q", objtype="queue", principal="app", authadd=["inq", "put"], authrmv=["get"])
    found = auths(client, profile="APP.Q", objtype="queue", principal="app")
    assert found == [{"profile": "APP.Q", "entity": "app", "enttype": "PRINCIPAL", "objtype": "QUEUE", "authlist": ["INQ", "PUT"]}]
    authrec(client, profile="APP.Q", objtype="queue", principal="app", authadd=["put"])  # granting again changes nothing
    assert auths(client, profile="APP.Q", objtype="queue", principal="app")[0]["authlist"] == ["INQ", "PUT"]
    authrec(client, profile="APP.Q", objtype="queue", principal="app", authrmv=["inq", "put"])
    assert auths(client, profile="APP.Q", objtype="queue", principal="app")[0]["authlist"] == ["NONE"]


def test_the_queue_manager_profile_and_the_class_record(srv, client):
    authrec(client, objtype="qmgr", group="apps", authadd=["connect", "inq"])
    found = auths(client, objtype="qmgr", group="apps")
    assert [(r["profile"], r["authlist"]) for r in found] == [("@class", ["NONE"]), ("self", ["CONNECT", "INQ"])]
    srv.model.set_config(authrec_class_records=False)
    authrec(client, objtype="qmgr", principal="app", authadd=["connect"])
    assert [r["profile"] for r in auths(client, objtype="qmgr", principal="app")] == ["self"]


def test_runcommand_set_authrec_quotes_keep_the_case(client):
    status, body = client.text("SET AUTHREC OBJTYPE(QMGR) PRINCIPAL('app') AUTHADD(CONNECT)")
    assert status == 200 and body["commandResponse"][0]["text"] == ["AMQ8862I: IBM MQ authority record set."]
    status, body = client.text("SET AUTHREC OBJTYPE(QMGR) PRINCIPAL(app) AUTHADD(CONNECT)")  # folds to APP: no such user
    assert body["commandResponse"][0]["reasonCode"] == 2292
    status, body = client.text("DISPLAY AUTHREC OBJTYPE(QMGR) PRINCIPAL('app')")
    text = body["commandResponse"][-1]["text"]
    assert text[0] == "AMQ8864I: Display authority record details." and any("AUTHLIST(CONNECT)" in line for line in text)


@pytest.mark.parametrize("shorthand,objtype,expected", [
    ("ALLMQI", "queue", ["BROWSE", "GET", "INQ", "PUT", "PASSALL", "PASSID", "SET", "SETALL", "SETID"]),
    ("ALLADM", "queue", ["CHG", "CLR", "DLT", "DSP"]),
    ("ALLADM", "channel", ["CHG", "DLT", "DSP"]),
    ("ALL", "qmgr", ["ALTUSR", "CHG", "CONNECT", "CRT", "DLT", "DSP", "INQ", "SET", "SETALL", "SETID", "SYSTEM"]),
    ("ALLMQI", "topic", ["PASSALL", "PASSID", "SETALL", "SETID", "SUB", "RESUME", "PUB"]),
])
def test_shorthands_are_expanded_per_object_type(client, shorthand, objtype, expected):
    profile = {"qmgr": "QM1", "queue": "APP.**", "channel": "APP.**", "topic": "APP.**"}[objtype]  # QM1: the queue manager's
    params = {"objtype": objtype, "principal": "app", "authadd": [shorthand], "profile": profile}
    authrec(client, **params)
    found = auths(client, **{k: v for k, v in params.items() if k != "authadd"}, match="exact")
    assert found[0]["authlist"] == expected


def test_the_alladm_expansion_and_the_display_form_are_configurable(srv, client):
    srv.model.set_config(authrec_alladm="ibmi")
    authrec(client, profile="APP.**", objtype="channel", principal="app", authadd=["alladm"])
    assert auths(client, profile="APP.**", objtype="channel", principal="app")[0]["authlist"] == \
        ["CHG", "CRT", "DLT", "DSP", "CTRL", "CTRLX"]
    srv.model.set_config(authrec_display="shorthand")
    assert auths(client, profile="APP.**", objtype="channel", principal="app")[0]["authlist"] == ["ALL"]
    authrec(client, profile="APP.**", objtype="queue", principal="app", authadd=["allmqi", "chg"])
    assert auths(client, profile="APP.**", objtype="queue", principal="app")[0]["authlist"] == ["CHG", "ALLMQI"]


def test_the_entity_key_is_configurable(srv, client):
    srv.model.set_config(authrec_entity_key="entname")
    authrec(client, objtype="qmgr", principal="app", authadd=["connect"])
    row = client.ok("DISPLAY", "AUTHREC", params={"profile": "QM1", "objtype": "qmgr", "principal": "app", "match": "exact"},
                    resp=["entity", "authlist"])[0]
    assert row == {"profile": "self", "objtype": "QMGR", "entname": "app", "authlist": ["CONNECT"]}


@pytest.mark.parametrize("params,reason", [
    ({"profile": "APP.**", "principal": "app", "authadd": ["put"]}, 3173),
    ({"objtype": "queue", "principal": "app", "authadd": ["put"]}, 3347),
    ({"profile": "APP.**", "objtype": "queue", "authadd": ["put"]}, 3169),
    ({"profile": "APP.**", "objtype": "queue", "principal": "app", "group": "apps", "authadd": ["put"]}, 3095),
    ({"profile": "APP.**", "objtype": "queue", "principal": "app"}, 3172),
    ({"profile": "APP.**", "objtype": "queue", "principal": "app", "authadd": ["fly"]}, 3171),
    ({"objtype": "qmgr", "principal": "app", "authadd": ["get"]}, 3171),  # no GET on a queue manager
    ({"profile": "APP.**", "objtype": "queue", "principal": "app", "authadd": ["put"], "authrmv": ["put"]}, 3171),
    ({"profile": "APP.**", "objtype": "queue", "principal": "ghost", "authadd": ["put"]}, 2292),
    ({"profile": "APP.**", "objtype": "queue", "group": "ghosts", "authadd": ["put"]}, 2292),
    ({"profile": "NO.SUCH.Q", "objtype": "queue", "principal": "app", "authadd": ["put"]}, 2085),
    ({"profile": "A B", "objtype": "queue", "principal": "app", "authadd": ["put"]}, 3170),
    ({"profile": "APP.**", "objtype": "sandwich", "principal": "app", "authadd": ["put"]}, 4005),
], ids=lambda v: v if isinstance(v, int) else None)
def test_set_authrec_refusals(client, params, reason):
    client.fails(reason, "SET", "AUTHREC", params=params)
    client.fails(2085, "DISPLAY", "AUTHREC", params={"principal": "app"})  # nothing was set


def test_userexternal_allows_principals_the_host_does_not_know(srv, client):
    srv.model.set_config(oam_security_policy="userexternal")
    authrec(client, objtype="qmgr", principal="ghost", authadd=["connect"])
    assert auths(client, profile="QM1", objtype="qmgr", principal="ghost", match="exact")[0]["authlist"] == ["CONNECT"]


def test_group_based_authorization_stores_a_principals_grant_on_its_primary_group(srv, client):
    srv.model.set_config(oam_security_policy="group")
    authrec(client, objtype="qmgr", principal="other", authadd=["connect"])
    found = auths(client, profile="QM1", objtype="qmgr", match="exact")
    assert [(r["entity"], r["enttype"]) for r in found] == [("staff", "GROUP")]
    assert client.ok("DISPLAY", "ENTAUTH", params={"objtype": "qmgr", "principal": "other"})[0]["authlist"] == ["CONNECT"]
    assert client.ok("DISPLAY", "ENTAUTH", params={"objtype": "qmgr", "principal": "app"})[0]["authlist"] == ["NONE"]


def test_delete_authrec_and_ignstate(client):
    authrec(client, profile="APP.**", objtype="queue", principal="app", authadd=["put"])
    assert client.ok("DELETE", "AUTHREC", params={"profile": "APP.**", "objtype": "queue", "principal": "app"}) == \
        [["IBM MQ authority record deleted."]]
    client.fails(2085, "DISPLAY", "AUTHREC", params={"profile": "APP.**", "objtype": "queue", "principal": "app"})
    # QUEUE: IGNSTATE(YES) is the default and NO is not valid; CHANNEL: a missing record is an error unless IGNSTATE(YES)
    client.ok("DELETE", "AUTHREC", params={"profile": "APP.**", "objtype": "queue", "principal": "app"})
    client.fails(4005, "DELETE", "AUTHREC", params={"profile": "APP.**", "objtype": "queue", "principal": "app", "ignstate": "no"})
    client.fails(2085, "DELETE", "AUTHREC", params={"profile": "APP.**", "objtype": "channel", "principal": "app"})
    client.ok("DELETE", "AUTHREC", params={"profile": "APP.**", "objtype": "channel", "principal": "app", "ignstate": "yes"})


def test_runcommandjson_name_is_the_profile(client):
    client.ok("SET", "AUTHREC", "APP.**", params={"objtype": "queue", "principal": "app", "authadd": ["put"]})
    assert auths(client, profile="APP.**", objtype="queue")[0]["authlist"] == ["PUT"]
    client.fails(3095, "SET", "AUTHREC", "APP.**", params={"profile": "X.**", "objtype": "queue", "principal": "app",
                                                           "authadd": ["put"]})


def test_display_match_profile_exact_and_membership(client):
    client.ok("DEFINE", "QLOCAL", "AB.CD")
    authrec(client, profile="AB.*", objtype="queue", principal="app", authadd=["put"])
    authrec(client, profile="AB.C*", objtype="queue", group="apps", authadd=["get"])
    authrec(client, profile="AB.CD", objtype="queue", group="staff", authadd=["browse"])
    authrec(client, profile="XY.*", objtype="queue", principal="app", authadd=["inq"])
    assert {r["profile"] for r in auths(client, profile="AB.CD", objtype="queue")} == {"AB.*", "AB.C*", "AB.CD"}
    assert {r["profile"] for r in auths(client, profile="AB.CD", objtype="queue", match="exact")} == {"AB.CD"}
    assert {r["profile"] for r in auths(client, profile="AB.CD", objtype="queue", principal="app")} == {"AB.*"}
    membership = auths(client, profile="AB.CD", objtype="queue", principal="app", match="membership")
    assert {(r["profile"], r["entity"]) for r in membership} == {("AB.*", "app"), ("AB.C*", "apps")}
    assert {r["objtype"] for r in auths(client, principal="app")} == {"QUEUE"}
    client.fails(4005, "DISPLAY", "AUTHREC", params={"group": "apps", "match": "membership"})


def test_entauth_uses_the_most_specific_profile_of_each_entity(client):
    # [V] IBM "Profile priorities": AB.* put and AB.C* get for fred; AB.CD has get authority
    client.ok("DEFINE", "QLOCAL", "AB.CD")
    authrec(client, profile="AB.*", objtype="queue", group="apps", authadd=["put"])
    authrec(client, profile="AB.C*", objtype="queue", group="apps", authadd=["get"])
    row = client.ok("DISPLAY", "ENTAUTH", params={"objname": "AB.CD", "objtype": "queue", "principal": "app"})[0]
    assert row == {"entity": "app", "enttype": "PRINCIPAL", "objname": "AB.CD", "objtype": "QUEUE", "authlist": ["GET"]}
    authrec(client, profile="AB.CD", objtype="queue", principal="app", authadd=["browse"])  # the principal's own record adds
    assert client.ok("DISPLAY", "ENTAUTH", params={"objname": "AB.CD", "objtype": "queue", "principal": "app"})[0]["authlist"] \
        == ["BROWSE", "GET"]
    assert client.ok("DISPLAY", "ENTAUTH", params={"objname": "AB.XY", "objtype": "queue", "group": "apps"})[0]["authlist"] \
        == ["PUT"]
    # members of mqm are administrators: every authority of the type
    admin = client.ok("DISPLAY", "ENTAUTH", params={"objtype": "qmgr", "principal": "ops"})[0]
    assert "CONNECT" in admin["authlist"] and "SYSTEM" in admin["authlist"]
    client.fails(3347, "DISPLAY", "ENTAUTH", params={"objtype": "queue", "principal": "app"})
    client.fails(2292, "DISPLAY", "ENTAUTH", params={"objtype": "qmgr", "principal": "ghost"})


@pytest.mark.parametrize("profile,name,matches", [
    ("AB.?D", "AB.CD", True), ("AB.?D", "AB.CCD", False), ("ABC.*.JKL", "ABC.DEF.JKL", True), ("ABC.*.JKL", "ABC.D.E.JKL", False),
    ("AB*", "ABCDEF", True), ("AB*", "ABCDEF.XYZ", False), ("ABC.**.XYZ", "ABC.DEF.GHI.XYZ", True), ("ABC.**.XYZ", "ABC.XYZ", True),
    ("DEV.**", "DEV.QUEUE.1", True), ("**", "ANY.THING", True), ("DEV.**", "DEVX.Q", False),
])
def test_generic_oam_profiles(client, profile, name, matches):
    authrec(client, profile=profile, objtype="queue", principal="app", authadd=["put"])
    held = client.ok("DISPLAY", "ENTAUTH", params={"objname": name, "objtype": "queue", "principal": "app"})[0]["authlist"]
    assert held == (["PUT"] if matches else ["NONE"])


# ----- REFRESH SECURITY --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("params", [None, {"type": "authserv"}, {"type": "connauth"}, {"type": "ssl"}])
def test_refresh_security_types(client, params):
    assert client.ok("REFRESH", "SECURITY", params=params) == [["AMQ8560I: IBM MQ security cache refreshed."]]


def test_refresh_security_text_and_refusals(client):
    status, body = client.text("REFRESH SECURITY(*) TYPE(CONNAUTH)")
    assert status == 200 and body["commandResponse"][0]["text"] == ["AMQ8560I: IBM MQ security cache refreshed."]
    client.fails(4005, "REFRESH", "SECURITY", params={"type": "classes"})  # z/OS only
    client.fails(4005, "REFRESH", "SECURITY", "MQADMIN")
    client.fails(3014, "REFRESH", "SECURITY", params={"type": "ssl", "cmdscope": "*"})


def test_security_commands_are_journalled_as_mutations(srv, client):
    srv.model.clear_journal()
    client.ok("SET", "CHLAUTH", "APP.SVRCONN", params={"type": "BLOCKUSER", "userlist": ["x"]})
    client.ok("DISPLAY", "CHLAUTH", "*")
    client.ok("REFRESH", "SECURITY")
    assert [(e["command"], e["qualifier"], e["mutating"]) for e in srv.model.journal()] == \
        [("SET", "CHLAUTH", True), ("DISPLAY", "CHLAUTH", False), ("REFRESH", "SECURITY", True)]


def test_a_read_only_user_cannot_set_and_a_webuser_gets_2035(srv):
    from conftest import Client  # pylint: disable=import-outside-toplevel,import-error
    reader = Client(srv, "reader")
    status, _body = reader.mqsc("SET", "CHLAUTH", "APP.SVRCONN", params={"type": "BLOCKUSER", "userlist": ["x"]})
    assert status == 403
    assert reader.ok("DISPLAY", "CHLAUTH", "*")
