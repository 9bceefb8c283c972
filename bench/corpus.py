"""The published-copy corpora the rule benches run on, and how to read them.

Owns: the list of articles of the precision and recall benches (BBC, every
section, no publication date; PolNeAR train and dev, publication date from
``metadata.tsv``), each named by its path relative to the corpus folder
("bbc/politics/010.txt", "polnear/train/text/NAME.txt"), and reading one
as factlint reads a file (no newline translation).

Does not own: scoring (``precision.py``, ``recall.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
CORPORA = ("bbc", "polnear")


@dataclass(frozen=True)
class Article:
    corpus: str  # "bbc" or "polnear"
    name: str  # path relative to the corpus folder
    published: str | None


def polnear_dates(corpus: Path) -> dict[str, str]:
    """PolNeAR file stem -> publication date (YYYY-MM-DD)."""
    path = corpus / "polnear" / "metadata.tsv"
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    dates = {}
    for line in lines[1:]:
        row = dict(zip(head, line.split("\t")))
        if row.get("publication_date"):
            dates[row["filename"]] = row["publication_date"]
    return dates


def articles(corpus: Path, which: tuple[str, ...] = CORPORA) -> list[Article]:
    """Every article of the named corpora, in a fixed (sorted) order."""
    out: list[Article] = []
    if "bbc" in which:
        for p in sorted((corpus / "bbc").glob("*/*.txt")):
            out.append(Article("bbc", p.relative_to(corpus).as_posix(), None))
    if "polnear" in which:
        dates = polnear_dates(corpus)
        for split in ("train", "dev"):
            for p in sorted((corpus / "polnear" / split / "text").glob("*.txt")):
                out.append(Article("polnear", p.relative_to(corpus).as_posix(), dates.get(p.stem)))
    return out


def read(corpus: Path, name: str) -> str:
    """The article's text as read (CRLF kept, as factlint reads a file)."""
    with open(corpus / name, encoding="utf-8", newline="") as f:
        return f.read()
