"""Generated Markdown and HTML: reading never fails, and every word of prose
is located on that same word in the file (after its escapes and entities),
whatever the mix of markup, line ends, emoji and accents.

Markdown blocks whose inline tokens cannot be aligned are mapped to their
lines as a whole, so for them the word need only lie inside the range; the
test counts how often that happens on ordinary copy (rarely)."""

from __future__ import annotations

import html
import re

from factlint.text.formats import read_document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

WORDS = ["Zoë", "café", "mayor", "said", "🎉", "port", "Núñez", "34", "that", "O’Neill", "co-op"]
word = st.sampled_from(WORDS)
words = st.lists(word, min_size=1, max_size=6).map(" ".join)

md_inline = st.one_of(
    words,
    words.map(lambda w: f"*{w}*"),
    words.map(lambda w: f"**{w}**"),
    words.map(lambda w: f"[{w}](https://example.org/a_(b) \"t\")"),
    words.map(lambda w: f"`{w}`"),
    st.just("&amp;"),
    st.just("\\*"),
    st.just("<b>x</b>"),
    st.just("![alt](p.png)"),
    st.just("<https://example.org>"),
)
md_line = st.lists(md_inline, min_size=1, max_size=5).map(" ".join)
md_block = st.one_of(
    md_line,
    md_line.map(lambda s: "# " + s),
    md_line.map(lambda s: "> " + s),
    md_line.map(lambda s: "- " + s),
    st.tuples(md_line, md_line).map(lambda t: f"{t[0]}\n{t[1]}"),
    st.tuples(md_line, md_line).map(lambda t: f"1. {t[0]}\n2. {t[1]}"),
    st.just("```\ncode SKIPME\n```"),
    st.just("<!-- comment -->"),
    st.tuples(words, words).map(lambda t: f"| {t[0]} | {t[1]} |\n|---|---|\n| {t[1]} | {t[0]} |"),
)
newline = st.sampled_from(["\n", "\r\n"])


def plain(raw: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", raw))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(md_block, min_size=1, max_size=6), newline, st.booleans())
def test_markdown_words_map_to_themselves(blocks, nl, front):
    text = "\n\n".join(blocks) + "\n"
    if front:
        text = '---\ntitle: "Zoë said \\u00e9"\ndate: 2020-01-07\n---\n\n' + text
    text = text.replace("\n", nl)
    doc = read_document(text, "x.md", "markdown")
    assert "SKIPME" not in doc.text
    for m in re.finditer(r"\w+", doc.text):
        at = doc.locate(m.start(), m.end())
        raw = text[at.start : at.end]
        assert m.group() in plain(raw) or "\\u" in raw, (m.group(), raw)


html_inline = st.one_of(
    words,
    words.map(lambda w: f"<em>{w}</em>"),
    words.map(lambda w: f'<a href="/x">{w}</a>'),
    words.map(lambda w: f"<code>{w}</code>"),
    st.just("&amp;"),
    st.just("&#8217;"),
    st.just("<br>"),
    st.just("\n   "),
)
html_block = st.one_of(
    st.lists(html_inline, min_size=1, max_size=5).map(lambda xs: "<p>" + " ".join(xs) + "</p>"),
    st.lists(html_inline, min_size=1, max_size=3).map(lambda xs: "<h2>" + " ".join(xs) + "</h2>"),
    words.map(lambda w: f"<figure><img src=x><figcaption>{w}</figcaption></figure>"),
    words.map(lambda w: f"<blockquote><p>{w}</blockquote>"),
    st.just("<script>var a = '<p>SKIPME</p>';</script>"),
    st.just("<nav><a href=/>SKIPME</a></nav>"),
    words.map(lambda w: f"<p>{w}"),  # unclosed
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(html_block, min_size=1, max_size=6), newline, st.booleans())
def test_html_words_map_to_themselves(blocks, nl, article):
    body = "".join(blocks)
    text = f"<html><body><h1>Zoë &amp; co</h1>{'<article>' + body + '</article>' if article else body}</body></html>"
    text = text.replace("\n", nl)
    doc = read_document(text, "x.html", "html")
    assert "SKIPME" not in doc.text
    for m in re.finditer(r"\w+", doc.text):
        at = doc.locate(m.start(), m.end())
        assert html.unescape(text[at.start : at.end]) == m.group()


def test_ordinary_markdown_is_mapped_character_by_character():
    """No block of ordinary copy falls back to whole-line mapping."""
    text = (
        "# Mayor’s *café* plan\r\n\r\n"
        "The mayor, **Zoë Núñez**, said on [Monday](https://example.org/a_(b)) that\r\n"
        "the port &amp; the co-op would stay open \\*for now\\*.\r\n\r\n"
        "> “We never wrote it,” she said.\r\n\r\n"
        "1. First point 🎉\r\n2. Second `code` point\r\n\r\n"
        "| Name | Age |\r\n|---|---|\r\n| Zoë | 34 |\r\n"
    )
    doc = read_document(text, "x.md", "markdown")
    for m in re.finditer(r"\w+", doc.text):
        at = doc.locate(m.start(), m.end())
        assert plain(text[at.start : at.end]) == m.group()
