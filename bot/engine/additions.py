"""What an answer adds to the points the composer chose: a recommendation for a "what
should we do" question, the place's own words, another document's date, a point for each
further thing a question asks, the sentence a point refers back to, the reason asked for,
the list the lead goes on into, and the other of two choices asked between.

`bot.engine.compose` scores the quoted sentences and chooses the best; the functions here
then extend or adjust that choice within the answer's room (so many points, so many
characters), the weakest points making way. They are kept apart from the scoring so that
each module reads as one step. Here too are the tests of a candidate sentence that the
choosing shares with them: a long sentence clipped to fit, a fuller one taking a repeat's
place, one that follows, repeats or belongs to the same quotation as another, who said it
and whom it describes, and what its "this", "these" or "we" refer to.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from bot.engine.concepts import Concept, coverage
from bot.engine.details import date_words, says_what_it_is
from bot.engine.questions import ASKS_WHAT_SAID, OFFICES, role_asked, said_subject
from bot.engine.stated import office_prefixes
from bot.engine.text import sentences, terms
from bot.engine.units import Candidate, Speaker, is_dated_caption, is_name_line, speaker_of_line
from ingest.structure import PARAGRAPH_BREAK, without_bullet

__all__ = [
    "ACTION_SENTENCE",
    "NHS_ADVICE",
    "advice_bonus",
    "answering",
    "clipped",
    "follows",
    "office_in",
    "one_quotation",
    "overlap",
    "put_fuller",
    "quotations_in_order",
    "referent",
    "said_by_the_one_asked",
    "BODY_WORDS",
    "shows_again",
    "speaker_described",
    "with_an_action",
    "with_another_date",
    "with_antecedents",
    "with_reason",
    "with_the_list_it_leads_to",
    "with_the_other_choice",
    "with_the_others",
    "with_the_place",
    "with_the_recommendation",
    "with_what_it_goes_on_to_say",
    "with_what_they_go_on_to_do",
    "writer",
]


# "We want to grow our own fit-for-purpose workforce ...; provide an environment ...;
# deliver ...; and provide ...": a sentence that runs on as clauses between semicolons.
_CLAUSE_BREAK = "; "
_MIN_CLIPPED = 60  # shorter, a sentence's first clause no longer says what it is about


def clipped(candidate: Candidate, room: int) -> Candidate | None:
    """A sentence too long for the room left, cut after as many of its clauses as fit:
    its first clauses still say what the rest goes on to list. None when it cannot be."""
    if candidate.carries_list:
        return None
    clauses = candidate.text.split(_CLAUSE_BREAK)
    while len(clauses) > 1:
        clauses.pop()
        kept = _CLAUSE_BREAK.join(clauses)
        shown = f"{kept}; …"  # marked as cut
        if len(shown) <= room:
            if len(kept) < _MIN_CLIPPED:
                return None
            return replace(candidate, text=shown, quote=kept, terms=frozenset(terms(kept)))
    return None


def put_fuller(
    chosen: list[Candidate], repeated: list[Candidate], candidate: Candidate, room: int
) -> bool:
    """A candidate that repeats one chosen sentence and adds the detail asked for takes
    its place ("There are significant benefits for the NHS ..." gives way to "There are
    many benefits ..., including: ..." and its list). True when it did."""
    if len(repeated) != 1:
        return False
    (same,) = repeated
    if candidate.details <= same.details or len(candidate.text) - len(same.text) > room:
        return False
    chosen[chosen.index(same)] = candidate
    return True


ACTION_SENTENCE = re.compile(
    r"\b(should|need to|needs to|must|important (that|to|for)|seek to|engage|influence|"
    r"recommend|encourage|opportunit\w*|get involved|contact|work with|"
    # "Engaging with your local economic leaders ... is the necessary and important first step"
    r"(?:first|next|necessary|practical)\s+steps?)\b",
    re.IGNORECASE,
)
# Advice addressed to the NHS: "STPs, ICSs and NHS organisations should seek to engage ...".
NHS_ADVICE = re.compile(
    r"\b(NHS|STPs?|ICSs?|ICBs?|CCGs?|trusts?|leaders|organisations|systems)\b[^.]{0,120}?"
    r"\b(should|need to|must|can|could)\b",
)
# ... or put as what matters: "It is important that NHS leaders seek to influence ...",
# which counts for a little less, as it may say what matters without saying what to do
NHS_IMPORTANT = re.compile(
    r"\b(?i:important|vital|essential|crucial)\s+(?:that|for)\s+(?:the\s+|local\s+)?"
    r"(NHS|STPs?|ICSs?|ICBs?|CCGs?|trusts?)\b",
)


def advice_bonus(text: str) -> float:
    """How much a sentence adds to a "what should we do" answer as advice: most when it
    tells NHS bodies what they should do, a little less when it says it is important
    that they act ("It is important that NHS leaders seek to influence ..."), less when
    it recommends anything at all, nothing when it recommends nothing."""
    if not ACTION_SENTENCE.search(text):
        return 0.0
    if NHS_ADVICE.search(text):
        return 0.3
    return 0.25 if NHS_IMPORTANT.search(text) else 0.2


def with_an_action(
    chosen: list[Candidate], candidates: list[Candidate], limit: int
) -> list[Candidate]:
    """A "what should we do" answer includes the best recommendation the passages make,
    preferably one addressed to the NHS ("ICSs ... should seek to engage ...").

    When none of the chosen sentences recommends anything, the best-scoring sentence that
    does, from the top passages, becomes the second point (the weakest point makes room):
    what the place's strategy says first, then what to do about it.
    """
    for advice, least in ((NHS_ADVICE, 0.0), (ACTION_SENTENCE, 0.15)):
        if any(advice.search(c.text) for c in chosen):
            return chosen
        # advice to NHS bodies from a top passage answers, whatever words it shares with
        # "what shld we be doing re our LIS?" (only the strategy's); any other sentence
        # that urges something must share more of them
        actions = [
            c
            for c in candidates
            if advice.search(c.text)
            and c.passage.rank <= 4
            and c.coverage >= least
            and c not in chosen
        ]
        if actions:
            best = max(actions, key=lambda c: c.score)
            return [chosen[0], best, *chosen[1 : limit - 1]]
    return chosen


# What a briefing recommends its reader do: "We recommend that you approach these partners".
_RECOMMENDS_READER = re.compile(
    r"\bwe\s+(?:would\s+)?(?:recommend|urge|encourage)\b|\byou\s+(?:should|need\s+to|must)\b",
    re.IGNORECASE,
)


def with_the_recommendation(
    chosen: list[Candidate], candidates: list[Candidate], max_sentences: int, max_chars: int
) -> list[Candidate]:
    """What the briefing itself recommends its reader do ("We recommend that you approach
    these partners privately"), after the sentence that says whom it means: the step a
    "what should we do" asks for, though it shares few of the question's words. The
    weakest points make room, but not the lead nor the advice to NHS bodies."""
    if any(_RECOMMENDS_READER.search(c.text) for c in chosen):
        return chosen
    found = [c for c in candidates if _RECOMMENDS_READER.search(c.text) and c not in chosen]
    if not found:
        return chosen
    best = max(found, key=_by_score)
    before = _antecedent(best, candidates, _NAMES_THESE)
    added = [before, best] if before is not None and before not in chosen else [best]
    kept = list(chosen)
    # (nor the best point, which may have been put second by `with_the_place`: "trust in
    # exeter - what r the 3 stages ...?" and the stages)
    best_chosen = max(chosen, key=_by_score)
    while _too_long([*kept, *added], max_sentences, max_chars):
        # not the lead, nor the advice to NHS bodies `with_an_action` put second
        weaker = [c for c in kept[1:] if not NHS_ADVICE.search(c.text) and c is not best_chosen]
        if not weaker:
            return chosen
        kept.remove(min(weaker, key=_by_score))
    return [*kept, *added]


def with_the_place(
    chosen: list[Candidate], candidates: list[Candidate], max_chars: int
) -> list[Candidate]:
    """Advice for a place says what the place's strategy or case study says before what
    to do about it: when no chosen point comes from a passage about the place asked about,
    the best that does leads, and the weakest points make room ("trust in exeter - what
    shd we push for?" and the Heart of the South West command paper's anchors). A caption
    ("Oxfordshire technical negotiating draft (December 2018)") or a signature line names
    the place and says nothing of it: it never leads."""
    local = [
        c
        for c in candidates
        if c.local and not is_dated_caption(c.text) and not is_name_line(c.text)
    ]
    if not local or any(c.local for c in chosen):
        return chosen
    kept = [max(local, key=_by_score), *chosen]
    while len(kept) > 2 and sum(len(c.text) for c in kept) > max_chars:
        kept.pop()
    return kept


RIVAL_DATE = 0.8  # of the lead's score: another document's date this good is given too
COMPARED_DATE = 0.5  # the same, when the question sets the documents' dates side by side
# A point about a place compared must hold this share of the question (`with_each_place`).
COMPARED_COVERAGE = 0.35
NAMED_SAY = 0.5  # of the lead's score: a named document's best point this good has its say


def with_another_date(
    chosen: list[Candidate],
    candidates: list[Candidate],
    dated: Callable[[Candidate], float],
    max_sentences: int,
    max_chars: int,
    compared: bool = False,
) -> list[Candidate]:
    """Asked when (a deadline, a date), the documents may disagree: the 2017 briefing's
    "the first ... agreed by March 2019", the June 2019 briefing's "by March 2020 at the
    latest". When the chosen points date it from one document only, the best point of
    another document that gives another date follows the lead, if it scores near the
    lead (or not far below it, when the question is `compared`: "how does the date in
    the 2017 briefing compare with the June 2019 one?"): the asker sees both dates, each
    cited to its source."""
    given = [c for c in chosen if dated(c) == 1.0]
    if not given:
        return chosen
    if compared:
        return _with_the_other_documents_date(
            chosen, given[0], candidates, dated, max_sentences, max_chars
        )
    sources = {c.passage.chunk.doc_id for c in given}
    said = set().union(*(date_words(c.text) for c in given))
    rivals = [
        c
        for c in candidates
        if c not in chosen
        and c.passage.chunk.doc_id not in sources
        and dated(c) == 1.0
        and not date_words(c.text) <= said
        and c.score >= RIVAL_DATE * chosen[0].score
    ]
    if not rivals:
        return chosen
    return _placed_after(chosen, chosen[0], max(rivals, key=_by_score), max_sentences, max_chars)


def _placed_after(
    chosen: list[Candidate],
    anchor: Candidate,
    point: Candidate,
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """`point` right after `anchor` (moved there when chosen already); then, while the
    answer is too long, the last points are left out, never those two or any before."""
    others = [c for c in chosen if c is not point]
    at = others.index(anchor) + 1
    kept = [*others[:at], point, *others[at:]]
    while len(kept) > at + 1 and _too_long(kept, max_sentences, max_chars):
        kept.pop()
    return kept


def _with_the_other_documents_date(
    chosen: list[Candidate],
    lead: Candidate,
    candidates: list[Candidate],
    dated: Callable[[Candidate], float],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """Dates set side by side: another document's date that says most of the question
    ("the first ... agreed by March 2019", not "... published ... on 27 November 2017",
    nor a date of its that answers something else, "... published their strategies in
    June 2019") follows the lead's, chosen already or not far below it."""
    said = date_words(lead.text)
    rivals = [
        c
        for c in candidates
        if c is not lead
        and c.passage.chunk.doc_id != lead.passage.chunk.doc_id
        and dated(c) == 1.0
        and not date_words(c.text) <= said
        and (c in chosen or c.score >= COMPARED_DATE * chosen[0].score)
    ]
    if not rivals:
        return chosen
    best = max(rivals, key=lambda c: (c.coverage, c.score))
    return _placed_after(chosen, lead, best, max_sentences, max_chars)


def with_each_named_document(
    chosen: list[Candidate],
    candidates: list[Candidate],
    documents: set[str],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """Asked how two documents the question names differ ("how does the description of
    Michael Wood's role in the 2017 white paper briefing differ from that in the June 2019
    briefing?"), each has its say: the best point of a named document the chosen points
    lack follows the lead, if it scores not far below it."""
    if len(documents) < 2 or not chosen:
        return chosen
    kept = list(chosen)
    for document in sorted(documents - {c.passage.chunk.doc_id for c in chosen}):
        its = [
            c
            for c in candidates
            if c.passage.chunk.doc_id == document and c.score >= NAMED_SAY * chosen[0].score
        ]
        if its:
            best = max(its, key=_by_score)
            kept = _with_room_for(kept, best, documents, max_sentences, max_chars)
    return kept


def _with_room_for(
    kept: list[Candidate],
    point: Candidate,
    documents: set[str],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """`point` after the lead, making room by leaving out the last points that neither
    lead nor are the only say of a document asked about; without it when there is none."""
    trial = [kept[0], point, *kept[1:]]
    while _too_long(trial, max_sentences, max_chars):
        said = [c.passage.chunk.doc_id for c in trial]
        spare = [
            index
            for index, c in enumerate(trial[2:], 2)
            if c.passage.chunk.doc_id not in documents or said.count(c.passage.chunk.doc_id) > 1
        ]
        if not spare:
            return kept
        trial.pop(spare[-1])
    return trial


PART_COVERED = 0.75  # a candidate this close to a question's part answers it
PART_ANSWERED = 0.9  # of the best coverage of a question's part any candidate has
LEAD_RIVAL = 0.85  # of the lead's score: a part's answer this good may lead instead


def office_in(part: str) -> tuple[str, ...]:
    """How sentences name the office a part asks the holder of ("who heads up X"), if any."""
    asked = role_asked(part)
    return office_prefixes(asked[0]) if asked else ()


def answering(
    part: list[Concept],
    defined: list[str] | None,
    office: tuple[str, ...],
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
    dated: Callable[[Candidate], float] | None = None,
) -> list[Candidate]:
    """For one of the things a question asks (`asked_parts`): when no chosen sentence
    covers it nearly as well as the best candidate does, that candidate takes the weakest
    point's place ("how is productivity defined, and why does it matter?" gets both a
    definition and a reason). A part that asks what something is (`defined`) is covered
    by a sentence that says so ("Productivity measures ..."), one that asks who holds an
    office (`office`) by a sentence that names the office ("..., Managing Director, ..."),
    one that asks when (`dated`) by a sentence that gives its date."""

    # a word no passage has ("im at UHB in brum") cannot tell which one answers
    part = [c for c in part if any(c.covered_by(k.terms | k.context) for k in candidates)]
    # the office is named its own way ("heads" -> "..., Managing Director, ...")
    besides_office = [c for c in part if not c.alternatives[0][0].startswith(office)]

    def said(concepts: list[Concept], candidate: Candidate) -> float:
        own = coverage(concepts, candidate.terms)
        return 0.6 * own + 0.4 * coverage(concepts, candidate.terms | candidate.context)

    def covers(candidate: Candidate) -> float:
        # "These panels will produce ..." after "... to establish Skills Advisory Panels."
        # says what they are, as "Skills Advisory Panels are ..." would
        if defined and (
            says_what_it_is(candidate.text, defined) or candidate.points_back_at(defined)
        ):
            return 1.0
        if office and not any(t.startswith(office) for t in candidate.terms):
            return said(part, candidate) / 2  # naming the body is not naming its office holder
        if dated is not None and dated(candidate) < 1.0:
            return said(part, candidate) / 2  # asked when, a sentence without its date
        found = said(besides_office, candidate)
        return found / 2 if defined else found  # naming the thing is not saying what it is

    best = max(candidates, key=lambda c: (covers(c), c.score))
    if (
        covers(best) < PART_COVERED
        or any(best.text in c.text for c in chosen)
        or max(map(covers, chosen)) >= PART_ANSWERED * covers(best)
    ):
        return chosen
    # The weakest points make room: for the count, and one more for the length, or as many
    # as it takes for what a thing is or does, which nothing else says; not the one `best`
    # points back at ("These panels will produce ..." needs "... to establish Skills
    # Advisory Panels." before it, and room for it when it is not chosen yet).
    needed = _antecedent(best, candidates)
    weakest = [c for c in reversed(chosen[1:]) if c is not needed]
    kept = list(chosen)
    adding = [best] if needed is None or needed in chosen else [needed, best]
    while len(kept) + len(adding) > max_sentences and weakest:
        kept.remove(weakest.pop(0))
    for_length = len(weakest) if defined else 1
    while sum(len(c.text) for c in kept + adding) > max_chars and weakest and for_length:
        kept.remove(weakest.pop(0))
        for_length -= 1
    if kept and sum(len(c.text) for c in kept + adding) <= max_chars:
        return [*kept, *adding]
    if not defined or best.score < LEAD_RIVAL * chosen[0].score:
        return chosen
    # Too long to follow the lead, a sentence that says what was asked about and nearly
    # as good by every other measure: it leads instead ("whats birmingham health
    # partners? who's in it": "Birmingham Health Partners - which brings together ...").
    kept, length = [best], len(best.text)
    for candidate in chosen[: max_sentences - 1]:
        if length + len(candidate.text) <= max_chars:
            kept.append(candidate)
            length += len(candidate.text)
    return kept


# "This living lab will ...", "These hubs ...": a sentence that names its subject by
# pointing back to where an earlier sentence introduced it.
_POINTS_BACK = re.compile(
    r"^\W*(?:this|these|that|those|such)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+"
    r"(?:will|would|is|are|was|were|has|have|had|can|could|should|may|might|must)\b"
)
ANTECEDENT_REACH = 4  # sentences back to where the thing pointed at is introduced


# "These will enable ...", "These panels will produce ...": a sentence that names its
# subject only by pointing back to the sentence before.
_OPENS_POINTING = re.compile(
    r"^\W*(?:these|they|this|it|such)(?:\s+([a-z][\w-]*))?\s+"
    r"(?:will|would|are|is|were|was|can|could|should|may|might|must|have|has|help|provide)\b",
    re.IGNORECASE,
)
# "These will enable ...", "They will ...": a plural named in the sentence before does it;
# "It will ensure that ...": a thing named in the sentence before (not "It is important
# that ...", whose "it" points at nothing)
_THESE_DO = re.compile(
    r"^\W*(?:(?:these|they)\s+(?:will|would|are|can|could|should|must|have)"
    r"|it\s+(?:will|would|can|could|aims|helps|provides|brings)(?!\s+be\b))\b",
    re.I,
)
# A capitalised name of two words or more: "Skills Advisory Panels".
_CAPITALISED_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:and\s+|of\s+)?[A-Z][a-z]+)+")


# "We", "our", "us" outside a quotation: whoever wrote the document.
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[“\"][^”\"]*[”\"]?")


_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their)\b", re.IGNORECASE)


def speaker_described(question: str) -> frozenset[str]:
    """The words that describe whose words "what does ... say" asks for: its subject when
    that names an office ("what did the LEP board's chair say"), or what came before when
    the subject is "he" or "she" ("notts healthcare's chair ...? what does he say"); none
    when a document or body is the subject ("what does the lincs LIS say")."""
    asked = ASKS_WHAT_SAID.search(question)
    if not asked:
        return frozenset()
    subject = said_subject(asked)
    if _PRONOUN.search(subject):
        return frozenset(terms(question[: asked.end()]))
    named = frozenset(terms(subject))
    if not named & OFFICES:
        return frozenset()
    if _OURS.search(subject):  # "dorset ICS - what did our LEP director say": Dorset's
        return named | frozenset(terms(question[: asked.start()]))
    return named


_OURS = re.compile(r"\b(?:our|my)\b", re.IGNORECASE)


def said_by_the_one_asked(
    speaker: Speaker | None, asked: frozenset[str], described: frozenset[str]
) -> bool:
    """The quotation's speaker is the person the question names (two of the name's
    words, or all of a shorter one), or describes (`described`) by an office and two
    words of the bodies the name line gives, or by three words of them ("who from the
    GM health & social care partnership is quoted ... and whats their point?")."""
    if not speaker or not speaker.name:
        return False
    if len(speaker.name & asked) >= min(2, len(speaker.name)):
        return True
    bodies = len((speaker.titles - OFFICES) & described)
    return bodies >= BODY_WORDS or (bool(OFFICES & speaker.titles & described) and bodies >= 2)


BODY_WORDS = 3  # words of a speaker's bodies that describe them without their office


def with_the_speaker(
    chosen: list[Candidate], candidates: list[Candidate], max_sentences: int, max_chars: int
) -> list[Candidate]:
    """Asked who is quoted saying something ("who is quoted on GM's recognition that chronic
    ill health ...?"), the quotation the question describes leads, and its words are all
    the question's: the name line that signs it ("Warren Heppolette, Executive Lead, ...")
    follows it (and no later), though it shares none of them."""
    quoting = next((c for c in chosen[:2] if c.speaker and c.speaker.name), None)
    if quoting is None:
        return chosen
    signed = [
        c
        for c in candidates
        if c.passage.chunk.id == quoting.passage.chunk.id
        and is_name_line(c.text)
        and speaker_of_line(c.text).name == quoting.speaker.name
    ]
    if not signed:
        return chosen
    return _placed_after(chosen, quoting, signed[0], max_sentences, max_chars)


def one_quotation(candidate: Candidate, other: Candidate) -> bool:
    """Two sentences of one person's quotation: each says its own part of it, however
    many words they share ("Health leaders must speak up for the harbour." / "The harbour
    plan is how ... its say in health."). Not the same part twice, one of them cut."""
    return (
        candidate.speaker is not None
        and candidate.speaker == other.speaker
        and candidate.passage.chunk.id == other.passage.chunk.id
        and candidate.quote not in other.quote
        and other.quote not in candidate.quote
    )


def quotations_in_order(chosen: list[Candidate]) -> list[Candidate]:
    """Sentences of one person's quotation read in the order they said them, in the
    places the answer gives that quotation: "“It is important ...” ... “The local
    industrial strategy ... landscape.”", not its last sentence first."""
    ordered = list(chosen)
    quotations: dict[tuple[str, Speaker], list[int]] = {}
    for index, candidate in enumerate(chosen):
        if candidate.speaker:
            key = (candidate.passage.chunk.id, candidate.speaker)
            quotations.setdefault(key, []).append(index)
    for places in quotations.values():
        said = sorted((chosen[index] for index in places), key=lambda c: c.position)
        for index, candidate in zip(places, said, strict=True):
            ordered[index] = candidate
    return ordered


def writer(text: str, publisher: str | None) -> frozenset[str]:
    """Who "we" and "our" are in a document's own words, as terms: its publisher ("Our
    Head of Health Economic Partnerships is on the expert panel ..." is the NHS
    Confederation's). Not in a quotation, where they are the speaker's."""
    if not publisher or not _FIRST_PERSON.search(_QUOTED.sub(" ", text)):
        return frozenset()
    return frozenset(terms(publisher))


def referent(sentence: str, before: list[str]) -> frozenset[str]:
    """What a sentence that points back names, as terms: the phrase of a sentence `before`
    it (nearest last) that ends in the noun it repeats ("These panels" -> "skills advisory
    panels"), or the last name the sentence just before gives ("These will enable ..."
    after "... to establish Skills Advisory Panels."). Pointing back need not open the
    sentence: "We recommend that you approach these partners privately" names "traditional
    partners, such as local government and universities", examples and all, two sentences
    before."""
    pointing = _OPENS_POINTING.match(sentence)
    opening = pointing or _NAMES_THESE.match(sentence)
    if not opening:
        return frozenset()
    noun = opening.group(1)
    if noun and noun.lower() not in {"will", "would", "are", "is", "were", "was", "have", "has"}:
        phrase = re.compile(
            rf"(?:[\w-]+\s+){{0,3}}{re.escape(noun)}\b"
            r"(?:,?\s+(?:such\s+as|including)\s+[^,.;:]+)?",
            re.IGNORECASE,
        )
        for earlier in reversed(before[-ANTECEDENT_REACH:]):
            if found := list(phrase.finditer(earlier)):
                return frozenset(terms(found[-1].group(0)))
        return frozenset()
    names = _CAPITALISED_NAME.findall(before[-1]) if before and pointing else []
    return frozenset(terms(names[-1])) if names else frozenset()


def with_antecedents(
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
    explained: Callable[[str], object] = lambda initials: None,
) -> list[Candidate]:
    """A chosen sentence that points back ("This living lab will ...") comes after the
    sentence that introduces what it points at ("We will establish a health and wellbeing
    living lab ..."), when a few sentences before it in its passage do; so does one that
    uses initials the glossary does not explain ("... the replacement to ESIF") after the
    sentence that spells them out ("... European Structural and Investment Fund (ESIF)
    projects ..."). Points ranked below it make room; when none can, the introducing
    sentence takes its place. One that points back inside itself ("... in developing this
    partnership ...") is preceded by the sentence that names it only where there is room.
    A list whose lead-in follows its paragraph's first sentence comes after that sentence,
    which the list bears out, points below it making room.
    A unit that names the thing again ("These challenges ... The grand challenges are:
    ...") needs no introduction."""
    result = list(chosen)
    budget = max(max_chars, sum(len(c.text) for c in chosen))

    def fits(trial: list[Candidate]) -> bool:
        return len(trial) <= max_sentences and sum(len(c.text) for c in trial) <= budget

    for candidate in chosen:
        within = _pointed_at_within(candidate, candidates)
        if within and candidate in result and within not in result:
            # (pointed at inside a sentence that may say what follows: "... this
            # partnership and we have set ourselves ambition goals." before the goals; it
            # comes only where there is room, and never pushes out a point)
            at = result.index(candidate)
            if fits(trial := [*result[:at], within, *result[at:]]):
                result = trial
            continue
        opening = _opens_its_paragraph(candidate, candidates)
        if opening and candidate in result:
            # (chosen below it, it moves up; else points ranked below the list make room,
            # and the list itself stays)
            at = result.index(candidate)
            if opening in result:
                if result.index(opening) > at:
                    result.remove(opening)
                    result.insert(at, opening)
                continue
            trial = [*result[:at], opening, *result[at:]]
            while not fits(trial) and len(trial) > at + 2:
                trial.pop()
            if fits(trial):
                result = trial
            continue
        antecedent = _antecedent(candidate, candidates) or _spelt_out_before(
            candidate, candidates, explained
        )
        if antecedent is None or candidate not in result:
            continue  # (or it made room for an earlier point's antecedent)
        at = result.index(candidate)
        if antecedent in result:
            if result.index(antecedent) > at:  # chosen too, but below: it moves up
                result.remove(antecedent)
                result.insert(at, antecedent)
            continue
        trial = [*result[:at], antecedent, *result[at:]]
        while not fits(trial) and len(trial) > at + 2:
            trial.pop()  # the weakest point ranked below the sentence that points back
        if not fits(trial):
            trial = [*result[:at], antecedent, *result[at + 1 :]]
        if fits(trial):
            result = trial
    return result


# "Importantly, they will likely guide ...", "Led by MCAs or LEPs, these strategies will
# bring together ...": a sentence that goes on about what the one before it named.
_GOES_ON = re.compile(
    r"^\W*(?:[\w-]+ly,\s+|(?:also|however|in\s+addition),?\s+|[^,.;:]{3,40},\s+)?"
    # (not "It is expected that ...", whose "it" points at nothing)
    r"(?:they|it(?!\s+(?:is|was|will\s+be|would\s+be)\b)|these|this)"
    r"(?:\s+(?!(?:will|would|are|is|can|could|should|may|might|must|have|has)\b)([a-z][\w-]*))?\s+"
    r"(?:will|would|are|is|can|could|should|may|might|must|have|has|aim|set|bring|guide)\b",
    re.IGNORECASE,
)


def with_what_it_goes_on_to_say(
    chosen: list[Candidate],
    candidates: list[Candidate],
    subjects: list[list[str]],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """For "what is X?", after a chosen sentence that names X (by any of `subjects`, its
    names), the sentence right after it when that goes on about X by pointing back
    ("Local industrial strategies are intended to be long-term, collaborative and
    evidence-based. Importantly, they will likely guide the use of local funding streams
    ..."; "... its own local industrial strategy. Led by MCAs or LEPs, these strategies
    will bring together ..."): the rest of what the document says X is. The weakest
    other points make room; the first point stays."""

    def goes_on(candidate: Candidate, after: Candidate) -> bool:
        pointing = _GOES_ON.match(after.text)
        named = next((s for s in subjects if s and set(s) <= candidate.terms), None)
        if not pointing or named is None:
            return False
        noun = pointing.group(1)
        # ("these partners" after a sentence naming X points at the partners)
        return not noun or bool(set(terms(noun)) & set(named))

    return _with_what_follows(chosen, candidates, goes_on, max_sentences, max_chars)


# "Local government, university and industry partners will also play an important role."
# (not "They will also guide ...": a pronoun names nobody further)
_OTHERS_ALSO = re.compile(
    r"^\W*(?!(?:they|it|these|this|those|we|he|she|you)\b)[^.;:]{3,120}?\balso\b",
    re.IGNORECASE,
)


def with_the_others(
    chosen: list[Candidate], candidates: list[Candidate], max_sentences: int, max_chars: int
) -> list[Candidate]:
    """For "who else shd we be working with apart from the lep?", after the lead, the
    sentence right after it when that names others "also" taking part: "... should seek
    to engage their MCAs or LEPs on the design and subsequent delivery of their strategy.
    Local government, university and industry partners will also play an important
    role." The weakest other points make room. (After a later point, such a sentence
    would push out what answers the question about the lead's partnership.)"""
    after = _next_sentence(chosen[0], candidates) if chosen else None
    if after is None or after in chosen or not _OTHERS_ALSO.match(after.text):
        return chosen
    budget = max(max_chars, sum(len(c.text) for c in chosen))
    return _followed_by(chosen, {id(chosen[0])}, chosen[0], after, max_sentences, budget)[0]


# "Our Head of Health Economic Partnerships is on the expert panel ...": a sentence that
# opens by naming again, as "our", "its" or "the", what the one before it named
_NAMES_AGAIN = re.compile(
    r"^\W*(?:our|its|their|his|her|the)\s+((?:[\w&'’-]+\s+){1,6}?)"
    r"(?:is|are|was|were|has|have|had|will|also)\b",
    re.IGNORECASE,
)
_NAMED_AGAIN_TERMS = 2  # fewer, "the strategy" names again nothing in particular


def with_what_they_go_on_to_do(
    chosen: list[Candidate], candidates: list[Candidate], max_sentences: int, max_chars: int
) -> list[Candidate]:
    """For "how is the confed actually helping trusts?", after a chosen sentence, the one
    right after it when that names again who the chosen one named: "The NHS Confederation,
    through its Head of Health Economic Partnerships, is supporting several members ...
    Our Head of Health Economic Partnerships is on the expert panel of some strategies,
    has directly facilitated local partnerships, ...": the rest of what they do. The
    weakest other points make room; the first point stays."""

    def names_again(candidate: Candidate, after: Candidate) -> bool:
        again = _NAMES_AGAIN.match(after.text)
        named = set(terms(again.group(1))) if again else set()
        return len(named) >= _NAMED_AGAIN_TERMS and named <= candidate.terms

    return _with_what_follows(chosen, candidates, names_again, max_sentences, max_chars)


def _with_what_follows(
    chosen: list[Candidate],
    candidates: list[Candidate],
    follows_on: Callable[[Candidate, Candidate], bool],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """After each chosen sentence, the one right after it in its passage when `follows_on`
    (the chosen one, the one after) says it goes on with it; the weakest other points
    make room, the first point stays."""
    result = list(chosen)
    budget = max(max_chars, sum(len(c.text) for c in chosen))
    kept: set[int] = {id(chosen[0])} if chosen else set()
    for candidate in chosen:
        after = _next_sentence(candidate, candidates)
        if after is None or after in result or candidate not in result:
            continue
        if follows_on(candidate, after):
            result, kept = _followed_by(result, kept, candidate, after, max_sentences, budget)
    return result


def _followed_by(
    result: list[Candidate],
    kept: set[int],
    candidate: Candidate,
    after: Candidate,
    max_sentences: int,
    budget: int,
) -> tuple[list[Candidate], set[int]]:
    """`after` right after `candidate`, the weakest points not `kept` (by id) making room;
    the points as they were when they cannot."""
    trial = list(result)
    trial.insert(trial.index(candidate) + 1, after)
    keep = kept | {id(candidate), id(after)}
    while _too_long(trial, max_sentences, budget):
        weakest = min((c for c in trial if id(c) not in keep), key=_by_score, default=None)
        if weakest is None:
            return result, kept
        trial.remove(weakest)
    return trial, keep


# "We recommend that you approach these partners privately": what it acts on, named before.
_NAMES_THESE = re.compile(r".*?\b(?:these|those)\s+([a-z][\w-]*)")


def _antecedent(
    candidate: Candidate, candidates: list[Candidate], pointing: re.Pattern = _POINTS_BACK
) -> Candidate | None:
    """The nearest sentence before `candidate` in its passage that names what it points
    back at (by `pointing`: by default as its subject, "This living lab will ..."), when
    it points back and does not name the thing again (see above)."""
    pointed = pointing.match(without_bullet(candidate.text).lower())
    named = terms(pointed.group(1)) if pointed else []
    said = terms(candidate.text)
    reach = ANTECEDENT_REACH
    if not named and pointing is _POINTS_BACK and _THESE_DO.match(candidate.text):
        # "These will enable ...", "It will ensure ...": what the sentence just before
        # names last
        before = next(
            (
                c
                for c in candidates
                if c.passage.chunk.id == candidate.passage.chunk.id
                and c.position == candidate.position - 1
            ),
            None,
        )
        named = sorted(referent(candidate.text, [before.text])) if before else []
        reach = 1
    if not named or any(said.count(term) > 1 for term in named):
        return None
    earlier = [
        c
        for c in candidates
        if c.passage.chunk.id == candidate.passage.chunk.id
        and candidate.position - reach <= c.position < candidate.position
        and set(named) <= c.terms
        and c.text not in candidate.text
        and candidate.text not in c.text
    ]
    return max(earlier, key=lambda c: c.position, default=None)


# "... is a key tool in developing this partnership ...": a thing the sentence before
# named, pointed at inside the sentence as what something is done to or for (not "Led by
# the boards, these plans will ...", which goes on about its subject); not the document
# itself ("this briefing").
_POINTS_BACK_WITHIN = re.compile(
    r"\s(?:[a-z]+ing|in|of|for|to|with|through|from|on|into|about|within|across|under|by)\s+"
    r"(?:this|these)\s+([a-z][\w-]*)\b"
)
_THE_DOCUMENT = frozenset(
    terms("briefing report paper document page strategy year time way section chapter")
)


def _pointed_at_within(candidate: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The sentence right before `candidate` in its passage, when `candidate` points at a
    thing that one names, inside the sentence rather than as its subject ("Dorset LEP has
    established a partnership with Dorset ICS, Bournemouth University ..." before "The
    local industrial strategy is a key tool in developing this partnership ..."), and
    never names it otherwise."""
    pointed = _POINTS_BACK_WITHIN.search(without_bullet(candidate.text))
    named = terms(pointed.group(1)) if pointed else []
    said = terms(candidate.text)
    if not named or set(named) & _THE_DOCUMENT or any(said.count(term) > 1 for term in named):
        return None
    return next(
        (
            c
            for c in candidates
            if c.passage.chunk.id == candidate.passage.chunk.id
            and c.position == candidate.position - 1
            and set(named) <= c.terms
            and c.text not in candidate.text
        ),
        None,
    )


def _opens_its_paragraph(candidate: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The sentence that opens the two-sentence paragraph whose second sentence introduces
    the list `candidate` carries: what the list bears out ("Evidence remains largely inconclusive on
    how best to drive productivity within this sector." before "Across a number of research
    studies, factors reviewed included: ...")."""
    if not candidate.carries_list or len(sentences(candidate.lead_in)) != 1:
        return None
    return next(
        (
            c
            for c in candidates
            if c.passage.chunk.id == candidate.passage.chunk.id
            and c.position == candidate.position - 1
            and c.paragraph == candidate.paragraph
            # (the paragraph is these two sentences: not "“Within nine months ... This
            # deeper partnership will build on ... This includes:", whose lead-in of two
            # sentences says what it builds on)
            and candidate.paragraph.startswith(c.text)
            and candidate.paragraph[len(c.text) :].split() == candidate.lead_in.split()
        ),
        None,
    )


_INITIALS = re.compile(r"\b([A-Z]{2,6})s?\b")


def _spelt_out_before(
    candidate: Candidate, candidates: list[Candidate], explained: Callable[[str], object]
) -> Candidate | None:
    """The nearest sentence before `candidate` in its passage that spells out initials it
    uses without spelling them out ("the replacement to ESIF"), when the glossary does not
    explain them: a reader knows "LEP", not "ESIF"."""
    for initials in dict.fromkeys(m.group(1) for m in _INITIALS.finditer(candidate.text)):
        if explained(initials) or f"({initials}" in candidate.text:
            continue
        earlier = [
            c
            for c in candidates
            if c.passage.chunk.id == candidate.passage.chunk.id
            and candidate.position - ANTECEDENT_REACH <= c.position < candidate.position
            and f"({initials})" in c.text
            and candidate.text not in c.text
        ]
        if earlier:
            return max(earlier, key=lambda c: c.position)
    return None


def with_reason(
    part: list[Concept],
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
    alone: bool = False,
) -> list[Candidate]:
    """For a question that asks why: the sentence after the point that best answers that
    part, which often gives the reason ("... it is important that NHS organisations are
    represented on the local skills advisory panels ..." / "Our workforce will be the
    largest in virtually every LEP area ..."), or, when the point ends its paragraph, the
    sentence before it there ("The NHS will be the largest employer in every MCA or LEP
    area ... STPs and ICSs ... should use ..."), when there is room for it. With no part
    of its own ("what should we do on skills, and why?"), the point is the lead. When why
    is all the question asks (`alone`), the points ranked below make room."""
    point = max(chosen, key=lambda c: coverage(part, c.terms | c.context)) if part else chosen[0]
    after = _next_sentence(point, candidates)
    at = chosen.index(point) + 1
    if after is None or after.paragraph != point.paragraph:
        before = _next_sentence(point, candidates, step=-1)
        if before is not None and before.paragraph == point.paragraph:
            after, at = before, at - 1  # the reason comes first
    if after is None or any(after.quote == c.quote for c in chosen):
        return chosen
    kept = [*chosen[:at], after, *chosen[at:]]

    def too_long() -> bool:
        return _too_long(kept, max_sentences, max_chars)

    while alone and too_long() and len(kept) > at + 1:
        kept.pop()
    # asked other things too, the weakest point besides the lead and the point makes room
    spare = sorted((c for c in kept[1:] if c is not point and c is not after), key=_by_score)
    if not alone and too_long() and spare:
        kept.remove(spare[0])
    if too_long():
        return chosen  # the other points answer other things asked
    return kept


def with_the_list_it_leads_to(
    chosen: list[Candidate], candidates: list[Candidate], max_sentences: int, max_chars: int
) -> list[Candidate]:
    """The lead's paragraph goes on into a list ("Evidence remains largely inconclusive on
    how best to drive productivity ... Across a number of research studies, factors
    reviewed included:" and the factors): the list is what the lead says, and follows it
    (when there is room, the points ranked lowest making way)."""
    lead = chosen[0]
    after = _next_sentence(lead, candidates)
    if (
        lead.carries_list
        or ":" in lead.text  # "Key opportunities ... include: ...": a list of its own
        or after is None
        or not after.carries_list
        or after.paragraph != lead.paragraph
    ):
        return chosen
    kept = [lead, after, *(c for c in chosen[1:] if c.quote != after.quote)]
    while _too_long(kept, max_sentences, max_chars) and len(kept) > 2:
        kept.remove(min(kept[2:], key=_by_score))
    return chosen if _too_long(kept, max_sentences, max_chars) else kept


def with_the_other_choice(
    choices: list[frozenset[str]],
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """Asked to choose ("who leads it, the mayor or the LEP?"), a lead that opens with one
    choice is often followed by the sentence that opens with the other ("Mayors will lead
    on local industrial strategies in combined authorities ... LEPs outside CAs will lead
    ..."): that sentence follows the lead, and the weakest points make room."""
    lead = chosen[0]
    after = _next_sentence(lead, candidates)
    if after is None or any(after.quote == c.quote for c in chosen):
        return chosen

    def opens_with(candidate: Candidate) -> set[frozenset[str]]:
        opening = set(terms(" ".join(without_bullet(candidate.text).split()[:3])))
        return {choice for choice in choices if choice & opening}

    if not opens_with(lead) or not opens_with(after) - opens_with(lead):
        return chosen
    kept = [lead, after, *chosen[1:]]
    while len(kept) > 2 and _too_long(kept, max_sentences, max_chars):
        kept.remove(min(kept[2:], key=_by_score))
    return kept


def with_each_place(
    sides: list[frozenset[str]],
    about: Callable[[Candidate], set[str]],
    chosen: list[Candidate],
    candidates: list[Candidate],
    max_sentences: int,
    max_chars: int,
) -> list[Candidate]:
    """Asked to compare places ("how does NE productivity compare with Tees Valley?"), an
    answer that quotes one place's passage compares nothing: the best point about each
    place not yet quoted (`about` gives a point's areas) joins the answer, and the weakest
    of the others make room."""
    kept, added = list(chosen), []
    for areas in sides:
        if any(areas & about(c) for c in kept):
            continue
        best = max(
            (c for c in candidates if areas & about(c) and c.coverage >= COMPARED_COVERAGE),
            key=_by_score,
            default=None,
        )
        if best is None:
            continue
        kept.append(best)
        added.append(best)
        while len(kept) > 1 + len(added) and _too_long(kept, max_sentences, max_chars):
            kept.remove(min((c for c in kept[1:] if c not in added), key=_by_score))
    return kept


def _too_long(points: list[Candidate], max_sentences: int, max_chars: int) -> bool:
    """More points, or more characters, than an answer has room for."""
    return len(points) > max_sentences or sum(len(c.text) for c in points) > max_chars


def _next_sentence(
    candidate: Candidate, candidates: list[Candidate], step: int = 1
) -> Candidate | None:
    """The candidate right after `candidate` in its passage (before it, with `step` -1)."""
    return next(
        (
            c
            for c in candidates
            if c.passage.chunk.id == candidate.passage.chunk.id
            and c.position == candidate.position + step
        ),
        None,
    )


def _by_score(candidate: Candidate) -> float:
    return candidate.score


def follows(candidate: Candidate, chosen: list[Candidate]) -> bool:
    """The candidate is the sentence right after one already chosen, in the same passage."""
    return any(
        candidate.passage.chunk.id == c.passage.chunk.id and candidate.position == c.position + 1
        for c in chosen
    )


def overlap(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / max(1, min(len(a), len(b)))


# Words that name the other case of the same thing: "LEPs outside CAs will lead ..."
# after "Mayors will lead ... in combined authorities"
_OTHER_CASE = frozenset(terms("outside without elsewhere otherwise except beyond"))


def other_case(candidate: Candidate, chosen: Candidate) -> bool:
    """One of the two points says the same of the other case ("outside", "without") and
    the other does not: they share their words, not their news."""
    return bool((candidate.terms ^ chosen.terms) & _OTHER_CASE)


SHARED_RUN = 8  # words in a row two points share when one quotes the other


def shows_again(candidate: Candidate, chosen: Candidate) -> bool:
    """A list would show again, cut, an item already quoted whole ("the joint development
    and delivery of the Working Well employment support programme"). The whole item after
    the list is not a repeat: it says what the cut one left out."""
    _lead, _, items = candidate.quote.partition(PARAGRAPH_BREAK)
    return not _word_runs(items).isdisjoint(_word_runs(chosen.text))


def _word_runs(text: str) -> set[tuple[str, ...]]:
    said = re.findall(r"[a-z0-9]+", text.lower())
    return {tuple(said[i : i + SHARED_RUN]) for i in range(len(said) - SHARED_RUN + 1)}
