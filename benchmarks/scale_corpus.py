"""Generate a large, realistic distractor corpus from the starter corpus's vocabulary.

Documents look like the real ones: local industrial strategy briefings for real LEP areas
(from the gazetteer), about the same topics (skills, innovation, ageing, estates, digital,
inclusive growth), in sentences taken from the starter documents with their places and
numbers swapped. They share place names and topics with the real documents, which is what
makes them hard distractors. Deterministic for a given seed.
Run: `python -m benchmarks.scale_corpus OUT_DIR --documents 2000`.
"""

from __future__ import annotations

import argparse
import random
import re
from pathlib import Path

import yaml

from bot.text import sentences
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


def _sentence_pool() -> list[str]:
    pool = []
    for path in sorted((ROOT / "knowledge" / "documents").glob("*.txt")):
        for paragraph in clean_text(path.read_text()).split("\n\n"):
            if paragraph.startswith("## "):
                continue
            pool += [s.removeprefix("• ") for s in sentences(paragraph) if 60 < len(s) < 300]
    return pool


def _places() -> list[tuple[str, list[str]]]:
    areas = yaml.safe_load((ROOT / "knowledge" / "gazetteer.yaml").read_text())["areas"]
    return [(a["name"], a.get("places") or [a["name"]]) for a in areas]


def generate(out: Path, documents: int, seed: int = 7) -> int:
    """Write `documents` briefings (plus sources.yaml) to `out`; returns how many."""
    rng = random.Random(seed)
    pool, places = _sentence_pool(), _places()
    out.mkdir(parents=True, exist_ok=True)
    catalogue = []
    for n in range(documents):
        area, towns = rng.choice(places)
        topic, other = rng.sample(TOPICS, 2)
        title = f"{area} local industrial strategy: {topic} briefing {n}"
        paragraphs = [
            f"{area} {topic} priorities",
            f"The {area} partnership has agreed {rng.randint(2, 9)} priorities for {topic}, "
            f"working with NHS trusts in {rng.choice(towns)} and {rng.choice(towns)}. "
            f"Its {other} programme is worth £{rng.randint(2, 400)} million over "
            f"{rng.randint(2, 10)} years.",
        ]
        for _ in range(rng.randint(3, 6)):
            picked = rng.sample(pool, 3)
            paragraphs.append(" ".join(_PLACE_WORDS.sub(area, s) for s in picked))
        name = f"scale-{n:05d}.txt"
        (out / name).write_text("\n\n".join(paragraphs) + "\n")
        catalogue.append(
            {
                "file": name,
                "title": title,
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
