"""Generated answers stream into Slack as the model writes them, then the checked answer
replaces the draft: end to end, with a local OpenAI-compatible model and the fake Slack."""

from __future__ import annotations

import time

from tests.frontends.slack.test_panel import DM, THREAD, feedback_values, in_thread
from tests.slack_client import all_text, mention, post_event

GROUNDED = (
    "SmartMed is a North East LEP project on smart packaging of medicines [2]. "
    "It works with the Centre for Process Innovation on new ways of making and tracking "
    "medicines [2]. The North East strategy names it among the region's strengths in "
    "health and life sciences, with links to local NHS trusts and universities [2]. "
    "For an NHS organisation it is a route into the strategy's work on medicines [2]. "
    "Trusts can ask their LEP how to take part in its trials and evaluations [2]. "
    "The project shows how a local industrial strategy can turn a regional strength into "
    "work that matters to patients, from safer dispensing to fewer wasted medicines [2]. "
    "Ask the LEP's health lead which of its programmes are open to NHS partners [2]."
)
BOGUS = "SmartMed is a project the briefings made up entirely, or so this model claims [9]."


def streamed_markdown(fake_slack) -> str:
    """All the text the stream carried, in order."""
    text = ""
    for method in ("chat.startStream", "chat.appendStream", "chat.stopStream"):
        for payload in fake_slack.of(method):
            text += payload.get("markdown_text", "")
            text += "".join(c.get("text", "") for c in payload.get("chunks", []))
    return text


def test_a_generated_answer_streams_into_the_panel_then_shows_its_sources(
    llm_slack_server, fake_slack, model
):
    model.reply = GROUNDED
    post_event(llm_slack_server, in_thread("What is SmartMed?", "1700001001.000100"), "Ev0LLM")
    (final,) = fake_slack.wait_for("chat.update")
    (start,) = fake_slack.of("chat.startStream")
    assert (start["channel"], start["thread_ts"]) == (DM, THREAD)
    assert start["recipient_user_id"] == "U0ALICE" and start["recipient_team_id"] == "T0TEST"
    appends = fake_slack.of("chat.appendStream")
    assert len(fake_slack.of("chat.stopStream")) == 1
    assert len(appends) >= 1 and 2 + len(appends) < model.pieces_sent / 5  # batched
    assert streamed_markdown(fake_slack) == GROUNDED
    message = fake_slack.message(DM, final["ts"])
    assert message is not None and message["thread_ts"] == THREAD  # the streamed message
    assert fake_slack.of("chat.postMessage") == []  # nothing posted besides the stream
    text = all_text(final)
    assert "smart packaging of medicines [1]" in text  # renumbered, as checked
    assert "*Sources*" in text and "North East Local Industrial Strategy" in text
    assert len(feedback_values(final)) == 2
    calls = [call.method for call in fake_slack.calls]
    assert calls.index("assistant.threads.setStatus") < calls.index("chat.startStream")
    assert calls.index("chat.stopStream") < calls.index("chat.update")


def test_a_streamed_answer_failing_the_check_ends_as_the_extractive_answer_in_place(
    llm_slack_server, fake_slack, model
):
    model.reply = BOGUS
    post_event(llm_slack_server, in_thread("What is SmartMed?", "1700001001.000100"), "Ev0BAD")
    (final,) = fake_slack.wait_for("chat.update")
    assert "[9]" in streamed_markdown(fake_slack)  # shown while it was being written
    (stopped,) = fake_slack.of("chat.stopStream")
    assert final["ts"] == stopped["ts"]  # the same message, replaced
    text = all_text(final)
    assert "made up" not in text
    assert "Showing quotes from the sources: the generated answer cited [9]" in text
    assert "Centre for Process Innovation" in text
    assert fake_slack.message(DM, final["ts"])["text"] == final["text"]


def test_a_mention_streams_in_its_thread_in_place_of_the_placeholder(
    llm_slack_server, fake_slack, model
):
    model.reply = GROUNDED
    post_event(llm_slack_server, mention("What is SmartMed?", ts="1700002000.000100"), "Ev0MEN")
    (final,) = fake_slack.wait_for("chat.update")
    (placeholder,) = fake_slack.of("chat.postMessage")
    (start,) = fake_slack.of("chat.startStream")
    assert start["thread_ts"] == "1700002000.000100" and start["channel"] == "C0GENERAL"
    (deleted,) = fake_slack.of("chat.delete")
    assert fake_slack.message("C0GENERAL", deleted["ts"]) is None
    assert final["ts"] != deleted["ts"]
    assert "feedback_up" in all_text(final)  # a channel keeps its 👍 / 👎 buttons
    assert placeholder["thread_ts"] == "1700002000.000100"


def test_streamed_text_cannot_mention_everyone_or_hide_a_link(llm_slack_server, fake_slack, model):
    model.reply = (
        "<!channel> SmartMed is described in [the official portal](http://evil.example/x) "
        "as a medicines project [2]."
    )
    post_event(llm_slack_server, in_thread("What is SmartMed?", "1700001001.000100"), "Ev0XSS")
    fake_slack.wait_for("chat.update")
    shown = streamed_markdown(fake_slack)
    assert "<!channel>" not in shown and "&lt;!channel&gt;" in shown
    assert "the official portal (http://evil.example/x)" in shown and "](" not in shown


def test_a_top_level_direct_message_gets_the_whole_answer(llm_slack_server, fake_slack, model):
    model.reply = GROUNDED
    event = {
        "type": "message",
        "channel_type": "im",
        "user": "U0ALICE",
        "channel": DM,
        "ts": "1700003000.000100",
        "text": "What is SmartMed?",
    }
    post_event(llm_slack_server, event, "Ev0DMLLM")
    (update,) = fake_slack.wait_for("chat.update")
    time.sleep(0.3)
    assert fake_slack.of("chat.startStream") == []  # Slack streams only into threads
    assert "smart packaging of medicines [1]" in all_text(update)


def test_without_a_model_nothing_streams(slack_server, fake_slack):
    post_event(slack_server, in_thread("What is SmartMed?", "1700001001.000100"), "Ev0PLAIN")
    fake_slack.wait_for("chat.postMessage")
    assert fake_slack.of("chat.startStream") == [] and fake_slack.of("chat.update") == []
