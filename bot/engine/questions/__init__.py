"""What kind of question this is: the composer and the coverage check answer them
differently ("what should we do?", "who should we talk to?", "what is X?").

One module an answer kind (advice, definitions, lists, figures, dates, people, outcomes),
with the framing words that name no topic and the words answers use for what is asked."""

from __future__ import annotations

from bot.engine.questions.advice import (
    asks_what_it_gains,
    asks_what_to_do,
    asks_who_holds,
    gainer_terms,
    is_action_question,
    is_contact_question,
)
from bot.engine.questions.dates import (
    asks_about_now,
    asks_how_far_it_runs,
    asks_if_done,
    asks_only_where_it_stands,
    asks_where_it_stands,
    compares_dates,
    date_subject,
    event_words,
    event_year,
    wants_date,
)
from bot.engine.questions.definitions import (
    defined_alone,
    definition_subject,
    last_named,
    person_asked,
    purpose_subject,
)
from bot.engine.questions.figures import (
    amount_subject,
    asked_parts,
    count_subject,
    counted,
    counted_noun,
    figure_kind_terms,
    figure_year,
    money_owner,
    names_money,
    parts_referring_back,
    share_base,
    wants_number,
)
from bot.engine.questions.framing import (
    alternatives,
    asks_where_to_find,
    topic_asked,
    without_presentation,
)
from bot.engine.questions.lists import (
    asks_if_absent,
    asks_members,
    listed_count,
    listed_noun,
    members_subject,
    wants_list,
)
from bot.engine.questions.outcomes import happened_event, outcome_subject
from bot.engine.questions.people import (
    ASKS_WHAT_SAID,
    asks_a_persons_view,
    phone_subject,
    role_asked,
    wants_email,
    wants_phone,
    wants_to_reach,
)
from bot.engine.questions.words import ANSWERED_AS, SAME_MEANING, answer_words, other_words_for

__all__ = [
    "alternatives",
    "figure_year",
    "figure_kind_terms",
    "is_action_question",
    "is_contact_question",
    "asks_if_absent",
    "asks_what_it_gains",
    "asks_what_to_do",
    "asks_a_persons_view",
    "ASKS_WHAT_SAID",
    "gainer_terms",
    "defined_alone",
    "definition_subject",
    "last_named",
    "person_asked",
    "purpose_subject",
    "wants_list",
    "listed_count",
    "listed_noun",
    "wants_number",
    "asks_members",
    "members_subject",
    "compares_dates",
    "wants_date",
    "amount_subject",
    "money_owner",
    "counted",
    "counted_noun",
    "count_subject",
    "role_asked",
    "date_subject",
    "event_words",
    "without_presentation",
    "asks_about_now",
    "asks_if_done",
    "asks_only_where_it_stands",
    "asks_where_it_stands",
    "asks_where_to_find",
    "asks_who_holds",
    "topic_asked",
    "phone_subject",
    "wants_phone",
    "wants_email",
    "wants_to_reach",
    "outcome_subject",
    "names_money",
    "share_base",
    "other_words_for",
    "SAME_MEANING",
    "answer_words",
    "ANSWERED_AS",
    "asked_parts",
    "asks_how_far_it_runs",
    "event_year",
    "happened_event",
    "parts_referring_back",
]
