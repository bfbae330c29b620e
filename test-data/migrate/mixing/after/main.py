from dagwire import (
    ConfigurableResource,
    Definitions,
    ResourceParam,
    asset,
    define_asset_job,
    job,
    op,
)


class Warehouse(ConfigurableResource):
    schema_name: str

    def table(self, name: str) -> str:
        return f"{self.schema_name}.{name}"


class Notifier:
    def __init__(self, channel: str):
        self.channel = channel

    def send(self, text: str) -> str:
        return f"[{self.channel}] {text}"


class NotifierResource(ConfigurableResource):
    channel: str

    def create_resource(self, context):
        return Notifier(self.channel)


# a ConfigurableResource requested through required_resource_keys, read from context.resources
@op
def load(warehouse: Warehouse):
    table = warehouse.table("orders")
    print("load", table)
    return table


# an op that takes both the context and resource parameters, one of them a legacy @resource
@op
def announce(context, warehouse: Warehouse, notifier: ResourceParam[Notifier], table):
    context.log.info("announcing %s", table)
    print(notifier.send(f"loaded {table} into {warehouse.schema_name}"))
    print("same as context.resources:", context.resources.warehouse is warehouse)


@job
def load_job():
    announce(load())


@asset
def summary(notifier: ResourceParam[Notifier], warehouse: Warehouse):
    text = notifier.send(warehouse.table("summary"))
    print(text)
    return text


defs = Definitions(
    assets=[summary],
    jobs=[load_job, define_asset_job("summary_job")],
    resources={
        "warehouse": Warehouse(schema_name="analytics"),
        "notifier": NotifierResource(channel="#data"),
    },
)
print("load_job:", defs.get_job_def("load_job").execute_in_process().success)
print("summary_job:", defs.get_job_def("summary_job").execute_in_process().success)
