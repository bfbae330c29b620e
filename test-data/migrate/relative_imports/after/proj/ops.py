from dagwire import op, In, Config

from proj.lib.clients import Warehouse


class LoadConfig(Config):
    table: str


@op
def load(config: LoadConfig, warehouse: Warehouse):
    wh = warehouse
    return wh.table(config.table)


@op(ins={"path": In(str)})
def report(context, path):
    context.log.info(path)
    return path.upper()
