# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""NAMELIST, PROCESS, TOPIC and SUB definitions; DISPLAY/ALTER QMGR; DISPLAY QMSTATUS and its log fields."""

import re

import pytest


# ----- NAMELIST, PROCESS, TOPIC, SUB -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("qualifier, name, ident", [
    ("NAMELIST", "SYSTEM.DEFAULT.NAMELIST", {"namelist"}), ("PROCESS", "SYSTEM.DEFAULT.PROCESS", {"process"}),
    ("TOPIC", "SYSTEM.DEFAULT.TOPIC", {"topic", "type"}), ("TOPIC", "SYSTEM.BASE.TOPIC", {"topic", "type"}),
    ("SUB", "SYSTEM.DEFAULT.SUB", {"sub", "subid"}),
])
def test_system_default_objects_exist(client, qualifier, name, ident):
    assert set(client.ok("DISPLAY", qualifier, name)[0]) == ident


def test_namelist_define_alter_display_delete(client):
    client.ok("DEFINE", "NAMELIST", "CLUS.NL", params={"names": ["CL1", "CL2"], "descr": "clusters"})
    row = client.ok("DISPLAY", "NAMELIST", "CLUS.NL", resp=["all"])[0]
    assert (row["names"], row["namcount"], row["descr"]) == (["CL1", "CL2"], 2, "clusters")
    client.text("ALTER NL(CLUS.NL) NAMES(CL3)")
    assert client.ok("DISPLAY", "NAMELIST", "CLUS.NL", resp=["names", "namcount"])[0] == \
        {"namelist": "CLUS.NL", "names": ["CL3"], "namcount": 1}
    client.text("ALTER NAMELIST(CLUS.NL) NAMES(A, B, C)")
    assert client.ok("DISPLAY", "NAMELIST", "CLUS.NL", resp=["namcount"])[0]["namcount"] == 3
    client.fails(4005, "ALTER", "NAMELIST", "CLUS.NL", params={"names": ["N"] * 257})
    client.fails(4005, "ALTER", "NAMELIST", "CLUS.NL", params={"names": ["N" * 49]})
    client.fails(3014, "ALTER", "NAMELIST", "CLUS.NL", params={"nltype": "QUEUE"})  # NLTYPE is z/OS only
    client.ok("DELETE", "NAMELIST", "CLUS.NL", params={"authrec": "yes"})
    client.fails(2085, "DISPLAY", "NAMELIST", "CLUS.NL")


def test_process_defaults_and_values(client):
    client.ok("DEFINE", "PROCESS", "TRIG.PROC", params={"applicid": "/opt/app/run", "userdata": "x"})
    row = client.ok("DISPLAY", "PROCESS", "TRIG.PROC", resp=["all"])[0]
    assert (row["appltype"], row["applicid"], row["envrdata"]) == ("UNIX", "/opt/app/run", "")
    client.fails(4005, "ALTER", "PROCESS", "TRIG.PROC", params={"appltype": "amiga"})
    client.fails(4005, "ALTER", "PROCESS", "TRIG.PROC", params={"applicid": "x" * 257})
    client.fails(3014, "ALTER", "PROCESS", "TRIG.PROC", params={"maxdepth": 1})
    assert client.text("DIS PRO(TRIG.PROC)")[1]["commandResponse"][0]["text"][0] == "AMQ8407I: Display Process details."


def test_topic_needs_a_topic_string_that_alter_cannot_change(client):
    client.fails(4005, "DEFINE", "TOPIC", "SPORTS")
    client.ok("DEFINE", "TOPIC", "SPORTS", params={"topicstr": "Sports/Results", "defpsist": "yes"})
    row = client.ok("DISPLAY", "TOPIC", "SPORTS", resp=["all"])[0]
    assert (row["type"], row["topicstr"], row["defpsist"], row["defprty"], row["dursub"]) == \
        ("LOCAL", "Sports/Results", "YES", "ASPARENT", "ASPARENT")
    client.ok("ALTER", "TOPIC", "SPORTS", params={"defprty": 5, "pub": "disabled", "capexpry": "asparent"})
    client.fails(3014, "ALTER", "TOPIC", "SPORTS", params={"topicstr": "Other"})
    client.fails(4005, "ALTER", "TOPIC", "SPORTS", params={"defpsist": "maybe"})
    client.fails(4005, "ALTER", "TOPIC", "SPORTS", params={"defprty": 10})
    client.fails(4005, "ALTER", "TOPIC", "SPORTS", params={"type": "cluster"})
    base = client.ok("DISPLAY", "TOPIC", "SYSTEM.BASE.TOPIC", resp=["all"])[0]
    assert (base["topicstr"], base["defpsist"], base["dursub"], base["pub"]) == ("", "NO", "YES", "ENABLED")
    assert [r["topic"] for r in client.ok("DISPLAY", "TOPIC", "SP*", params={"type": "local"})] == ["SPORTS"]
    client.fails(2085, "DISPLAY", "TOPIC", "SP*", params={"type": "cluster"})


# Every attribute of IBM's DEFINE TOPIC 9.4 syntax page that a distributed queue manager takes, with a value that is not
# SYSTEM.DEFAULT.TOPIC's (IBM-DEF-TOPIC).
TOPIC_VALUES = {"capexpry": 600, "clroute": "TOPICHOST", "cluster": "CL1", "comminfo": "SYSTEM.DEFAULT.COMMINFO.MULTICAST",
                "custom": "KEY(V)", "defpresp": "ASYNC", "defprty": 7, "defpsist": "YES", "descr": "prices", "dursub": "NO",
                "mcast": "ENABLED", "mdurmdl": "APP.DUR.MODEL", "mndurmdl": "APP.NDUR.MODEL", "npmsgdlv": "ALL",
                "pmsgdlv": "ALLAVAIL", "proxysub": "FORCE", "pub": "DISABLED", "pubscope": "QMGR", "sub": "DISABLED",
                "subscope": "QMGR", "usedlq": "NO", "wildcard": "BLOCK"}


def test_topic_takes_every_attribute_of_its_syntax_page(client):
    client.ok("DEFINE", "TOPIC", "PRICES", params={"topicstr": "prices", "type": "local", **TOPIC_VALUES})
    row = client.ok("DISPLAY", "TOPIC", "PRICES", resp=["all"])[0]
    assert {key: row[key] for key in TOPIC_VALUES} == TOPIC_VALUES
    default = client.ok("DISPLAY", "TOPIC", "SYSTEM.DEFAULT.TOPIC", resp=["all"])[0]
    assert all(default[key] != value for key, value in TOPIC_VALUES.items())
    client.fails(4005, "ALTER", "TOPIC", "PRICES", params={"clroute": "none"})  # DIRECT or TOPICHOST only


@pytest.mark.parametrize("keyword, value", [("cmdscope", " "), ("qsgdisp", "QMGR"), ("otelpctl", "AUTO"), ("oteltrac", "ON")])
def test_topic_refuses_the_zos_only_keywords(client, keyword, value):
    """A distributed queue manager does not know them: refused like any unknown keyword, on DEFINE and on ALTER."""
    client.fails(3014, "DEFINE", "TOPIC", "ZOS.T", params={"topicstr": "zos", keyword: value})
    client.fails(2085, "DISPLAY", "TOPIC", "ZOS.T")
    client.fails(3014, "ALTER", "TOPIC", "SYSTEM.DEFAULT.TOPIC", params={keyword: value})


def test_one_topic_object_per_topic_string(client):
    """A second topic object with a string another one holds: 3300 MQRCCF_TOPICSTR_ALREADY_EXISTS (IBM-RC3300)."""
    client.ok("DEFINE", "TOPIC", "FRUIT", params={"topicstr": "prices/fruit"})
    message = client.fails(3300, "DEFINE", "TOPIC", "FRUIT.TOO", params={"topicstr": "prices/fruit"})
    assert message == ["MQRCCF_TOPICSTR_ALREADY_EXISTS: topic string 'prices/fruit' already exists in another topic object."]
    client.fails(3300, "DEFINE", "TOPIC", "FRUIT.LIKE", params={"like": "FRUIT"})  # LIKE copies the string too
    client.ok("DEFINE", "TOPIC", "FRUIT.CASE", params={"topicstr": "Prices/Fruit"})  # strings are case-sensitive
    client.fails(3300, "DEFINE", "TOPIC", "FRUIT.CASE", params={"topicstr": "prices/fruit", "replace": "yes"})
    assert client.ok("DISPLAY", "TOPIC", "FRUIT.CASE", resp=["topicstr"])[0]["topicstr"] == "Prices/Fruit"
    client.ok("DEFINE", "TOPIC", "FRUIT", params={"topicstr": "prices/fruit", "replace": "yes", "descr": "again"})
    assert [r["topic"] for r in client.ok("DISPLAY", "TOPIC", "FRUIT*")] == ["FRUIT", "FRUIT.CASE"]
    client.ok("DELETE", "TOPIC", "FRUIT")
    client.ok("DEFINE", "TOPIC", "FRUIT.TOO", params={"topicstr": "prices/fruit"})  # the string is free again


def test_subscription(client):
    client.fails(4005, "DEFINE", "SUB", "SUB1", params={"dest": "DEV.QUEUE.1"})  # TOPICSTR or TOPICOBJ needed
    client.ok("DEFINE", "SUB", "SUB1", params={"topicstr": "Sports/#", "dest": "DEV.QUEUE.1"})
    row = client.ok("DISPLAY", "SUB", "SUB1", resp=["all"])[0]
    assert re.fullmatch(r"414D5120[0-9A-F]{40}", row["subid"])
    assert (row["durable"], row["subtype"], row["destclas"], row["expiry"]) == ("YES", "ADMIN", "PROVIDED", "UNLIMITED")
    assert client.ok("DISPLAY", "SUB", "SUB1")[0] == {"sub": "SUB1", "subid": row["subid"]}
    client.ok("ALTER", "SUB", "SUB1", params={"dest": "DEV.QUEUE.2", "pubprty": 3})
    client.fails(3014, "ALTER", "SUB", "SUB1", params={"topicstr": "Other/#"})
    client.fails(4005, "ALTER", "SUB", "SUB1", params={"expiry": "soon"})
    assert client.ok("DISPLAY", "SUB", "*", params={"subtype": "admin"})
    client.ok("DELETE", "SUB", "SUB1")
    client.fails(2085, "DISPLAY", "SUB", "SUB1")


# Every attribute of IBM's DEFINE SUB page that a distributed queue manager takes, with a value that is not
# SYSTEM.DEFAULT.SUB's (IBM-DEF-SUB).
SUB_VALUES = {"dest": "APP.IN", "destcorl": "414D5143" + "0" * 40, "destqmgr": "QM2", "expiry": 36000, "psprop": "RFH2",
              "pubacct": "16" + "0" * 62, "pubappid": "prices feed", "pubprty": 3, "reqonly": "YES", "selector": "Region = 'EU'",
              "sublevel": 2, "subscope": "QMGR", "subuser": "app", "topicstr": "prices/#", "userdata": "u" * 10240,
              "varuser": "FIXED", "wschema": "CHAR"}


def test_subscription_takes_every_attribute_of_its_syntax_page(client):
    client.ok("DEFINE", "SUB", "PRICES.SUB", params=SUB_VALUES)
    row = client.ok("DISPLAY", "SUB", "PRICES.SUB", resp=["all"])[0]
    assert {key: row[key] for key in SUB_VALUES} == SUB_VALUES
    assert (row["destclas"], row["seltype"], row["subtype"], row["durable"]) == ("PROVIDED", "STANDARD", "ADMIN", "YES")
    default = client.ok("DISPLAY", "SUB", "SYSTEM.DEFAULT.SUB", resp=["all"])[0]
    assert all(default[key] != value for key, value in SUB_VALUES.items())
    assert (default["reqonly"], default["pubprty"], default["expiry"]) == ("NO", "ASPUB", "UNLIMITED")


@pytest.mark.parametrize("params", [{"reqonly": "all"}, {"pubprty": 10}, {"pubprty": "asparent"}, {"sublevel": 0}, {"sublevel": 10},
                                    {"expiry": "never"}, {"userdata": "u" * 10241}, {"pubappid": "a" * 33}, {"subuser": "u" * 13},
                                    {"pubacct": "0" * 65}, {"destcorl": "0" * 49}, {"dest": "Q" * 49}, {"psprop": "all"}])
def test_subscription_values_outside_the_syntax_page(client, params):
    client.fails(4005, "DEFINE", "SUB", "BAD.SUB", params={"topicstr": "a", "dest": "Q", **params})
    client.fails(2085, "DISPLAY", "SUB", "BAD.SUB")


def test_subscription_refuses_cmdscope_and_like(client):
    """CMDSCOPE is z/OS only and DEFINE SUB has no LIKE: a distributed queue manager refuses both as unknown keywords."""
    client.ok("DEFINE", "SUB", "S.ONE", params={"topicstr": "a", "dest": "Q"})
    client.fails(3014, "DEFINE", "SUB", "S.ZOS", params={"topicstr": "a", "dest": "Q", "cmdscope": " "})
    client.fails(3014, "ALTER", "SUB", "S.ONE", params={"cmdscope": " "})
    client.fails(3014, "DEFINE", "SUB", "S.TWO", params={"like": "S.ONE"})
    client.fails(2085, "DISPLAY", "SUB", "S.TWO")


def test_a_subscription_that_exists_is_3311_and_its_subid_is_the_definitions(client):
    client.ok("DEFINE", "SUB", "S.ID", params={"topicstr": "a", "dest": "Q"})
    first = client.ok("DISPLAY", "SUB", "S.ID")[0]["subid"]
    message = client.fails(3311, "DEFINE", "SUB", "S.ID", params={"topicstr": "a", "dest": "Q"})
    assert message == ["MQRCCF_SUB_ALREADY_EXISTS: subscription 'S.ID' already exists."]
    client.ok("DEFINE", "SUB", "S.ID", params={"topicstr": "a", "dest": "Q2", "replace": "yes"})
    assert client.ok("DISPLAY", "SUB", "S.ID", resp=["dest"])[0] == {"sub": "S.ID", "subid": first, "dest": "Q2"}
    client.ok("DELETE", "SUB", "S.ID")
    client.ok("DEFINE", "SUB", "S.ID", params={"topicstr": "a", "dest": "Q"})
    again = client.ok("DISPLAY", "SUB", "S.ID")[0]["subid"]
    assert re.fullmatch(r"414D5120[0-9A-F]{40}", again) and again != first  # a new definition, a new SUBID


def test_subscriptions_addressed_by_subid(client):
    """ALT SUB(xyz), ALT SUB SUBID(123) and ALT SUB(xyz) SUBID(123) are the forms IBM documents (IBM-ALT-SUB)."""
    client.ok("DEFINE", "SUB", "S.BYID", params={"topicstr": "a", "dest": "Q"})
    client.ok("DEFINE", "SUB", "S.OTHER", params={"topicstr": "b", "dest": "Q"})
    subid = client.ok("DISPLAY", "SUB", "S.BYID")[0]["subid"]
    client.ok("ALTER", "SUB", params={"subid": subid, "userdata": "by id"})
    client.text(f"ALTER SUB('S.BYID') SUBID({subid}) PUBPRTY(4)")
    assert client.ok("DISPLAY", "SUB", params={"subid": subid}, resp=["userdata", "pubprty"]) == \
        [{"sub": "S.BYID", "subid": subid, "userdata": "by id", "pubprty": 4}]
    client.fails(2085, "ALTER", "SUB", "S.OTHER", params={"subid": subid, "userdata": "x"})  # two subscriptions named
    client.fails(2085, "ALTER", "SUB", params={"subid": "414D5120" + "0" * 40, "userdata": "x"})
    client.fails(3014, "DEFINE", "SUB", "S.NEW", params={"topicstr": "a", "dest": "Q", "subid": subid})
    client.ok("DELETE", "SUB", params={"subid": subid})
    client.fails(2085, "DISPLAY", "SUB", "S.BYID")
    assert [r["sub"] for r in client.ok("DISPLAY", "SUB", "S.*")] == ["S.OTHER"]


def test_subscription_topic_object_and_destination(client):
    """TOPICOBJ must name a topic object, and TOPICSTR shows its string joined with the one given (reference §4); a
    destination is needed unless the queue manager manages it (IBM-DEF-SUB); 3317 for each mistake (IBM-RC3317)."""
    client.ok("DEFINE", "TOPIC", "PRICES", params={"topicstr": "prices"})
    client.ok("DEFINE", "SUB", "S.OBJ", params={"topicobj": "PRICES", "dest": "Q"})
    client.ok("DEFINE", "SUB", "S.BOTH", params={"topicobj": "PRICES", "topicstr": "fruit/#", "dest": "Q"})
    client.ok("DEFINE", "SUB", "S.ROOT", params={"topicobj": "SYSTEM.BASE.TOPIC", "topicstr": "news", "dest": "Q"})
    rows = client.ok("DISPLAY", "SUB", "S.*", resp=["topicobj", "topicstr"])
    assert [(r["sub"], r["topicobj"], r["topicstr"]) for r in rows] == [
        ("S.BOTH", "PRICES", "prices/fruit/#"), ("S.OBJ", "PRICES", "prices"), ("S.ROOT", "SYSTEM.BASE.TOPIC", "news")]
    client.fails(3317, "DEFINE", "SUB", "S.NOOBJ", params={"topicobj": "NO.SUCH.TOPIC", "dest": "Q"})
    client.fails(3317, "DEFINE", "SUB", "S.NODEST", params={"topicstr": "a"})
    client.fails(3317, "DEFINE", "SUB", "S.MANAGED", params={"topicstr": "a", "destclas": "managed", "dest": "Q"})
    client.ok("DEFINE", "SUB", "S.MANAGED", params={"topicstr": "a", "destclas": "managed"})
    managed = client.ok("DISPLAY", "SUB", "S.MANAGED", resp=["dest", "destclas"])[0]
    assert managed["destclas"] == "MANAGED" and managed["dest"].startswith("SYSTEM.MANAGED.DURABLE.")
    client.fails(3317, "ALTER", "SUB", "S.MANAGED", params={"dest": "Q"})
    client.fails(3317, "ALTER", "SUB", "S.OBJ", params={"dest": ""})
    # DEST and DESTQMGR are not checked: a queue of another queue manager, or one not defined yet (IBM-ALT-SUB).
    client.ok("ALTER", "SUB", "S.OBJ", params={"dest": "NOT.DEFINED", "destqmgr": "QM9"})


def test_subscription_names_may_hold_blanks_inside(client):
    """IBM-NAMING: subscription names can contain spaces; not at either end."""
    client.ok("DEFINE", "SUB", "my prices sub", params={"topicstr": "a", "dest": "Q"})
    assert client.text("DIS SUB('my prices sub')")[1]["commandResponse"][0]["completionCode"] == 0
    client.fails(4008, "DEFINE", "SUB", " lead", params={"topicstr": "a", "dest": "Q"})
    client.fails(4008, "DEFINE", "SUB", "trail ", params={"topicstr": "a", "dest": "Q"})
    client.fails(4008, "DEFINE", "TOPIC", "my topic", params={"topicstr": "a"})  # other objects' names have no blanks


@pytest.mark.parametrize("qualifier, keyword, value", [
    ("NAMELIST", "cmdscope", " "), ("NAMELIST", "qsgdisp", "QMGR"), ("NAMELIST", "nltype", "CLUSTER"),
    ("PROCESS", "cmdscope", " "), ("PROCESS", "qsgdisp", "QMGR"),
])
def test_namelist_and_process_refuse_their_zos_only_keywords(client, qualifier, keyword, value):
    client.fails(3014, "DEFINE", qualifier, "ZOS.OBJ", params={keyword: value})
    client.fails(2085, "DISPLAY", qualifier, "ZOS.OBJ")
    client.fails(3014, "ALTER", qualifier, f"SYSTEM.DEFAULT.{qualifier}", params={keyword: value})


def test_namelist_names_follow_the_naming_rules(client):
    client.ok("DEFINE", "NAMELIST", "NL.OK", params={"names": ["CL.A", "cl/b", "Q%1"]})
    client.fails(4005, "ALTER", "NAMELIST", "NL.OK", params={"names": ["HAS BLANK"]})
    client.fails(4005, "ALTER", "NAMELIST", "NL.OK", params={"names": [""]})
    client.text("ALTER NAMELIST(NL.OK) NAMES()")
    assert client.ok("DISPLAY", "NAMELIST", "NL.OK", resp=["names", "namcount"])[0] == {"namelist": "NL.OK", "names": [], "namcount": 0}


def test_process_application_types_of_9_4(client):
    """APPLTYPE: a keyword of the 9.4 ALTER PROCESS syntax or a number 0-999999999 (IBM-ALT-PROC, IBM-DEF-PROC)."""
    client.ok("DEFINE", "PROCESS", "P.USER", params={"appltype": 65536})
    client.ok("DEFINE", "PROCESS", "P.WIN", params={"appltype": "windows"})
    assert [r["appltype"] for r in client.ok("DISPLAY", "PROCESS", "P.*", resp=["appltype"])] == [65536, "WINDOWS"]
    for value in ("dos", "windowsnt", 1000000000, -1):
        client.fails(4005, "ALTER", "PROCESS", "P.USER", params={"appltype": value})


@pytest.mark.parametrize("qualifier", ["NAMELIST", "PROCESS", "TOPIC"])
def test_names_replace_and_like(client, qualifier):
    base = {"topicstr": "a/b"} if qualifier == "TOPIC" else {}
    client.fails(4008, "DEFINE", qualifier, "X" * 49, params=base)
    client.ok("DEFINE", qualifier, "OBJ.A", params={**base, "descr": "first"})
    client.fails(4001, "DEFINE", qualifier, "OBJ.A", params=base)
    client.ok("DEFINE", qualifier, "OBJ.A", params={**base, "replace": "yes", "descr": "second"})
    client.ok("DEFINE", qualifier, "OBJ.B", params={"like": "OBJ.A", **({"topicstr": "a/c"} if base else {})})
    assert client.ok("DISPLAY", qualifier, "OBJ.B", resp=["descr"])[0]["descr"] == "second"
    client.fails(3014, "DEFINE", qualifier, "OBJ.C", params={**base, "nosuch": "x"})
    client.fails(3014, "DELETE", qualifier, "OBJ.A", params={"purge": "yes"})


# ----- QMGR --------------------------------------------------------------------------------------------------------------------
def test_display_qmgr_shows_the_documented_attributes(client):
    row = client.ok("DISPLAY", "QMGR")[0]
    for key, value in {"qmname": "QM1", "cmdlevel": 942, "version": "09040200", "platform": "UNIX", "ccsid": 1208,
                       "maxhands": 256, "maxmsgl": 4194304, "maxprty": 9, "maxumsgs": 10000, "maxpropl": "NOLIMIT",
                       "deadq": "DEV.DEAD.LETTER.QUEUE", "defxmitq": "", "strstpev": "ENABLED", "perfmev": "DISABLED",
                       "commandq": "SYSTEM.ADMIN.COMMAND.QUEUE", "chlauth": "ENABLED"}.items():
        assert row[key] == value, key
    assert row["qmid"].startswith("QM1_") and row["sslkeyr"] == "/var/mqm/qmgrs/QM1/ssl/key"


def test_display_qmgr_event_group(client):
    row = client.ok("DISPLAY", "QMGR", resp=["event"])[0]
    assert set(row) == {"qmname", "authorev", "chadev", "chlev", "cmdev", "configev", "inhibtev", "localev", "loggerev",
                        "perfmev", "remoteev", "sslev", "strstpev"}


@pytest.mark.parametrize("params", [
    {"inhibtev": "enabled", "localev": "enabled", "perfmev": "enabled", "remoteev": "enabled", "strstpev": "disabled",
     "chlev": "exception", "sslev": "enabled", "configev": "enabled", "cmdev": "nodisplay", "authorev": "enabled"},
    {"maxumsgs": 5000, "maxpropl": "nolimit", "monq": "medium", "statq": "on", "schinit": "manual", "ccsid": 819},
])
def test_alter_qmgr_common_attributes(client, params):
    client.ok("ALTER", "QMGR", params=params)
    row = client.ok("DISPLAY", "QMGR", resp=list(params))[0]
    assert {k: row[k] for k in params} == {k: v.upper() if isinstance(v, str) else v for k, v in params.items()}


@pytest.mark.parametrize("params, reason", [
    ({"perfmev": "on"}, 4005), ({"cmdev": "exception"}, 4005), ({"monq": "qmgr"}, 4005), ({"cmdlevel": 930}, 3014),
    ({"platform": "WINDOWS"}, 3014), ({"nosuch": 1}, 3014), ({"loggerev": "enabled"}, 4005),
])
def test_alter_qmgr_refusals(client, params, reason):
    client.fails(reason, "ALTER", "QMGR", params=params)


def test_loggerev_with_linear_logging(srv, client):
    srv.model.set_qmstatus("QM1", logtype="LINEAR")
    client.ok("ALTER", "QMGR", params={"loggerev": "enabled"})


# ----- QMSTATUS ------------------------------------------------------------------------------------------------------------
LINEAR_ONLY = {"recsz", "mediasz", "archsz", "currlog", "medialog", "reclog"}


def test_qmstatus_circular_shows_type_and_omits_linear_fields(client):
    row = client.ok("DISPLAY", "QMSTATUS", resp=["all"])[0]
    assert list(row)[:3] == ["qmname", "type", "status"] and row["type"] == "QMGR"
    assert row["logtype"] == "CIRCULAR" and not LINEAR_ONLY & set(row)
    assert (row["loginuse"], row["logutil"], row["reusesz"]) == (13, 13, 0)


def test_qmstatus_linear_logging_shows_settable_linear_fields(srv, client):
    assert client.ctl("POST", "qmgr/QM1/qmstatus", {"logtype": "LINEAR", "recsz": 42})[0] == 200
    row = client.ok("DISPLAY", "QMSTATUS", resp=["all"])[0]
    assert LINEAR_ONLY <= set(row) and row["recsz"] == 42 and row["currlog"].endswith(".LOG")
    log = client.ok("DISPLAY", "QMSTATUS", resp=["log"])[0]
    assert {"logtype", "recsz", "loginuse"} <= set(log) and "conns" not in log
    srv.model.set_qmstatus("QM1", logtype="CIRCULAR")
    assert not LINEAR_ONLY & set(client.ok("DISPLAY", "QMSTATUS", resp=["all"])[0])  # set values stay hidden


def test_qmstatus_type_and_where(client):
    client.fails(4005, "DISPLAY", "QMSTATUS", params={"type": "nativeha"})
    assert client.ok("DISPLAY", "QMSTATUS", params={"type": "qmgr"})
    assert client.ok("DISPLAY", "QMSTATUS", params={"where": "logutil lt 50"})
    assert client.ok("DISPLAY", "QMSTATUS", params={"where": "logutil gt 50"}) == []
    body = client.text("DIS QMSTATUS ALL")[1]
    assert "TYPE(QMGR)" in " ".join(body["commandResponse"][0]["text"])
