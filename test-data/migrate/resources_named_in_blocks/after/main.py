"""Ops that name their resource with an annotation, or only inside a block."""

from dagwire import ConfigurableResource, Definitions, job, op


class Archive(ConfigurableResource):
    bucket: str

    def fetch(self, key: str) -> list[int]:
        return [len(key), len(self.bucket)]


class Outbox(ConfigurableResource):
    def send(self, text: str) -> None:
        print("sent:", text)


@op
def fetch_sizes(archive: Archive) -> list[int]:
    return archive.fetch("2024/sizes.csv")


@op
def report(context, sizes: list[int], archive: Archive, outbox: Outbox) -> None:
    if sum(sizes) > 10:
        outbox.send(f"large: {sizes}")
    else:
        context.log.info("small")
    try:
        print("bucket", archive.bucket)
    finally:
        print("report done")


@job
def sizes_job():
    report(fetch_sizes())


defs = Definitions(
    jobs=[sizes_job],
    resources={"archive": Archive(bucket="warehouse"), "outbox": Outbox()},
)

if __name__ == "__main__":
    print(defs.get_job_def("sizes_job").execute_in_process().success)
