"""Clients of outside services: no framework here."""


class WarehouseClient:
    def __init__(self, url: str):
        self.url = url

    def stock(self, item: str) -> str:
        return f"{item}@{self.url}"
