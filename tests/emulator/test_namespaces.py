# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""CLNTCONN channels live in the client channel table, a namespace of their own (reference §10): a SVRCONN and a CLNTCONN
may share a name, and each command addresses one of them."""

import pytest

NAME = "APP.CHL"
CLNT = {"chltype": "CLNTCONN", "conname": "mqhost(1414)"}


@pytest.fixture
def pair(client):
    client.ok("DEFINE", "CHANNEL", NAME, params={"chltype": "SVRCONN", "descr": "server"})
    client.ok("DEFINE", "CHANNEL", NAME, params=dict(CLNT, descr="client"))
    return client


def _types(client, *params):
    return [(r["chltype"], r["descr"]) for r in client.ok("DISPLAY", "CHANNEL", NAME, *params, resp=["descr"])]


def test_one_name_two_channels_and_display_selects_by_type(pair):
    assert _types(pair) == [("SVRCONN", "server"), ("CLNTCONN", "client")]
    assert _types(pair, {"chltype": "CLNTCONN"}) == [("CLNTCONN", "client")]
    assert _types(pair, {"type": "svrconn"}) == [("SVRCONN", "server")]
    assert _types(pair, {"type": "ALL"}) == [("SVRCONN", "server"), ("CLNTCONN", "client")]
    pair.fails(2085, "DISPLAY", "CHANNEL", NAME, {"chltype": "SDR"})
    # A name is still unique within each table.
    pair.fails(4001, "DEFINE", "CHANNEL", NAME, params=dict(CLNT))
    pair.fails(4001, "DEFINE", "CHANNEL", NAME, params={"chltype": "RCVR"})


def test_alter_addresses_the_table_of_its_chltype(pair):
    pair.ok("ALTER", "CHANNEL", NAME, params={"chltype": "CLNTCONN", "descr": "client 2"})
    pair.ok("ALTER", "CHANNEL", NAME, params={"chltype": "SVRCONN", "maxinst": 5})
    assert _types(pair) == [("SVRCONN", "server"), ("CLNTCONN", "client 2")]
    pair.fails(3034, "ALTER", "CHANNEL", NAME, params={"chltype": "RCVR", "descr": "x"})  # the queue manager's one is a SVRCONN


def test_delete_takes_chltable(pair, srv):
    pair.ok("DELETE", "CHANNEL", NAME, params={"chltable": "CLNTTBL"})
    assert _types(pair) == [("SVRCONN", "server")]
    pair.fails(2085, "DELETE", "CHANNEL", NAME, params={"chltable": "CLNTTBL"})
    pair.fails(4005, "DELETE", "CHANNEL", NAME, params={"chltable": "OTHER"})
    pair.ok("DEFINE", "CHANNEL", NAME, params=dict(CLNT, descr="client"))
    pair.ok("DELETE", "CHANNEL", NAME)  # QMGRTBL, the default: the server one
    assert _types(pair) == [("CLNTCONN", "client")]
    pair.fails(2085, "DELETE", "CHANNEL", NAME)  # QMGRTBL holds no CLNTCONN
    srv.model.set_config(delete_channel_default_table="either")
    pair.ok("DELETE", "CHANNEL", NAME)
    pair.fails(2085, "DISPLAY", "CHANNEL", NAME)
    pair.fails(3014, "DELETE", "LISTENER", "SYSTEM.DEFAULT.LISTENER.TCP", params={"chltable": "CLNTTBL"})


def test_start_stop_and_status_belong_to_the_server_channel(pair, srv):
    pair.ok("START", "CHANNEL", NAME)  # re-enables the SVRCONN; the CLNTCONN is not in the way
    assert pair.ctl("POST", f"qmgr/QM1/channel/{NAME}/clients", {"count": 1})[0] == 200
    assert [(r["chltype"], r["status"]) for r in pair.ok("DISPLAY", "CHSTATUS", NAME)] == [("SVRCONN", "RUNNING")]
    pair.ok("STOP", "CHANNEL", NAME)
    pair.ok("DELETE", "CHANNEL", NAME, params={"chltable": "CLNTTBL"})  # the client definition has no status to stop
    pair.ok("DELETE", "CHANNEL", NAME)
    pair.ok("DEFINE", "CHANNEL", NAME, params=dict(CLNT))
    pair.fails(3034, "START", "CHANNEL", NAME)  # only a CLNTCONN has the name: START is not valid for it
