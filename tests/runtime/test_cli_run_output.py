"""``dagwire run``'s output, run as a user runs it: the steps' log lines prefixed with the
step, a failing step's traceback in the user's file, every asset when no job is named, and
``--select``."""

from __future__ import annotations

import os
import pathlib
import re
import subprocess
import sys

import pytest

from dagwire.cli.asset_select import SelectionError, parse_selection
from dagwire.runtime.asset import asset

ROOT = pathlib.Path(__file__).resolve().parents[2]

PIPELINE = '''\
from dagwire import Definitions, asset, get_dagster_logger


@asset(group_name="sales")
def orders(context) -> list[int]:
    context.log.info("loaded %d orders", 3)
    context.log.debug("rows: [1, 2, 3]")
    return [1, 2, 3]


@asset(group_name="sales")
def average(context, orders: list[int]) -> float:
    context.log.warning("no returns in the data")
    return sum(orders) / (len(orders) - 3)


@asset
def report(average: float) -> str:
    return f"{average:.2f}"


@asset
def inventory() -> int:
    get_dagster_logger().info("counted")
    return 7


defs = Definitions(assets=[orders, average, report, inventory])
'''

FAILURE = (
    "asset average: failure (ZeroDivisionError: division by zero)\n"
    '  File "pipeline.py", line 14, in average\n'
    "    return sum(orders) / (len(orders) - 3)\n"
)


def dagwire_run(tmp_path: pathlib.Path, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "pipeline.py").write_text(PIPELINE)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "dagwire", "run", "pipeline.py", *args],
                          cwd=tmp_path, env=env, capture_output=True, text=True)


def test_no_job_materializes_every_asset_with_logs_and_the_users_traceback(
        tmp_path: pathlib.Path) -> None:
    result = dagwire_run(tmp_path)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "asset inventory: INFO: counted\n"
        "asset orders: INFO: loaded 3 orders\n"
        "asset average: WARNING: no returns in the data\n"
        "asset average: ERROR: step 'average' of job '__ASSET_JOB' failed: ZeroDivisionError\n"
        "asset inventory: success\n"
        "asset orders: success\n"
        + FAILURE +
        "asset report: skipped\n"
        "job '__ASSET_JOB': failure\n"
    )


def test_log_level_and_quiet(tmp_path: pathlib.Path) -> None:
    debug = dagwire_run(tmp_path, "--select", "orders", "--log-level", "debug")
    assert (debug.returncode, debug.stderr) == (0, "")
    assert debug.stdout == (
        "asset orders: INFO: loaded 3 orders\n"
        "asset orders: DEBUG: rows: [1, 2, 3]\n"
        "asset orders: success\n"
        "job '__ASSET_JOB': success\n"
    )
    warning = dagwire_run(tmp_path, "--select", "orders+", "--log-level", "warning")
    assert warning.stdout.splitlines()[:2] == [
        "asset average: WARNING: no returns in the data",
        "asset average: ERROR: step 'average' of job '__ASSET_JOB' failed: ZeroDivisionError",
    ]
    quiet = dagwire_run(tmp_path, "--select", "orders+", "--quiet")
    assert (quiet.returncode, quiet.stderr) == (1, "")
    assert quiet.stdout == "asset orders: success\n" + FAILURE + "job '__ASSET_JOB': failure\n"


def test_select_by_group_and_key(tmp_path: pathlib.Path) -> None:
    result = dagwire_run(tmp_path, "--select", "group:sales, inventory", "--quiet")
    assert result.stdout == (
        "asset inventory: success\nasset orders: success\n" + FAILURE
        + "job '__ASSET_JOB': failure\n"
    )


def test_select_and_job_errors(tmp_path: pathlib.Path) -> None:
    unknown = dagwire_run(tmp_path, "--select", "orderz")
    assert (unknown.returncode, unknown.stdout) == (1, "")
    assert unknown.stderr == (
        "pipeline.py: Invalid Definitions:\n"
        "- job '__ASSET_JOB' selects asset 'orderz', which is not defined\n"
    )
    empty_group = dagwire_run(tmp_path, "--select", "group:nothing")
    assert empty_group.stderr == "pipeline.py: --select 'group:nothing' selects no asset\n"
    both = dagwire_run(tmp_path, "--job", "x", "--select", "orders")
    assert both.returncode == 2
    assert both.stderr.splitlines()[-1].endswith(
        "argument --select: not allowed with argument --job")


@asset
def raw() -> int:
    return 1


@asset
def clean(raw: int) -> int:
    return raw


@asset
def total(clean: int) -> int:
    return clean


@asset(group_name="side")
def extra(raw: int) -> int:
    return raw


ASSETS = [raw, clean, total, extra]


@pytest.mark.parametrize(("text", "keys"), [
    ("clean", ["clean"]),
    ("+clean", ["raw", "clean"]),
    ("clean+", ["clean", "total"]),
    ("*total", ["raw", "clean", "total"]),
    ("raw*", ["raw", "clean", "total", "extra"]),
    ("+clean+", ["raw", "clean", "total"]),
    ("group:side or total", ["total", "extra"]),
    ('key:"raw", group:"side"', ["raw", "extra"]),
])
def test_parse_selection(text: str, keys: list[str]) -> None:
    chosen = parse_selection(text).resolve(ASSETS)
    assert [key.to_user_string() for key in chosen] == keys


@pytest.mark.parametrize(("text", "message"), [
    ("", "--select is empty: give asset keys or group:NAME"),
    ("a*b", "--select term 'a*b' is not an asset key or group:NAME, with + or * around it"),
    ("group:", "--select names an empty key or group"),
])
def test_parse_selection_errors(text: str, message: str) -> None:
    with pytest.raises(SelectionError) as raised:
        parse_selection(text)
    assert str(raised.value) == message


SLOW = '''\
import time

from dagwire import Definitions, asset


@asset
def first() -> int:
    time.sleep(2.1)
    return 1


@asset
def second(first: int) -> int:
    return first + 1


defs = Definitions(assets=[first, second])
'''


def test_a_long_run_shows_progress_as_each_step_ends(tmp_path: pathlib.Path) -> None:
    (tmp_path / "slow.py").write_text(SLOW)
    result = subprocess.run([sys.executable, "-m", "dagwire", "run", "slow.py"], cwd=tmp_path,
                            env={**os.environ, "PYTHONPATH": str(ROOT)},
                            capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (0, "")
    lines = result.stdout.splitlines()
    assert [re.sub(r"\d+\.\d s\)", "N s)", line) for line in lines] == [
        "asset first: success (1/2 steps, N s)",
        "asset second: success (2/2 steps, N s)",
        "asset first: success",
        "asset second: success",
        "job '__ASSET_JOB': success",
    ]
    assert float(lines[0].split(", ")[1].split(" ")[0]) >= 2.0


CHAINED = '''\
from dagwire import Definitions, asset


def parse(text: str) -> int:
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError("could not parse the count") from exc


def lookup(table: dict[str, int]) -> int:
    try:
        return table["count"]
    except KeyError:
        return parse("x")


@asset
def counts() -> int:
    return lookup({})


defs = Definitions(assets=[counts])
'''


def test_a_failure_shows_what_it_was_raised_from_and_while_handling(
        tmp_path: pathlib.Path) -> None:
    (tmp_path / "chained.py").write_text(CHAINED)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "dagwire", "run", "chained.py", "--quiet"],
                            cwd=tmp_path, env=env, capture_output=True, text=True)
    assert (result.returncode, result.stderr) == (1, "")
    assert result.stdout == (
        "asset counts: failure (RuntimeError: could not parse the count)\n"
        '  File "chained.py", line 20, in counts\n'
        "    return lookup({})\n"
        '  File "chained.py", line 15, in lookup\n'
        '    return parse("x")\n'
        '  File "chained.py", line 8, in parse\n'
        '    raise RuntimeError("could not parse the count") from exc\n'
        "  caused by ValueError: invalid literal for int() with base 10: 'x'\n"
        '  File "chained.py", line 6, in parse\n'
        "    return int(text)\n"
        "  caused by KeyError: 'count'\n"
        '  File "chained.py", line 13, in lookup\n'
        '    return table["count"]\n'
        "job '__ASSET_JOB': failure\n"
    )
