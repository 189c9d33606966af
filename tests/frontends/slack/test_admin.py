"""Admins keep the knowledge base current from Slack: end to end, with a fake Slack and a
local web server standing in for the sites documents are published on."""

from __future__ import annotations

import threading
import time

import httpx
import pytest

from bot.frontends.commands import NOT_ADMIN
from testkit.servers import PageServer
from testkit.slack_requests import (
    signed_headers,
    view_submission,
)
from tests.slack_client import (
    FORM,
    ack_text,
    all_text,
    file_share,
    final_update,
    post_action,
    post_command,
    post_event,
)

V1 = (
    "<html><head><title>Dorset LIS</title></head><body><main><h1>Dorset local industrial "
    "strategy refresh</h1><p>The Dorset refresh makes the Bournemouth Quayside health "
    "innovation zone its first priority for NHS partners.</p></main></body></html>"
)
V2 = V1.replace("Bournemouth Quayside health innovation zone", "Poole harbour workforce academy")


@pytest.fixture
def site():
    """A local web server publishing documents that tests can change."""
    server = PageServer({"/dorset-lis": (V1, "text/html")})
    server.start()
    yield server
    server.stop()


def command(server, fake_slack, text: str, user: str = "U0ADMIN") -> httpx.Response:
    return post_command(server, fake_slack, text, timeout=30, user=user)


def click(server, fake_slack, action_id: str, value: str, user: str = "U0ADMIN"):
    return post_action(server, fake_slack, action_id, value, timeout=30, user=user)


def ask(server, fake_slack, question: str) -> str:
    before = len(fake_slack.of("response_url"))
    command(server, fake_slack, question, user="U0ALICE")
    return all_text(fake_slack.wait_for("response_url", before + 1)[-1])


@pytest.mark.parametrize(
    "text",
    [
        "admin ingest https://lep.example.org/lis",
        "admin reingest",
        "admin remove lep-the-industrial-strategy",
        "admin sources",
        "admin log",
    ],
)
def test_non_admins_are_refused_every_admin_command(admin_server, fake_slack, text):
    assert ack_text(command(admin_server, fake_slack, text, user="U0ALICE")) == NOT_ADMIN
    (entry,) = admin_server.assistant.state.audit_entries()
    assert entry["user_id"] == "U0ALICE" and entry["result"] == "refused: not an admin"
    assert len(admin_server.assistant.engine.store.documents()) == 5


def test_admin_ingests_a_url_and_the_next_question_is_answered_from_it(
    admin_server, fake_slack, site
):
    url = f"{site.url}/dorset-lis"
    assert "progress in our direct messages" in ack_text(
        command(admin_server, fake_slack, f"admin ingest <{url}>")
    )
    assert "1 added" in final_update(fake_slack)
    (progress,) = fake_slack.of("chat.postMessage")
    assert progress["channel"] == "U0ADMIN"
    steps = [u["text"] for u in fake_slack.of("chat.update")]
    assert any("reading" in s for s in steps) and any("storing" in s for s in steps)
    answer = ask(admin_server, fake_slack, "What is the first priority of the Dorset refresh?")
    assert "Bournemouth Quayside" in answer
    assert "Dorset local industrial strategy refresh" in answer  # cited by its title
    log = ack_text(command(admin_server, fake_slack, "admin log"))
    assert f"ingest {url}: 1 added" in log


def test_reingest_replaces_a_changed_url_document(admin_server, fake_slack, site):
    url = f"{site.url}/dorset-lis"
    command(admin_server, fake_slack, f"admin ingest {url}")
    final_update(fake_slack)
    site.pages["/dorset-lis"] = (V2, "text/html")
    command(admin_server, fake_slack, "admin reingest")
    assert "1 updated, 5 unchanged" in final_update(fake_slack, 2)
    texts = " ".join(c.text for c in admin_server.assistant.engine.store.all_chunks())
    assert "Poole harbour workforce academy" in texts and "Bournemouth Quayside" not in texts


def test_private_addresses_are_refused_by_default(admin_server, fake_slack, site):
    admin = admin_server.assistant.admin
    admin.settings = admin.settings.model_copy(update={"ingest_allow_private_urls": False})
    command(admin_server, fake_slack, f"admin ingest {site.url}/dorset-lis")
    final = final_update(fake_slack)
    assert final.startswith(":x:") and "private, local or reserved address" in final
    assert len(admin_server.assistant.engine.store.documents()) == 5


def test_unreachable_and_unsupported_urls_fail_with_a_reason(admin_server, fake_slack, site):
    site.pages["/logo"] = ("not a document", "image/png")
    command(admin_server, fake_slack, f"admin ingest {site.url}/logo")
    assert "not a supported type (image/png)" in final_update(fake_slack)
    command(admin_server, fake_slack, "admin ingest http://127.0.0.1:9/nothing")
    assert "unreachable" in final_update(fake_slack, 2)


def test_remove_needs_confirmation_and_an_admin(admin_server, fake_slack):
    prompt = command(admin_server, fake_slack, "admin remove The Industrial Strategy").json()
    assert "Remove *The Industrial Strategy*" in all_text(prompt)
    doc_id = "lep-the-industrial-strategy"
    click(admin_server, fake_slack, "admin_remove_confirm", doc_id, user="U0ALICE")
    assert NOT_ADMIN in fake_slack.wait_for("response_url")[0]["text"]
    assert doc_id in {d.doc_id for d in admin_server.assistant.engine.store.documents()}
    click(admin_server, fake_slack, "admin_remove_cancel", doc_id)
    assert "nothing was removed" in fake_slack.wait_for("response_url", 2)[1]["text"]
    click(admin_server, fake_slack, "admin_remove_confirm", doc_id)
    assert (
        "Removed `lep-the-industrial-strategy`" in fake_slack.wait_for("response_url", 3)[2]["text"]
    )
    assert doc_id not in {d.doc_id for d in admin_server.assistant.engine.store.documents()}
    answer = ask(admin_server, fake_slack, "What is Higher Education Innovation Funding used for?")
    assert "The Industrial Strategy, Local Enterprise" not in answer


def test_admin_sources_lists_chunks_dates_and_origins(admin_server, fake_slack):
    text = all_text(command(admin_server, fake_slack, "admin sources").json())
    assert "*Understanding the Industrial Strategy white paper*" in text
    assert "December 2017" in text and "chunks" in text and "knowledge/documents" in text


def test_file_upload_flow(admin_server, fake_slack):
    content = (
        b"# Cornwall health innovation plan\n\nThe Cornwall plan funds a Truro rural "
        b"telehealth testbed for NHS partners.\n"
    )
    file = fake_slack.add_file("F0PLAN", "cornwall-plan.md", content, "text/markdown")
    event = file_share(file, "1700000900.000100")
    post_event(admin_server, event, "Ev0UPLOAD")
    (offer,) = fake_slack.wait_for("chat.postMessage")
    assert "Cornwall health innovation plan" in all_text(offer)  # suggested from the file
    assert fake_slack.of("file_download")[0]["auth"] == "Bearer xoxb-test-token"
    click(admin_server, fake_slack, "admin_add_file", "F0PLAN", user="U0ALICE")
    assert NOT_ADMIN in fake_slack.wait_for("chat.postMessage", 2)[1]["text"]
    click(admin_server, fake_slack, "admin_add_file", "F0PLAN")
    (opened,) = fake_slack.wait_for("views.open")
    fields = {b["block_id"]: b["element"].get("initial_value") for b in opened["view"]["blocks"]}
    assert fields["title"] == "Cornwall health innovation plan"
    submit = view_submission(
        "admin_upload_modal",
        "F0PLAN",
        {
            "title": "Cornwall and Isles of Scilly health innovation plan",
            "publisher": "Cornwall LEP",
            "published": "2026-10",
        },
    )
    response = httpx.post(
        f"{admin_server.url}/slack/events",
        content=submit,
        headers=signed_headers(submit, content_type=FORM),
    )
    assert response.status_code == 200
    assert "1 added" in final_update(fake_slack)
    (doc,) = [
        d for d in admin_server.assistant.engine.store.documents() if d.title.startswith("Cornwall")
    ]
    assert (doc.title, doc.publisher, doc.published) == (
        "Cornwall and Isles of Scilly health innovation plan",
        "Cornwall LEP",
        "2026-10",
    )
    assert "Truro rural telehealth testbed" in ask(
        admin_server, fake_slack, "What does the Cornwall plan fund?"
    )


def test_upload_modal_rejects_a_bad_date(admin_server, fake_slack):
    submit = view_submission("admin_upload_modal", "F0X", {"title": "T", "published": "June"})
    response = httpx.post(
        f"{admin_server.url}/slack/events",
        content=submit,
        headers=signed_headers(submit, content_type=FORM),
    )
    assert response.json()["errors"]["published"] == "Use YYYY, YYYY-MM or YYYY-MM-DD."


def test_a_non_admin_sharing_a_file_is_told_politely(admin_server, fake_slack):
    file = fake_slack.add_file("F0X", "notes.txt", b"Some notes.", "text/plain")
    event = file_share(file, "1700000950.000100", user="U0ALICE", channel="D0ALICE")
    post_event(admin_server, event, "Ev0UPLOAD2")
    assert fake_slack.wait_for("chat.postMessage")[0]["text"] == NOT_ADMIN
    assert fake_slack.of("file_download") == []


def test_a_crash_mid_ingest_leaves_the_old_version_answerable(
    admin_server, fake_slack, site, monkeypatch
):
    url = f"{site.url}/dorset-lis"
    command(admin_server, fake_slack, f"admin ingest {url}")
    final_update(fake_slack)
    store = admin_server.assistant.engine.store

    def crash(ids):
        raise RuntimeError("disk unplugged")

    monkeypatch.setattr(store, "_delete", crash)  # new chunks written, old ones not yet removed
    site.pages["/dorset-lis"] = (V2, "text/html")
    command(admin_server, fake_slack, f"admin ingest {url}")
    final = final_update(fake_slack, 2)
    assert "unexpected error" in final and "still answerable" in final
    assert "disk unplugged" not in final
    assert "Bournemouth Quayside" in ask(
        admin_server, fake_slack, "What is the first priority of the Dorset refresh?"
    )
    monkeypatch.undo()
    command(admin_server, fake_slack, f"admin ingest {url}")
    assert "1 updated" in final_update(fake_slack, 3)
    texts = " ".join(c.text for c in store.all_chunks())
    assert "Poole harbour" in texts and "Bournemouth Quayside" not in texts


def test_concurrent_ingests_queue_and_do_not_corrupt_the_store(admin_server, fake_slack, site):
    site.pages["/plan-a"] = (V1.replace("Dorset", "Devon"), "text/html")
    site.pages["/plan-b"] = (V2.replace("Dorset", "Somerset"), "text/html")
    admin = admin_server.assistant.admin
    assert admin.lock.acquire(blocking=False)  # an ingest already running elsewhere
    threads = [
        threading.Thread(
            target=command, args=(admin_server, fake_slack, f"admin ingest {site.url}/{name}")
        )
        for name in ("plan-a", "plan-b")
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    time.sleep(0.5)
    assert any("Queued" in u["text"] for u in fake_slack.of("chat.update"))
    admin.lock.release()
    final_update(fake_slack, 2)
    documents = {d.doc_id: d for d in admin_server.assistant.engine.store.documents()}
    assert len(documents) == 7
    assert all(d.content_hash != "mixed" for d in documents.values())
    chunks = admin_server.assistant.engine.store.all_chunks()
    assert len({c.id for c in chunks}) == len(chunks)
