# shape: requirer: quoted resource annotation under from __future__ import annotations
from __future__ import annotations

import dagster as dg


class Warehouse(dg.ConfigurableResource):
    dsn: str


@dg.asset
def orders(warehouse: "Warehouse") -> int:
    return len(warehouse.dsn)


defs = dg.Definitions(assets=[orders], resources={})  # expect: unbound warehouse  # gap: runtime a quoted annotation under from __future__ import annotations is taken for an input  # extra: runtime error DagwireInvalidDefinitionError: the parameter is taken for an input from an asset 'warehouse'
