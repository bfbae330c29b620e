"""Assets, an op job and a sensor that use the resources."""

from collections.abc import Iterator

from dagwire import Config, RunRequest, asset, job, op, sensor

from vault.resources import MARKER, Client, Warehouse


class SyncConfig(Config):
    """How to sync."""

    batch: int = 100
    secret_key: str = MARKER


@asset
def accounts(client: Client, config: SyncConfig) -> list[str]:
    """Accounts from the API."""
    return []


@asset
def balances(accounts: list[str], warehouse: Warehouse, cache: Warehouse) -> int:
    """Balances per account (needs 'cache', which nothing binds)."""
    return 0


@asset(required_resource_keys={"legacy"})
def report(balances: int, audit: Warehouse) -> str:
    return ""


@op
def fetch(client: Client) -> int:
    return 1


@op
def store(value: int, warehouse: Warehouse) -> None:
    pass


@job(config={"ops": {"fetch": {"config": {"token": MARKER}}},
             "resources": {"launch_creds": {"config": {"api_token": MARKER}}}})
def sync_job() -> None:
    store(fetch())


@sensor(job=sync_job)
def new_accounts(client: Client) -> Iterator[RunRequest]:
    yield RunRequest(run_key="x")
