from pathlib import Path

import dagster as dg
import dagster_dbt

from brewery.defs.orders import Pager


class HopsDbt(dagster_dbt.DbtProjectComponent):
    """Builds from state itself: what it binds is its own."""

    def build_defs_from_state(
        self, context: dg.ComponentLoadContext, state_path: Path | None
    ) -> dg.Definitions:
        return dg.Definitions(resources={"pager": Pager(route="ops")})
