import dagster as dg

from dg_untyped_definitions.defs.ledger import Ledger


@dg.definitions
def resources():
    return dg.Definitions(resources={"ledgr": Ledger(path="/tmp/ledger")})
