"""One program run under dagwire and under the real dagster (framework from argv[1]):
test_dagster_parity.py asserts both print the same. Not collected by pytest."""

import os
import sys

fw = sys.argv[1]
mod = __import__(fw)
globals().update({n: getattr(mod, n) for n in [
    "Config", "ConfigurableResource", "Definitions", "EnvVar", "RunConfig", "RunRequest",
    "asset", "job", "op", "sensor", "define_asset_job", "build_op_context", "materialize",
    "build_sensor_context"]})


class GreetingConfig(Config):
    greeting: str
    name: str = "Dagster"


@op
def greet(config: GreetingConfig) -> str:
    text = f"{config.greeting}, {config.name}!"
    print(text)
    return text


greet(config=GreetingConfig(greeting="Hello"))


class Db(ConfigurableResource):
    uri: str

    def query(self, q: str) -> str:
        return f"{q}@{self.uri}"


@asset
def users(db: Db) -> str:
    return db.query("users")


@asset
def user_count(users: str) -> int:
    return len(users)


print(users(db=Db(uri="direct")))
os.environ["PARITY_DB_URI"] = "sqlite://parity"
defs = Definitions(assets=[users, user_count], jobs=[define_asset_job("all_assets")],
                   resources={"db": Db(uri=EnvVar("PARITY_DB_URI"))})
result = defs.get_job_def("all_assets").execute_in_process()
print(result.success, result.output_for_node("users"), result.output_for_node("user_count"))


@op
def emit(config: GreetingConfig) -> str:
    return config.greeting


@op
def shout(text: str) -> str:
    return text.upper()


@job
def shout_job():
    shout(emit())


r = shout_job.execute_in_process(run_config=RunConfig(ops={"emit": GreetingConfig(greeting="hey")}))
print(r.success, r.output_for_node("shout"))


class S3Resource(ConfigurableResource):
    bucket: str

    def get_files(self):
        return []


class MockS3:
    def get_files(self):
        return ["foo", "bar", "baz"]


@sensor(job=shout_job)
def my_sensor(s3: S3Resource):
    for f in s3.get_files():
        yield RunRequest(run_key=f)


print([req.run_key for req in my_sensor(s3=MockS3())])


@op
def ctx_op(context, config: GreetingConfig) -> str:
    return config.greeting + "/" + str(config.name)


print(ctx_op(build_op_context(config={"greeting": "ctx"})))
res = materialize([users, user_count], resources={"db": Db(uri="m")})
print(res.success, res.output_for_node("user_count"))
print(EnvVar("PARITY_DB_URI").env_var_name, EnvVar("PARITY_DB_URI").get_value())
