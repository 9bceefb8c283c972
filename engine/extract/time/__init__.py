"""Time: temporal expressions and dated events.

Produces:

* ``time`` (``t1..``): ``value`` (ISO, normalised against the publication
  date), ``time_type`` (date, duration, set), ``granularity``,
  ``weekday``, ``actual_weekday``, ``inferred``, ``relative``,
  ``explicit``;
* ``event`` (``e1..``): ``anchor`` (the event phrase), ``trigger``,
  ``event_key``, ``time`` (the time fact dating it), ``date``, ``tense``.

Entry point: ``extract(doc, lexicons) -> list[Fact]``.

Modules: ``extractor`` (times -> facts, tense fitting), ``patterns``
(expression shapes), ``absolute`` and ``relative`` (resolving dates),
``calendar`` (calendar arithmetic), ``normalize`` (resolution against the
publication date), ``tense`` (the verb governing a time), ``events``,
``event_keys`` and ``event_vocab`` (event phrases and their identity).
"""

from .extractor import extract

PRODUCES = ("time", "event")

__all__ = ["PRODUCES", "extract"]
