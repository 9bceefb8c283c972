"""Extraction: document -> facts.  Deterministic, lexicon driven, no models.

``extract_facts(document, lexicons)`` runs every extractor in a fixed order
and then the shared passes (entity linking, topic keys, positions).  Each
extractor module owns one or more fact kinds and nothing else:

=================  =========================================  =================
module             fact kinds                                  id prefix
=================  =========================================  =================
people             entity, role, age                           n, p, a
attribution        statement, report, document                 s, r, d
time               time, event                                 t, e
quantity           quantity                                    q
repeats            repetition                                  w
link (pass)        fills *_entity fields from entity mentions  -
topics (pass)      fills ``topic`` on every fact               -
=================  =========================================  =================
"""

from .pipeline import extract_facts  # noqa: F401
