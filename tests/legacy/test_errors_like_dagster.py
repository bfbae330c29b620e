"""The legacy error cases are errors in Dagster too: the same program, run on both, fails.

The exact dagwire messages are in test_legacy_errors.py; here each program is executed
as written on dagwire and, imports rewritten, on the real dagster package, and the exception
class each raises is compared with the expected pair.
"""

from __future__ import annotations

import textwrap

import pytest

import paired_programs as pp

PROGRAMS = {
    "unbound_key_in_repository": (
        """
        from dagwire import asset, job, op, repository

        @op(required_resource_keys={"db"})
        def load(context):
            pass

        @job
        def load_job():
            load()

        @repository
        def analytics():
            return [load_job]
        """,
        "DagwireInvalidDefinitionError",
        "DagsterInvalidDefinitionError",
    ),
    "bad_op_config": (
        """
        from dagwire import job, op

        @op(config_schema={"name": str})
        def greet(context):
            pass

        @job
        def greet_job():
            greet()

        greet_job.execute_in_process(run_config={"ops": {"greet": {"config": {"name": 1}}}})
        """,
        "DagwireInvalidConfigError",
        "DagsterInvalidConfigError",
    ),
    "missing_env_var_of_a_resource": (
        """
        import os
        from dagwire import StringSource, job, op, resource

        os.environ.pop("DAGWIRE_T_NEVER_SET", None)

        @resource(config_schema={"uri": StringSource})
        def db(context):
            return context.resource_config["uri"]

        @op(required_resource_keys={"db"})
        def load(context):
            pass

        @job(resource_defs={"db": db.configured({"uri": {"env": "DAGWIRE_T_NEVER_SET"}})})
        def load_job():
            load()

        load_job.execute_in_process()
        """,
        "DagwireMissingEnvVarError",
        "DagsterInvalidConfigError",
    ),
    "undeclared_resource_key": (
        """
        from dagwire import ResourceDefinition, job, op

        @op(required_resource_keys={"cache"})
        def peek(context):
            context.resources.db

        @job(resource_defs={"cache": ResourceDefinition.none_resource(),
                            "db": ResourceDefinition.none_resource()})
        def peek_job():
            peek()

        peek_job.execute_in_process()
        """,
        "DagwireResourceNotFoundError",
        "DagsterUnknownResourceError",
    ),
    "assets_bind_one_key_to_two_objects": (
        """
        from dagwire import asset, materialize, resource, with_resources

        @resource
        def one(_):
            return 1

        @resource
        def two(_):
            return 2

        @asset(required_resource_keys={"x"})
        def a(context):
            return 1

        @asset(required_resource_keys={"x"})
        def b(context):
            return 2

        materialize([*with_resources([a], {"x": one}), *with_resources([b], {"x": two})])
        """,
        "DagwireInvalidDefinitionError",
        "DagsterInvalidDefinitionError",
    ),
    "bad_config_schema": (
        """
        from dagwire import op

        @op(config_schema={"when": object})
        def dated(context):
            pass
        """,
        "DagwireInvalidDefinitionError",
        "DagsterInvalidConfigDefinitionError",
    ),
}


def _raised(source: str) -> str:
    try:
        exec(compile(textwrap.dedent(source), "<program>", "exec"), {"__name__": "__program__"})
    except Exception as error:  # the class name is what is compared
        return type(error).__name__
    return "nothing raised"


def test_there_are_programs() -> None:
    assert len(PROGRAMS) >= 5


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_fails_on_dagwire_and_on_dagster(name: str) -> None:
    source, dagwire_error, dagster_error = PROGRAMS[name]
    assert _raised(source) == dagwire_error
    assert _raised(pp.rewrite_for_dagster(textwrap.dedent(source))) == dagster_error
