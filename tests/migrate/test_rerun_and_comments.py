"""Comments in decorator calls and TODOs of an earlier run, through the real CLI."""

from __future__ import annotations

from pathlib import Path

from tests.migrate import cli
from tests.migrate.test_cli_behaviour import read, write

OPS = """
    from dagwire import ConfigurableResource, In, Out, job, op


    class Store(ConfigurableResource):
        def get(self, key):
            return key


    @op(
        # which resources
        required_resource_keys={"store"},  # the store
        # what comes out
        out=Out(str),
    )
    def first(context):
        return context.resources.store.get("a")


    @op(
        out=Out(str),  # out
        required_resource_keys={"store"}  # no comma
    )
    def second(context):
        return context.resources.store.get("b")


    @op(
        ins={"x": In(str)},
        config_schema={"n": int},  # n
        # store
        required_resource_keys={"store"},
        # out
        out=Out(str),
    )
    def third(context, x):
        return context.resources.store.get(x) * context.op_config["n"]


    @op(config_schema={"n": int}, out=Out(str))
    def fourth(context):
        return "d" * context.op_config["n"]
"""

JOB = """


    @job(resource_defs={"store": Store()})
    def pipeline():
        third(first())
        second()
        fourth()


    result = pipeline.execute_in_process(
        run_config={"ops": {"third": {"config": {"n": 2}}, "fourth": {"config": {"n": 3}}}})
    print(result.output_for_node("third"), result.output_for_node("second"),
          result.output_for_node("fourth"))
"""

MIGRATED_OPS = '''\
from dagwire import Config, ConfigurableResource, In, Out, job, op


class Store(ConfigurableResource):
    def get(self, key):
        return key


@op(
    # what comes out
    out=Out(str),
)
def first(store: Store):
    return store.get("a")


@op(
    out=Out(str),  # out
)
def second(store: Store):
    return store.get("b")


class ThirdConfig(Config):
    n: int


@op(
    ins={"x": In(str)},
    # out
    out=Out(str),
)
def third(x, config: ThirdConfig, store: Store):
    return store.get(x) * config.n


class FourthConfig(Config):
    n: int


@op(out=Out(str))
def fourth(config: FourthConfig):
    return "d" * config.n
'''

NO_BINDING = ("# TODO(dagwire): RSC201 move resources to parameters by hand: no binding of "
              '"store" found in the project')


def test_comments_of_kept_arguments_stay_and_stale_todos_go(tmp_path: Path) -> None:
    # first run: no binding of "store" yet, so RSC201 can only write TODOs
    root = write(tmp_path, {"main.py": OPS})
    first = cli.migrate("--write", ".", cwd=root)
    assert first.returncode == 0, first.stderr
    assert first.stderr.splitlines()[-1].startswith("1 file changed, 3 TODOs, 0 errors")
    assert [line for line in read(root, "main.py").splitlines()
            if "TODO" in line] == [NO_BINDING] * 3

    # the user binds the key and runs the migration again: the TODOs are done
    text = read(root, "main.py") + "\n".join(
        line[4:] for line in JOB.splitlines()).removeprefix("\n") + "\n"
    (root / "main.py").write_text(text)
    second = cli.migrate("--write", ".", cwd=root)
    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines()[-1].startswith("1 file changed, 0 TODOs, 0 errors")
    assert read(root, "main.py").startswith(MIGRATED_OPS)
    assert "TODO" not in read(root, "main.py")

    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "aa b ddd\n"), run.stderr
    again = cli.migrate("--check", ".", cwd=root)
    assert (again.returncode, again.stdout) == (0, ""), again.stderr


def test_the_legacy_ops_print_the_same(tmp_path: Path) -> None:
    root = write(tmp_path, {"main.py": OPS + JOB})
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "aa b ddd\n"), run.stderr


REPOSITORY = '''
    from dagwire import asset, job, op, repository


    @op
    def hello():
        return 1


    @job
    def hello_job():
        hello()


    @asset
    def numbers():
        return 1


    # the repository
    @repository  # main
    def repo():  # header
        """Doc."""
        # all the jobs
        return [
            hello_job,  # the job
            # the asset
            numbers,
        ]


    print(repo.get_job("hello_job").execute_in_process().success)
'''


def test_the_comments_of_a_repository_stay_above_its_definitions(tmp_path: Path) -> None:
    root = write(tmp_path, {"main.py": REPOSITORY})
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    assert read(root, "main.py").splitlines()[18:31] == [
        "# the repository",
        "# main",
        "# header",
        "# all the jobs",
        "# the job",
        "# the asset",
        "repo = Definitions(",
        "    assets=[numbers],",
        "    jobs=[hello_job],",
        ")",
        "",
        "",
        'print(repo.get_job_def("hello_job").execute_in_process().success)',
    ]
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "True\n"), run.stderr
