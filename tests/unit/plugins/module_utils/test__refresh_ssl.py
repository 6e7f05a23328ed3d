# Copyright (c) mqrest.admin contributors
# GNU General Public License v3.0+ (see LICENSES/GPL-3.0-or-later.txt or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""_refresh_ssl: which channels the refresh bounces, when each counts as back, the clients' share, the failures, check mode.

A fake client scripts what DISPLAY CHSTATUS(*) shows on each read (the first is the capture before the refresh), on a fake
clock, so each rule is judged on exactly the records it is about.
"""

from __future__ import annotations

import pytest

from ansible_collections.mqrest.admin.plugins.module_utils._errors import MQCommandError, MQError, MQHTTPError, MQTransportError
from ansible_collections.mqrest.admin.plugins.module_utils._refresh_ssl import COMMAND, refresh_ssl
from ansible_collections.mqrest.admin.plugins.module_utils._types import REGISTRY

TLS = "ANY_TLS12_OR_HIGHER"
DEFINITIONS = [
    {"channel": "QM1.TO.QM2", "chltype": "SDR", "sslciph": TLS},
    {"channel": "QM2.TO.QM1", "chltype": "RCVR", "sslciph": TLS},
    {"channel": "APP.TLS", "chltype": "SVRCONN", "sslciph": TLS},
    # A client channel definition of the same name lives in the client channel table: never a running channel here.
    {"channel": "APP.TLS", "chltype": "CLNTCONN", "sslciph": TLS},
    {"channel": "PLAIN.TO.QM2", "chltype": "SDR", "sslciph": ""},
]


def row(name, chltype, status="RUNNING", started="10.00.00"):
    return {"channel": name, "chltype": chltype, "status": status, "chstada": "2026-12-06", "chstati": started}


def clients(count, started="10.00.00"):
    return [row("APP.TLS", "SVRCONN", started=started)] * count


BEFORE = [row("QM1.TO.QM2", "SDR"), row("QM2.TO.QM1", "RCVR"), row("PLAIN.TO.QM2", "SDR")] + clients(5)


class FakeClient:
    """What refresh_ssl uses of MQClient: DISPLAY CHANNEL(*) answers ``definitions``; each DISPLAY CHSTATUS(*) answers the
    next of ``statuses`` (an exception is raised), the last one again once they run out; ``refused``: what REFRESH raises."""

    qmgr = "QM1"

    def __init__(self, statuses, definitions=None, refused=None, check_mode=False, clock=None):
        self.statuses = list(statuses)
        self.definitions = DEFINITIONS if definitions is None else definitions
        self.refused = refused
        self.check_mode = check_mode
        self.clock = clock
        self.sent = []
        self.reads = []
        self.applied = 0

    @property
    def changed(self):
        return self.applied > 0

    def display(self, qualifier, name=None, parameters=None, retry=None):
        self.reads.append((qualifier, name, self.clock() if self.clock else None))
        if qualifier == "CHANNEL":
            return list(self.definitions)
        assert (qualifier, name) == ("CHSTATUS", "*")
        answer = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        if isinstance(answer, Exception):
            raise answer
        return answer

    def refresh_security(self, security_type):
        self.sent.append("REFRESH SECURITY TYPE({0})".format(security_type))
        if self.check_mode:
            return
        if self.refused is not None:
            raise self.refused
        self.applied += 1


def run(client, fake_clock, **options):
    client.clock = fake_clock
    options.setdefault("timeout", 10.0)
    options.setdefault("poll_interval", 1.0)
    return refresh_ssl(client, clock=fake_clock, sleep=fake_clock.sleep, **options)


def by_name(result, key="channels"):
    return {entry["name"]: entry for entry in result[key]}


def test_only_the_tls_senders_renegotiate_by_themselves():
    lifecycle = REGISTRY["channel"].lifecycle
    assert sorted(lifecycle.renegotiates) == ["CLUSSDR", "SDR", "SVR"]
    assert not any(lifecycle.restarted_by_refresh(t) for t in ("RCVR", "RQSTR", "CLUSRCVR", "SVRCONN"))


def test_every_tls_channel_comes_back_with_its_down_time_and_the_clients_reconnect(fake_clock):
    after_refresh = [row("PLAIN.TO.QM2", "SDR"), row("QM1.TO.QM2", "SDR", "BINDING", "10.05.00")]  # inbound and clients gone
    sender_back = [row("PLAIN.TO.QM2", "SDR"), row("QM1.TO.QM2", "SDR", started="10.05.00")] + clients(2, "10.05.01")
    all_back = sender_back + [row("QM2.TO.QM1", "RCVR", started="10.05.02")] + clients(3, "10.05.02")
    client = FakeClient([BEFORE, after_refresh, sender_back, all_back])
    result = run(client, fake_clock)
    assert client.sent == [COMMAND] and result["commands"] == [COMMAND]
    assert (result["changed"], result["type"], result["waited"], result["not_running"]) == (True, "SSL", True, [])
    channels = by_name(result)
    # The plain sender is not a TLS channel: the refresh leaves it alone, so it is not in the result.
    assert sorted(channels) == ["QM1.TO.QM2", "QM2.TO.QM1"]
    sender, receiver = channels["QM1.TO.QM2"], channels["QM2.TO.QM1"]
    assert (sender["type"], sender["direction"], sender["status_before"], sender["status_after"], sender["back"]) == \
        ("sdr", "outbound", "RUNNING", "RUNNING", True)
    assert (receiver["type"], receiver["direction"], receiver["back"]) == ("rcvr", "inbound", True)
    # Each is back at the first poll that sees it so; the receiver one poll after the sender.
    assert 0 < sender["down_seconds"] < receiver["down_seconds"]
    assert result["clients"] == {"before": 5, "after": 5, "share_required": 5, "back": True}
    assert result["polls"] == 3


def test_the_refresh_goes_a_second_after_the_capture_so_a_new_instance_shows_another_start_time(fake_clock):
    """CHSTATI has a resolution of a second: an instance that started just before the capture and its restart after the
    refresh could show the same one, unless the refresh is sent at least a second after the capture read them."""
    client = FakeClient([BEFORE, BEFORE])
    with pytest.raises(MQError):
        run(client, fake_clock, timeout=2.0)
    capture_read = [t for q, _n, t in client.reads if q == "CHSTATUS"][0]
    refreshed_at = [t for q, _n, t in client.reads if q == "CHSTATUS"][1]  # the first poll follows the refresh at once
    assert refreshed_at - capture_read >= 1.0 and fake_clock.sleeps[0] == 1.0
    # Nothing to tell apart (no TLS channel ran), or no wait: no pause.
    fake_clock.sleeps.clear()
    run(FakeClient([[row("PLAIN.TO.QM2", "SDR")]]), fake_clock)
    run(FakeClient([BEFORE]), fake_clock, wait=False)
    assert fake_clock.sleeps == []


def test_a_sender_still_running_on_its_old_instance_was_not_restarted(fake_clock):
    client = FakeClient([BEFORE, BEFORE])
    with pytest.raises(MQError) as failure:
        run(client, fake_clock, timeout=5.0)
    message, result = failure.value.msg, failure.value.result
    assert "QM1.TO.QM2 (sdr, outbound): still RUNNING with the start time it had before the refresh: it was not restarted" in message
    assert "QM2.TO.QM1 (rcvr, inbound): still RUNNING" in message
    assert by_name(result)["QM1.TO.QM2"]["back"] is False and by_name(result)["QM1.TO.QM2"]["down_seconds"] is None


def test_a_channel_that_comes_back_in_the_same_second_counts_once_a_poll_saw_it_down(fake_clock):
    """An instance that restarted within the second its predecessor started shows the same CHSTATI; a poll that saw it
    without a RUNNING instance after the refresh proves the restart."""
    down = [row("QM1.TO.QM2", "SDR", "STARTING"), row("QM2.TO.QM1", "RCVR", "RUNNING", "10.00.09")] + clients(5)
    client = FakeClient([BEFORE, down, BEFORE])
    result = run(client, fake_clock)
    assert by_name(result)["QM1.TO.QM2"]["back"] is True and result["polls"] == 2


def test_a_channel_that_never_comes_back_fails_the_task_naming_it_and_its_last_status(fake_clock):
    """The missing label: the sender retries its handshake, the receiver on the other side never sees it again."""
    after = [row("QM1.TO.QM2", "SDR", "RETRYING", "10.05.00")] + clients(5, "10.05.00")
    client = FakeClient([BEFORE, after])
    with pytest.raises(MQError) as failure:
        run(client, fake_clock, timeout=30.0, poll_interval=5.0)
    message, result = failure.value.msg, failure.value.result
    assert message.startswith("REFRESH SECURITY TYPE(SSL) on QM1: 2 of the TLS channels did not come back within 30s: ")
    assert "QM1.TO.QM2 (sdr, outbound): last seen: RETRYING" in message
    assert "QM2.TO.QM1 (rcvr, inbound): last seen: no status record" in message
    assert "cannot use its certificate" in message  # what to check
    assert [(c["name"], c["status_after"], c["down_seconds"], c["back"]) for c in result["channels"]] == [
        ("QM1.TO.QM2", "RETRYING", None, False), ("QM2.TO.QM1", "no status record", None, False)]
    assert result["clients"]["back"] is True and result["changed"] is True
    # A second between the capture and the refresh (STAMP_RESOLUTION), then the whole timeout after the refresh answered,
    # polling at most poll_interval apart, never past the deadline.
    assert fake_clock.sleeps[0] == 1.0
    assert sum(fake_clock.sleeps[1:]) == pytest.approx(30.0) and max(fake_clock.sleeps[1:]) <= 5.0


@pytest.mark.parametrize("share,needed,back", [(0.9, 5, False), (0.8, 4, True), (0.0, 0, True)])
def test_clients_are_back_at_their_share_of_the_count_before_rounded_up(fake_clock, share, needed, back):
    after = [row("QM1.TO.QM2", "SDR", started="10.05.00"), row("QM2.TO.QM1", "RCVR", started="10.05.00")] + clients(4, "10.05.00")
    client = FakeClient([BEFORE, after])
    if back:
        result = run(client, fake_clock, connections_share=share)
        assert result["clients"] == {"before": 5, "after": 4, "share_required": needed, "back": True}
        return
    with pytest.raises(MQError) as failure:
        run(client, fake_clock, connections_share=share)
    assert "the TLS clients are 4 of the 5 needed (5 before the refresh)" in failure.value.msg
    assert "did not come back" not in failure.value.msg  # every channel did
    assert failure.value.result["clients"] == {"before": 5, "after": 4, "share_required": 5, "back": False}


def test_check_mode_reads_and_says_what_it_would_bounce(fake_clock):
    client = FakeClient([BEFORE], check_mode=True)
    result = run(client, fake_clock)
    assert client.sent == [] and [q for q, _n, _t in client.reads] == ["CHANNEL", "CHSTATUS"]
    assert (result["changed"], result["commands"]) == (True, [COMMAND])
    assert result["would_bounce"] == [
        {"name": "QM1.TO.QM2", "type": "sdr", "direction": "outbound", "status_before": "RUNNING"},
        {"name": "QM2.TO.QM1", "type": "rcvr", "direction": "inbound", "status_before": "RUNNING"}]
    assert result["clients"] == {"before": 5} and "channels" not in result
    # check_mode=True sends nothing even with a client that is not in check mode (the cert_rotation action's preview).
    live = FakeClient([BEFORE])
    assert run(live, fake_clock, check_mode=True)["would_bounce"] == result["would_bounce"] and live.sent == []


def test_a_refresh_that_timed_out_itself_says_so(fake_clock):
    amq9710 = MQCommandError(COMMAND, 2, 3008, ["AMQ9710E: REFRESH SECURITY TYPE(SSL) timed out."])
    client = FakeClient([BEFORE], refused=amq9710)
    with pytest.raises(MQError) as failure:
        run(client, fake_clock)
    message, error = failure.value.msg, failure.value
    assert "REFRESH SECURITY TYPE(SSL) on QM1 timed out itself" in message and "AMQ9710E" in message
    assert "reason 3008 (MQRCCF_COMMAND_FAILED)" in message
    # MQ had begun stopping the channels: the refresh acted, though it did not finish.
    assert error.details["mq_reason_code"] == 3008 and error.details["applied"] is True
    assert error.result["changed"] is True and client.changed
    assert [c["name"] for c in error.result["channels"]] == ["QM1.TO.QM2", "QM2.TO.QM1"]
    other = FakeClient([BEFORE], refused=MQCommandError(COMMAND, 2, 2035, ["AMQ8135E: Not authorized."]))
    with pytest.raises(MQError) as failure:
        run(other, fake_clock)
    assert failure.value.msg.startswith("REFRESH SECURITY TYPE(SSL) on QM1 failed: ") and "timed out" not in failure.value.msg
    assert failure.value.result["changed"] is False and not other.changed  # refused: nothing happened


def test_a_refresh_whose_request_timed_out_asks_for_a_longer_request_timeout(fake_clock):
    lost = MQTransportError("timed out", timed_out=True, detail="read timed out after 30s")
    with pytest.raises(MQError) as failure:
        run(FakeClient([BEFORE], refused=lost), fake_clock)
    assert "no answer within request_timeout" in failure.value.msg and "allow a longer request_timeout" in failure.value.msg
    assert "Whether it ran is unknown" in failure.value.msg


def test_a_poll_without_an_answer_is_waited_through(fake_clock):
    back = [row("QM1.TO.QM2", "SDR", started="10.05.00"), row("QM2.TO.QM1", "RCVR", started="10.05.00")] + clients(5, "10.05.00")
    client = FakeClient([BEFORE, MQHTTPError("503", 503, detail="queue manager not available"), back])
    result = run(client, fake_clock)
    assert result["polls"] == 2 and all(c["back"] for c in result["channels"])


def test_without_wait_the_refresh_is_sent_and_nothing_is_judged(fake_clock):
    client = FakeClient([BEFORE])
    result = run(client, fake_clock, wait=False)
    assert client.sent == [COMMAND] and result["waited"] is False
    assert "back" not in result["channels"][0] and result["clients"]["back"] is None
    assert [q for q, _n, _t in client.reads] == ["CHANNEL", "CHSTATUS"]


def test_tls_channels_not_running_before_are_reported_and_not_waited_for(fake_clock):
    before = [row("QM1.TO.QM2", "SDR", "RETRYING")]
    client = FakeClient([before, before])
    result = run(client, fake_clock)
    assert result["channels"] == [] and result["not_running"] == [{"name": "QM1.TO.QM2", "type": "sdr", "status": "RETRYING"}]
    assert result["polls"] == 1 and result["clients"] == {"before": 0, "after": 0, "share_required": 0, "back": True}
