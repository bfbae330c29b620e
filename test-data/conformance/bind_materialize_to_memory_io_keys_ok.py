# shape: binding-site: materialize_to_memory([...]) binds every IO manager key in memory, with and without resources= (trap)
import dagster as dg


class Ledger(dg.ConfigurableResource):
    path: str


@dg.asset(io_manager_key="lake")
def balances() -> int:
    return 1


@dg.asset
def audit(ledger: Ledger, balances: int) -> int:
    return balances


def exercise() -> None:
    dg.materialize_to_memory([balances, audit], resources={"ledger": Ledger(path="/tmp/ledger")})
    dg.materialize_to_memory([balances])
