from dagwire import ConfigurableResource


class Warehouse(ConfigurableResource):
    url: str
    schema_name: str = "public"

    def table(self, name: str) -> str:
        return f"{self.url}/{self.schema_name}.{name}"
