"""Where new imports go: never into an import from a framework submodule."""

from __future__ import annotations

from pathlib import Path

from tests.migrate import cli
from tests.migrate.test_cli_behaviour import read, write

SUBMODULE = """
    from dagster._core.definitions import job, op, repository


    @op(config_schema={"n": int})
    def hello(context):
        return context.op_config["n"]


    @job
    def hello_job():
        hello()


    @repository
    def empty():
        return []


    @repository
    def repo():
        return [hello_job]


    result = repo.get_job("hello_job").execute_in_process(
        run_config={"ops": {"hello": {"config": {"n": 4}}}})
    print(result.output_for_node("hello"))
"""

SUBMODULE_AFTER = """\
from dagster._core.definitions import job, op
from dagster import Config, Definitions


class HelloConfig(Config):
    n: int


@op
def hello(config: HelloConfig):
    return config.n


@job
def hello_job():
    hello()


empty = Definitions()


repo = Definitions(
    jobs=[hello_job],
)


result = repo.get_job_def("hello_job").execute_in_process(
    run_config={"ops": {"hello": {"config": {"n": 4}}}})
print(result.output_for_node("hello"))
"""


def test_names_from_a_framework_submodule_get_an_import_from_the_package(
        tmp_path: Path) -> None:
    root = write(tmp_path, {"main.py": SUBMODULE})
    run = cli.run_program(root)  # the real dagster package
    assert (run.returncode, run.stdout) == (0, "4\n"), run.stderr
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    assert read(root, "main.py") == SUBMODULE_AFTER
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "4\n"), run.stderr
    again = cli.migrate("--check", ".", cwd=root)
    assert (again.returncode, again.stdout) == (0, ""), again.stderr
