"""RSC203 on real-world @resource shapes, through the real CLI and run before and after."""

from __future__ import annotations

from pathlib import Path

from tests.migrate import cli
from tests.migrate.test_cli_behaviour import read, write

POSITIONAL_SCHEMA = """
    from dagwire import Field, job, op, resource


    class Hook:
        def __init__(self, url, success_cron):
            self.url = url
            self.success_cron = success_cron


    @resource(
        {
            "url": Field(str, description="Webhook URL"),
            "success_cron": Field(str, is_required=False, description="When to post"),
        },
        description="Posts to the team channel",
    )
    def webhook(context):
        return Hook(context.resource_config["url"], context.resource_config["success_cron"])


    @op(required_resource_keys={"hook"})
    def post(context):
        return context.resources.hook.url, context.resources.hook.success_cron


    @job(resource_defs={"hook": webhook.configured({"url": "http://d", "success_cron": "@daily"})})
    def notify():
        post()


    print(notify.execute_in_process().output_for_node("post"))
"""

POSITIONAL_SCHEMA_AFTER = '''\
from typing import Optional

from dagwire import ConfigurableResource, Field, job, op


class Hook(ConfigurableResource):
    """Posts to the team channel"""
    url: str = Field(description="Webhook URL")
    success_cron: Optional[str] = Field(default=None, description="When to post")


@op
def post(hook: Hook):
    return hook.url, hook.success_cron


@job(resource_defs={"hook": Hook(url="http://d", success_cron="@daily")})
def notify():
    post()


print(notify.execute_in_process().output_for_node("post"))
'''


def test_a_positional_schema_and_a_description(tmp_path: Path) -> None:
    root = write(tmp_path, {"main.py": POSITIONAL_SCHEMA})
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "('http://d', '@daily')\n"), run.stderr
    written = cli.migrate("--write", ".", cwd=root)
    assert written.returncode == 0, written.stderr
    assert read(root, "main.py") == POSITIONAL_SCHEMA_AFTER
    run = cli.run_program(root)
    assert (run.returncode, run.stdout) == (0, "('http://d', '@daily')\n"), run.stderr
    again = cli.migrate("--check", ".", cwd=root)
    assert (again.returncode, again.stdout) == (0, ""), again.stderr
