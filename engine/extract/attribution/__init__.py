"""Attribution: who said, reported, denied or wrote what.

Produces:

* ``statement`` (``s1..``): ``speaker``, ``speaker_title``, ``speaker_type``,
  ``official``, ``anonymous``, ``cue``, ``content``, ``direct``, ``stance``
  (assert, deny, confirm, retract) and ``stance_cue``, ``tense``,
  ``target`` and ``target_fact`` (what a denial names), ``document``,
  ``speaker_ref``;
* ``report`` (``r1..``): a media or agency report and what it claims:
  ``source``, ``source_type``, ``cue``, ``content``, ``stance``, ``cites``;
* ``document`` (``d1..``): a letter, memo, report, email...: ``doc_type``,
  ``mention`` and ``mentions``, ``author``, ``recipient``, ``content``,
  ``status``, ``reported``, ``reported_content``, ``author_statements``.

``speaker_entity`` and ``author_entity`` are filled by the link pass.

Entry point: ``extract(doc, lexicons) -> list[Fact]``.  Documents belong
here because only attribution reaches them (a report cites a letter, a
denial names it).

Modules: ``extractor`` (the order of the steps), ``cues`` (cue verbs and
their speakers), ``content`` (where a cue's content is), ``attr`` (one
attribution while it is found), ``denials`` ("rejected reports that ..."),
``passive`` ("X was reported to have ..."), ``retractions`` ("X retracted
the letter"), ``unattributed`` (quotes no cue attributes), ``build``
(attributions -> linked facts), ``speakers`` (speaker phrases), ``stance``
(stance and tense), ``quotes`` (quote pairing), ``outlets`` (news outlets),
``documents``, ``attribution.documents_bare`` and ``document_authors`` (document
mentions, bare plural documents, an author's own statements).
"""

from .extractor import extract

PRODUCES = ("statement", "report", "document")

__all__ = ["PRODUCES", "extract"]
