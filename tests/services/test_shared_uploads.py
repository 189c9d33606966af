"""Files admins share live in the state database, not on one machine's disk: a file shared
with one `web` process can be confirmed through another, a reingest on any machine reads
it again, and a removed upload stays removed."""

from __future__ import annotations

from bot.engine.places import Gazetteer
from bot.services.admin import AdminService
from bot.services.state import StateStore
from bot.settings import get_settings
from bot.wiring import deadline_sync
from ingest.store import KnowledgeStore
from tests.conftest import KNOWLEDGE

NOTE = b"# Quillfield Health Plan\n\nQuillfield will open a clinical trials unit for SMEs.\n"


def machine(name: str, tmp_path, database_url: str, store: KnowledgeStore) -> AdminService:
    """An admin service as one `web` process has it: its own LIS_DATA_DIR, shared state."""
    settings = get_settings(
        database_url=database_url, lis_data_dir=tmp_path / name, knowledge_dir=KNOWLEDGE
    )
    state = StateStore.for_settings(settings)
    gazetteer = Gazetteer.load(KNOWLEDGE / "gazetteer.yaml")
    return AdminService.create(settings, store, state, deadline_sync(settings, store, gazetteer))


def test_an_upload_shared_with_one_machine_is_confirmed_and_reingested_on_another(
    postgres_url, tmp_path, embedder
):
    store = KnowledgeStore.open(tmp_path / "chroma", embedder)  # stands for the Chroma server
    web_1 = machine("web-1", tmp_path, postgres_url, store)
    web_2 = machine("web-2", tmp_path, postgres_url, store)

    web_1.stage_upload("F0QUILL", "quillfield.md", NOTE, "U0ADMIN")
    report = web_2.add_upload("F0QUILL", {"title": "Quillfield Health Plan"}, "U0ADMIN", print)
    assert report.added == ["upload:quillfield"]
    assert not (tmp_path / "web-1" / "uploads").exists()  # nothing kept on a machine's disk

    store.remove_document("upload:quillfield")  # as if lost: reingest reads it back
    assert "upload:quillfield" in web_1.reingest("U0ADMIN", print).added

    web_2.remove("upload:quillfield", "U0ADMIN")
    web_1.reingest("U0ADMIN", print)
    assert "upload:quillfield" not in {d.doc_id for d in store.documents()}
