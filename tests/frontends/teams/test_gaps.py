"""The gaps report in Teams, end to end through the shared command module: an admin (by
Entra object id) gets it, anyone else is refused and audited, and no one is named."""

from __future__ import annotations

from bot.engine.answer import Answer
from bot.frontends.commands import NOT_ADMIN
from tests.fake_teams import USER
from tests.frontends.teams.conftest import ADMIN
from tests.frontends.teams.test_teams_admin import say

QUESTION = "How can our trust get grants for social prescribing link workers?"


def test_an_admin_gets_the_gaps_report_in_teams_and_no_one_else(teams_admin_server, fake_connector):
    state = teams_admin_server.assistant.state
    state.save_answer(Answer(QUESTION, "Not covered.", "no_answer"), "teams:c1", "29:alice")
    (report,) = say(teams_admin_server, fake_connector, "admin gaps 7")
    assert "last 7 days: 1 in 1 groups" in report["text"] and QUESTION in report["text"]
    assert "29:alice" not in report["text"] and ADMIN["id"] not in report["text"]
    (refused,) = say(teams_admin_server, fake_connector, "admin gaps", USER)
    assert refused["text"] == NOT_ADMIN
    entry = state.audit_entries()[0]
    assert (entry["user_id"], entry["action"], entry["result"]) == (
        USER["id"],
        "admin gaps",
        "refused: not an admin",
    )
