"""The terminal front end: answers printed for people, and the local question console.

Like the Slack and Teams front ends, this only renders an `Answer`; the engine does the
work. Output uses rich, which styles it on a terminal and prints plain text when piped.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.markup import escape

from bot.engine.answer import Answer, human_date, sources_of
from bot.engine.core import Engine, QuestionError
from ingest.store import StoredDocument

__all__ = ["print_answer", "print_sources", "run_console"]

GREETING = (
    "LIS Assistant: ask about the UK Industrial Strategy and local industrial "
    "strategies. Type 'sources' to see the knowledge base, 'quit' to leave."
)


def print_answer(console: Console, answer: Answer) -> None:
    console.print(escape(answer.answer))
    if answer.note:
        console.print(f"[dim]{escape(answer.note)}[/dim]")
    if answer.citations:
        console.print("\n[bold]Sources[/bold]")
        for numbers, citation in sources_of(answer.citations):
            marks = " ".join(f"[{n}]" for n in numbers)
            link = f" {citation.url}" if citation.url else ""
            console.print(f"  {escape(marks)} {escape(citation.label())}{escape(link)}")
    if answer.contacts:
        console.print("\n[bold]Who to contact[/bold]")
        for contact in answer.contacts:
            where = f"{contact.area}: " if contact.area else "Nationally: "
            console.print(f"  {escape(where + contact.label())}")
            if contact.source:
                console.print(f"    [dim]Source: {escape(contact.source)}[/dim]")
            if contact.note:
                console.print(f"    [dim]{escape(contact.note)}[/dim]")


def print_sources(console: Console, documents: list[StoredDocument]) -> None:
    if not documents:
        console.print("The knowledge base is empty. Add documents with `lis ingest`.")
        return
    console.print(f"[bold]{len(documents)} documents in the knowledge base[/bold]")
    for doc in documents:
        when = human_date(doc.published) or "undated"
        by = f", {doc.publisher}" if doc.publisher else ""
        ingested = f", ingested {doc.ingested_at[:10]}" if doc.ingested_at else ""
        console.print(
            f"  • {escape(doc.title)}{escape(by)} ({escape(when)}): {doc.chunks} chunks{ingested}"
        )


def run_console(engine: Engine, stdin: TextIO, console: Console) -> None:
    """Answer questions read line by line until end of input (or 'quit')."""
    interactive = stdin.isatty()
    if interactive:
        console.print(GREETING)
    while True:
        if interactive:
            console.print("\n[bold cyan]?[/bold cyan] ", end="")
        line = stdin.readline()
        if not line:
            break
        question = line.strip()
        if not question:
            continue
        if question.lower() in ("quit", "exit"):
            break
        if question.lower() == "sources":
            print_sources(console, engine.documents())
            continue
        try:
            print_answer(console, engine.ask(question))
        except QuestionError as error:
            console.print(escape(str(error)))
        if not interactive:
            console.print()
