"""Shapes of real projects, through the real CLI: where a definition's names come from, where
its context goes, and resources an earlier rule could not convert.

Each program runs before and after its migration under the dagwire runtime and under real
dagster (imports renamed) and prints the same.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.migrate import cli
from tests.migrate.test_cli_behaviour import read, write

_201 = "# TODO(dagwire): RSC201 move resources to parameters by hand: "
_203 = "# TODO(dagwire): RSC203 write a ConfigurableResource class by hand: "


def run_both(root: Path) -> tuple[str, str]:
    """What the program prints under dagwire, and under dagster (a copy, imports renamed)."""
    dagwire = cli.run_program(root)
    assert dagwire.returncode == 0, dagwire.stderr
    copy = Path(shutil.copytree(root, root.parent / f"{root.name}-dagster"))
    for path in copy.rglob("*.py"):
        path.write_text(re.sub(r"\bdagwire\b", "dagster", path.read_text()))
    dagster = cli.run_program(copy)
    shutil.rmtree(copy)
    assert dagster.returncode == 0, dagster.stderr
    return dagwire.stdout, dagster.stdout


# Resources an earlier rule refused (a client class that changes itself, a private attribute
# read outside its class, an IO manager read through the context): they convert now to a
# class that gives users the client, or a ResourceParam, and run the same.
CONVERTED: dict[str, tuple[str, str]] = {
    # a ConfigurableResource is frozen: the client that sets an attribute stays a client
    "resource_method_sets_self": ("""
        from dagwire import job, op, resource


        class Cache:
            def __init__(self, size):
                self.size = size

            def put(self, key):
                self.last = key
                return self.size


        @resource(config_schema={"size": int})
        def cache(context):
            return Cache(context.resource_config["size"])


        @op(required_resource_keys={"cache"})
        def use(context):
            return context.resources.cache.put("a")


        @job(resource_defs={"cache": cache.configured({"size": 1})})
        def cached():
            use()


        print(cached.execute_in_process().output_for_node("use"))
    """, "1\n"),
    # the client keeps `_token`: a read of it from outside still works
    "private_attribute_read_outside": ("""
        from dagwire import job, op, resource


        class Api:
            def __init__(self, token):
                self._token = token


        @resource(config_schema={"token": str})
        def api(context):
            return Api(context.resource_config["token"])


        @op(required_resource_keys={"api"})
        def use(context):
            return context.resources.api._token


        @job(resource_defs={"api": api.configured({"token": "abc"})})
        def calls():
            use()


        print(calls.execute_in_process().output_for_node("use"))
    """, "abc\n"),
    # dagster refuses a parameter typed with an IO manager class and asks for
    # ResourceParam[...], which every binding fits
    "io_manager_read_through_the_context": ("""
        from dagwire import ConfigurableIOManager, job, op


        class Store(ConfigurableIOManager):
            root: str

            def handle_output(self, context, obj):
                pass

            def load_input(self, context):
                return None


        @op(required_resource_keys={"store"})
        def where(context):
            return context.resources.store.root


        @job(resource_defs={"store": Store(root="/tmp/data")})
        def paths():
            where()


        print(paths.execute_in_process().output_for_node("where"))
    """, "/tmp/data\n"),
}

EXPECTED_PARAMETERS = {
    "resource_method_sets_self": "def use(cache: ResourceParam[Cache]):",
    "private_attribute_read_outside": "def use(api: ResourceParam[Api]):",
    "io_manager_read_through_the_context": "def where(store: ResourceParam[Any]):",
}


@pytest.mark.parametrize("case", sorted(CONVERTED))
def test_formerly_refused_resources_convert_and_run_the_same(case: str, tmp_path: Path) -> None:
    source, output = CONVERTED[case]
    root = write(tmp_path / "project", {"main.py": source})
    assert run_both(root) == (output, output)
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    assert written.stderr.startswith("1 file changed, 0 TODOs, 0 errors")
    assert EXPECTED_PARAMETERS[case] in read(root, "main.py")
    assert run_both(root) == (output, output)


HELPERS = """
    from dagwire import ConfigurableResource, Definitions, job, op


    class Store(ConfigurableResource):
        def get(self, key: str) -> str:
            return key


    def lookup(context, key):
        return context.resources.store.get(key)


    def peek(context):
        return context.resources.cache.get("x")


    def everything(context):
        return ",".join(sorted(context.resources.original_resource_dict))


    @op(required_resource_keys={"store", "spare"})
    def unused_spare(context):
        return lookup(context, "a")


    @op(required_resource_keys={"store"})
    def reads_undeclared(context):
        return lookup(context, "b") + peek(context)


    @op(required_resource_keys={"store", "cache"})
    def whole(context):
        return everything(context)


    @job
    def jobs():
        unused_spare()
        whole()


    defs = Definitions(jobs=[jobs], resources={"store": Store(), "spare": Store(), "cache": Store()})
    print(defs.get_job_def("jobs").execute_in_process().output_for_node("whole"))
"""


def test_context_handed_to_helpers(tmp_path: Path) -> None:
    """A key the helpers read is read; a helper reading an undeclared key is the op's TODO;
    a context used where it cannot be followed keeps every declared key required."""
    root = write(tmp_path / "project", {"main.py": HELPERS})
    output = run_both(root)
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    text = read(root, "main.py")
    assert [line for line in text.splitlines() if "TODO" in line] == [
        _201 + "spare is required but never read (dead or misspelt?)",
        _201 + "peek() reads cache through the context, not in required_resource_keys",
    ]
    assert "@op\ndef whole(context, store: Store, cache: Store):\n" in text
    assert run_both(root) == output


def test_an_import_of_a_module_name_two_files_share_is_a_todo(tmp_path: Path) -> None:
    """A file at the top of two projects imports `workspaces.resources`: it is either week's,
    so neither week's function is rewritten (never a guess); everything else converts."""
    root = cli.copy_tree(cli.CASES_DIR / "weeks_side_by_side" / "before", tmp_path / "weeks")
    (root / "check.py").write_text(
        "from dagwire import Definitions\n\nfrom workspaces.resources import counter\n\n"
        'defs = Definitions(resources={"counter": counter.configured({"start": 1})})\n')
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    todo = (_203 + "check.py imports it from workspaces.resources, which is several files "
            "(week_1/workspaces/resources.py and week_2/workspaces/resources.py): run dagwire "
            "migrate on each project, or make the import unambiguous")
    for week in ("week_1", "week_2"):
        lines = read(root, f"{week}/workspaces/resources.py").splitlines()
        assert [line for line in lines if "TODO" in line] == [todo]
        assert "def count(values, counter: ResourceParam[Counter]):" in read(
            root, f"{week}/workspaces/etl.py")
    assert "TODO" not in read(root, "check.py")
    run = cli.run_program(root)
    expected = (cli.CASES_DIR / "weeks_side_by_side" / "expected_output.txt").read_text()
    assert (run.returncode, run.stdout) == (0, expected), run.stderr
