"""The rule language's vocabulary: kinds, qualifiers, fields and relations.

Owns what each word of a rule means.  The compiler uses it to check rules
(unknown kind, qualifier, field, relation) and the evaluator to run them.
``docs/vocabulary.md`` is generated from the docstrings here
(``factlint rules --vocabulary``), so the documentation cannot drift.
"""
