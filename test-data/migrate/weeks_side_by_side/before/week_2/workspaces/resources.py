from dagwire import resource


class Counter:
    def __init__(self, start):
        self.start = start

    def total(self, values):
        return self.start + sum(values)


@resource(config_schema={"start": int})
def counter(context):
    return Counter(context.resource_config["start"])
