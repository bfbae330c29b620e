from dagwire import Config, op

from workspaces.resources import Counter


class ExtractConfig(Config):
    rows: int
    offset: int = 10


@op
def extract(config: ExtractConfig):
    first = config.offset
    return list(range(first, first + config.rows))


@op
def count(values, counter: Counter):
    return counter.total(values)
