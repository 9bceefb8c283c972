"""Quantity: counts of things, percentages, money and measures.

Produces ``quantity`` (``q1..``): ``figure``, ``value``, ``value_high``,
``unit``, ``approx``, ``noun`` (the counted noun phrase), ``noun_key``,
``noun_modifiers``, ``definite`` (a restatement: "the 23 people"),
``action`` and ``action_key`` (what happened to the things counted:
"killed", "sold"), ``measure`` (what a bare figure is the value of:
"Unemployment rose to 5.2%").

Entry point: ``extract(doc, lexicons) -> list[Fact]``.

Modules: ``extractor`` (figures -> facts), ``action`` (what happened to
what a figure counts, what it measures), ``numbers`` (finding figures,
units and ranges), ``filters`` (figures that are no quantity: years, dates,
clock times, labels), ``noun`` (the counted noun and its key), ``tables``
(the lexicons as tables).
"""

from .extractor import extract

PRODUCES = ("quantity",)

__all__ = ["PRODUCES", "extract"]
