"""The parsed-rule cache: the same AST as parsing, data only, and a miss on anything doubtful.

A cache entry is JSON rebuilt into the AST classes by name; a damaged,
foreign or hostile entry is never trusted (the file is parsed instead), the
key covers the grammar and the file, and the cache can be turned off.
"""

from __future__ import annotations

import json
import pickle

import pytest
from factlint.lang import cache
from factlint.lang.build import build_rule_file
from factlint.lang.loader import discover, parse_rule_files, parse_rule_text, read_rule_file, shipped_rules_root

RULE = 'rule x:\n  title "X"\n  severity info\n  an official denial conflicts with a reported document\n  example passes """a a"""\n'


@pytest.fixture
def cache_at(tmp_path, monkeypatch):
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "c"))
    monkeypatch.delenv(cache.ENV_OFF, raising=False)
    return tmp_path / "c" / "rules"


def shipped():
    return [(read_rule_file(f), str(f), prefix) for f, prefix in discover(shipped_rules_root())]


def test_every_shipped_file_round_trips_to_the_same_ast():
    for text, path, prefix in shipped():
        parsed = build_rule_file(text, path, prefix)
        back = cache.decode(json.loads(json.dumps(cache.encode(parsed))))
        assert back == parsed, path


def test_a_cached_file_gives_the_parsed_ast_and_skips_the_parser(cache_at, monkeypatch):
    first = parse_rule_files([shipped_rules_root()])
    assert len(list(cache_at.glob("*.json"))) == len(first)
    import factlint.lang.build as build

    monkeypatch.setattr(build, "build_rule_file", lambda *a: pytest.fail("parsed although cached"))
    assert parse_rule_files([shipped_rules_root()]) == first


@pytest.mark.parametrize(
    "damage",
    [
        lambda raw: raw[: len(raw) // 2],  # truncated
        lambda raw: b"\x00\xff" + raw,  # not JSON
        lambda raw: pickle.dumps({"a": 1}),  # a pickle is data we never unpickle
        lambda raw: raw.replace(b'"@": "Rule"', b'"@": "Popen"'),  # a class that is not an AST record
        lambda raw: raw.replace(b'"@": "Pos", ', b'"@": "Pos", "extra": 1, '),  # a field too many
        lambda raw: raw.replace(b'"title": "X"', b'"title": "Y"'),  # an edit the source does not show: the digest does
        lambda raw: raw.replace(b'"format": 1', b'"format": 99'),
        lambda raw: raw.split(b"\n")[1],  # no header
        lambda raw: b"[]",
        lambda raw: b"[" * 100_000,  # nested past the recursion limit
    ],
)
def test_a_damaged_entry_is_a_miss_and_the_file_is_parsed(cache_at, damage):
    parsed = parse_rule_text(RULE, "x.rule")
    [entry] = cache_at.glob("*.json")
    damaged = damage(entry.read_bytes())
    entry.write_bytes(damaged)
    again = parse_rule_text(RULE, "x.rule")
    assert again == parsed


def test_the_key_covers_text_path_and_prefix(cache_at):
    keys = {cache.key(RULE, "x.rule", ""), cache.key(RULE + " ", "x.rule", ""), cache.key(RULE, "y.rule", ""), cache.key(RULE, "x.rule", "p")}
    assert len(keys) == 4


def test_the_key_covers_the_grammar(monkeypatch):
    before = cache.key(RULE, "x.rule", "")
    cache._code_fingerprint.cache_clear()
    import factlint.lang.cache as mod

    real = mod.resources.files

    class Grammar:
        def __init__(self, files):
            self.files = files

        def joinpath(self, name):
            inner = self.files.joinpath(name)

            class Changed:
                def read_bytes(self):
                    return inner.read_bytes() + b"\n// changed\n"

            return Changed()

    monkeypatch.setattr(mod.resources, "files", lambda pkg: Grammar(real(pkg)))
    try:
        assert cache.key(RULE, "x.rule", "") != before
    finally:
        monkeypatch.undo()
        cache._code_fingerprint.cache_clear()
    assert cache.key(RULE, "x.rule", "") == before


def test_the_cache_can_be_turned_off(cache_at, monkeypatch):
    monkeypatch.setenv(cache.ENV_OFF, "1")
    parse_rule_text(RULE, "x.rule")
    assert not cache_at.exists()


def test_a_syntax_error_is_not_cached_and_still_reported(cache_at):
    from factlint.errors import UserError

    for _ in range(2):
        with pytest.raises(UserError):
            parse_rule_text("rule :\n", "bad.rule")
    assert not cache_at.exists() or not list(cache_at.glob("*.json"))


def test_an_unwritable_cache_folder_is_ignored(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV_DIR, str(blocker))
    assert parse_rule_text(RULE, "x.rule").rules[0].name == "x"


def test_the_folder_is_private(cache_at):
    parse_rule_text(RULE, "x.rule")
    assert cache_at.stat().st_mode & 0o077 == 0


def test_check_no_cache_neither_reads_nor_writes(tmp_path):
    import os
    import subprocess
    import sys

    article = tmp_path / "a.txt"
    article.write_text("Council meets\n\nThe council met on Monday.\n", encoding="utf-8")
    env = {**os.environ, cache.ENV_DIR: str(tmp_path / "c")}
    env.pop(cache.ENV_OFF, None)
    run = subprocess.run([sys.executable, "-m", "factlint", "check", "--no-cache", str(article)], env=env, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not (tmp_path / "c").exists()
    run = subprocess.run([sys.executable, "-m", "factlint", "check", str(article)], env=env, capture_output=True, text=True)
    assert run.returncode == 0 and list((tmp_path / "c" / "rules").glob("*.json"))
