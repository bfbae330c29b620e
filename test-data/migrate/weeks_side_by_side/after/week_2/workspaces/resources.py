from dagwire import ConfigurableResource


class Counter(ConfigurableResource):
    start: int

    def total(self, values):
        return self.start + sum(values)
