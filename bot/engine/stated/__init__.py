"""Do the passages state the kind of detail the question asks for?

A question that asks how much, how many, when, or who holds an office is not answered by
sentences that share its words but hold no amount, count, date or office holder for its
subject: "who chairs the North East LEP Board?" is not answered by the slide that says the
board agrees the strategy. The composer then says the documents do not cover it.

Each check looks at the retrieved passages' sentences scored against the question's
subject (`Sentences`), and says True for questions of other kinds.

One module a kind of detail (figures, counting, dates, people, which places), with what
every check reads the same way in `subjects`.
"""

from __future__ import annotations

from bot.engine.stated.comparison import about_area, compared_places, states_both_sides
from bot.engine.stated.counting import counted_heads, counts, states_count
from bot.engine.stated.dates import (
    DATE,
    DATED_TITLE,
    DEADLINE_EVENT,
    names_event,
    states_date,
    states_outcome,
)
from bot.engine.stated.figures import (
    AMOUNT,
    NUMBER,
    states_amount,
    states_figures_on,
    states_for_the_year,
    states_share,
)
from bot.engine.stated.people import PHONE as PHONE
from bot.engine.stated.people import _kind_of_body as _kind_of_body
from bot.engine.stated.people import (
    gives_email,
    gives_email_of,
    gives_phone,
    names_holder,
    names_members,
    names_minister,
)
from bot.engine.stated.people import office_prefixes as office_prefixes
from bot.engine.stated.subjects import Sentences, in_order
from bot.engine.stated.which import names_which

__all__ = [
    "in_order",
    "AMOUNT",
    "DATE",
    "NUMBER",
    "Sentences",
    "states_amount",
    "states_count",
    "states_date",
    "DATED_TITLE",
    "names_event",
    "DEADLINE_EVENT",
    "names_holder",
    "names_members",
    "names_minister",
    "names_which",
    "gives_phone",
    "gives_email",
    "states_outcome",
    "states_both_sides",
    "compared_places",
    "about_area",
    "states_figures_on",
    "states_for_the_year",
    "states_share",
    "counted_heads",
    "gives_email_of",
    "counts",
]
