from dagwire import ConfigurableResource, Definitions, asset, define_asset_job, job, op


class Warehouse(ConfigurableResource):
    schema_name: str

    def table(self, name: str) -> str:
        return f"{self.schema_name}.{name}"


class Notifier(ConfigurableResource):
    channel: str

    def send(self, text: str) -> str:
        return f"[{self.channel}] {text}"


@op
def load(warehouse: Warehouse):
    table = warehouse.table("orders")
    print("load", table)
    return table


@op
def announce(context, warehouse: Warehouse, notifier: Notifier, table):
    context.log.info("announcing %s", table)
    print(notifier.send(f"loaded {table} into {warehouse.schema_name}"))
    print("same as context.resources:", context.resources.warehouse is warehouse)


@job
def load_job():
    announce(load())


@asset
def summary(warehouse: Warehouse, notifier: Notifier):
    text = notifier.send(warehouse.table("summary"))
    print(text)
    return text


defs = Definitions(
    assets=[summary],
    jobs=[load_job, define_asset_job("summary_job")],
    resources={
        "warehouse": Warehouse(schema_name="analytics"),
        "notifier": Notifier(channel="#data"),
    },
)
print("load_job:", defs.get_job_def("load_job").execute_in_process().success)
print("summary_job:", defs.get_job_def("summary_job").execute_in_process().success)
