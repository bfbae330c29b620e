"""The paired programs of test-data/migrate: each side prints the case's expected output.

Under the real ``dagster`` (imports rewritten) this proves a pair has Dagster's semantics;
under dagwire it proves the runtime runs both the legacy and the Pythonic form the same way.
"""

from __future__ import annotations

import re

import pytest

import paired_programs as pp

CASES = pp.case_names()
PARAMS = [(c, s) for c in CASES for s in pp.SIDES]
IDS = [f"{c}-{s}" for c, s in PARAMS]

# What only the legacy API writes. (Graphs and `.to_job(` belong to both APIs; `op_config` as a
# plain variable name is not the API, nor is `resource_config`.)
LEGACY_MARKERS = re.compile(
    r"config_schema|\.op_config\b|\.resource_config\b|required_resource_keys|@resource\b|"
    r"make_values_resource|hardcoded_resource|none_resource|@repository|with_resources|"
    r"BindResourcesToJobs|StringSource|IntSource|BoolSource|original_resource_dict|"
    r"\.configured\(|Noneable|Array\(|Shape\(|Permissive\(|Selector\(|EnumValue|"
    r"from_python_enum"
)
# What an "after" side may still write: legacy resource definitions bound next to Pythonic
# ops (Dagster binds them to `ResourceParam[...]` parameters), and the calls that bind them.
KEPT_BINDINGS = re.compile(
    r"make_values_resource|hardcoded_resource|none_resource|with_resources|BindResourcesToJobs"
)
TODO = "TODO(dagwire)"


def _code(text: str) -> str:
    """The source without comments (a comment may name the legacy API it replaced)."""
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


def test_there_are_at_least_twelve_pairs() -> None:
    assert len(CASES) >= 12


@pytest.mark.parametrize("case", CASES)
def test_pair_is_legacy_before_and_pythonic_after(case: str) -> None:
    before = "".join(p.read_text() for p in sorted((pp.CASES_DIR / case / "before").rglob("*.py")))
    after = "".join(p.read_text() for p in sorted((pp.CASES_DIR / case / "after").rglob("*.py")))
    assert LEGACY_MARKERS.search(before), "the before side should use the legacy API"
    left = [m for m in LEGACY_MARKERS.findall(_code(after)) if not KEPT_BINDINGS.fullmatch(m)]
    # a legacy definition migrate could not rewrite stays, with a TODO saying why
    assert left == [] or TODO in after, left
    expected = pp.expected_output(case)
    assert expected.strip()


def test_rewrite_for_dagster() -> None:
    source = "from dagwire import op\nimport dagwire\n  from dagwire.x import y\nx = 'dagwire'\n"
    assert pp.rewrite_for_dagster(source) == (
        "from dagster import op\nimport dagster\n  from dagster.x import y\nx = 'dagwire'\n"
    )


def test_pydantic_field_for_dagster() -> None:
    source = "from dagster import Config, Field, op\nfrom dagster import Field\nx = Field()\n"
    assert pp.pydantic_field_for_dagster(source) == (
        "from dagster import Config, op\nfrom pydantic import Field\n"
        "from pydantic import Field\nx = Field()\n"
    )


@pytest.fixture(scope="module")
def dagster_runs() -> dict[tuple[str, str], pp.Run]:
    return pp.run_all("dagster")


@pytest.mark.parametrize(("case", "side"), PARAMS, ids=IDS)
def test_side_under_real_dagster(
    dagster_runs: dict[tuple[str, str], pp.Run], case: str, side: str
) -> None:
    run = dagster_runs[(case, side)]
    assert run.returncode == 0, run.stderr[-4000:]
    assert run.stdout == pp.expected_output(case)


@pytest.fixture(scope="module")
def dagwire_runs() -> dict[tuple[str, str], pp.Run]:
    return pp.run_all("dagwire")


@pytest.mark.parametrize(("case", "side"), PARAMS, ids=IDS)
def test_side_under_dagwire(
    dagwire_runs: dict[tuple[str, str], pp.Run], case: str, side: str
) -> None:
    run = dagwire_runs[(case, side)]
    assert run.returncode == 0, run.stderr[-4000:]
    assert run.stdout == pp.expected_output(case)


@pytest.mark.parametrize("case", CASES)
def test_before_and_after_print_the_same_under_dagwire(
    dagwire_runs: dict[tuple[str, str], pp.Run], case: str
) -> None:
    assert dagwire_runs[(case, "before")].stdout == dagwire_runs[(case, "after")].stdout


def test_batch_worker_reports_failures_and_output(tmp_path: pp.Path) -> None:
    good, bad = tmp_path / "good", tmp_path / "bad"
    for work, body in ((good, "import helper\nprint(helper.VALUE)\n"),
                       (bad, "print('partial')\nraise ValueError('nope')\n")):
        work.mkdir()
        (work / "main.py").write_text(body)
    (good / "helper.py").write_text("VALUE = 'from the sibling module'\n")
    first, second = pp._run_batch([good, bad], timeout=120)
    assert (first["returncode"], first["stdout"]) == (0, "from the sibling module\n")
    assert (second["returncode"], second["stdout"]) == (1, "partial\n")
    assert "ValueError: nope" in str(second["stderr"])
