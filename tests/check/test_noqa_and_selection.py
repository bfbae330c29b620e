"""``# noqa`` and ``--select`` / ``--ignore`` behave as in flake8: each case runs both tools
on the same file and asserts the exact findings."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.check.check_run import check_findings
from tests.lint_rules.flake8_run import LINT_DATA, REPO, run_flake8

NOQA_FORMS = '''\
from dagster import op


@op(required_resource_keys={"db"})
def load(context) -> None:
    context.resources.db.a()  # noqa
    context.resources.db.b()  # noqa: RSC201
    context.resources.db.c()  # noqa:RSC2
    context.resources.db.d()  # NOQA: RSC201,E501
    context.resources.db.e()  # noqa: RSC202
    context.resources.db.f()  # noqa: rsc201
    context.resources.db.g()  # noqa : RSC202
    context.resources.db.h()  # noqa:E501 RSC201
    context.resources.db.i()
    context.resources.db.j(
    )  # noqa: RSC201
    x = context.resources.db \\
        .k()  # noqa: RSC201
    w = context.resources.db.m("""
    text
    """)  # noqa
    print(x, w)
'''
RSC201 = ("RSC201 context.resources.db is the legacy resource API: request 'db' as a parameter "
          "annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy "
          "resource (dagwire migrate rewrites the cases it can prove safe)")


def both(*args: str, cwd: Path) -> list[tuple[int, str]]:
    checked, _ = check_findings(*args, cwd=cwd)
    flake8, _ = run_flake8(*args, cwd=cwd)
    assert checked == flake8
    return [(item.line, item.text) for item in checked]


def test_noqa_forms(tmp_path: Path) -> None:
    (tmp_path / "noqa_forms.py").write_text(NOQA_FORMS)
    # other code (10), lower-case code (11), no comment (14), a comment after the closing
    # bracket of a call spread over lines (15): reported; the rest is silenced, including a
    # backslash continuation (17) and a multi-line string (19) closed by the commented line
    assert both("noqa_forms.py", cwd=tmp_path) == [
        (10, RSC201), (11, RSC201), (14, RSC201), (15, RSC201),
    ]
    checked, _ = check_findings("--disable-noqa", "noqa_forms.py", cwd=tmp_path)
    assert [item.line for item in checked] == [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 19]


def test_flake8_noqa_line_skips_the_file(tmp_path: Path) -> None:
    (tmp_path / "skipped.py").write_text("# flake8: noqa\n" + NOQA_FORMS)
    assert both("skipped.py", cwd=tmp_path) == []
    # only on a line of its own: after code it does nothing (flake8 warns about it)
    (tmp_path / "not_skipped.py").write_text(NOQA_FORMS.replace(
        "from dagster import op", "from dagster import op  # flake8: noqa"))
    assert len(both("not_skipped.py", cwd=tmp_path)) == 4


LEGACY = str((LINT_DATA / "rsc2xx_legacy_api.py").relative_to(REPO))


@pytest.mark.parametrize("options, codes", [
    (["--select=RSC2"], ["RSC201", "RSC202", "RSC202", "RSC202", "RSC203", "RSC203", "RSC204",
                         "RSC204", "RSC205"]),
    (["--select=RSC20", "--ignore=RSC202,RSC205"], ["RSC201", "RSC203", "RSC203", "RSC204",
                                                    "RSC204"]),
    # the longest prefix decides: RSC201 selected over an ignored RSC2
    (["--select=RSC,RSC201", "--ignore=RSC2"], ["RSC201"]),
    # a tie ignores
    (["--select=RSC204", "--ignore=RSC204"], []),
    (["--select=RSC3"], []),
])
def test_select_and_ignore_like_flake8(options: list[str], codes: list[str]) -> None:
    checked, _ = check_findings(*options, LEGACY)
    flake8, _ = run_flake8(*options, LEGACY)
    assert checked == flake8
    assert sorted(item.text.split()[0] for item in checked) == codes
