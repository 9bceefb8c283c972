"""factlint's version, at the bottom of the layers so that any module may read it.

Owns: ``__version__`` (the parsed-rule cache key, SARIF's tool version,
``factlint --version``; the package's face re-exports it).  It must match
``version`` in ``pyproject.toml``.

Does not own: anything else; it imports nothing.
"""

__version__ = "0.1.0"
