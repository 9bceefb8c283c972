"""Extraction: document -> facts.  Deterministic, lexicon driven, no models.

``extract_facts(document, lexicons)`` runs the extractor families in a fixed
order and then the whole-article passes (``pipeline``).  Each family is a
package (or, for one small extractor, a module) that declares the fact
kinds it produces (``PRODUCES``) and exports ``extract``:

=================  =========================================  =========
family             fact kinds                                 id prefix
=================  =========================================  =========
``people/``        entity, role, age                          n, p, a
``attribution/``   statement, report, document                s, r, d
``time/``          time, event                                t, e
``quantity/``      quantity                                   q
``repeats``        repetition                                 w
``passes/``        no kind of its own: ages read as counts,   -
                   entity links, officials, what denials
                   name, topic keys, positions
=================  =========================================  =========

Shared below the families: ``english`` (phrase tokens, a speaker's gender),
``negation`` (negated claims), ``factlint.lexicon`` (matching lexicons) and
``factlint.text`` (the document, words).  A family never imports another
family; passes import no family (``tests/test_meta.py`` enforces both).
"""

from .pipeline import extract_facts

__all__ = ["extract_facts"]
