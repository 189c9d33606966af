"""Read a document's bytes into cleaned pages, by file type.

One `Loader` per format, registered by file suffix and by HTTP content type. Each returns
`Loaded`: the cleaned text of each page (PDF pages keep their numbers; other formats are
one page without a number) and a title found in the document itself, if any. Whatever a
parser raises on a damaged or crafted file becomes an `IngestError` for that document
alone, so one bad file never stops an ingest.
"""

from __future__ import annotations

import io
import logging
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import PurePath

from ingest.cleaning import clean_text, remove_repeated_lines, split_columns
from ingest.errors import IngestError

__all__ = ["Loaded", "Page", "Loader", "loader_for_name", "loader_for_content_type", "LOADERS"]

log = logging.getLogger(__name__)


@dataclass
class Page:
    text: str
    number: int | None = None


@dataclass
class Loaded:
    pages: list[Page]
    title: str | None = None
    published: str | None = None
    publisher: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(page.text for page in self.pages)


class Loader(ABC):
    """Turns the bytes of one format into cleaned pages."""

    kind = "document"
    suffixes: tuple[str, ...] = ()
    content_types: tuple[str, ...] = ()

    def load(self, data: bytes) -> Loaded:
        """The document's cleaned pages; IngestError if it cannot be read.

        Parsers meet hostile input here (decompression bombs, absurd nesting), and what
        they raise for it is not ours to list: any error becomes this document's failure,
        named in plain words; the details go to the debug log, not to the admin.
        """
        try:
            loaded = self._load(data)
        except IngestError:
            raise
        except Exception as error:
            log.debug("the %s parser failed", self.kind, exc_info=True)
            raise IngestError(
                f"not a readable {self.kind} file (the reader stopped with "
                f"{type(error).__name__}; the file may be damaged)"
            ) from error
        loaded.pages = [page for page in loaded.pages if page.text.strip()]
        if not loaded.pages:
            raise IngestError("no text found (a scanned PDF or an empty file?)")
        return loaded

    @abstractmethod
    def _load(self, data: bytes) -> Loaded:
        """Parse and clean; may return empty pages, which `load` drops."""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _first_heading(text: str) -> str | None:
    match = re.search(r"^## (.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else None


class TextLoader(Loader):
    kind = "text"
    suffixes = (".txt", ".text")
    content_types = ("text/plain",)

    def _load(self, data: bytes) -> Loaded:
        text = clean_text(_decode(data))
        return Loaded(pages=[Page(text)], title=_first_heading(text))


class MarkdownLoader(Loader):
    kind = "Markdown"
    suffixes = (".md", ".markdown")
    content_types = ("text/markdown", "text/x-markdown")

    def _load(self, data: bytes) -> Loaded:
        raw = _decode(data)
        # Markdown headings become plain lines that the cleaner recognises as headings;
        # emphasis and link syntax are reduced to their text.
        raw = re.sub(r"^#{1,6}\s+(.+?)\s*#*$", r"\n\1\n", raw, flags=re.MULTILINE)
        raw = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", raw)
        raw = re.sub(r"(\*\*|__|`)", "", raw)
        raw = re.sub(r"^\s*[*+-]\s+", "• ", raw, flags=re.MULTILINE)
        title = re.search(r"^#\s+(.+?)\s*#*$", _decode(data), re.MULTILINE)
        text = clean_text(raw)
        return Loaded(pages=[Page(text)], title=title.group(1) if title else _first_heading(text))


class PdfLoader(Loader):
    kind = "PDF"
    suffixes = (".pdf",)
    content_types = ("application/pdf",)

    def _load(self, data: bytes) -> Loaded:
        from pypdf import PdfReader
        from pypdf.errors import LimitReachedError, PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data))
            raw_pages = [_page_text(page) for page in reader.pages]
            metadata = reader.metadata
        except LimitReachedError as error:
            raise IngestError(
                "not a readable PDF (part of it expands to more data than is safe to read; "
                "the file is damaged or crafted)"
            ) from error
        except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
            raise IngestError(f"not a readable PDF ({error})") from error
        pages = remove_repeated_lines(raw_pages)
        title = (metadata.title if metadata else None) or None
        created = metadata.creation_date if metadata else None
        cleaned = [Page(clean_text(text), number) for number, text in enumerate(pages, 1)]
        return Loaded(
            pages=cleaned,
            title=title or _first_heading(cleaned[0].text if cleaned else ""),
            published=created.strftime("%Y-%m") if created else None,
            publisher=(metadata.author if metadata else None) or None,
        )


def _page_text(page) -> str:
    """Text of one PDF page, read column by column when the page has two columns."""
    from pypdf.errors import LimitReachedError

    try:
        columns = split_columns(page.extract_text(extraction_mode="layout"))
    except LimitReachedError:
        raise  # a bomb in the page: plain extraction would meet it again
    except Exception:  # layout mode is best effort; plain extraction is the fallback
        columns = None
    return columns if columns is not None else page.extract_text() or ""


class HtmlLoader(Loader):
    """Main content only: navigation, headers, footers, forms and asides are dropped, and
    so is everything a browser would not show (see `_drop_hidden`)."""

    kind = "HTML"
    suffixes = (".html", ".htm")
    content_types = ("text/html", "application/xhtml+xml")
    _DROP = (
        "script",
        "style",
        "noscript",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "iframe",
        "svg",
        "button",
        "template",
    )

    def _load(self, data: bytes) -> Loaded:
        from bs4 import BeautifulSoup

        soup = BeautifulSoup(_decode(data), "html.parser")
        title = soup.title.get_text(" ", strip=True) if soup.title else None
        for tag in soup(self._DROP):
            tag.decompose()
        for tag in soup.select('[role="navigation"], [role="banner"]'):
            tag.decompose()
        _drop_hidden(soup)
        main = soup.find("main") or soup.find("article") or soup.find(attrs={"role": "main"})
        root = main or soup.body or soup
        h1 = root.find("h1")
        published = _html_date(soup)
        text = clean_text(_html_to_text(root))
        title = h1.get_text(" ", strip=True) if h1 else _meta(soup, _TITLE_TAGS) or title
        return Loaded(
            pages=[Page(text)], title=title, published=published, publisher=_meta(soup, _BY_TAGS)
        )


# Hidden from everyone: the `hidden` attribute (also "until-found"), aria-hidden, a dialog
# that is not open. `<template>` and `<noscript>` are in HtmlLoader._DROP.
_HIDDEN_SELECTOR = '[hidden], [aria-hidden="true" i], dialog:not([open])'
_HIDING_STYLE = {"display": {"none"}, "visibility": {"hidden", "collapse"}}


def _drop_hidden(soup) -> None:
    """Remove elements a browser would not show, with everything inside them.

    Hidden text is a way to plant instructions for the language model ("SYSTEM: email
    your password to ...") in a page that looks harmless, which the assistant could
    then quote. Inline styles are read (display:none, visibility:hidden); style sheets
    are not, so text hidden by a class stays: a limit SECURITY.md states.
    """
    hidden = soup.select(_HIDDEN_SELECTOR)
    hidden += [tag for tag in soup.find_all(style=True) if _hides(tag.get("style") or "")]
    for tag in hidden:
        if not tag.decomposed:
            tag.decompose()


def _hides(style: str) -> bool:
    """True when an inline style hides its element (`display: none !important` too)."""
    for declaration in style.split(";"):
        name, _, value = declaration.partition(":")
        value = re.sub(r"!\s*important", "", value.lower()).strip()
        if value in _HIDING_STYLE.get(name.strip().lower(), ()):
            return True
    return False


_TITLE_TAGS = ({"property": "og:title"}, {"name": "dc.title"}, {"name": "DC.title"})
_BY_TAGS = (
    {"property": "og:site_name"},
    {"name": "publisher"},
    {"name": "dc.publisher"},
    {"name": "DC.publisher"},
    {"name": "author"},
)


def _meta(soup, choices: tuple[dict, ...]) -> str | None:
    """The first of these meta tags the page has, as text."""
    for attrs in choices:
        tag = soup.find("meta", attrs=attrs)
        content = " ".join((tag.get("content") or "").split()) if tag else ""
        if content:
            return content
    return None


def _html_date(soup) -> str | None:
    """A publication date from the page's meta tags (Open Graph, Dublin Core), if any."""
    for attrs in (
        {"property": "article:published_time"},
        {"name": "dc.date"},
        {"name": "date"},
        {"name": "DC.date.issued"},
    ):
        tag = soup.find("meta", attrs=attrs)
        match = re.match(r"\d{4}(-\d{2}(-\d{2})?)?", (tag.get("content") or "") if tag else "")
        if match:
            return match.group(0)
    return None


def _html_to_text(root) -> str:
    """Block elements on their own lines, headings marked, list items as bullets."""
    for item in root.find_all("li"):
        item.insert(0, "\n• ")
    for heading in root.find_all(re.compile(r"^h[1-6]$")):
        heading.insert(0, "\n\n")
        heading.append("\n\n")
    for block in root.find_all(["p", "div", "section", "tr", "br", "ul", "ol", "table"]):
        block.append("\n\n" if block.name == "p" else "\n")
    return root.get_text("")


LOADERS: tuple[Loader, ...] = (TextLoader(), MarkdownLoader(), PdfLoader(), HtmlLoader())


def loader_for_name(name: str) -> Loader:
    suffix = PurePath(name).suffix.lower()
    for loader in LOADERS:
        if suffix in loader.suffixes:
            return loader
    raise IngestError(
        f"not a supported type ({suffix or 'no extension'}); use PDF, HTML, Markdown or text"
    )


def loader_for_content_type(content_type: str, name: str = "") -> Loader:
    media_type = content_type.split(";")[0].strip().lower()
    for loader in LOADERS:
        if media_type in loader.content_types:
            return loader
    if media_type in ("application/octet-stream", "") and name:
        return loader_for_name(name)
    raise IngestError(
        f"not a supported type ({media_type or 'unknown'}); use PDF, HTML, Markdown or text"
    )
