"""Publication dates as CMSs write them, read into ``YYYY-MM-DD``.

Owns turning a metadata date (front matter, ``<meta>``, JSON-LD, a CMS
field) into a calendar day: ISO 8601 with or without a time and zone
(``2020-01-07T23:30:00-05:00``: the day as written, in its own zone, never
converted), RFC 2822 from feeds (``Tue, 07 Jan 2020 23:30:00 -0500``) and
written dates (``7 January 2020``, ``January 7, 2020``).  Anything but the
ISO form is read by dateparser, imported only here and only then, so plain
text never pays for it.  An all-numeric date whose day and month could be
swapped (``07/01/2020``) is refused rather than guessed, and so is anything
without a day, month and year.

Does not own: which field holds the date (the formats) or the checks every
publication date gets (``api.validate_published``).
"""

from __future__ import annotations

import re
from datetime import date

from ...errors import input_error

_ISO = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.,]+)?(?:Z|[+-]\d{2}:?\d{2}|\s*[A-Z]{3})?\s*\Z")
_NUMERIC = re.compile(r"\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})\b")
_HINT = "write it as YYYY-MM-DD, ISO 8601, RFC 2822 or '7 January 2020', or give --published"


def publication_date(value: str, where: str, path: str) -> str:
    """The day ``value`` names, as ``YYYY-MM-DD``; a UserError naming ``where`` if none."""
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            raise input_error(path, f"{where}: {value!r} is not a real day ({_HINT})", "metadata") from None
    n = _NUMERIC.match(value)
    if n and int(n[1]) <= 12 and int(n[2]) <= 12 and n[1] != n[2]:
        raise input_error(path, f"{where}: {value!r} could be day/month or month/day ({_HINT})", "metadata")
    if len(value) > 200:
        raise input_error(path, f"{where}: a {len(value)}-character value is not a date ({_HINT})", "metadata")
    import dateparser  # type: ignore[import-untyped]

    settings = {
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,  # the day as written, in its own zone
        "PARSERS": ["absolute-time", "custom-formats"],  # no "in 2 days", no timestamps
    }
    parsed = dateparser.parse(value, languages=["en"], settings=settings)
    if parsed is None:
        raise input_error(path, f"{where}: cannot read {value!r} as a date ({_HINT})", "metadata")
    return parsed.date().isoformat()
