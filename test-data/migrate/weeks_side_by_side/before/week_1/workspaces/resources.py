from dagwire import resource


class Counter:
    def __init__(self, start, step):
        self.start = start
        self.step = step

    def total(self, values):
        return self.start + self.step * sum(values)


@resource(config_schema={"start": int, "step": int})
def counter(context):
    return Counter(context.resource_config["start"], context.resource_config["step"])
