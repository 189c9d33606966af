"""Small PDFs made on the spot for loader tests (fpdf2 writes real, text-bearing PDFs)."""

from __future__ import annotations

from fpdf import FPDF


def make_pdf(pages: list[str], title: str | None = None, header: str | None = None) -> bytes:
    """One page per string; an optional running header repeated on every page."""
    pdf = FPDF()
    if title:
        pdf.set_title(title)
    pdf.set_font("Helvetica", size=11)
    for text in pages:
        pdf.add_page()
        if header:
            pdf.cell(0, 8, header, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 6, text)
    return bytes(pdf.output())


def make_two_column_pdf(left: list[str], right: list[str]) -> bytes:
    """A page whose lines sit in two columns side by side, as in many briefings."""
    pdf = FPDF()
    pdf.set_font("Helvetica", size=10)
    pdf.add_page()
    for row, (a, b) in enumerate(zip(left, right, strict=True)):
        y = 20 + row * 6
        pdf.set_xy(10, y)
        pdf.cell(85, 6, a)
        pdf.set_xy(110, y)
        pdf.cell(85, 6, b)
    return bytes(pdf.output())


def make_blank_pdf() -> bytes:
    """A page with no text at all, like a scanned document without OCR."""
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 100)
    return bytes(pdf.output())
