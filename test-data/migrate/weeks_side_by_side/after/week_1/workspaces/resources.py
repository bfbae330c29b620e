from dagwire import ConfigurableResource


class Counter(ConfigurableResource):
    start: int
    step: int

    def total(self, values):
        return self.start + self.step * sum(values)
