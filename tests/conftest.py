"""Test-run plumbing only: tests marked ``corpus`` say so in the JUnit XML
(a ``corpus`` property), so ``.ci/run`` can report how they ended."""

from __future__ import annotations


def pytest_collection_modifyitems(items) -> None:
    for item in items:
        if item.get_closest_marker("corpus") is not None:
            item.user_properties.append(("corpus", "yes"))
