"""The hint every tool adds to a message about a key that is not there."""

from __future__ import annotations

import pytest

from dagwire.suggestions import closest, quoted_keys, unbound_hint


@pytest.mark.parametrize(
    ("name", "candidates", "expected"),
    [
        ("my_db", ["my_dbb", "warehouse"], "my_dbb"),
        ("greeet", ["greet", "load"], "greet"),
        ("warehose", ["warehouse", "db"], "warehouse"),
        ("db", ["warehouse"], None),
        ("s3", ["s4", "s3_archive"], None),
        ("db", ["db"], None),  # the key itself is not a suggestion
        ("db", [], None),
    ],
)
def test_closest(name: str, candidates: list[str], expected: str | None) -> None:
    assert closest(name, candidates) == expected


def test_unbound_hint_names_the_bound_keys_and_the_likely_typo() -> None:
    assert unbound_hint("my_db", ["warehouse", "my_dbb"]) == (
        "bound keys: 'my_dbb', 'warehouse'; did you mean 'my_dbb'?"
    )
    assert unbound_hint("db", ["warehouse"]) == "bound keys: 'warehouse'"
    assert unbound_hint("db", []) == "bound keys: (none)"
    assert unbound_hint("my_db", ["my_dbb"], quote='"') == (
        'bound keys: "my_dbb"; did you mean "my_dbb"?'
    )


def test_the_guess_points_at_where_the_key_is_written() -> None:
    where = {"my_dbb": "line 12", "warehouse": "line 13"}
    assert unbound_hint("my_db", ["warehouse", "my_dbb"], where=where) == (
        "bound keys: 'my_dbb', 'warehouse'; did you mean 'my_dbb' (line 12)?"
    )
    assert unbound_hint("db", ["warehouse"], where=where) == "bound keys: 'warehouse'"
    assert unbound_hint("my_db", ["my_dbb"], where={}) == (
        "bound keys: 'my_dbb'; did you mean 'my_dbb'?"
    )


def test_many_keys_are_summarised() -> None:
    assert quoted_keys("kjihgfedcba") == "'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h' and 3 more"
