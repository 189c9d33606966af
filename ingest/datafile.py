"""Read the curated YAML files (sources, glossary, contacts, gazetteer) with line numbers.

These files are edited by hand by people who are not engineers, so a mistake must come
back as one sentence naming the file and the line, never a stack trace. Every mapping
loaded here remembers the line it started on (`line_of`), so checks made after loading
("this contact needs an 'org'") can point at the right place too.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ingest.errors import LisError

__all__ = ["DataFileError", "load_data_file", "line_of"]


class DataFileError(LisError, ValueError):
    """A curated data file is missing or malformed; the message names file and line."""


class _LineDict(dict):
    line: int = 0


class _Loader(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        mapping = _LineDict(super().construct_mapping(node, deep=deep))
        mapping.line = node.start_mark.line + 1
        return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _Loader.construct_mapping)


def load_data_file(path: Path, *, required: bool = True):
    """The parsed YAML of `path`; None when it is absent and not required."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        if required:
            raise DataFileError(f"{path} is missing.") from None
        return None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or "syntax error"
        raise DataFileError(f"{path} is not valid YAML{where}: {problem}.") from None


def line_of(value) -> str:
    """' (line N)' for a mapping loaded by `load_data_file`, '' otherwise."""
    line = getattr(value, "line", 0)
    return f" (line {line})" if line else ""
