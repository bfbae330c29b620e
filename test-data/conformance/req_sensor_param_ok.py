# shape: requirer: sensor resource parameter bound, ticked (trap)
import dagster as dg


class Queue(dg.ConfigurableResource):
    url: str

    def pending(self) -> list[str]:
        return ["a"]


@dg.op
def drain() -> None:
    pass


@dg.job
def drain_job() -> None:
    drain()


@dg.sensor(job=drain_job)
def queue_sensor(context: dg.SensorEvaluationContext, queue: Queue) -> list[dg.RunRequest]:
    return [dg.RunRequest(run_key=item) for item in queue.pending()]


defs = dg.Definitions(jobs=[drain_job], sensors=[queue_sensor], resources={"queue": Queue(url="amqp://")})
