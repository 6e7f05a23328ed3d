# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Channel exits as distributed MQ 9.4's DEFINE CHANNEL has them (objects.EXIT_LISTS): the security and message-retry exit one
name, the send, receive and message exits a list that runs in turn, each with its data; which types take which; the z/OS-only
keywords refused."""

import pytest

from mqemu import objects as O

SENDER = {"chltype": "SDR", "conname": "partner(1414)", "xmitq": "XQ"}


def test_a_sender_takes_every_exit_and_shows_the_lists_in_order(client):
    params = dict(SENDER, scyexit="/opt/mqm/exits/scy(ScyExit)", scydata="scy data", sendexit=["libsend(A)", "libsend(B)"],
                  senddata=["a", "b"], rcvexit=["librcv(R)"], rcvdata=["r"], msgexit=["libmsg(M1)", "libmsg(M2)"],
                  msgdata=["m1", "m2"])
    client.ok("DEFINE", "CHANNEL", "EX.SDR", params=params)
    row = client.ok("DISPLAY", "CHANNEL", "EX.SDR", resp=["all"])[0]
    assert {k: row[k] for k in params if k not in SENDER} == {k: v for k, v in params.items() if k not in SENDER}
    # ALTER replaces a list as a whole; runmqsc's form (names separated by commas, blanks or both) is the same list.
    client.ok("ALTER", "CHANNEL", "EX.SDR", params={"chltype": "SDR", "sendexit": "libsend(B), libsend(C)"})
    assert client.ok("DISPLAY", "CHANNEL", "EX.SDR", resp=["sendexit"])[0]["sendexit"] == ["libsend(B)", "libsend(C)"]
    client.ok("ALTER", "CHANNEL", "EX.SDR", params={"chltype": "SDR", "sendexit": []})
    assert client.ok("DISPLAY", "CHANNEL", "EX.SDR", resp=["sendexit"])[0]["sendexit"] == []


def test_a_new_channel_has_no_exits(client):
    client.ok("DEFINE", "CHANNEL", "EX.RCVR", params={"chltype": "RCVR"})
    row = client.ok("DISPLAY", "CHANNEL", "EX.RCVR", resp=["all"])[0]
    assert (row["scyexit"], row["mrexit"], row["sendexit"], row["msgexit"], row["msgdata"]) == ("", "", [], [], [])


@pytest.mark.parametrize("chltype,keyword", [("SVRCONN", "MSGEXIT"), ("CLNTCONN", "MSGDATA"), ("SDR", "MREXIT"),
                                             ("SVRCONN", "MRDATA"), ("AMQP", "SCYEXIT"), ("AMQP", "SENDEXIT")])
def test_an_exit_its_channel_type_does_not_have_is_refused(client, chltype, keyword):
    params = {"chltype": chltype, keyword.lower(): "lib(f)"}
    if chltype in ("SDR", "CLNTCONN"):
        params.update(conname="partner(1414)", **({"xmitq": "XQ"} if chltype == "SDR" else {}))
    client.fails(O.RC_WRONG_CHANNEL_TYPE, "DEFINE", "CHANNEL", "EX.WRONG", params=params)


@pytest.mark.parametrize("keyword,value", [("scyexit", "x" * 129), ("scydata", "d" * 33), ("sendexit", ["x" * 129]),
                                           ("senddata", ["ok", "d" * 33]), ("rcvexit", [""])])
def test_a_name_or_data_too_long_is_refused(client, keyword, value):
    client.fails(O.RC_ATTR_VALUE_ERROR, "DEFINE", "CHANNEL", "EX.LONG", params=dict(SENDER, **{keyword: value}))


@pytest.mark.parametrize("keyword", O.CHANNEL_ZOS_ONLY)
def test_the_zos_only_keywords_are_refused(client, keyword):
    client.fails(O.RC_PARM_ID_ERROR, "DEFINE", "CHANNEL", "EX.ZOS", params={"chltype": "SVRCONN", keyword.lower(): "QMGR"})
