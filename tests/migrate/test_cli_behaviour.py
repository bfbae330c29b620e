"""``dagwire migrate`` beyond the pairs: TODOs, errors, pre-filter, -j, selection, output."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.migrate import cli


def write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    return root


def read(root: Path, name: str) -> str:
    return (root / name).read_text()


KEY_BOUND_TWICE = {
    "main.py": """
        from dagwire import ConfigurableResource, Definitions, job, op


        class Store(ConfigurableResource):
            pass


        class A(Store):
            pass


        class B(Store):
            pass


        class C(ConfigurableResource):
            pass


        @op(required_resource_keys={"store"})
        def use(context):
            return type(context.resources.store).__name__


        @op(required_resource_keys={"other"})
        def use_other(context):
            return type(context.resources.other).__name__


        @job(resource_defs={"store": A(), "other": A()})
        def one():
            use()
            use_other()


        defs = Definitions(jobs=[one], resources={"store": B(), "other": C()})
        result = one.execute_in_process()
        print(result.output_for_node("use"), result.output_for_node("use_other"))
    """,
}


def test_a_key_bound_to_two_classes_takes_both(tmp_path: Path) -> None:
    # the nearest base both share, else ResourceParam[Any]: each binding still fits
    root = write(tmp_path, KEY_BOUND_TWICE)
    assert cli.run_program(root).stdout == "A A\n"
    result = cli.migrate("--write", ".", cwd=root)
    assert result.returncode == 0, result.stderr
    text = read(root, "main.py")
    assert "def use(store: Store):" in text
    assert "def use_other(other: ResourceParam[Any]):" in text
    assert text.startswith("from typing import Any\n\nfrom dagwire import ConfigurableResource, "
                           "Definitions, ResourceParam, job, op\n")
    assert result.stderr.splitlines()[-1] == (
        "1 file changed, 0 TODOs, 0 errors (1 file, 1 parsed)")
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "A A\n"), run.stderr


def test_computed_and_permissive_schemas_get_a_todo(tmp_path: Path) -> None:
    root = write(tmp_path, {"main.py": """
        from dagwire import Permissive, op

        SCHEMA = {"a": int}


        @op(config_schema=SCHEMA)
        def computed(context):
            return context.op_config["a"]


        @op(config_schema={"opts": Permissive({"v": bool})})
        def loose(context):
            return context.op_config["opts"]
    """})
    result = cli.migrate("--write", ".", cwd=root)
    assert result.returncode == 0, result.stderr
    todos = [line for line in read(root, "main.py").splitlines() if "TODO" in line]
    assert todos == [
        "# TODO(dagwire): RSC202 write a Config class by hand: config_schema is not a dict "
        "literal (computed schema)",
        '# TODO(dagwire): RSC202 write a Config class by hand: "opts" is a Permissive, which '
        "has no exact Config form",
    ]
    assert "@op(config_schema=SCHEMA)" in read(root, "main.py")  # the code is left as it was


def test_a_file_that_does_not_parse_is_reported_and_skipped(tmp_path: Path) -> None:
    greeting = (cli.CASES_DIR / "seed_greeting" / "before" / "main.py").read_text()
    root = write(tmp_path, {"broken.py": "from dagwire import op\n\ndef f(:\n    pass\n"})
    (root / "main.py").write_text(greeting)
    result = cli.migrate("--write", ".", cwd=root)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "error: broken.py: syntax error: line 3: invalid syntax",
        "1 file changed, 0 TODOs, 1 error (2 files, 1 parsed)",
    ]
    assert read(root, "main.py") == (
        cli.CASES_DIR / "seed_greeting" / "after" / "main.py").read_text()
    assert read(root, "broken.py") == "from dagwire import op\n\ndef f(:\n    pass\n"


def test_files_without_a_framework_import_are_not_touched(tmp_path: Path) -> None:
    plain = 'def op(context):\n    return context.op_config["x"]  # not a framework op\n'
    root = write(tmp_path, {"plain.py": plain, "pkg/__init__.py": "",
                            "pkg/util.py": "import os\n"})
    result = cli.migrate("--check", ".", cwd=root)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "0 files to change, 0 TODOs, 0 errors (3 files, 0 parsed)\n"
    assert read(root, "plain.py") == plain


CROSS_MODULE = {
    "app/__init__.py": "",
    "app/base.py": """
        from dagster import ConfigurableResource


        class Store(ConfigurableResource):
            root: str
    """,
    "app/stores.py": """
        from app.base import Store


        class S3Store(Store):
            bucket: str = "b"
    """,
    "app/ops.py": """
        from dagster import op


        # a comment above the op stays where it is
        @op(
            required_resource_keys={"store"},
            tags={"team": "data"},
        )
        def read(context):
            store = context.resources.store
            return store.root  # and so does this one
    """,
    "app/defs.py": """
        from dagster import Definitions, job

        from app.ops import read
        from app.stores import S3Store

        weird = {  'spacing':1 }   # formatting outside rewritten nodes is kept


        @job
        def read_job():
            read()


        defs = Definitions(jobs=[read_job], resources={"store": S3Store(root="/data")})
    """,
}

CROSS_MODULE_OPS_AFTER = """\
from dagster import op

from app.stores import S3Store


# a comment above the op stays where it is
@op(
    tags={"team": "data"},
)
def read(store: S3Store):
    return store.root  # and so does this one
"""


def test_resource_class_found_across_modules_and_inheritance(tmp_path: Path) -> None:
    root = write(tmp_path, CROSS_MODULE)
    result = cli.migrate("--write", "app", cwd=root)
    assert result.returncode == 0, result.stderr
    assert read(root, "app/ops.py") == CROSS_MODULE_OPS_AFTER
    assert read(root, "app/defs.py") == textwrap.dedent(CROSS_MODULE["app/defs.py"]).lstrip()
    # app/stores.py has no framework import: phase 1 reads it (it subclasses Store), libcst never
    assert result.stderr == "1 file changed, 0 TODOs, 0 errors (5 files, 3 parsed)\n"


def test_parallel_workers_give_the_same_result(tmp_path: Path) -> None:
    serial = write(tmp_path / "serial", CROSS_MODULE)
    for case in ("seed_database", "op_config_job", "multi_module"):
        cli.copy_tree(cli.CASES_DIR / case / "before", serial / case)
    parallel = cli.copy_tree(serial, tmp_path / "parallel")
    one = cli.migrate(".", cwd=serial)
    two = cli.migrate("-j", "2", ".", cwd=parallel)
    assert one.returncode == two.returncode == 1
    assert one.stdout == two.stdout and one.stdout.count("\n+++ b/") == 5
    assert one.stderr == two.stderr
    assert cli.migrate("--write", "-j", "2", ".", cwd=parallel).returncode == 0
    assert cli.migrate("--check", ".", cwd=parallel).returncode == 0


def test_select_and_disable(tmp_path: Path) -> None:
    root = cli.copy_tree(cli.CASES_DIR / "multi_module" / "before", tmp_path / "p")
    only_config = cli.migrate("--select", "RSC202", ".", cwd=root)
    assert only_config.stdout.count("\n+++ b/") == 1 and "RawOrdersConfig" in only_config.stdout
    assert "EnvVar" not in only_config.stdout
    no_config = cli.migrate("--disable", "rsc202", ".", cwd=root)
    assert "RawOrdersConfig" not in no_config.stdout and no_config.returncode == 1
    unknown = cli.migrate("--select", "RSC999", ".", cwd=root)
    assert (unknown.returncode, unknown.stderr) == (
        2, "unknown codemod code(s): RSC999 (known: RSC201, RSC202, RSC203, RSC205, MIG101)\n")


def test_diff_is_plain_text(tmp_path: Path) -> None:
    root = write(tmp_path, {"main.py": """
        from dagwire import op


        @op(config_schema={"n": int})
        def show(context):
            print("[bold red]not markup[/]", context.op_config["n"])
    """})
    result = cli.migrate(".", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "--- a/main.py",
        "+++ b/main.py",
        "@@ -1,6 +1,10 @@",
        "-from dagwire import op",
        "+from dagwire import Config, op",
        " ",
        " ",
        '-@op(config_schema={"n": int})',
        "-def show(context):",
        '-    print("[bold red]not markup[/]", context.op_config["n"])',
        "+class ShowConfig(Config):",
        "+    n: int",
        "+",
        "+",
        "+@op",
        "+def show(config: ShowConfig):",
        '+    print("[bold red]not markup[/]", config.n)',
    ]


def test_import_dagwire_and_the_checkers_do_not_import_libcst(tmp_path: Path) -> None:
    import subprocess
    import sys

    code = ("import sys, dagwire, dagwire.lint_rules.plugin, dagwire.mypy_plugin, "
            "dagwire.migrate, dagwire.migrate.collect; print('libcst' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], env=cli.env(), capture_output=True,
                         text=True, check=True)
    assert out.stdout == "False\n"


def test_without_libcst_the_command_says_what_to_install(tmp_path: Path) -> None:
    blocker = write(tmp_path / "block", {"libcst.py": "raise ImportError('no libcst here')\n"})
    result = cli.migrate(".", cwd=tmp_path, extra_env={
        "PYTHONPATH": f"{blocker}:{cli.ROOT}"})
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "dagwire migrate needs libcst: pip install 'dagwire[migrate]'\n"


def test_many_projects_at_once_with_clashing_module_names(tmp_path: Path) -> None:
    """All pairs in one run: 17 files are module `main`; nothing crashes, a rerun is a no-op."""
    import ast

    root = cli.copy_tree(cli.CASES_DIR, tmp_path / "all")
    written = cli.migrate("--write", "-j", "2", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    summary = written.stderr.splitlines()[-1]
    assert " 0 errors " in summary and not summary.startswith("0 files")
    for path in root.rglob("*.py"):
        ast.parse(path.read_text())
    again = cli.migrate("--check", ".", cwd=root)
    assert (again.returncode, again.stdout) == (0, ""), again.stderr


def test_paths_without_python_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("from dagwire import op\n")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.rst").write_text("dagwire\n")
    result = cli.migrate("--check", "notes.md", "docs", cwd=tmp_path)
    # as ruff and black do: say so, and exit 0 (there is nothing to migrate)
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == (
        "warning: notes.md: not a Python file (.py), skipped\n"
        "warning: no Python files in notes.md, docs\n"
    )
    assert cli.migrate("--check", "missing", cwd=tmp_path).returncode == 2


def test_project_paths_are_read_but_not_migrated(tmp_path: Path) -> None:
    write(tmp_path, {
        "shop/__init__.py": "",
        "shop/resources.py": (
            "from dagwire import resource\n\n\n"
            "class Client:\n    def __init__(self, url: str) -> None:\n        self.url = url\n\n\n"
            '@resource(config_schema={"url": str})\n'
            "def api_client(context):\n"
            '    return Client(context.resource_config["url"])\n'),
        "shop/ops.py": (
            'from dagwire import op\n\n\n@op(required_resource_keys={"api"})\n'
            "def fetch(context) -> None:\n    context.resources.api.url\n"),
        "shop/definitions.py": (
            "from dagwire import Definitions, job\n\nfrom shop.ops import fetch\n"
            "from shop.resources import api_client\n\n\n@job\ndef nightly():\n    fetch()\n\n\n"
            'defs = Definitions(jobs=[nightly], resources={"api": api_client.configured('
            '{"url": "u"})})\n'),
    })
    alone = cli.migrate("--check", "shop/ops.py", cwd=tmp_path)
    assert alone.stderr == "1 file to change, 1 TODO, 0 errors (1 file, 1 parsed)\n"
    # with its project, the binding in definitions.py is known: no TODO, the same rewrite of
    # ops.py as a run over the whole package, and only ops.py is reported
    with_project = cli.migrate("--project", "shop", "shop/ops.py", cwd=tmp_path)
    whole = cli.migrate("shop", cwd=tmp_path)
    assert with_project.stderr == "1 file to change, 0 TODOs, 0 errors (1 file, 1 parsed)\n"
    diffs = {chunk.split("\n", 1)[0]: "--- a/" + chunk
             for chunk in whole.stdout.split("--- a/")[1:]}
    assert sorted(diffs) == ["shop/definitions.py", "shop/ops.py", "shop/resources.py"]
    assert with_project.stdout == diffs["shop/ops.py"]
