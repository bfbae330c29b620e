from dagwire import ConfigurableResource, asset, define_asset_job, job, op, repository, with_resources


class FooResource(ConfigurableResource):
    greeting: str = "hello"

    def say(self, who: str) -> str:
        return f"{self.greeting}, {who}"


@op(required_resource_keys={"foo_resource"})
def hello_world(context):
    foo_resource = context.resources.foo_resource
    print("op:", foo_resource.say("world"))


@job(resource_defs={"foo_resource": FooResource()})
def hello_world_job():
    hello_world()


@asset(required_resource_keys={"foo_resource"})
def my_asset(context):
    foo_resource = context.resources.foo_resource
    print("asset:", foo_resource.say("asset"))
    return 1


@repository
def my_repo():
    return [
        hello_world_job,
        define_asset_job("my_asset_job"),
        *with_resources([my_asset], resource_defs={"foo_resource": FooResource()}),
    ]


print("job success:", my_repo.get_job("hello_world_job").execute_in_process().success)
print("asset job success:", my_repo.get_job("my_asset_job").execute_in_process().success)
