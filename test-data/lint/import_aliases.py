# Names are matched through imports, whatever they are called locally.
import dagwire.runtime as rt
from dagwire import ConfigurableResource as Resource
from dagwire import Definitions as Defs
from dagwire import asset as a


class Queue(Resource):
    url: str


@a
def jobs_waiting(queue: Queue) -> int:
    return 0


@rt.op(required_resource_keys={"queue"})
def drain(context) -> None:
    context.resources.queue.drain()  # expect@5: RSC201 context.resources.queue is the legacy resource API: request 'queue' as a parameter annotated with its ConfigurableResource class, or ResourceParam[...] for a legacy resource (dagwire migrate rewrites the cases it can prove safe)


defs = Defs(assets=[jobs_waiting], resources={})  # expect@8: RSC101 resource key 'queue' is required by asset 'jobs_waiting' but not bound in Definitions; bound keys: (none)


# A local function that happens to be called `asset` is not the framework's.
def asset(fn):
    return fn


@asset
def not_a_definition(context):
    context.resources.anything
