# shape: requirer: sensor parameter annotated with a resource class
import dagster as dg


class Queue(dg.ConfigurableResource):
    url: str

    def pending(self) -> list[str]:
        return []


@dg.op
def drain() -> None:
    pass


@dg.job
def drain_job() -> None:
    drain()


@dg.sensor(job=drain_job)
def queue_sensor(queue: Queue) -> dg.SkipReason:
    return dg.SkipReason(f"{len(queue.pending())} pending")


defs = dg.Definitions(jobs=[drain_job], sensors=[queue_sensor], resources={})  # expect: unbound queue
