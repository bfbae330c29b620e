"""IO managers the way Dagster projects use them: one per asset (io_manager_key), an input
loaded by another IO manager (AssetIn(input_manager_key=...)), AssetIn and Out metadata seen
by the IO manager, op outputs through a custom IO manager, what the contexts tell."""

from dagwire import (AssetIn, ConfigurableIOManager, Definitions, InputContext, Out,
                     OutputContext, asset, define_asset_job, job, op)

STORE = {}


class Tagged(ConfigurableIOManager):
    tag: str

    def handle_output(self, context: OutputContext, obj) -> None:
        where = context.asset_key.path if context.has_asset_key else [context.step_key, context.name]
        print(self.tag, "store", where, context.definition_metadata)
        STORE[tuple(where)] = obj

    def load_input(self, context: InputContext):
        upstream = context.upstream_output
        where = (upstream.asset_key.path if upstream.has_asset_key
                 else [upstream.step_key, upstream.name])
        print(self.tag, "load", context.name, where, context.definition_metadata)
        return STORE[tuple(where)]


@asset(io_manager_key="lake", metadata={"layer": "raw"})
def raw():
    return [3, 1, 2]


@asset(ins={"raw": AssetIn(metadata={"columns": ["n"]})})
def ordered(raw):
    return sorted(raw)


@asset(ins={"raw": AssetIn(input_manager_key="reader")})
def counted(raw):
    return len(raw)


defs = Definitions(
    assets=[raw, ordered, counted],
    jobs=[define_asset_job("all_assets")],
    resources={"lake": Tagged(tag="lake"), "reader": Tagged(tag="reader"),
               "io_manager": Tagged(tag="default")},
)
run = defs.get_job_def("all_assets").execute_in_process()
print(run.success, run.output_for_node("ordered"), run.output_for_node("counted"))


@op(out=Out(io_manager_key="lake", metadata={"kind": "numbers"}))
def produce():
    return [1, 2]


@op
def consume(numbers):
    return sum(numbers)


@job(resource_defs={"lake": Tagged(tag="lake"), "io_manager": Tagged(tag="default")})
def op_job():
    consume(produce())


print(op_job.execute_in_process().output_for_node("consume"))
