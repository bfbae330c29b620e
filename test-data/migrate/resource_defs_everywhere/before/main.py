from dagwire import asset, graph, materialize, op, resource, with_resources


class Counter:
    def __init__(self, start: int):
        self.value = start

    def bump(self) -> int:
        self.value += 1
        return self.value


@resource(config_schema={"start": int})
def counter(context):
    return Counter(context.resource_config["start"])


@asset(required_resource_keys={"counter"}, resource_defs={"counter": counter.configured({"start": 100})})
def own_counter(context):
    print("own_counter:", context.resources.counter.bump())
    return 1


@asset(required_resource_keys={"counter"})
def shared_counter(context):
    print("shared_counter:", context.resources.counter.bump())
    return 2


@op(required_resource_keys={"counter"})
def tick(context):
    print("tick:", context.resources.counter.bump())


@graph
def ticking():
    tick()


ticking_job = ticking.to_job(name="ticking_job", resource_defs={"counter": counter.configured({"start": 10})})
print("graph job:", ticking_job.execute_in_process().success)

print("own:", materialize([own_counter]).success)

bound = with_resources([shared_counter], resource_defs={"counter": counter.configured({"start": 0})})
print("shared:", materialize(bound).success)
