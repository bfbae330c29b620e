"""Each codemod alone (``--select``-style), exact output, in process (driver.run)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from dagwire.migrate.driver import run
from tests.migrate import cli


def migrate(tmp_path: Path, files: dict[str, str], codes: str) -> dict[str, str]:
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"))
    report = run([tmp_path], frozenset(codes.split(",")))
    assert report.errors == {}
    return {str(o.path.relative_to(tmp_path)): o.new_text for o in report.changed}


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def test_rsc201_resource_parameters(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"main.py": """
        from dagwire import ConfigurableResource, Definitions, op


        class Store(ConfigurableResource):
            name: str


        @op(required_resource_keys={"source", "target"})
        def copy(context):
            source = getattr(context.resources, "source")
            context.log.info("copying")
            return source.name + context.resources.target.name


        defs = Definitions(resources={"source": Store(name="a"), "target": Store(name="b")})
    """}, "RSC201")
    assert changed == {"main.py": dedent("""
        from dagwire import ConfigurableResource, Definitions, op


        class Store(ConfigurableResource):
            name: str


        @op
        def copy(context, source: Store, target: Store):
            context.log.info("copying")
            return source.name + target.name


        defs = Definitions(resources={"source": Store(name="a"), "target": Store(name="b")})
    """)}


def test_rsc202_config_class(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"main.py": """
        from dagwire import Field, Noneable, Shape, build_op_context, op


        @op(config_schema={
            "tables": [str],
            "nickname": Noneable(str),
            "db": Shape({"host": str, "port": Field(int, default_value=5432)}),
        })
        def sync(context):
            cfg = context.op_config
            return (cfg["tables"], cfg["nickname"], cfg["db"]["host"])


        @op(config_schema={"n": int})
        def show(context):
            return context.op_config["n"]


        print(show(build_op_context(config={"n": 3})))
    """}, "RSC202")
    assert changed == {"main.py": dedent("""
        from typing import Optional

        from dagwire import Config, op


        class Db(Config):
            host: str
            port: int = 5432


        class SyncConfig(Config):
            tables: list[str]
            nickname: Optional[str] = None
            db: Db


        @op
        def sync(config: SyncConfig):
            return (config.tables, config.nickname, config.db.host)


        class ShowConfig(Config):
            n: int


        @op
        def show(config: ShowConfig):
            return config.n


        print(show(config=ShowConfig(n=3)))
    """)}


def test_rsc202_nested_config_read_whole_is_a_todo(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"main.py": """
        from dagwire import op


        @op(config_schema={"db": {"host": str}})
        def connect(context):
            return dict(context.op_config["db"])
    """}, "RSC202")
    assert changed["main.py"].splitlines()[3] == (
        "# TODO(dagwire): RSC202 write a Config class by hand: the nested config db is read as "
        "a whole (it becomes a Config object, not a dict)")


RESOURCE_MODULE = """
    from dagwire import IntSource, StringSource, resource


    class Client:
        \"\"\"Talks to the API.\"\"\"

        def __init__(self, url: str, retries: int):
            self.url = url
            self._retries = retries

        def describe(self) -> str:
            return f"{self.url} x{self._retries}"


    @resource(config_schema={"url": StringSource, "retries": IntSource})
    def api(context):
        return Client(context.resource_config["url"], retries=context.resource_config["retries"])
"""

DEFINITIONS_MODULE = """
    from dagwire import Definitions

    from res import api

    defs = Definitions(
        resources={
            "api": api.configured({"url": {"env": "API_URL"}, "retries": {"env": "RETRIES"}}),
            "api_at_launch": api,
        },
    )
"""


def test_rsc203_with_rsc205_across_modules(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"res.py": RESOURCE_MODULE, "defs.py": DEFINITIONS_MODULE},
                      "RSC203,RSC205")
    assert changed == {
        "res.py": dedent("""
            from dagwire import ConfigurableResource


            class Client(ConfigurableResource):
                \"\"\"Talks to the API.\"\"\"
                url: str
                retries: int

                def describe(self) -> str:
                    return f"{self.url} x{self.retries}"
        """),
        "defs.py": dedent("""
            from dagwire import Definitions, EnvVar

            from res import Client

            defs = Definitions(
                resources={
                    "api": Client(url=EnvVar("API_URL"), retries=EnvVar.int("RETRIES")),
                    "api_at_launch": Client.configure_at_launch(),
                },
            )
        """),
    }
    # the result runs: the env vars are read when the resource is built
    script = "\n".join([
        "import os",
        "os.environ.update(API_URL='http://x', RETRIES='3')",
        "from dagwire import asset, materialize",
        "from defs import defs",
        "from res import Client",
        "@asset",
        "def show(api: Client):",
        "    print(api.describe())",
        "materialize([show], resources={'api': defs.resources['api']})",
    ])
    (tmp_path / "res.py").write_text(changed["res.py"])
    (tmp_path / "defs.py").write_text(changed["defs.py"])
    proc = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, env=cli.env(),
                          capture_output=True, text=True)
    assert (proc.returncode, proc.stdout) == (0, "http://x x3\n"), proc.stderr


def test_rsc203_without_rsc205_leaves_env_sources_with_a_todo(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"res.py": RESOURCE_MODULE, "defs.py": DEFINITIONS_MODULE},
                      "RSC203")
    assert list(changed) == ["res.py"]
    assert changed["res.py"].splitlines()[14] == (
        "# TODO(dagwire): RSC203 write a ConfigurableResource class by hand: \"url\" is typed "
        "StringSource (RSC205 not selected); \"retries\" is typed IntSource (RSC205 not selected)")


def test_rsc205_on_a_project_resource_class(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"main.py": """
        from dagwire import ConfigurableResource, Definitions


        class Db(ConfigurableResource):
            uri: str
            pool: int
            echo: bool = False


        defs = Definitions(resources={"db": Db(uri={"env": "URI"}, pool={"env": "POOL"})})
    """}, "RSC205")
    assert changed["main.py"].splitlines()[0] == (
        "from dagwire import ConfigurableResource, Definitions, EnvVar")
    assert changed["main.py"].splitlines()[-1] == (
        'defs = Definitions(resources={"db": Db(uri=EnvVar("URI"), pool=EnvVar.int("POOL"))})')


REPOSITORY = """
    from dagwire import asset, job, op, repository, sensor


    @asset
    def a():
        return 1


    @op
    def o():
        pass


    @job
    def j():
        o()


    @sensor(job=j)
    def s(context):
        return None


    @repository
    def repo():
        \"\"\"Everything.\"\"\"
        return [a, j, s]


    print(repo.name, repo.get_job("j").name)
"""


def test_mig101_repository_to_definitions(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"main.py": REPOSITORY}, "MIG101")
    first = changed["main.py"].splitlines()[0]
    assert first == "from dagwire import Definitions, asset, job, op, sensor"
    assert changed["main.py"].split("\n\n\n")[-2:] == [
        "repo = Definitions(\n    assets=[a],\n    jobs=[j],\n    sensors=[s],\n)",
        'print("repo", repo.get_job_def("j").name)\n',
    ]
    (tmp_path / "main.py").write_text(changed["main.py"])
    assert cli.run_program(tmp_path).stdout == "repo j\n"


def test_mig101_unknown_elements_and_other_uses_are_todos(tmp_path: Path) -> None:
    unknown = REPOSITORY.replace("return [a, j, s]", "return [a, j, s, EXTRA]")
    changed = migrate(tmp_path / "one", {"main.py": unknown}, "MIG101")
    assert "# TODO(dagwire): MIG101 replace @repository with Definitions by hand: cannot tell " \
        "what EXTRA is" in changed["main.py"]
    passed_on = REPOSITORY.replace('print(repo.name, repo.get_job("j").name)', "print(repo)")
    changed = migrate(tmp_path / "two", {"main.py": passed_on}, "MIG101")
    assert "# TODO(dagwire): MIG101 replace @repository with Definitions by hand: repo is used " \
        "other than by .get_job/.get_*_def/.name" in changed["main.py"]


DAGSTER_MODULE = """
    import dagster as dg


    class Store(dg.ConfigurableResource):
        root: str


    @dg.op(config_schema={"n": int}, required_resource_keys={"store"})
    def f(context):
        return context.op_config["n"], context.resources.store.root


    @dg.job(resource_defs={"store": Store(root="/")})
    def j():
        f()


    result = j.execute_in_process(run_config={"ops": {"f": {"config": {"n": 2}}}})
    print(result.output_for_node("f"))
"""


def test_real_dagster_code_through_a_module_alias(tmp_path: Path) -> None:
    changed = migrate(tmp_path, {"main.py": DAGSTER_MODULE},
                      "RSC201,RSC202,RSC203,RSC205,MIG101")
    assert changed["main.py"].split("\n\n\n")[2:4] == [
        "class FConfig(dg.Config):\n    n: int",
        "@dg.op\ndef f(config: FConfig, store: Store):\n    return config.n, store.root",
    ]
    (tmp_path / "main.py").write_text(changed["main.py"])
    run = cli.run_program(tmp_path)  # the real dagster package
    assert (run.returncode, run.stdout) == (0, "(2, '/')\n"), run.stderr
