"""One bad document costs only itself (issue items 3 and 4).

A crafted PDF whose compressed stream inflates beyond pypdf's limit, or a local file over
the size cap, is reported as a failure for that document, with a message for people and
no traceback; every good document beside it is ingested.
"""

from __future__ import annotations

import struct
import zlib
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from ingest.errors import IngestError
from ingest.fetch import FetchPolicy
from ingest.loaders import PdfLoader
from ingest.pipeline import ingest_sources
from ingest.store import KnowledgeStore
from tests.pdfs import make_pdf
from tests.security.local_servers import serve

pytestmark = pytest.mark.security

# pypdf refuses to inflate a stream past 75 MB (pypdf.filters.ZLIB_MAX_OUTPUT_LENGTH).
INFLATED_BYTES = 80_000_000


def crafted_pdf() -> bytes:
    """A PDF whose page tree sits in an object stream that is 80 kB on disk and 80 MB
    inflated: pypdf raises LimitReachedError as soon as the pages are read."""
    bomb = zlib.compress(b"2 0 " + b" " * INFLATED_BYTES, 9)
    objects = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        3: b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        4: b"<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 712 Td (Hello) Tj ET\nendstream",
        5: b"<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length %d >>\nstream\n"
        % len(bomb)
        + bomb
        + b"\nendstream",
    }
    out = bytearray(b"%PDF-1.7\n")
    offsets = {}
    for number, body in objects.items():
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    offsets[6] = len(out)
    # A cross-reference stream: object 2 (the page tree) is object 0 of object stream 5.
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    for number in range(1, 7):
        entry = (2, 5, 0) if number == 2 else (1, offsets[number], 0)
        rows.append(struct.pack(">BIH", *entry))
    table = b"".join(rows)
    out += b"6 0 obj\n<< /Type /XRef /Size 7 /W [1 4 2] /Root 1 0 R /Length %d >>\n" % len(table)
    out += b"stream\n" + table + b"\nendstream\nendobj\n"
    out += b"startxref\n%d\n%%%%EOF\n" % offsets[6]
    return bytes(out)


def _good_documents(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "plan.md").write_text("# Dorset plan\n\nThe plan funds green skills in Dorset.\n")
    (folder / "notes.txt").write_text("Cornwall invests in marine energy and ports.\n")
    (folder / "brief.pdf").write_bytes(make_pdf(["Kent backs life sciences in Discovery Park."]))


@pytest.fixture
def store(tmp_path, embedder):
    return KnowledgeStore.open(tmp_path / "store", embedder)


def _assert_friendly(reason: str) -> None:
    assert reason
    assert "Traceback" not in reason and 'File "' not in reason


def test_the_crafted_pdf_alone_fails_and_is_explained():
    with pytest.raises(IngestError) as caught:
        PdfLoader().load(crafted_pdf())
    assert "PDF" in str(caught.value)
    _assert_friendly(str(caught.value))


def test_a_folder_with_a_crafted_pdf_ingests_every_good_document(tmp_path, store):
    folder = tmp_path / "docs"
    _good_documents(folder)
    (folder / "bomb.pdf").write_bytes(crafted_pdf())
    report = ingest_sources(store, [folder])
    assert sorted(report.added) == ["brief", "notes", "plan"]
    [(name, reason)] = report.failed
    assert name.endswith("bomb.pdf")
    _assert_friendly(reason)
    assert {doc.doc_id for doc in store.documents()} == {"brief", "notes", "plan"}


def test_a_crafted_pdf_by_url_is_a_reported_failure(store):
    data = crafted_pdf()

    class Bomb(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    with serve(Bomb) as server:
        url = f"http://127.0.0.1:{server.port}/bomb.pdf"
        report = ingest_sources(store, [url], policy=FetchPolicy(allow_private=True))
    [(name, reason)] = report.failed
    assert name == url
    _assert_friendly(reason)


def test_a_local_file_over_the_size_cap_is_refused(tmp_path, store):
    folder = tmp_path / "docs"
    _good_documents(folder)
    (folder / "huge.txt").write_text("Padding text for a very large file.\n" * 2000)
    report = ingest_sources(store, [folder], policy=FetchPolicy(max_bytes=10_000))
    assert sorted(report.added) == ["brief", "notes", "plan"]
    [(name, reason)] = report.failed
    assert name.endswith("huge.txt")
    assert "too large" in reason
