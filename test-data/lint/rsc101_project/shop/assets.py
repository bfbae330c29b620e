from dagwire import asset

from .resources import Blob, Database


@asset
def customers(db: Database) -> list[str]:
    return []


@asset
def exports(customers: list[str], blob: Blob) -> None:
    pass
