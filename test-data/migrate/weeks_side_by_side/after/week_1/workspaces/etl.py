from dagwire import Config, op

from workspaces.resources import Counter


class ExtractConfig(Config):
    rows: int
    note: str


@op
def extract(config: ExtractConfig):
    return list(range(config.rows))


@op
def count(values, counter: Counter):
    return counter.total(values)
