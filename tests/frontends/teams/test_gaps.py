"""The gaps report in Teams, through the shared command module.

Teams does not route admin commands yet in this branch (`admin ...` says ADMIN_ELSEWHERE;
that work is on its own branch). The report is a `Gaps` result, which is also a `Text`, so
Teams' existing renderer shows it as soon as its chats run admin commands: checked here
by answering the command as Teams will ask it and rendering it with Teams' own code.
"""

from __future__ import annotations

import asyncio

from bot.engine.answer import Answer
from bot.frontends.assistant import Assistant
from bot.frontends.commands import ADMIN_ELSEWHERE, NOT_ADMIN, Command, Gaps, Where, answer_command
from bot.frontends.teams.render import command_activity
from bot.services.state import StateStore
from tests.conftest import ADMINS

QUESTION = "How can our trust get grants for social prescribing link workers?"


def test_teams_renders_the_gaps_report_from_the_shared_module(engine, tmp_path):
    state = StateStore(tmp_path / "state.sqlite3")
    state.save_answer(Answer(QUESTION, "Not covered.", "no_answer"), "teams:c1", "29:alice")
    assistant = Assistant(engine, state, admins=ADMINS)
    command = Command("admin", "gaps 7")

    def ask(user: str, admin_commands: bool = True):
        where = Where("teams:c1", user, prefix="", admin_commands=admin_commands)
        return asyncio.run(answer_command(assistant, command, where))

    result = ask("U0ADMIN")
    assert isinstance(result, Gaps)
    text = command_activity(result).text
    assert "last 7 days: 1 in 1 groups" in text and QUESTION in text
    assert "29:alice" not in text
    assert command_activity(ask("29:alice")).text == NOT_ADMIN
    assert ADMIN_ELSEWHERE in command_activity(ask("U0ADMIN", admin_commands=False)).text
