"""Whole-article passes: what needs the facts of several extractor families.

Each pass is ``run(doc, facts, lexicons) -> None`` and changes ``facts`` in
place; ``factlint.extract.pipeline.PASSES`` lists them in order:

* ``ages_as_counts``: a number read both as an age and as a count is an age;
* ``link``: ties statements, documents, roles and ages to entity facts;
* ``officials``: a statement by an organisation is official, and its
  negated main clause a denial;
* ``targets``: a denial that names a report, story, claim or document
  ("said the reports were untrue") is linked to it;
* ``topics``: fills every fact's topic keys;
* ``placing``: fills ``sentence``, ``paragraph`` and ``in_headline``.

Passes never import an extractor family.
"""
