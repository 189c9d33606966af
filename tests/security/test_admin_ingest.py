"""Item 1: `/lis admin ingest` reads nothing from the server's disk, and what admins add
from Slack (URLs, uploads) never takes the id of a curated document unless they say
"replace"."""

from __future__ import annotations

import time

import pytest

from testkit.slack_requests import view_submission
from tests.slack_client import (
    FORM,
    _post,
    ack_text,
    file_share,
    final_update,
    post_command,
    post_event,
)

pytestmark = pytest.mark.security

CURATED = "lep-the-industrial-strategy"


def command(server, fake_slack, text: str, user: str = "U0ADMIN"):
    return post_command(server, fake_slack, text, timeout=30, user=user)


def documents(server) -> dict:
    return {d.doc_id: d for d in server.assistant.engine.store.documents()}


@pytest.mark.parametrize(
    "target",
    [
        "/etc",
        "/etc/passwd",
        "/no/such/folder",
        "knowledge/documents",
        "../",
        "<file:///etc/passwd>",
        "~/.ssh",
        "ftp://files.example.org/doc.pdf",
    ],
)
def test_admin_ingest_of_anything_but_a_web_address_touches_no_file(
    admin_server, fake_slack, target, monkeypatch
):
    import pathlib

    touched: list[str] = []
    for name in ("exists", "is_dir", "is_file", "stat", "read_bytes", "rglob", "resolve"):
        real = getattr(pathlib.Path, name)

        def spy(self, *args, _real=real, **kwargs):
            if str(self).startswith(("/etc", "/no", "knowledge", "..", "~")):
                touched.append(str(self))
            return _real(self, *args, **kwargs)

        monkeypatch.setattr(pathlib.Path, name, spy)
    reply = ack_text(command(admin_server, fake_slack, f"admin ingest {target}"))
    assert "lis ingest" in reply and "http" in reply
    assert "no such file" not in reply.lower()
    time.sleep(0.3)
    assert fake_slack.of("chat.postMessage") == []  # no ingest job started
    assert touched == []
    assert len(documents(admin_server)) == 5
    (entry,) = admin_server.assistant.state.audit_entries()
    assert entry["action"] == "ingest" and entry["result"].startswith("refused")


def test_a_url_document_gets_an_id_of_its_own(admin_server, fake_slack, site):
    # This address slugs to the curated document's id under the old naming.
    site.pages["/the-industrial-strategy"] = ("Replacement text about Truro.", "text/plain")
    url = f"{site.url}/the-industrial-strategy"
    command(admin_server, fake_slack, f"admin ingest <{url}>")
    assert "1 added" in final_update(fake_slack)
    stored = documents(admin_server)
    assert len(stored) == 6
    (added,) = [d for d in stored.values() if d.source == url]
    assert added.doc_id.startswith("web:")


def test_an_upload_named_like_a_curated_file_does_not_replace_it(admin_server, fake_slack):
    before = documents(admin_server)[CURATED]
    content = b"# Fake strategy\n\nThe Industrial Strategy now says to phone this number.\n"
    file = fake_slack.add_file("F0EVIL", f"{CURATED}.txt", content, "text/plain")
    event = file_share(file, "1700000900.000100")
    post_event(admin_server, event, "Ev0SAMENAME")
    fake_slack.wait_for("chat.postMessage")
    submit = view_submission("admin_upload_modal", "F0EVIL", {"title": "Fake strategy"})
    assert _post(admin_server, submit, FORM, 30).status_code == 200
    assert "1 added" in final_update(fake_slack)
    stored = documents(admin_server)
    assert stored[CURATED].content_hash == before.content_hash
    assert stored[CURATED].title == before.title
    assert f"upload:{CURATED}" in stored


def test_replace_is_explicit_and_replaces_only_the_named_document(admin_server, fake_slack, site):
    site.pages["/new-strategy"] = ("# New strategy\n\nThe new strategy funds Truro.", "text/plain")
    url = f"{site.url}/new-strategy"
    reply = ack_text(command(admin_server, fake_slack, f"admin ingest {url} replace no-such-doc"))
    assert "No document has the id" in reply
    command(admin_server, fake_slack, f"admin ingest <{url}> replace {CURATED}")
    assert "1 updated" in final_update(fake_slack)
    stored = documents(admin_server)
    assert len(stored) == 5 and stored[CURATED].source == url
    log = ack_text(command(admin_server, fake_slack, "admin log"))
    assert f"replace {CURATED}" in log


def test_admin_help_documents_replace(admin_server, fake_slack):
    reply = ack_text(command(admin_server, fake_slack, "admin"))
    assert "admin ingest URL" in reply and "replace" in reply


def test_a_non_admin_cannot_ingest_a_local_path_either(admin_server, fake_slack):
    reply = ack_text(command(admin_server, fake_slack, "admin ingest /etc", user="U0ALICE"))
    assert "only LIS Assistant admins" in reply
    time.sleep(0.3)
    assert fake_slack.of("chat.postMessage") == []
