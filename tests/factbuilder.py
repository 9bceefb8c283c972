"""Building facts by hand over a short text, for engine and reporter tests."""

from __future__ import annotations

from factlint.facts.model import Span


class Facts:
    """``Facts(text)``; ``span("words")`` finds the nth occurrence; ``add``
    builds a fact whose extent covers all its spans."""

    def __init__(self, text: str):
        self.text = text
        self.items = []

    def span(self, words: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(words, start + 1)
        return Span(start=start, end=start + len(words), text=words)

    def add(self, cls, id: str, **fields):
        spans = [v for v in fields.values() if isinstance(v, Span)]
        start = min(s.start for s in spans)
        end = max(s.end for s in spans)
        fields.setdefault("start", start)
        fields.setdefault("end", end)
        fields.setdefault("text", self.text[fields["start"] : fields["end"]])
        fact = cls(id=id, **fields)
        self.items.append(fact)
        return fact
