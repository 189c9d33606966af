"""Prompt templates: plain Markdown files in `prompts/` with named {variables}.

Curators can edit the wording freely. What they cannot do by accident is reference a
variable the assistant does not supply, or drop one it needs: both are reported when the
templates are loaded, at start-up, instead of a blank silently reaching the model.
Literal braces in a template are written doubled: {{ and }}.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

from bot.errors import LisError

__all__ = ["PromptError", "PromptTemplate", "AnswerPrompts"]


class PromptError(LisError, ValueError):
    """A prompt template is missing or uses the wrong variables."""


@dataclass(frozen=True)
class PromptTemplate:
    path: Path
    text: str
    variables: frozenset[str]

    @classmethod
    def load(
        cls, path: Path, provided: set[str], required: set[str] = frozenset()
    ) -> PromptTemplate:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            raise PromptError(
                f"prompt template {path} cannot be read ({error.strerror})."
            ) from None
        try:
            used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
        except ValueError as error:
            raise PromptError(f"{path}: {error} (write literal braces as {{{{ and }}}}).") from None
        unknown = used - provided
        if unknown:
            raise PromptError(
                f"{path} uses {_fields(unknown)}, which the assistant does not "
                f"provide; available: {_fields(provided)}."
            )
        missing = required - used
        if missing:
            raise PromptError(f"{path} must include {_fields(missing)}.")
        return cls(path, text, frozenset(used))

    def render(self, **values: str) -> str:
        return self.text.format_map({name: values[name] for name in self.variables})


def _fields(names) -> str:
    return ", ".join("{" + name + "}" for name in sorted(names))


@dataclass(frozen=True)
class AnswerPrompts:
    system: PromptTemplate
    user: PromptTemplate
    rewrite: PromptTemplate

    @classmethod
    def load(cls, directory: Path) -> AnswerPrompts:
        answer_fields = {"question", "passages", "conversation", "area", "contacts"}
        return cls(
            system=PromptTemplate.load(directory / "answer_system.md", provided=set()),
            user=PromptTemplate.load(
                directory / "answer_user.md", answer_fields, required={"question", "passages"}
            ),
            rewrite=PromptTemplate.load(
                directory / "rewrite.md",
                {"question", "conversation"},
                required={"question", "conversation"},
            ),
        )
