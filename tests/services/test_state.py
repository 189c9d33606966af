"""The state database on both backends: first-time claims under races, locks that hold
across processes, and migrations (a fresh database, and a file from before Alembic)."""

from __future__ import annotations

import sqlite3
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory

from bot.engine.answer import Answer
from bot.services import database
from bot.services.database import INGEST_KEY, PRUNE_KEY, Database
from bot.services.deadline_store import DeadlineStore
from bot.services.ingest_lock import IngestLock, ingest_lock
from bot.services.state import StateStore
from tests.conftest import run_sql

# The newest migration, read from the scripts (so a new migration needs no test edit).
LATEST = ScriptDirectory(str(Path(database.__file__).parent / "alembic")).get_current_head()


def _race(function, times: int = 16) -> list:
    """Call `function` from many threads at once; their results."""
    start = threading.Barrier(times)

    def one(_):
        start.wait()
        return function()

    with ThreadPoolExecutor(times) as pool:
        return list(pool.map(one, range(times)))


def _second_process(location):
    """Another process's view of the same database: an engine (a pool) of its own."""
    if isinstance(location, str):
        return Database(
            sa.create_engine(location.replace("postgresql:", "postgresql+psycopg:")), None
        )
    return Database.open(location)


def test_a_redelivered_event_is_handled_once_however_the_deliveries_race(state_backend):
    state = StateStore(state_backend)
    assert _race(lambda: state.first_time("Ev0RETRY")).count(True) == 1
    assert not state.first_time("Ev0RETRY") and state.first_time("Ev0OTHER")


def test_a_replayed_signature_is_refused_however_the_requests_race(state_backend):
    state = StateStore(state_backend)
    assert _race(lambda: state.first_use("v0=abc", 9e12)).count(True) == 1


def test_one_digest_per_channel_per_day_however_the_clocks_race(state_backend):
    deadlines = DeadlineStore(state_backend)
    day = date(2026, 11, 23)
    assert _race(lambda: deadlines.claim_digest("C0NEWS", day)).count(True) == 1
    deadlines.mark_digest("C0NEWS", day, sent=False)  # a failed post frees the day
    assert deadlines.claim_digest("C0NEWS", day)


def test_every_store_method_round_trips(state_backend):
    state = StateStore(state_backend)
    answer_id = state.save_answer(
        Answer("What is SmartMed?", "A programme.", "extractive"), "C1", "U1"
    )
    later = state.save_answer(Answer("And in Dorset?", "Same.", "extractive"), "C1", "U1")
    assert state.last_answer("C1", "U1") == later
    assert state.record_feedback(answer_id, "U2", -1, "slack", "Too short")
    assert state.record_feedback(answer_id, "U2", -1, "slack")  # keeps the comment
    assert [(f["rating"], f["comment"]) for f in state.feedback()] == [(-1, "Too short")]
    for n in range(7):
        state.add_turn("T1", f"question {n}", "U1")
    assert state.thread_questions("T1") == [f"question {n}" for n in range(2, 7)]
    state.set_area("C1", "Exeter", "U1")
    state.set_area("C1", "Dorset", "U2")
    assert state.area("C1") == "Dorset"
    state.link_message("C1", "m1", answer_id)
    assert state.answer_for_message("C1", "m1") == answer_id
    state.audit("U0ADMIN", "ingest", "https://example.org", "1 added")
    assert state.audit_entries()[0]["action"] == "ingest"
    reviewed = state.answers_to_review("2000-01-01T00:00:00+00:00")
    assert [r.answer_id for r in reviewed] == [answer_id] and reviewed[0].comments == ("Too short",)
    forgotten = state.forget_user("U1")
    assert forgotten["answers"] == 2 and forgotten["thread_turns"] == 7
    assert state.answer(answer_id) is None and state.area("C1") == "Dorset"


def test_the_ingest_lock_queues_ingests_across_processes(state_backend, tmp_path):
    database = Database.open(state_backend)
    mine = ingest_lock(tmp_path, database)
    theirs = ingest_lock(tmp_path, _second_process(state_backend))
    expected = IngestLock if not database.postgresql else type(database.advisory_lock(0))
    assert isinstance(mine, expected)
    assert mine.acquire(blocking=False)
    try:
        assert not theirs.acquire(blocking=False)
    finally:
        mine.release()
    assert theirs.acquire(blocking=False)
    theirs.release()


def test_on_postgresql_one_process_prunes_and_the_others_skip(postgres_url):
    state = StateStore(postgres_url)
    state.save_answer(Answer("Old?", "Old.", "extractive"), "C1", "U1")
    run_sql(state, "UPDATE answers SET created_at = '2020-01-01T00:00:00+00:00'")
    now = datetime.now(UTC)
    other = _second_process(postgres_url)
    with other.engine.connect() as pruning:  # another process is pruning
        pruning.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": PRUNE_KEY})
        assert state.prune(now, retention_days=90, audit_days=730) == {}
        pruning.execute(sa.text("SELECT pg_advisory_unlock(:k)"), {"k": PRUNE_KEY})
    assert state.prune(now, retention_days=90, audit_days=730)["answers"] == 1
    other.engine.dispose()


def test_a_lost_ingest_holder_frees_the_lock_on_postgresql(postgres_url):
    other = _second_process(postgres_url)
    with other.engine.connect() as holder:
        holder.execute(sa.text("SELECT pg_advisory_lock(:k)"), {"k": INGEST_KEY})
        lock = Database.open(postgres_url).advisory_lock(INGEST_KEY)
        assert not lock.acquire(blocking=False)
    other.engine.dispose()  # the session ends, as when a process dies
    assert lock.acquire(blocking=False)
    lock.release()


def test_a_fresh_postgresql_database_is_migrated_to_the_latest_revision(postgres):
    url = postgres.create_database()
    try:
        state = StateStore(url)
        assert run_sql(state, "SELECT version_num FROM alembic_version") == [(LATEST,)]
        StateStore(url).first_time("Ev0")  # opening again changes nothing
    finally:
        Database.forget(url)
        postgres.drop_database(url)


# A state file as the releases before Alembic left it: no alembic_version table, and some
# without the columns added later.
_OLD_SCHEMA = """
CREATE TABLE answers (
    id TEXT PRIMARY KEY, question TEXT NOT NULL, answer TEXT NOT NULL, mode TEXT NOT NULL,
    payload TEXT NOT NULL, conversation TEXT, user_id TEXT, created_at TEXT NOT NULL);
CREATE TABLE feedback (
    answer_id TEXT NOT NULL, user_id TEXT NOT NULL, rating INTEGER NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, source TEXT NOT NULL,
    created_at TEXT NOT NULL, PRIMARY KEY (answer_id, user_id));
CREATE TABLE thread_turns (thread TEXT NOT NULL, question TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE conversation_areas (
    conversation TEXT PRIMARY KEY, area TEXT NOT NULL, set_by TEXT, set_at TEXT NOT NULL);
CREATE TABLE deadlines (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, due TEXT NOT NULL, kind TEXT NOT NULL,
    area TEXT, url TEXT, source TEXT NOT NULL, doc_id TEXT, doc_title TEXT, page INTEGER,
    quote TEXT, added_by TEXT, created_at TEXT NOT NULL);
INSERT INTO conversation_areas VALUES ('C0OLD', 'Lincolnshire', 'U0ALICE', '2025-01-01');
INSERT INTO thread_turns VALUES ('T0OLD', 'What is an LIS?', '2025-01-01');
"""


@pytest.mark.parametrize("with_comment", [False, True])
def test_a_state_file_from_before_alembic_keeps_its_data_and_is_upgraded(tmp_path, with_comment):
    path = tmp_path / "state.sqlite3"
    with sqlite3.connect(path) as db:
        db.executescript(_OLD_SCHEMA)
        if with_comment:  # a release that had already added this column itself
            db.execute("ALTER TABLE feedback ADD COLUMN comment TEXT")
    state = StateStore(path)
    assert state.area("C0OLD") == "Lincolnshire"
    assert state.thread_questions("T0OLD") == ["What is an LIS?"]
    state.add_turn("T0OLD", "And Dorset?", "U0BOB")
    assert run_sql(state, "SELECT version_num FROM alembic_version") == [(LATEST,)]
    with sqlite3.connect(path) as db:
        for table, column in (("thread_turns", "user_id"), ("feedback", "comment")):
            assert column in {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
        assert db.execute("SELECT COUNT(*) FROM digest_sent").fetchone() == (0,)
    assert DeadlineStore(state.database).between(date(2025, 1, 1), date(2025, 2, 1)) == []
    assert (path.stat().st_mode & 0o777) == 0o600


def test_stores_share_one_database_per_process(state_backend):
    state = StateStore(state_backend)
    assert DeadlineStore(state_backend).database is state.database
    assert DeadlineStore(state.database).database is state.database


def test_retention_keeps_what_is_recent_on_both(state_backend):
    state = StateStore(state_backend)
    kept = state.save_answer(Answer("New?", "New.", "extractive"), "C1", "U1")
    deleted = state.prune(datetime.now(UTC) + timedelta(days=1), 90, 730)
    assert deleted["answers"] == 0 and state.answer(kept) is not None


def test_processes_refreshing_the_same_deadlines_at_once_do_not_collide(state_backend):
    deadlines = DeadlineStore(state_backend)
    _race(lambda: deadlines.replace_extracted("doc-1", "hash-1", []), times=8)
    assert deadlines.deadline_sources() == {"doc-1": "hash-1"}
