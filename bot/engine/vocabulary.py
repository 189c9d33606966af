"""Read a question as it was meant: typos, clipped names and initialisms, by the
knowledge base's own words.

People type "industial stratergy", "Lincs", "the Confed", "NE LIS" and "the LEP's plan".
Before anything is searched or judged unknown, chat shorthand is read as the English it
stands for ("shld", "govt", "mtg"), and each word the question uses that neither the
knowledge base nor English knows is read as the knowledge base's word it most likely
means:
- a clipped name: the start of a name the documents use ("Lincs" -> "Lincolnshire",
  "manc" -> "Manchester"), also after a name's first word ("west mids" -> "west midlands");
- a typo: the documents' word within one or two edits (symspellpy), the more frequent
  winning ("stratergy" -> "strategy");
- a word typed without its vowels ("grp", "hlth"): the documents' word with them;
- a typo of an English word the documents never use ("actualy"): that word;
and an initialism the documents never use but whose words they do ("NE" -> "North East",
"HSCP" -> "Health and Social Care Partnership", or typed small: "the wm lis") is read as
those words. The vocabulary is
built from the stored chunks, so it grows when admins add documents; English word
frequencies (shipped with symspellpy) tell an ordinary word from a typo.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from importlib import resources

from symspellpy import SymSpell, Verbosity

from bot.engine.text import STOP_WORDS, terms

__all__ = ["Vocabulary"]

# A word, not letters inside a name with digits ("D2N2" is no "n" to read as "and")
_TOKEN = re.compile(r"(?<![A-Za-z0-9])(?:[A-Za-z][A-Za-z'’&-]*[A-Za-z]|[A-Za-z])(?![A-Za-z0-9])")
# Runs of capitalised words with the small words that join them ("Health and Social Care
# Partnership", "UK Shared Prosperity Fund"): where initialisms come from.
_NAME_RUN = re.compile(
    r"\b(?:[A-Z][a-z]+|[A-Z]{2,3}\b)(?:[ \t]+(?:(?:and|of|for|in|the|&)[ \t]+)?[A-Z][a-z]+)+"
)
_JOINERS = {"and", "of", "for", "in", "the", "&"}
_LEADING_THE = re.compile(r"^The\s+(?=\S+\s)")
# Joining words whose initial people also type as a capital ("SIPF" for "Strength in Places
# Fund", "DFE" for "Department for Education"), besides leaving it out ("SPF").
_SPOKEN_JOINERS = {"in", "of", "for"}
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)
_IS_CONTRACTION = re.compile(
    r"^(who|what|where|when|why|how|it|that|there|here|he|she)['’]s$", re.IGNORECASE
)
CLIPPED_AT_LEAST = 3  # letters a clipped word leaves off ("med" for "medical")
CONTRACTED_AT_LEAST = 5  # letters of a word shortened in its middle ("instn")
_MIN_ENGLISH_COUNT = 20_000  # rarer "words" in the frequency list are mostly typos or names
# How people shorten ordinary English words in chat ("wat", "shld", "govt", "mtg"): too far
# from the word for spelling correction, and about English, not the knowledge base.
_SHORTHAND = {
    short: word
    for word, shorts in {
        "what": "wat wot wht",
        "what is": "wats wots whts",
        "how": "hw",
        "when": "wen",
        "when is": "whens",
        "how is": "hows",
        "where is": "wheres",
        "where": "whr",
        "should": "shld shd shud",
        "could": "cud cld coud cd",
        "would": "wud wld woud wd",
        "about": "abt re bout",
        "please": "pls plz",
        "thanks": "thx thks",
        "be": "b",
        "you": "u",
        "your": "ur",
        "are": "r",
        "and": "n",
        "with": "w",
        "because": "bc bcoz cos coz cuz",
        "though": "tho",
        "through": "thru",
        "government": "govt gov't",
        "meeting": "mtg",
        "meetings": "mtgs",
        "management": "mgmt",
        "department": "dept",
        "people": "ppl",
        "year": "yr",
        "have": "hv",
        "week": "wk",
        "weeks": "wks",
        "month": "mth",
        "months": "mths",
        "tomorrow": "tmrw tmw",
        "something": "sth smth",
        "going to": "gonna",
        "want to": "wanna",
        "doing": "doin",
        "years": "yrs",
        "especially": "esp",
        "approximately": "approx",
        "information": "info",
        "communications": "comms",
        "university": "uni",
        "universities": "unis",
        "organisation": "org",
        "organisations": "orgs",
        "message": "msg",
        "next": "nxt",
        "previous": "prev",
        "committee": "cttee",
        "executive": "exec",
        "manager": "mgr",
        "requirements": "reqs",
        "recommendations": "recs",
        "difference": "diff",
        "question": "q qn",
        "was not": "wasnt",
        "is not": "isnt",
        "did not": "didnt",
        "does not": "doesnt",
        "do not": "dont",
        "are not": "arent",
        "were not": "werent",
        "has not": "hasnt",
        "have not": "havent",
        "cannot": "cant",
        "definition": "defn def",
        "at the moment": "atm",
        "with regard to": "wrt",
    }.items()
    for short in shorts.split()
}


# Chat shorthand spelt with a digit or a slash ("any1 we shld talk to?", "b4 the
# deadline", "agreed w/ govt"), which the word tokens above never see whole.
_DIGIT_SHORTHAND = {
    "w/o": "without",
    "b/c": "because",
    "w/": "with",
    "any1": "anyone",
    "some1": "someone",
    "sum1": "someone",
    "every1": "everyone",
    "no1": "no one",
    "b4": "before",
    "2day": "today",
    "2moro": "tomorrow",
    "2morrow": "tomorrow",
}
_DIGIT_WORD = re.compile(
    rf"(?<![\w/])(?:{'|'.join(map(re.escape, _DIGIT_SHORTHAND))})(?![\w/])", re.IGNORECASE
)


# "hows much is it worth": "how" with a stray s, not "how is" (which "hows" alone means).
_HOWS_MUCH = re.compile(r"\b(how)s(?=\s+(?:much|many|big|large|long|often|far)\b)", re.I)


_VOWELS = re.compile(r"[aeiou]")

# Initials that spell a common word ("IS") stand for a name only if the documents use the
# name this often: a capitalised "IS" in a question then reads as "Industrial Strategy".
COMMON_WORD_NAME = 10

# Phrasal verbs of chat for the documents' words: "when did the white paper come out?"
# asks when it was published.
_PHRASAL_VERBS = {  # (the verb's forms, its particle): the documents' word
    (("came", "come", "comes", "coming"), "out"): "published",
    (("kick", "kicks", "kicked", "kicking"), "off"): "start",
    # "where does health turn up / show up in the strategies?": where it features
    (
        tuple(
            "turn turns turned turning show shows showed showing crop crops cropped cropping "
            "pop pops popped popping come comes".split()
        ),
        "up",
    ): "features",
    # "what is holding back health and life sciences?": its challenges
    (("hold", "holds", "holding", "held"), "back"): "challenges",
    # "does the NHS count as an anchor institution?": whether it is one
    (("count", "counts", "counted", "counting"), "as"): "is",
}
# What a phrasal verb may hold between verb and particle: "holding the region back".
_HELD_OBJECT = r"(?:(it|them|us|things|the\s+\w+)\s+)?"
# "what did the review say is holding back health?": what its challenges are, asked as a
# list is ("... say are the challenges for health?")
_HELD_BACK = re.compile(
    r"(?:\s+(?:is|are|was|were)|['’]s|(?<=\bwhat)s)\s+(?:holding|keeping)\s+"
    rf"{_HELD_OBJECT}back\b(?!\s+of\b)",
    re.IGNORECASE,
)
# "have any areas published their LIS yet, and if so which?": which ones have (the
# answer names them), not whether any has
_HAVE_ANY = re.compile(
    r"\b(have|has|had)\s+any\s+([A-Za-z]+s)\s+(?=(?:(?:already|yet|actually|ever)\s+)?[a-z]+ed\b)",
    re.IGNORECASE,
)
# "like practically where do we start": asks what to do first, not about starting anything
_WHERE_TO_START = re.compile(
    r"\bwhere\s+(?:do|does|should|would|can|could|to)\s+(?:(?:we|i|you|they|one|it)\s+)?"
    r"(?:even\s+)?(?:start|begin)\b",
    re.IGNORECASE,
)
# "at what points in the process can we get our voice in?": at which stages
_AT_WHICH_POINT = re.compile(r"\bat\s+(what|which)\s+points?\b", re.IGNORECASE)
_PHRASES = {
    (form, particle): word for (forms, particle), word in _PHRASAL_VERBS.items() for form in forms
}
_PHRASAL = re.compile(
    "|".join(  # "holding it back", "held the region back"; not "what came out of the review?"
        rf"\b(?:{'|'.join(forms)})\s+{_HELD_OBJECT}{particle}\b(?!\s+of\b)"
        for forms, particle in _PHRASAL_VERBS
    ),
    re.IGNORECASE,
)


def _the_challenges(match: re.Match) -> str:
    """ "what's holding the harbour back" -> "what are the challenges for the harbour"."""
    held = match.group(1)
    return " are the challenges for" + (f" {held}" if held else "")


def _said_plainly(match: re.Match) -> str:
    """The documents' word for a phrasal verb, before its object if it has one ("what
    held the harbour back?" -> "what challenges the harbour?"; "is holding ... back" is
    read first, by `_HELD_BACK`)."""
    said = match.group(0).lower().split()
    word = _PHRASES[(said[0], said[-1])]
    held = next((group for group in match.groups() if group), None)
    return f"{word} {held}" if held else word


@cache
def _english_counts() -> dict[str, int]:
    """Common English words (symspellpy's frequency list) and how common they are."""
    text = resources.files("symspellpy").joinpath("frequency_dictionary_en_82_765.txt")
    counts = {}
    for line in text.read_text(encoding="utf-8").splitlines():
        word, _, count = line.partition(" ")
        if count.isdigit() and int(count) >= _MIN_ENGLISH_COUNT:
            counts[word] = int(count)
    return counts


@cache
def _english() -> frozenset[str]:
    """Common English words, to tell a word from a typo."""
    return frozenset(_english_counts())


MIN_ENGLISH_TYPO = 6  # shorter unknown words are more often names than typos


@cache
def _english_spelling() -> SymSpell:
    spelling = SymSpell(max_dictionary_edit_distance=1, prefix_length=7)
    for word, count in _english_counts().items():
        if len(word) > 3:
            spelling.create_dictionary_entry(word, count)
    return spelling


def _english_word(lower: str) -> str | None:
    """A typo of an English word the documents do not use ("actualy", "recieve",
    "anythng"): read as that word, so that it stresses or frames the question as the
    word would instead of naming something no passage mentions."""
    if len(lower) < MIN_ENGLISH_TYPO:
        return None
    found = _english_spelling().lookup(lower, Verbosity.TOP, max_edit_distance=1)
    return found[0].term if found else None


COMPOUND_PART_AT_LEAST = 3  # letters of each word of two typed as one


class Vocabulary:
    """The knowledge base's words, names and initialisms (see the module docstring)."""

    def __init__(self, texts: Iterable[str]) -> None:
        counts: Counter[str] = Counter()
        names: Counter[str] = Counter()
        phrases: Counter[str] = Counter()
        self._small: set[str] = set()  # words the documents write in small letters
        self._words_before: dict[str, set[str]] = {}  # "tech" -> {"medical", ...}
        for text in texts:
            previous = ""
            for token in _TOKEN.findall(text):
                token = _POSSESSIVE.sub("", token)
                counts[token.lower()] += 1
                self._words_before.setdefault(token.lower(), set()).add(previous)
                previous = token.lower()
                if token.islower():
                    self._small.add(token)
                if token[0].isupper() and not token.isupper() and len(token) > 3:
                    names[token] += 1
            # "The Strength in Places Fund" opening a sentence is the fund's name
            phrases.update(_LEADING_THE.sub("", m.group(0)) for m in _NAME_RUN.finditer(text))
        self.counts = counts
        self.names = names
        # the words that follow a name's first word ("west" -> "midlands", "lothian")
        self._name_words: dict[str, set[str]] = {}
        for phrase in phrases:
            words = phrase.lower().split()
            for first, second in zip(words, words[1:], strict=False):
                self._name_words.setdefault(first, set()).add(second)
        self.initialisms = _initialisms(phrases, counts)
        self.initialisms |= _small_joiner_initialisms(phrases, counts)
        self._skeletons: dict[str, list[str]] = {}  # "grp": ["group"]
        for word in counts:
            if len(word) > 3:
                self._skeletons.setdefault(_VOWELS.sub("", word), []).append(word)
        self._spelling = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        for word, count in counts.items():
            if len(word) > 3:
                self._spelling.create_dictionary_entry(word, count)

    def warm_up(self) -> None:
        """Load the English spelling dictionary now (about a second, once per process),
        not on the first question with a typo of an English word."""
        _english_spelling()

    def read(self, question: str, known: Callable[[str], bool] = lambda word: False) -> str:
        """The question with each unknown word read as the knowledge base's word; words
        `known` accepts (glossary acronyms, place names) are left as they are."""
        question = _DIGIT_WORD.sub(lambda match: _DIGIT_SHORTHAND[match.group(0).lower()], question)
        question = _HOWS_MUCH.sub(r"\1", question)
        question = _HELD_BACK.sub(_the_challenges, question)
        question = _PHRASAL.sub(_said_plainly, question)
        question = _WHERE_TO_START.sub("what should we do", question)
        question = _HAVE_ANY.sub(lambda m: f"which {m.group(2)} {m.group(1).lower()} ", question)
        question = _AT_WHICH_POINT.sub(r"at \1 stages", question)
        # "ambulance trusts? ... our amb service": a word clipped from one the asker typed
        typed = {word.lower() for word in _TOKEN.findall(question) if word.lower() in self.counts}
        question = self._clipped_before(self._names_clipped(question))
        question = self._initials_before_last_word(question)
        return _TOKEN.sub(lambda match: self._word(match.group(0), known, typed), question)

    def _initials_before_last_word(self, question: str) -> str:
        """A name's first words typed as initials and its last word in full ("the GM h&sc
        partnership"): the name's first words, when the initials with the last word's
        first letter stand for a name that ends in that word ("HSCP", "Health and Social
        Care Partnership")."""
        tokens = list(_TOKEN.finditer(question))
        for match, after in reversed(list(zip(tokens, tokens[1:], strict=False))):
            typed, last = match.group(0), after.group(0)
            if typed.lower() in self.counts or "&" not in typed and not typed.isupper():
                continue
            for initials in (typed.upper(), typed.upper().replace("&", "")):
                name = self.initialisms.get(initials + last[0].upper(), "").split()
                if len(name) > 1 and name[-1].lower() == last.lower():
                    first_words = " ".join(name[:-1])
                    question = question[: match.start()] + first_words + question[match.end() :]
                    break
        return question

    def _clipped_pairs(
        self, question: str, clipped_first: bool
    ) -> Iterator[tuple[re.Match[str], str, str]]:
        """Each word of two side by side that may be clipped: not a word of the documents,
        nor short, nor chat shorthand ("life sciences pls" is no "sciences plan"), nor
        next to a stop word ("the northumb" is a name of its own; anything comes before
        "in"), with the word next to it; last first, so that a caller that
        replaces one leaves the places of those before it as they were."""
        tokens = list(_TOKEN.finditer(question))
        for first, second in reversed(list(zip(tokens, tokens[1:], strict=False))):
            match, neighbour = (first, second) if clipped_first else (second, first)
            clipped, next_to = match.group(0).lower(), neighbour.group(0).lower()
            if not (
                len(clipped) < 3
                or clipped in self.counts
                or clipped in _SHORTHAND
                or clipped in STOP_WORDS
                or next_to in STOP_WORDS
            ):
                yield match, clipped, next_to

    def _names_clipped(self, question: str) -> str:
        """A name's second word clipped after its first in full ("the west mids", "north
        yorks"): the documents' name ("West Midlands"), when exactly one of the words
        that follow the first in their names starts with it."""
        for match, clipped, first in self._clipped_pairs(question, clipped_first=False):
            stem = clipped[:-1] if clipped.endswith("s") else clipped
            found = {
                word
                for word in self._name_words.get(first, ())
                if len(word) > len(clipped) and word.startswith(stem)
            }
            if len(found) == 1:
                word = found.pop()
                if match.group(0)[0].isupper():
                    word = word.capitalize()
                question = question[: match.start()] + word + question[match.end() :]
        return question

    def _clipped_before(self, question: str) -> str:
        """A word clipped before one the documents use after its whole ("med tech" ->
        "medical tech"), when exactly one word they put there starts with it; before the
        word in either number ("amb trust": the documents' "ambulance trusts")."""
        for match, clipped, after in self._clipped_pairs(question, clipped_first=True):
            numbers = {after, after[:-1] if after.endswith("s") else f"{after}s"}
            found = {  # cut short, not an ending left off ("mayor" for "mayors")
                word
                for number in numbers
                for word in self._words_before.get(number, ())
                if len(word) >= len(clipped) + CLIPPED_AT_LEAST and word.startswith(clipped)
            }
            if len(found) == 1:
                word = found.pop()
                # a name, as the documents write it ("medical" is written small too: not
                # "Medical tech", which would read as a name no document uses)
                if word.capitalize() in self.names and word not in self._small:
                    word = word.capitalize()
                question = question[: match.start()] + word + question[match.end() :]
        return question

    def _word(self, token: str, known: Callable[[str], bool], typed: set[str] = frozenset()) -> str:
        if _IS_CONTRACTION.match(token):
            return token  # "who's" is "who is", not a possessive
        stem = _POSSESSIVE.sub("", token)
        meant = _SHORTHAND.get(stem.lower(), "")
        if stem != token and _IS_CONTRACTION.match(meant + token[len(stem) :]):
            return meant + token[len(stem) :]  # "wht's a SAP?": "what's", not "what"
        token = stem
        lower = token.lower()
        if lower in _SHORTHAND and lower not in self.counts and not token.isupper():
            return _SHORTHAND[lower]
        if token.isupper() and len(token) > 1 and (lower not in self.counts or lower in STOP_WORDS):
            meant = self.initialisms.get(token)
        elif token in self.initialisms and not token.islower():  # "DfE"
            meant = self.initialisms[token]
        elif self._initials_typed_small(token):
            meant = self.initialisms[token.upper()]
        elif (
            lower in self.counts
            or lower in STOP_WORDS
            or len(lower) < 3
            or lower in _english()
            or self._joins_words(lower)
        ):
            return token
        else:
            meant = self._clipped(lower, typed) or self._vowels_left_out(lower)
            meant = meant or self._contracted(lower)
            meant = meant or self._corrected(lower) or self._two_words(lower)
            meant = meant or _english_word(lower)
        if known(token) and self._initials_typed_small(token):
            return token.upper()  # "wmca": the initials the glossary and places know, "WMCA"
        if meant is None or known(token):
            return token
        return meant[:1].upper() + meant[1:] if token[:1].isupper() else meant

    def _two_words(self, lower: str) -> str | None:
        """Two words typed as one ("paybill", "carehome"), the documents' word one of
        them: the two words, rather than an English word a letter away ("playbill")."""
        english = _english()
        for cut in range(COMPOUND_PART_AT_LEAST, len(lower) - COMPOUND_PART_AT_LEAST + 1):
            first, second = lower[:cut], lower[cut:]
            if {first, second} <= english and (first in self.counts or second in self.counts):
                return f"{first} {second}"
        return None

    def _joins_words(self, word: str) -> bool:
        """A hyphenated word made of words ("co-located", "place-based"): as meant, not a
        typo of another word ("collocated")."""
        parts = word.split("-")
        return len(parts) > 1 and all(
            part in self.counts or part in STOP_WORDS or part in _english() or len(part) < 3
            for part in parts
        )

    def _initials_typed_small(self, token: str) -> bool:
        """Initials typed in small letters ("the wm lis"): a word neither the knowledge
        base nor English knows whose capitals are a name's initials."""
        lower = token.lower()
        return (
            token == lower
            and lower.upper() in self.initialisms
            and lower not in self.counts
            and lower not in STOP_WORDS
            and lower not in _english()
        )

    def _clipped(self, lower: str, typed: set[str] = frozenset()) -> str | None:
        """A word the asker typed in full that the word starts ("ambulance trusts ... our
        amb service"), else the most frequent name it starts ("lincs" -> "Lincolnshire"),
        in small letters when the documents also write it so ("gettin" -> "getting", not
        the "Getting" of a heading, which would read as a name no passage mentions)."""
        own = sorted(w for w in typed if len(w) > len(lower) + 1 and w.startswith(lower))
        if own:
            return own[0]
        stems = {lower, lower[:-1]} if lower.endswith("s") and len(lower) > 4 else {lower}
        starts = [
            (count, name)
            for name, count in self.names.items()
            if len(name) > len(lower) and any(name.lower().startswith(s) for s in stems)
        ]
        if not starts:
            return None
        name = max(starts)[1]
        return name.lower() if name.lower() in self._small else name

    def _vowels_left_out(self, lower: str) -> str | None:
        """The most frequent word the documents use that is this one with its vowels put
        back ("grp" -> "group", "hlth" -> "health", "strtgy" -> "strategy")."""
        if len(lower) < 3 or _VOWELS.search(lower):
            return None
        found = self._skeletons.get(lower)
        return max(found, key=self.counts.__getitem__) if found else None

    def _contracted(self, lower: str) -> str | None:
        """The most frequent word the documents use that starts as this one does and ends
        with its last letter (or that and "s"), some letters longer ("instn" ->
        "institutions"): a word shortened in its middle."""
        if len(lower) < CONTRACTED_AT_LEAST or not lower.isalpha():
            return None
        start, end = lower[:-1], lower[-1]
        found = [
            word
            for word in self.counts
            if len(word) >= len(lower) + CLIPPED_AT_LEAST
            and word.startswith(start)
            and (word.endswith(end) or word.endswith(end + "s"))  # "instn": "institutions"
        ]
        return max(found, key=self.counts.__getitem__) if found else None

    def _corrected(self, lower: str) -> str | None:
        """The documents' word a letter or two away; not two away when another English
        word is one away ("recieved" is "received", which the documents may not use, not
        their "reviewed"; "prioritys" is still their "priorities", not "priority")."""
        distance = 1 if len(lower) <= 5 else 2
        found = self._spelling.lookup(lower, Verbosity.TOP, max_edit_distance=distance)
        if not found:
            return None
        word = found[0].term
        english = _english_word(lower) if found[0].distance > 1 else None
        return None if english and terms(english) != terms(word) else word


def _initialisms(phrases: Counter[str], counts: Counter[str]) -> dict[str, str]:
    """Initials -> the phrase they stand for, for initials the documents never use
    themselves ("NE" -> "North East"); the most frequent phrase wins."""
    found: dict[str, tuple[int, str]] = {}
    for phrase, count in phrases.items():
        words = [w for w in phrase.split() if w.lower() not in _JOINERS]
        if not 2 <= len(words) <= 6:
            continue
        spoken = [w for w in phrase.split() if w.lower() not in _JOINERS - _SPOKEN_JOINERS]
        for initials in {_initials_of(words), _initials_of(spoken)}:
            common_word = initials.lower() in STOP_WORDS  # "IS" for "Industrial Strategy"
            if initials.lower() in counts and not common_word:
                continue  # the documents use these initials for something: leave them be
            if count < (COMMON_WORD_NAME if common_word else 3 if len(initials) == 2 else 1):
                continue  # two letters stand for too much to trust a name used once or twice
            if count > found.get(initials, (0, ""))[0]:
                found[initials] = (count, phrase)
    return {initials: phrase for initials, (_, phrase) in found.items()}


def _initials_of(words: list[str]) -> str:
    """An acronym in the name keeps its letters: "UK Shared Prosperity Fund" -> UKSPF."""
    return "".join(w if w.isupper() else w[0] for w in words).upper()


def _small_joiner_initialisms(phrases: Counter[str], counts: Counter[str]) -> dict[str, str]:
    """Initials that keep a joining word as a small letter or "&" ("DfE" -> "Department
    for Education", "SoS", "H&LS"): that makes them distinctive enough to trust a name
    the documents use once."""
    found: dict[str, str] = {}
    for phrase in sorted(phrases, key=phrases.__getitem__):
        words = [w for w in phrase.split() if w.lower() != "the"]
        if not 2 <= len(words) <= 6 or not any(w.lower() in _SMALL_JOINERS for w in words):
            continue
        initials = "".join(_SMALL_JOINERS.get(w.lower(), w[0]) for w in words)
        if initials.lower() not in counts:
            found[initials] = re.sub(r"^(?i:the)\s+", "", phrase)
    return found


_SMALL_JOINERS = {"of": "o", "for": "f", "and": "&", "&": "&"}
