"""Reading articles: which files (folders, ignore files, lists, standard
input), which encoding, which publication date, and one clear error line
for every input that cannot be read (exit 2), the other files still checked.

The error cases are a table run through the real command line in one run:
each bad file must get exactly one line naming it."""

from __future__ import annotations

import json
import os

import pytest
from clirun import factlint
from factlint.errors import UserError
from factlint.inputs import load_document
from factlint.text.discover import collect_inputs
from factlint.text.formats.dates import publication_date

BODY = "Mayor denies port plan\n\nThe mayor said on Monday that there was no plan to close the port.\n"
WP = {"title": {"rendered": "Mayor denies"}, "content": {"rendered": "<p>The mayor said so.</p>"}}

# file name -> (content, words its one error line must hold)
BAD = {
    "unknown-shape.json": ('{"id": 1, "body": "text"}', ["JSON of an unknown shape", "WordPress REST API post", "Arc XP ANS story"]),
    "two-posts.json": ("[" + json.dumps(WP) + ", " + json.dumps(WP) + "]", ["holds 2 items", "one per file"]),
    "broken.json": ('{\n  "title": \n', ["broken.json:3:1", "not valid JSON"]),
    "unclosed.md": ("---\ntitle: Mayor denies\n\nThe mayor said so.\n", ["unclosed.md:1:1", "front matter opened with `---` is never closed"]),
    "bad-yaml.md": ("---\ntitle: [Mayor\n---\n\nThe mayor said so.\n", ["bad-yaml.md:", "not valid YAML"]),
    "list-yaml.md": ("---\n- a\n- b\n---\n\nThe mayor said so.\n", ["must be a YAML mapping"]),
    "bad-toml.md": ("+++\ntitle = \n+++\n\nThe mayor said so.\n", ["not valid TOML"]),
    "bad-date.md": ("---\ndate: next Tuesday\n---\n\nThe mayor said so.\n", ["front matter `date`", "cannot read 'next Tuesday' as a date"]),
    "ambiguous-date.md": ("---\npublished: 07/01/2020\n---\n\nThe mayor said so.\n", ["front matter `published`", "could be day/month"]),
    "old-date.md": ("---\ndate: 0999-12-01\n---\n\nThe mayor said so.\n", ["front matter `date`", "out of range"]),
    "bad-date.html": (
        '<meta property="article:published_time" content="soon"><article><p>The mayor said so.</p></article>',
        ['<meta property="article:published_time">', "cannot read 'soon'"],
    ),
    "bad-date-wp.json": (json.dumps({**WP, "date": "yesterday"}), ["`date`", "cannot read 'yesterday'"]),
    "no-prose.html": ("<html><body><nav>Home</nav><script>x()</script></body></html>", ["no article text found in this html file"]),
    "cp1252.txt": ("Caf\xe9 owners said so.\n".encode("cp1252"), ["not valid UTF-8", "byte 0xe9 at byte offset 3", "--encoding cp1252"]),
}


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    for name, (content, _) in BAD.items():
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    (folder / "good.txt").write_text(BODY, encoding="utf-8")
    (folder / "empty-folder").mkdir()
    return factlint("check", *sorted(BAD), "good.txt", "empty-folder", cwd=folder)


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_is_one_line_naming_the_file(bad_run, name):
    assert bad_run.code == 2 and "Traceback" not in bad_run.err
    lines = [line for line in bad_run.err.splitlines() if line.startswith(name + ":")]
    assert len(lines) == 1, (name, bad_run.err)
    for words in BAD[name][1]:
        assert words in lines[0], (words, lines[0])


def test_the_good_file_is_still_checked_and_an_empty_folder_is_an_error(bad_run):
    assert "in 1 file" in bad_run.out
    assert any(line.startswith("empty-folder: error[no-articles] is a folder with no article files") for line in bad_run.err.splitlines())


@pytest.mark.parametrize(
    "args, words",
    [
        (["--encoding", "klingon"], "--encoding: error[usage] unknown encoding 'klingon'"),
        (["--input-format", "docx"], "--input-format: error[usage] unknown input format 'docx' (one of: text, markdown, html"),
        (["--stdin-filename", "story.md"], "--stdin-filename: error[usage] names standard input: give `-`"),
        (["-", "--files-from", "-"], "--files-from: error[usage] standard input cannot be both"),
        (["--input-format", "arc", "wp.json"], "wp.json: error[json-shape] this JSON is not an Arc XP ANS story"),
    ],
)
def test_bad_options_are_usage_errors(tmp_path, args, words):
    (tmp_path / "a.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "wp.json").write_text(json.dumps(WP), encoding="utf-8")
    run = factlint("check", *(args if "wp.json" in args else [*args, "a.txt"]), cwd=tmp_path, input="")
    assert run.code == 2 and run.err.splitlines()[0].startswith(words), run.err


def test_encoding_cp1252_offsets_are_code_points_of_the_decoded_text(tmp_path):
    text = "Café owners fear closure\r\n\r\nZoë Ngata, 34, said the café was shut.\r\n\r\nLater, Zoë Ngata, 43, said so again.\r\n"
    (tmp_path / "old.txt").write_bytes(text.encode("cp1252"))
    run = factlint("check", "old.txt", "--encoding", "cp1252", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run
    cites = [c for f in json.loads(run.out)["files"][0]["findings"] for c in f["citations"]]
    assert cites and all(text[c["start"] : c["end"]] == c["text"] for c in cites)


def test_utf16_with_encoding_is_text_not_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(BODY.encode("utf-16"))
    assert load_document(str(path), encoding="utf-16").text == BODY  # the codec takes its byte-order mark


# ------------------------------------------------------------------ which files
TREE = {
    ".gitignore": "drafts/\n*.tmp.md\n",
    ".factlintignore": "old.txt\n",
    "a.md": "# Mayor denies\n\nThe mayor said so.\n",
    "b.txt": BODY,
    "old.txt": BODY,
    "x.tmp.md": BODY,
    "b.meta.json": '{"published": "2020-01-08"}',
    ".hidden.md": BODY,
    "image.png": "not an article",
    "drafts/d.md": BODY,
    "sub/.factlintignore": "*.txt\n!keep.txt\n",
    "sub/c.html": "<article><h1>Mayor denies</h1><p>The mayor said so.</p></article>",
    "sub/keep.txt": BODY,
    "sub/drop.txt": BODY,
    ".git/HEAD": "ref: refs/heads/main\n",
}


@pytest.fixture
def tree(tmp_path):
    for name, content in TREE.items():
        path = tmp_path / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return tmp_path


def test_a_folder_is_walked_in_order_without_what_ignore_files_exclude(tree, monkeypatch):
    monkeypatch.chdir(tree)
    names = [i.name for i in collect_inputs(["articles"])]
    assert names == [os.path.join("articles", p) for p in ("a.md", "b.txt", "sub/c.html", "sub/keep.txt")]


def test_a_file_named_is_checked_even_if_ignored_and_each_path_once(tree, monkeypatch):
    monkeypatch.chdir(tree)
    names = [i.name for i in collect_inputs(["articles/old.txt", "articles", "articles/a.md"])]
    assert names[0] == "articles/old.txt" and names.count(os.path.join("articles", "a.md")) == 1


def test_ignore_files_above_the_folder_count_up_to_the_repository_root(tree, monkeypatch):
    monkeypatch.chdir(tree / "articles")
    assert [i.name for i in collect_inputs(["sub"])] == [os.path.join("sub", "c.html"), os.path.join("sub", "keep.txt")]
    # the repository's .gitignore above "sub" counts; the nearer sub/.factlintignore still keeps keep.txt
    (tree / "articles" / ".gitignore").write_text("c.html\nkeep.txt\n", encoding="utf-8")
    assert [i.name for i in collect_inputs(["sub"])] == [os.path.join("sub", "keep.txt")]
    # above the repository root nothing counts
    (tree / ".gitignore").write_text("*\n", encoding="utf-8")
    assert [i.name for i in collect_inputs(["sub"])] == [os.path.join("sub", "keep.txt")]


def test_files_from_standard_input_and_a_story_on_standard_input(tree):
    run = factlint("check", "--files-from", "-", "--format", "json", cwd=tree, input="articles/b.txt\n\narticles/sub/c.html\n")
    assert [f["path"] for f in json.loads(run.out)["files"]] == ["articles/b.txt", "articles/sub/c.html"]
    story = "---\ntitle: Mayor denies\ndate: 7 January 2020\n---\n\nZoë Ngata, 34, said so.\n\nZoë Ngata, 43, said it again.\n"
    run = factlint("check", "-", "--stdin-filename", "story.md", "--format", "json", cwd=tree, input=story)
    data = json.loads(run.out)["files"][0]
    assert (data["path"], data["published"]) == ("story.md", "2020-01-07")
    assert run.code == 1 and all(story[c["start"] : c["end"]] == c["text"] for f in data["findings"] for c in f["citations"])


# ------------------------------------------------------------------ dates
@pytest.mark.parametrize(
    "value, day",
    [
        ("2020-01-07", "2020-01-07"),
        ("2020-01-07T23:30:00-05:00", "2020-01-07"),  # the day as written, in its own zone
        ("2020-01-08T04:30:00Z", "2020-01-08"),
        ("2020-01-07 09:30:00.000+0100", "2020-01-07"),
        ("Tue, 07 Jan 2020 23:30:00 -0500", "2020-01-07"),
        ("Tue, 07 Jan 2020 23:30:00 GMT", "2020-01-07"),
        ("7 January 2020", "2020-01-07"),
        ("January 7, 2020 11:30 PM EST", "2020-01-07"),
        ("13/01/2020", "2020-01-13"),  # only one reading
    ],
)
def test_publication_dates_as_cmss_write_them(value, day):
    assert publication_date(value, "field", "story.md") == day


@pytest.mark.parametrize("value", ["07/01/2020", "January 2020", "next Tuesday", "2020-02-30", "x" * 300])
def test_unreadable_dates_are_errors_naming_the_field(value):
    with pytest.raises(UserError) as err:
        publication_date(value, "front matter `date`", "story.md")
    assert err.value.diagnostics[0].one_line().startswith("story.md: error[metadata] front matter `date`: ")


def test_published_option_then_sidecar_then_the_articles_metadata(tmp_path):
    story = tmp_path / "story.md"
    story.write_text("---\ndate: 2020-01-07\n---\n\nThe mayor said so.\n", encoding="utf-8")
    assert load_document(str(story)).published == "2020-01-07"
    (tmp_path / "story.meta.json").write_text('{"published": "2020-01-09"}', encoding="utf-8")
    assert load_document(str(story)).published == "2020-01-09"
    assert load_document(str(story), published="2020-01-10").published == "2020-01-10"
    story.write_text("---\ndate: soon\n---\n\nThe mayor said so.\n", encoding="utf-8")
    assert load_document(str(story)).published == "2020-01-09"  # the date in the file is not needed, so not read
