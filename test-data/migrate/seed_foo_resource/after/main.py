from dagwire import ConfigurableResource, Definitions, asset, define_asset_job, job, op


class FooResource(ConfigurableResource):
    greeting: str = "hello"

    def say(self, who: str) -> str:
        return f"{self.greeting}, {who}"


@op
def hello_world(foo_resource: FooResource):
    print("op:", foo_resource.say("world"))


@job(resource_defs={"foo_resource": FooResource()})
def hello_world_job():
    hello_world()


@asset
def my_asset(foo_resource: FooResource):
    print("asset:", foo_resource.say("asset"))
    return 1


my_repo = Definitions(
    assets=[my_asset],
    jobs=[hello_world_job, define_asset_job("my_asset_job")],
    resources={"foo_resource": FooResource()},
)


print("job success:", my_repo.get_job_def("hello_world_job").execute_in_process().success)
print("asset job success:", my_repo.get_job_def("my_asset_job").execute_in_process().success)
