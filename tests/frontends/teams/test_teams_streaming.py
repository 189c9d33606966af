"""Streamed answers in Teams, end to end: a question as Teams sends it, a language model
(a local OpenAI-compatible server streaming server-sent events), and the fake connector
checking the streaming protocol as the Teams client does."""

from __future__ import annotations

import httpx
import pytest

from bot.frontends.teams.safe import WORD_JOINER
from bot.frontends.teams.stream import READING
from tests.fake_teams import NOT_PERSONAL, feedback_activity, message_activity, stream_info
from tests.frontends.teams.test_teams import send

QUESTION = "What is SmartMed?"


def ask(server, connector, text: str = QUESTION, **where) -> dict:
    activity = message_activity(connector.url, text, **where)
    assert send(server, activity).status_code in (200, 202)
    return activity


def test_a_generated_answer_streams_then_ends_with_the_checked_answer(
    teams_llm_server, fake_connector, openai_server
):
    openai_server.reply = [
        "SmartMed is a North East LEP project [2]. ",
        "It packages ",
        "medicines [2].",
    ]
    openai_server.pause = 0.6  # 1.2 s of writing: at least one update between the ends
    asked = ask(teams_llm_server, fake_connector)
    assert fake_connector.rejected == []
    (stream,) = fake_connector.streams.values()
    kinds = stream.kinds()
    assert kinds[0] == "informative" and kinds[-1] == "final"
    assert set(kinds[1:-1]) == {"streaming"} and len(kinds) >= 3
    informative, *updates, final = stream.activities
    assert informative["type"] == "typing" and informative["text"] == READING
    sequences = [stream_info(a)["streamSequence"] for a in [informative, *updates]]
    assert sequences == list(range(1, len(sequences) + 1))
    stream_id = stream_info(final)["streamId"]
    assert all(stream_info(a)["streamId"] == stream_id for a in [*updates, final])
    assert all(
        u["text"].startswith(f"SmartMed is a North East LEP project [2]{WORD_JOINER}.")
        for u in updates
    )  # the model's own number, unchecked yet
    # The final message is the checked answer: renumbered, cited, labelled, with contacts.
    assert final["type"] == "message" and final["replyToId"] == asked["id"]
    answer = final["text"].split("**Who to contact**")[0].strip()
    assert answer == "SmartMed is a North East LEP project [1]. It packages medicines [1]."
    (entity,) = [e for e in final["entities"] if e.get("@type") == "Message"]
    assert entity["additionalType"] == ["AIGeneratedContent"]
    assert [c["position"] for c in entity["citation"]] == [1]
    assert final["channelData"]["feedbackLoopEnabled"] is True
    assert fake_connector.messages() == [final]  # nothing else was said
    assert openai_server.requests[0]["stream"] is True


def test_a_streamed_answer_with_a_bogus_citation_ends_as_the_extractive_answer(
    teams_llm_server, fake_connector, openai_server
):
    openai_server.reply = ["SmartMed is ", "made up ", "[9]."]
    openai_server.pause = 0.8  # longer than Teams' one update a second: some is streamed
    ask(teams_llm_server, fake_connector)
    assert fake_connector.rejected == []
    (stream,) = fake_connector.streams.values()
    assert stream.kinds()[0] == "informative" and stream.kinds()[-1] == "final"
    assert any("made up" in a["text"] for a in stream.activities[1:-1])  # it was streamed
    final = stream.final
    answer = final["text"].split("_Showing quotes")[0]
    assert "made up" not in answer and "[9]" not in answer
    assert "Centre for Process Innovation" in answer
    assert "_Showing quotes from the sources: the generated answer cited [9]" in final["text"]
    (entity,) = [e for e in final["entities"] if e.get("@type") == "Message"]
    assert "additionalType" not in entity and entity["citation"]  # quoted, not generated


def test_feedback_on_a_streamed_answer_finds_it_by_its_stream_id(
    teams_llm_server, fake_connector, openai_server
):
    openai_server.reply = ["SmartMed is a North East LEP project [2]."]
    ask(teams_llm_server, fake_connector)
    (stream_id,) = fake_connector.streams  # the id Teams knows the message by
    ask(teams_llm_server, fake_connector, "What are T levels?")  # a later answer
    like = feedback_activity(fake_connector.url, stream_id, "like", comment="Useful")
    assert send(teams_llm_server, like).status_code == 200
    (stored,) = teams_llm_server.assistant.state.feedback()
    assert (stored["question"], stored["rating"]) == (QUESTION, 1)


@pytest.mark.parametrize("conversation_type", ["groupChat", "channel"])
def test_outside_a_one_to_one_chat_the_answer_is_sent_whole(
    teams_llm_server, fake_connector, openai_server, conversation_type
):
    openai_server.reply = ["SmartMed is a North East ", "LEP project [2]."]
    ask(
        teams_llm_server,
        fake_connector,
        mention=True,
        conversation_type=conversation_type,
        conversation_id="19:group;messageid=1",
    )
    (reply,) = fake_connector.wait_for_messages()
    assert fake_connector.streams == {} and fake_connector.rejected == []
    assert not any(stream_info(a) for a in fake_connector.activities)
    assert reply["text"].startswith("SmartMed is a North East LEP project [1].")


def test_without_a_model_answers_are_sent_whole(teams_server, fake_connector):
    """A typing indicator, then the answer in one message. (The Agents SDK adds typing
    indicators of its own while a turn runs past half a second, so how many come first
    depends on the machine's speed.)"""
    ask(teams_server, fake_connector)
    (reply,) = fake_connector.wait_for_messages()
    assert fake_connector.streams == {} and "Centre for Process Innovation" in reply["text"]
    *before, last = [a["type"] for a in fake_connector.activities]
    assert before and set(before) == {"typing"} and last == "message"


def test_a_link_split_between_two_pieces_never_becomes_a_link(
    teams_llm_server, fake_connector, openai_server
):
    openai_server.reply = ["SmartMed: see [the NHS portal]", "(http://evil.example/x) [2].", " "]
    openai_server.pause = 1.2  # each piece in an update of its own
    ask(teams_llm_server, fake_connector)
    (stream,) = fake_connector.streams.values()
    streamed = [a["text"] for a in stream.activities[1:-1]]
    assert any("http://evil.example/x" in text for text in streamed)
    assert not any("](" in text for text in streamed)


# The fake connector refuses what Teams refuses --------------------------------------


def _post(connector, activity: dict) -> httpx.Response:
    return httpx.post(f"{connector.url}/v3/conversations/a:1on1/activities", json=activity)


def _update(kind: str, sequence=None, stream_id=None, text="Reading…", chat="personal"):
    info = {"type": "streaminfo", "streamType": kind}
    if sequence is not None:
        info["streamSequence"] = sequence
    if stream_id is not None:
        info["streamId"] = stream_id
    return {
        "type": "message" if kind == "final" else "typing",
        "text": text,
        "conversation": {"id": "a:1on1", "conversationType": chat},
        "entities": [info],
    }


@pytest.mark.parametrize(
    ("activity", "why"),
    [
        (_update("informative"), "streamSequence: Required"),
        (_update("informative", 2), "starts at streamSequence 1"),
        (_update("final", text="Done"), "needs the streamId"),
        (_update("streaming", 1, chat="groupChat"), NOT_PERSONAL),
        (_update("sideways", 1), "streamType: invalid"),
        ({**_update("streaming", 1), "type": "message"}, "must be a typing activity"),
    ],
    ids=["no-sequence", "not-first", "final-without-id", "group-chat", "bad-type", "not-typing"],
)
def test_the_fake_connector_refuses_malformed_streaming(fake_connector, activity, why):
    response = _post(fake_connector, activity)
    assert response.status_code == 400 and why in response.json()["error"]["message"]


def test_the_fake_connector_follows_a_stream_as_teams_does(fake_connector):
    fake_connector.min_stream_interval = 0
    stream_id = _post(fake_connector, _update("informative", 1)).json()["id"]
    assert _post(fake_connector, _update("streaming", 2, stream_id, "The brown")).is_success
    shrunk = _post(fake_connector, _update("streaming", 3, stream_id, "Hello"))
    assert "contain the previously streamed content" in shrunk.json()["error"]["message"]
    again = _post(fake_connector, _update("streaming", 2, stream_id, "The brown fox"))
    assert "must increase" in again.json()["error"]["message"]
    other = _post(fake_connector, _update("informative", 1))
    assert "one streaming response per chat" in other.json()["error"]["message"]
    assert _post(fake_connector, _update("final", None, stream_id, "The brown fox")).is_success
    late = _post(fake_connector, _update("streaming", 4, stream_id, "The brown fox jumps"))
    assert "already completed" in late.json()["error"]["message"]
    assert fake_connector.streams[stream_id].kinds() == ["informative", "streaming", "final"]


def test_the_fake_connector_throttles_updates_faster_than_one_a_second(fake_connector):
    stream_id = _post(fake_connector, _update("informative", 1)).json()["id"]
    fast = _post(fake_connector, _update("streaming", 2, stream_id, "Quick"))
    assert fast.status_code == 429
