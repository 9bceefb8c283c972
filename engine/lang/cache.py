"""The parsed-rule cache: a rule file's AST kept on disk as JSON data.

Owns: where the cache lives (``$FACTLINT_CACHE_DIR``, else
``$XDG_CACHE_HOME/factlint``, else ``~/.cache/factlint``), whether it is used
(``FACTLINT_NO_CACHE=1`` or ``factlint check --no-cache`` turn it off), the
key of one rule file's entry, and turning a ``RuleFile`` into JSON and back.

Why: parsing the shipped pack needs lark, its LALR tables and a walk of every
rule file, most of a cold start; the AST it gives is plain data.  The key is
a SHA-256 of factlint's version, the grammar, the source of the modules that
shape the AST (``ast.py``, ``build.py``), the file's path, id prefix and
text: any change to one of them misses the cache and the file is parsed.

Safety: an entry is data only (JSON, never pickle or marshal), read with
``json.loads`` and rebuilt into the AST classes of ``ast`` by name, every
object checked to have exactly its class's fields; anything else (a damaged,
truncated, foreign or hostile file) is a miss, and the file is parsed as if
there were no cache.  An entry is a header line (format, key, SHA-256 of the
body) and the body, so damage to the body is seen too.  The folder is created private (0700); entries are
written to a temporary file and renamed, so a reader never sees half of one.
Failing to write (a read-only home) is silent: the cache is only a speed-up.

Does not own: parsing (``parser``, ``build``) or deciding which files to read
(``loader``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from ..version import __version__
from . import ast

#: bumped when the JSON layout itself changes (the AST's shape is in the key already)
FORMAT = 1
ENV_DIR = "FACTLINT_CACHE_DIR"
ENV_OFF = "FACTLINT_NO_CACHE"
#: entries kept; past this the oldest are removed when one is written
MAX_ENTRIES = 500

_CLASSES: dict[str, type] = {
    name: cls
    for name, cls in vars(ast).items()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == ast.__name__
}
_FIELDS: dict[str, tuple[str, ...]] = {name: tuple(f.name for f in dataclasses.fields(cls)) for name, cls in _CLASSES.items()}

_disabled = False


def disable() -> None:
    """Turn the cache off for this process (``--no-cache``)."""
    global _disabled
    _disabled = True


def enabled() -> bool:
    return not _disabled and os.environ.get(ENV_OFF, "") in ("", "0")


def cache_dir() -> Path:
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "factlint"


@lru_cache(maxsize=1)
def _code_fingerprint() -> bytes:
    """What shapes a parsed file: version, JSON format, grammar, AST and builder source."""
    h = hashlib.sha256(f"factlint {__version__} format {FORMAT}\0".encode())
    h.update(resources.files("factlint.grammar").joinpath("factlint.lark").read_bytes())
    here = Path(__file__).parent
    for module in ("ast.py", "build.py"):
        h.update(b"\0" + module.encode() + b"\0")
        h.update((here / module).read_bytes())
    return h.digest()


def key(text: str, path: str, prefix: str) -> str:
    h = hashlib.sha256(_code_fingerprint())
    for part in (path, prefix, text):
        data = part.encode("utf-8", "surrogatepass")
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def _entry(k: str) -> Path:
    return cache_dir() / "rules" / f"{k}.json"


# ---------------------------------------------------------------- encoding
class _Bad(ValueError):
    """The entry is not a RuleFile this version wrote: treat as a miss."""


def encode(node: object) -> object:
    """A JSON-able form of an AST value: dataclasses by class name."""
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        name = type(node).__name__
        out: dict[str, object] = {"@": name}
        for f in _FIELDS[name]:
            out[f] = encode(getattr(node, f))
        return out
    if isinstance(node, list):
        return [encode(x) for x in node]
    if isinstance(node, tuple):
        return {"@t": [encode(x) for x in node]}
    if isinstance(node, dict):
        if not all(isinstance(k, str) for k in node):
            raise _Bad("dict keys must be strings")
        return {"@d": {k: encode(v) for k, v in node.items()}}
    if node is None or isinstance(node, (str, bool, int, float)):
        return node
    raise _Bad(f"cannot store a {type(node).__name__}")


def decode(data: object) -> object:
    """The AST value of ``encode``'s output; raises ``_Bad`` on anything else."""
    if isinstance(data, list):
        return [decode(x) for x in data]
    if isinstance(data, dict):
        if "@t" in data and len(data) == 1 and isinstance(data["@t"], list):
            return tuple(decode(x) for x in data["@t"])
        if "@d" in data and len(data) == 1 and isinstance(data["@d"], dict):
            return {k: decode(v) for k, v in data["@d"].items()}
        name = data.get("@")
        if not isinstance(name, str) or name not in _CLASSES:
            raise _Bad(f"unknown record {name!r}")
        fields = _FIELDS[name]
        if len(data) != len(fields) + 1 or any(f not in data for f in fields):
            raise _Bad(f"{name} has other fields than expected")
        return _CLASSES[name](**{f: decode(data[f]) for f in fields})
    if data is None or isinstance(data, (str, bool, int, float)):
        return data
    raise _Bad(f"unexpected {type(data).__name__}")


# ---------------------------------------------------------------- the store
def load(text: str, path: str, prefix: str) -> ast.RuleFile | None:
    """The cached AST of this rule file, or None (no entry, damaged, or off)."""
    if not enabled():
        return None
    k = key(text, path, prefix)
    try:
        with open(_entry(k), "rb") as fh:
            raw = fh.read(64 * 1024 * 1024)
        head, _, body = raw.partition(b"\n")
        meta = json.loads(head)
        if not isinstance(meta, dict) or meta.get("key") != k or meta.get("format") != FORMAT:
            return None
        if meta.get("digest") != hashlib.sha256(body).hexdigest():
            return None
        rf = decode(json.loads(body))
    except (OSError, ValueError, RecursionError, TypeError):  # _Bad is a ValueError
        return None
    if not isinstance(rf, ast.RuleFile) or rf.path != path or rf.prefix != prefix or rf.source != _normalized(text):
        return None
    return rf


def _normalized(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def store(text: str, path: str, prefix: str, rf: ast.RuleFile) -> None:
    """Keep ``rf`` as the AST of this rule file; any failure is ignored."""
    if not enabled():
        return
    k = key(text, path, prefix)
    try:
        body = json.dumps(encode(rf), ensure_ascii=False).encode("utf-8", "surrogatepass")
        head = json.dumps({"format": FORMAT, "key": k, "digest": hashlib.sha256(body).hexdigest()}).encode()
        folder = _entry(k).parent
        folder.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        folder.mkdir(exist_ok=True, mode=0o700)
        import tempfile  # only a miss writes

        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".json")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(head + b"\n" + body)
            os.replace(tmp, _entry(k))
        except BaseException:
            os.unlink(tmp)
            raise
        _trim(folder)
    except (OSError, ValueError, RecursionError):
        return


def _trim(folder: Path) -> None:
    entries = [e for e in os.scandir(folder) if e.name.endswith(".json") and not e.name.startswith(".")]
    if len(entries) <= MAX_ENTRIES:
        return
    entries.sort(key=lambda e: e.stat().st_mtime)
    for e in entries[: len(entries) - MAX_ENTRIES]:
        try:
            os.unlink(e.path)
        except OSError:
            pass
