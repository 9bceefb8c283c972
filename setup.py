"""Package discovery mapped onto the repository's folders.

The import name is ``factlint``; its code lives in ``engine/``, its grammar
in ``grammar/`` and its shipped rules in ``rules/``.  Every package under
``engine/`` is found (no hand-kept list) and renamed into ``factlint``;
everything else about the project is declared in ``pyproject.toml``.
"""

from setuptools import find_packages, setup

ENGINE_PACKAGES = ["factlint" + name[len("engine"):] for name in find_packages(include=["engine", "engine.*"])]

setup(packages=[*ENGINE_PACKAGES, "factlint.grammar", "factlint.rules"])
