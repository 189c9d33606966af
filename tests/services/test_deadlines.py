"""Deadlines: found in documents, curated, added by admins; the digest, once a day."""

from __future__ import annotations

import threading
from datetime import date, datetime, timedelta

import pytest

from bot.engine.places import Gazetteer
from bot.errors import ConfigurationError
from bot.frontends.slack.app import build_web_client
from bot.frontends.slack.digest import slack_sender
from bot.services.deadline_store import DeadlineStore
from bot.services.deadlines import Deadline, deadline_id, extract_deadlines, sync_deadlines
from bot.services.digest import LONDON, build_digest, digest_text, post_digests
from bot.services.schedule import digest_trigger
from bot.settings import get_settings
from tests.conftest import KNOWLEDGE

TODAY = date(2026, 11, 21)
GAZETTEER = Gazetteer.load(KNOWLEDGE / "gazetteer.yaml")


@pytest.fixture
def deadlines(state_backend):
    """A deadline store on SQLite, then on PostgreSQL."""
    return DeadlineStore(state_backend)


@pytest.fixture
def client(fake_slack):
    """Posts digests to the fake Slack, as the digest job does."""
    settings = get_settings(slack_bot_token="xoxb-t", slack_api_url=fake_slack.api_url)
    return slack_sender(build_web_client(settings))


def admin_deadline(due: date, title: str) -> Deadline:
    return Deadline(
        id=deadline_id("admin", due, title),
        title=title,
        due=due,
        kind="Deadline",
        area=None,
        url=None,
        source="admin",
        added_by="U0ADMIN",
    )


def test_lis_deadlines_in_the_starter_documents_are_found_with_sources(
    starter_store, deadlines, tmp_path
):
    sync_deadlines(starter_store, deadlines, GAZETTEER, tmp_path / "no-curated.yaml")
    found = deadlines.between(date(2019, 1, 1), date(2020, 12, 31))
    march_2019 = [d for d in found if d.due == date(2019, 3, 31)]
    march_2020 = [d for d in found if d.due == date(2020, 3, 31)]
    assert any(
        d.doc_title == "Understanding the Industrial Strategy white paper"
        and "March 2019" in d.quote
        for d in march_2019
    )
    # Two documents state the March 2020 deadline in the same words: it is listed once.
    assert [
        d.doc_title
        for d in march_2020
        if "to be agreed with the government by March 2020" in d.quote
    ] in ([["Health in all local industrial strategies?"], ["Health and the Industrial Strategy"]])
    assert all(d.kind == "Agreement" for d in march_2019 + march_2020)


def test_re_ingest_replaces_extracted_deadlines(starter_store, deadlines, tmp_path):
    sync_deadlines(starter_store, deadlines, GAZETTEER, tmp_path / "none.yaml")
    first = deadlines.between(date(2000, 1, 1), date(2100, 1, 1))
    sync_deadlines(starter_store, deadlines, GAZETTEER, tmp_path / "none.yaml")
    assert deadlines.between(date(2000, 1, 1), date(2100, 1, 1)) == first  # no duplicates
    deadlines.replace_extracted("understanding-the-industrial-strategy-white-paper", "old", [])
    sync_deadlines(starter_store, deadlines, GAZETTEER, tmp_path / "none.yaml")
    assert deadlines.between(date(2000, 1, 1), date(2100, 1, 1)) == first


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Please register for the meeting by Tuesday 19th June.", "2018", date(2018, 6, 19)),
        ("The consultation closes on 15 January.", "2019-06", date(2020, 1, 15)),
        ("The consultation closes on 15 January.", "2019-01-02", date(2019, 1, 15)),
        ("Submissions are due by February 2020.", "2019", date(2020, 2, 29)),
        ("Strategies will be agreed by March 2019.", "2017-12", date(2019, 3, 31)),
        ("The call for evidence closes on 2026-12-01.", None, date(2026, 12, 1)),
    ],
)
def test_dates_are_resolved_against_the_document(sentence, published, expected):
    (found,) = extract_deadlines(sentence, doc_id="d", doc_title="D", published=published)
    assert found.due == expected and found.quote == sentence


def test_undated_and_unrelated_sentences_are_not_deadlines():
    text = "Productivity rose in March 2019.\n\nWe will consult widely on the plan."
    assert extract_deadlines(text, doc_id="d", doc_title="D", published="2019") == []


def test_curated_entries_win_over_extracted_ones(starter_store, deadlines, tmp_path):
    curated = tmp_path / "deadlines.yaml"
    curated.write_text(
        "- title: All LIS agreed with government\n  date: 2020-03-31\n"
        "  doc: health-in-all-local-industrial-strategies\n  source: Curated list\n"
    )
    sync_deadlines(starter_store, deadlines, GAZETTEER, curated)
    due = deadlines.between(date(2020, 3, 31), date(2020, 3, 31))
    assert [d.title for d in due] == ["All LIS agreed with government"]
    assert due[0].source == "curated"
    extracted = next(d for d in deadlines.between(date(2019, 3, 31), date(2019, 3, 31)))
    curated.write_text(
        f"- title: First LIS agreed\n  date: 2019-04-01\n  replaces: [{extracted.id}]\n"
    )
    sync_deadlines(starter_store, deadlines, GAZETTEER, curated)
    assert extracted.id not in [
        d.id for d in deadlines.between(date(2019, 1, 1), date(2019, 12, 31))
    ]


def test_malformed_curated_file_names_the_line(starter_store, deadlines, tmp_path):
    curated = tmp_path / "deadlines.yaml"
    curated.write_text("- title: Fine\n  date: 2026-01-01\n- title: No date here\n")
    from ingest.datafile import DataFileError

    with pytest.raises(DataFileError, match=r"\(line 3\): each deadline needs 'title' and 'date'"):
        sync_deadlines(starter_store, deadlines, GAZETTEER, curated)


def test_horizon_and_order(deadlines):
    for offset in (40, 10, 3):
        deadlines.add(admin_deadline(TODAY + timedelta(days=offset), f"Due in {offset} days"))
    assert [d.title for d in build_digest(deadlines, TODAY, 30).upcoming] == [
        "Due in 3 days",
        "Due in 10 days",
    ]
    assert len(build_digest(deadlines, TODAY, 60).upcoming) == 3
    text = digest_text(build_digest(deadlines, TODAY, 30))
    assert text.index("Due in 3 days") < text.index("Due in 10 days")
    assert "!! Tue 24 Nov (in 3 days)" in text and "   Tue 1 Dec (in 10 days)" in text


def test_digest_posts_to_channels_once_and_skips_empty_ones(deadlines, fake_slack, client):
    assert post_digests(deadlines, client, TODAY, ["C0EMPTY"]) == {
        "C0EMPTY": "skipped: nothing due"
    }
    deadlines.subscribe("C0ALWAYS", always=True, by="U0ALICE")
    deadlines.add(admin_deadline(TODAY + timedelta(days=5), "Dorset consultation closes"))
    outcomes = post_digests(deadlines, client, TODAY, ["C0DIGEST"])
    assert outcomes == {"C0DIGEST": "sent", "C0ALWAYS": "sent"}
    again = post_digests(deadlines, client, TODAY, ["C0DIGEST"])  # a restart, same day
    assert set(again.values()) == {"skipped: already sent today"}
    posts = fake_slack.of("chat.postMessage")
    assert sorted(p["channel"] for p in posts) == ["C0ALWAYS", "C0DIGEST"]
    assert ":red_circle:" in str(posts[0]["blocks"]) and "in 5 days" in str(posts[0]["blocks"])


def test_an_always_channel_gets_an_empty_digest(deadlines, fake_slack, client):
    deadlines.subscribe("C0ALWAYS", always=True, by="U0ALICE")
    assert post_digests(deadlines, client, TODAY, []) == {"C0ALWAYS": "sent"}
    assert "Nothing falls due" in str(fake_slack.of("chat.postMessage")[0]["blocks"])


def test_two_schedulers_at_once_post_once(deadlines, fake_slack, client):
    deadlines.add(admin_deadline(TODAY + timedelta(days=2), "Call for evidence closes"))
    threads = [
        threading.Thread(target=post_digests, args=(deadlines, client, TODAY, ["C0D"]))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(fake_slack.of("chat.postMessage")) == 1


def test_one_failing_channel_does_not_stop_the_others(deadlines, fake_slack, client):
    deadlines.add(admin_deadline(TODAY + timedelta(days=2), "Call for evidence closes"))
    fake_slack.refuse_channel("C0GONE")
    fake_slack.fail_next("chat.postMessage", 500, times=1)  # a passing Slack error: retried
    outcomes = post_digests(deadlines, client, TODAY, ["C0GONE", "C0OK"], pause=0)
    assert outcomes == {"C0GONE": "failed", "C0OK": "sent"}
    assert deadlines.claim_digest("C0GONE", TODAY)  # the failed claim was released for a retry
    assert not deadlines.claim_digest("C0OK", TODAY)


def test_passed_items_since_the_last_digest_are_listed(deadlines, fake_slack, client):
    deadlines.add(admin_deadline(TODAY + timedelta(days=1), "Closes tomorrow"))
    post_digests(deadlines, client, TODAY, ["C0D"])
    later = TODAY + timedelta(days=3)
    deadlines.add(admin_deadline(later + timedelta(days=2), "Another"))
    post_digests(deadlines, client, later, ["C0D"])
    second = str(fake_slack.of("chat.postMessage")[1]["blocks"])
    assert "Passed since the last digest: Closes tomorrow" in second


def test_the_digest_time_holds_across_the_clock_change():
    trigger = digest_trigger("08:00")
    # British Summer Time starts at 01:00 on Sunday 29 March 2026.
    before = trigger.get_next_fire_time(None, datetime(2026, 3, 27, 12, 0, tzinfo=LONDON))
    after = trigger.get_next_fire_time(None, datetime(2026, 3, 28, 12, 0, tzinfo=LONDON))
    assert (before.day, after.day) == (28, 29)
    assert (before.hour, after.hour) == (8, 8)
    assert before.utcoffset() == timedelta(0) and after.utcoffset() == timedelta(hours=1)
    with pytest.raises(ConfigurationError, match="DIGEST_TIME must be HH:MM"):
        digest_trigger("8am")


def test_scheduled_digest_end_to_end(tmp_path, fake_slack, monkeypatch):
    """A new document announces a consultation closing in 10 days; the morning job posts it."""
    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.cli import main
    from bot.services.schedule import build_scheduler
    from bot.wiring import digest_once, digest_sender

    folder = tmp_path / "new"
    folder.mkdir()
    (folder / "dorset-lis-refresh.md").write_text(
        "# Dorset LIS refresh\n\nDorset LEP is refreshing its local industrial strategy. "
        "The consultation on the refreshed strategy closes on 1 December 2026. NHS "
        "organisations in Dorset are invited to respond.\n"
    )
    (folder / "sources.yaml").write_text(
        "- file: dorset-lis-refresh.md\n  title: Dorset LIS refresh - consultation\n"
        "  publisher: Dorset LEP\n  published: 2026-11\n  url: https://lep.example.org/lis\n"
    )
    monkeypatch.setenv("DIGEST_CHANNELS", "C0DIGEST")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-test")
    monkeypatch.setenv("SLACK_API_URL", fake_slack.api_url)
    assert main(["ingest", str(folder)]) == 0

    settings = get_settings()
    client = digest_sender(settings)
    scheduler = build_scheduler(
        "08:00", lambda: digest_once(settings, client, day=TODAY), BackgroundScheduler
    )
    (job,) = scheduler.get_jobs()
    first_run = job.trigger.get_next_fire_time(None, datetime(2026, 11, 21, 6, tzinfo=LONDON))
    assert first_run == datetime(2026, 11, 21, 8, tzinfo=LONDON)
    assert job.func() == {"C0DIGEST": "sent"}
    assert job.func() == {"C0DIGEST": "skipped: already sent today"}

    (post,) = fake_slack.of("chat.postMessage")
    assert post["channel"] == "C0DIGEST"
    blocks = str(post["blocks"])
    assert "Tue 1 Dec* (in 10 days) · Consultation · Dorset" in blocks
    assert (
        "<https://lep.example.org/lis|The consultation on the refreshed strategy closes" in blocks
    )
    assert "_Source: Dorset LIS refresh - consultation_" in blocks
