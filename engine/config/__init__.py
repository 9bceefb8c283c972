"""The configuration file: ``factlint.toml`` or ``[tool.factlint]`` in ``pyproject.toml``.

``model`` (the keys and their types), ``positions`` (where each key is in
the file), ``loader`` (finding, reading, validating), ``resolve`` (the
effective settings for one file and their sources), ``rulesets`` (rule sets
for those settings, and checking rule ids and lexicon names against them).
"""
