from dagwire import Definitions, job, op, resource


class Store:
    def __init__(self, name: str):
        self.name = name

    def read(self, key: str) -> str:
        return f"{self.name}:{key}"


@resource
def source_store(_):
    return Store("source")


@resource
def target_store(_):
    return Store("target")


@op(required_resource_keys=["source", "target"])
def copy(context):
    source = getattr(context.resources, "source")
    target = context.resources.target
    originals = context.resources.original_resource_dict
    print("read:", source.read("a.csv"))
    print("write:", target.read("a.csv"))
    print("originals:", originals["source"].name, originals["target"].name)
    return [source.name, target.name]


@job
def copy_job():
    copy()


defs = Definitions(jobs=[copy_job], resources={"source": source_store, "target": target_store})
result = defs.get_job_def("copy_job").execute_in_process()
print("success:", result.success, result.output_for_node("copy"))
