"""Item 9: every admin action and every refusal is in the audit log, deadlines included."""

from __future__ import annotations

import pytest

from tests.slack_client import ack_text, post_command

pytestmark = pytest.mark.security


def command(server, fake_slack, text: str, user: str = "U0ADMIN") -> str:
    return ack_text(post_command(server, fake_slack, text, timeout=30, user=user))


def entries(server) -> list[tuple]:
    return [
        (e["user_id"], e["action"], e["target"], e["result"])
        for e in reversed(server.assistant.state.audit_entries())
    ]


def test_deadline_changes_and_refusals_are_audited(admin_server, fake_slack):
    added = command(admin_server, fake_slack, "deadline add 2026-12-15 Dorset LIS consultation")
    deadline_id = added.split("`")[1]
    command(admin_server, fake_slack, "deadline add 2026-12-16 Sneaky deadline", user="U0ALICE")
    command(admin_server, fake_slack, f"deadline remove {deadline_id}", user="U0ALICE")
    command(admin_server, fake_slack, f"deadline remove {deadline_id}")
    log = entries(admin_server)
    assert log[0][:2] == ("U0ADMIN", "deadline add") and deadline_id in log[0][2]
    assert log[0][3].startswith("added")
    assert log[1] == (
        "U0ALICE",
        "deadline add",
        "2026-12-16 Sneaky deadline",
        "refused: not an admin",
    )
    assert log[2] == ("U0ALICE", "deadline remove", deadline_id, "refused: not an admin")
    assert log[3][:3] == ("U0ADMIN", "deadline remove", deadline_id)
    assert log[3][3].startswith("removed")
    assert len(log) == 4


def test_removing_a_curated_deadline_is_refused_and_audited(admin_server, fake_slack):
    admin_server.assistant.admin.sync.refresh()  # as `lis serve` does at start-up
    curated = next(
        d for d in admin_server.assistant.deadlines.between(*_all_time()) if d.source == "curated"
    )
    reply = command(admin_server, fake_slack, f"deadline remove {curated.id}")
    assert "deadlines.yaml" in reply or "curated" in reply.lower()
    (entry,) = entries(admin_server)
    assert entry[:3] == ("U0ADMIN", "deadline remove", curated.id)
    assert entry[3].startswith("refused")


def _all_time():
    from datetime import date

    return date(1900, 1, 1), date(2999, 12, 31)
