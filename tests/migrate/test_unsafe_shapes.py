"""Shapes a rewrite would break: the codemods leave them with a TODO saying why.

Each case is one legacy ``main.py`` run through the real CLI: the exact TODO lines, the
file otherwise unchanged where nothing else converts, and the legacy program still runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.migrate import cli
from tests.migrate.test_cli_behaviour import read, write

_202 = "# TODO(dagwire): RSC202 write a Config class by hand: "
_203 = "# TODO(dagwire): RSC203 write a ConfigurableResource class by hand: "
_201 = "# TODO(dagwire): RSC201 move resources to parameters by hand: "
_CHANGED = "an item of context.op_config is assigned or deleted"

CASES: dict[str, tuple[str, list[str], str]] = {
    # a Config object is frozen: `config.x = ...` raises where the dict took it
    "op_config_items_changed": ("""
        from dagwire import job, op


        @op(config_schema={"x": int})
        def assigns(context):
            context.op_config["x"] = context.op_config["x"] + 1
            return context.op_config["x"]


        @op(config_schema={"x": int})
        def augments(context):
            cfg = context.op_config
            cfg["x"] += 1
            return cfg["x"]


        @op(config_schema={"x": int, "y": int})
        def deletes(context):
            del context.op_config["y"]
            return context.op_config["x"]


        @op(config_schema={"x": int, "y": int})
        def unpacks(context):
            a, context.op_config["y"] = 1, 2
            return context.op_config["x"] + a + context.op_config["y"]


        @op(config_schema={"db": {"host": str}})
        def nested(context):
            context.op_config["db"]["host"] += "!"
            return context.op_config["db"]["host"]


        @job
        def changes():
            assigns()
            augments()
            deletes()
            unpacks()
            nested()


        result = changes.execute_in_process(run_config={"ops": {
            "assigns": {"config": {"x": 1}}, "augments": {"config": {"x": 2}},
            "deletes": {"config": {"x": 3, "y": 0}}, "unpacks": {"config": {"x": 4, "y": 0}},
            "nested": {"config": {"db": {"host": "h"}}}}})
        print([result.output_for_node(n)
               for n in ["assigns", "augments", "deletes", "unpacks", "nested"]])
    """, [_202 + _CHANGED] * 5, "[2, 3, 3, 7, 'h!']\n"),
    # absent -> the default; given None -> None: a Config field has one None for both
    "get_tells_absent_from_none": ('''
        from dagwire import Field, Noneable, job, op


        @op(config_schema={"owner": Field(Noneable(str), is_required=False)})
        def owner(context):
            return context.op_config.get("owner", "nobody")


        @job
        def owners():
            owner()


        for given in [{}, {"owner": None}, {"owner": "ana"}]:
            result = owners.execute_in_process(
                run_config={"ops": {"owner": {"config": given}}})
            print(result.output_for_node("owner"))
    ''', [_202 + 'op_config.get("owner", ...) tells an absent key from None, a Config object '
          "cannot"], "nobody\nNone\nana\n"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_unsafe_shape_gets_a_todo(case: str, tmp_path: Path) -> None:
    source, todos, output = CASES[case]
    root = write(tmp_path, {"main.py": source})
    legacy = read(root, "main.py")
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, output), run.stderr

    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    migrated = read(root, "main.py")
    assert [line for line in migrated.splitlines() if "TODO" in line] == todos
    # nothing else changed: the TODO lines are the only difference
    assert [line for line in migrated.splitlines() if "TODO" not in line] == \
        legacy.splitlines()
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, output), run.stderr
    again = cli.migrate("--check", ".", cwd=root)
    assert (again.returncode, again.stdout) == (0, ""), again.stderr


def test_there_are_cases() -> None:
    assert len(CASES) == 2


def test_op_config_read_through_a_parameter_that_is_no_context(tmp_path: Path) -> None:
    # not a context for dagster or dagwire: the body is left alone, never half rewritten
    source = """
        from dagwire import op


        @op(config_schema={"n": int})
        def named_ctx(ctx):
            return ctx.op_config["n"]


        @op(config_schema={"n": int})
        def positional_only(context, /):
            return context.op_config["n"]
    """
    root = write(tmp_path, {"main.py": source})
    legacy = read(root, "main.py")
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    todo = (_202 + "op_config is read, but the first parameter is not a context (context, "
            "_context, context_ or _)")
    migrated = read(root, "main.py").splitlines()
    assert [line for line in migrated if "TODO" in line] == [todo, todo]
    assert [line for line in migrated if "TODO" not in line] == legacy.splitlines()
