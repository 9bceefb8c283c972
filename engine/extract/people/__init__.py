"""People: who is named, with what title and what age.

Produces:

* ``entity`` (``n1..``): a named person, organisation or place with
  ``name``, ``aliases``, ``mentions``, ``entity_type``, ``marked_sic``,
  ``named_with``, ``near_miss``, ``surname_only``, ``shared_surname``;
* ``role`` (``p1..``): ``person``, ``title``, ``org``, ``title_key``,
  ``title_class``, ``former``, ``change``;
* ``age`` (``a1..``): ``age``, ``expression``, ``person``, ``at_event``,
  ``anaphoric``.

Entry point: ``extract(doc, lexicons) -> list[Fact]``; ``person_entity``
is filled later by the link pass.

Modules: ``extractor`` (the order of the steps, fact records), ``names``
(name mentions), ``grouping`` (mentions -> entities), ``surnames``
(surname-only near misses and namesakes), ``roles``, ``titles`` (title
keys and classes), ``ages``, ``tables`` (the lexicons as word tables).
"""

from .extractor import extract

PRODUCES = ("entity", "role", "age")

__all__ = ["PRODUCES", "extract"]
