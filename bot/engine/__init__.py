"""The question-answering engine: a question in, an `Answer` out.

Retrieval (`retrieval`), the covered-or-not decision (`answerable`), composing quoted
answers (`compose`) or generated ones (`generate`), contacts and places. It knows nothing
of settings, SQLite, chat SDKs or web servers; `bot.wiring` builds it from settings.
"""

from bot.engine.answer import Answer, Citation, Contact
from bot.engine.core import Engine, QuestionError

__all__ = ["Answer", "Citation", "Contact", "Engine", "QuestionError"]
