# shape: binding-site: materialize([...]) and materialize_to_memory([...]) without resources= bind nothing but IO managers
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
    dg.materialize_to_memory([balances, audit])  # expect: unbound ledger
