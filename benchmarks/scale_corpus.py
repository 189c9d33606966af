"""Generate a large, realistic distractor corpus from the starter corpus's vocabulary.

Documents look like the real ones: local industrial strategy briefings for real LEP areas
(from the gazetteer), about the same topics (skills, innovation, ageing, estates, digital,
inclusive growth), written from sentence templates filled with the places, organisations
and phrases of the starter documents ("life sciences", "skills advisory panels"). They
share place names, topics and vocabulary with the real documents, which is what makes them
distractors, without copying the real documents' facts. Deterministic for a given seed.
Run: `python -m benchmarks.scale_corpus OUT_DIR --documents 2000`.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

from ingest.cleaning import clean_text

ROOT = Path(__file__).resolve().parent.parent
TOPICS = [
    "skills",
    "innovation",
    "healthy ageing",
    "estates and housing",
    "digital health",
    "inclusive growth",
    "life sciences",
    "clean growth",
    "workforce",
    "infrastructure",
    "procurement",
    "anchor institutions",
    "apprenticeships",
    "data and AI",
]
_PLACE_WORDS = re.compile(
    r"\b(Greater Manchester|West Midlands|Lincolnshire|Greater Lincolnshire|"
    r"Oxfordshire|Dorset|Berkshire|Buckinghamshire|North East|Birmingham)\b"
)


_STOP = set(
    """a an and are as at be by for from has have in into is it its of on or our that
the their these this to was were will with which who can more most than other such also
been not its they them there we you your would should could may must""".split()
)
TEMPLATES = [
    "The {area} strategy sets out how partners will support {p1} and {p2} across {town}.",
    "{town} has been chosen to pilot a {p1} programme worth £{n} million, led by the {org}.",
    "Partners in {area} expect {p1} to create {n} jobs in {town} by {year}.",
    "The {org} will report progress on {p1} to the {area} LEP board every {period}.",
    "NHS organisations in {town} are invited to help shape the {topic} priorities of the "
    "{area} strategy.",
    "A consultation on {p1} in {area} ran from {month} to {month2} {year}.",
    "The {area} evidence base highlights {p1}, {p2} and {p3} as local strengths.",
    "Skills priorities include {p1} and new routes into {p2} for people in {town}.",
    "The {org} and the {area} combined authority will co-invest in {p1} and {p2}.",
    "Health partners in {town} see {topic} as a chance to improve {p1}.",
]
ORGS = [
    "local NHS trust",
    "integrated care system",
    "academic health science network",
    "university",
    "LEP board",
    "growth hub",
    "combined authority",
    "county council",
    "clinical commissioning group",
    "sustainability and transformation partnership",
]
MONTHS = ["January", "March", "May", "June", "September", "October", "December"]


def _phrases() -> list[str]:
    """Two- and three-word phrases the starter documents use at least three times."""
    counts: dict[str, int] = {}
    for path in sorted((ROOT / "knowledge" / "documents").glob("*.txt")):
        words = re.findall(r"[a-z]+", clean_text(path.read_text()).lower())
        for size in (2, 3):
            for k in range(len(words) - size + 1):
                gram = words[k : k + size]
                if not set(gram) & _STOP and all(len(w) > 2 for w in gram):
                    phrase = " ".join(gram)
                    counts[phrase] = counts.get(phrase, 0) + 1
    junk = {
        "www",
        "http",
        "https",
        "org",
        "find",
        "website",
        "download",
        "visit",
        "click",
        "read",
        "part",
        "term",
        "east",
        "west",
        "north",
        "south",
        "increase",
        "develop",
    }
    return sorted(p for p, n in counts.items() if n >= 3 and not set(p.split()) & junk)


def _places() -> list[tuple[str, list[str]]]:
    areas = yaml.safe_load((ROOT / "knowledge" / "gazetteer.yaml").read_text())["areas"]
    return [(a["name"], a.get("places") or [a["name"]]) for a in areas]


def generate(out: Path, documents: int, seed: int = 7) -> int:
    """Write `documents` briefings (plus sources.yaml) to `out`; returns how many."""
    rng = random.Random(seed)
    phrases, places = _phrases(), _places()
    out.mkdir(parents=True, exist_ok=True)
    catalogue = []
    for n in range(documents):
        area, towns = rng.choice(places)
        topic = rng.choice(TOPICS)
        paragraphs = [f"{area} {topic} priorities"]
        for _ in range(rng.randint(3, 6)):
            paragraphs.append(
                " ".join(
                    rng.choice(TEMPLATES).format(
                        area=area,
                        town=rng.choice(towns),
                        topic=topic,
                        org=rng.choice(ORGS),
                        p1=rng.choice(phrases),
                        p2=rng.choice(phrases),
                        p3=rng.choice(phrases),
                        n=rng.randint(2, 400),
                        year=rng.randint(2019, 2030),
                        period=rng.choice(["quarter", "year", "six months"]),
                        month=rng.choice(MONTHS),
                        month2=rng.choice(MONTHS),
                    )
                    for _ in range(rng.randint(2, 4))
                )
            )
        name = f"scale-{n:05d}.txt"
        (out / name).write_text("\n\n".join(paragraphs) + "\n")
        catalogue.append(
            {
                "file": name,
                "title": f"{area} local industrial strategy: {topic} briefing {n}",
                "publisher": f"{area} LEP",
                "published": f"{rng.randint(2016, 2019)}-{rng.randint(1, 12):02d}",
            }
        )
    (out / "sources.yaml").write_text(yaml.safe_dump(catalogue, sort_keys=False))
    return documents


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--documents", type=int, default=2000)
    args = parser.parse_args()
    print(f"wrote {generate(args.out, args.documents)} documents to {args.out}")


if __name__ == "__main__":
    main()
