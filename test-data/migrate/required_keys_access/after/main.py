from dagwire import ConfigurableResource, Definitions, job, op


class Store(ConfigurableResource):
    name: str

    def read(self, key: str) -> str:
        return f"{self.name}:{key}"


@op
def copy(source: Store, target: Store):
    print("read:", source.read("a.csv"))
    print("write:", target.read("a.csv"))
    print("originals:", source.name, target.name)
    return [source.name, target.name]


@job
def copy_job():
    copy()


defs = Definitions(
    jobs=[copy_job], resources={"source": Store(name="source"), "target": Store(name="target")}
)
result = defs.get_job_def("copy_job").execute_in_process()
print("success:", result.success, result.output_for_node("copy"))
