from dagwire import ConfigurableResource, ResourceParam, asset, graph, materialize, op, with_resources


class Counter:
    def __init__(self, start: int):
        self.value = start

    def bump(self) -> int:
        self.value += 1
        return self.value


class CounterResource(ConfigurableResource):
    start: int

    def create_resource(self, context):
        return Counter(self.start)


@asset(resource_defs={"counter": CounterResource(start=100)})
def own_counter(counter: ResourceParam[Counter]):
    print("own_counter:", counter.bump())
    return 1


@asset
def shared_counter(counter: ResourceParam[Counter]):
    print("shared_counter:", counter.bump())
    return 2


@op
def tick(counter: ResourceParam[Counter]):
    print("tick:", counter.bump())


@graph
def ticking():
    tick()


ticking_job = ticking.to_job(name="ticking_job", resource_defs={"counter": CounterResource(start=10)})
print("graph job:", ticking_job.execute_in_process().success)

print("own:", materialize([own_counter]).success)

bound = with_resources([shared_counter], resource_defs={"counter": CounterResource(start=0)})
print("shared:", materialize(bound).success)
