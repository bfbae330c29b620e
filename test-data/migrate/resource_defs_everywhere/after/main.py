from dagwire import ConfigurableResource, asset, job, materialize, op


class Counter(ConfigurableResource):
    start: int

    def bump(self) -> int:
        # a resource is frozen config: count in a module-level table keyed by the start
        COUNTS[self.start] = COUNTS.get(self.start, self.start) + 1
        return COUNTS[self.start]


COUNTS: dict = {}


@asset
def own_counter(counter: Counter):
    print("own_counter:", counter.bump())
    return 1


@asset
def shared_counter(counter: Counter):
    print("shared_counter:", counter.bump())
    return 2


@op
def tick(counter: Counter):
    print("tick:", counter.bump())


@job(resource_defs={"counter": Counter(start=10)})
def ticking_job():
    tick()


print("graph job:", ticking_job.execute_in_process().success)

print("own:", materialize([own_counter], resources={"counter": Counter(start=100)}).success)

print("shared:", materialize([shared_counter], resources={"counter": Counter(start=0)}).success)
