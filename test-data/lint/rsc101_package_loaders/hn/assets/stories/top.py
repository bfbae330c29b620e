from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:
    from ...resources import Slack, Warehouse


@dg.asset
def top_stories(items: list, warehouse: "Warehouse") -> list:
    return items


@dg.asset
def story_digest(top_stories: list, slack: "Slack") -> None:
    pass
