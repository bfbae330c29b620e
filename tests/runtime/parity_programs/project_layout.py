"""A project laid out in a package (written to the working directory here):
load_assets_from_package_module / _name with a key prefix (op names kept), an IO manager
that reads definition metadata and adds output metadata, {"env": ...} in run config for a
resource configured at launch, AssetSelection.groups, Failure raised by an op,
get_dagster_logger, SensorResult, in_process_executor."""

import os
import pathlib
import sys

import dagwire as framework
from dagwire import (AssetSelection, ConfigurableIOManager, ConfigurableResource, Definitions,
                     Failure, InputContext, OutputContext, RunRequest, SensorResult,
                     build_sensor_context, define_asset_job, get_dagster_logger,
                     in_process_executor, job, load_assets_from_package_module,
                     load_assets_from_package_name, materialize, op, sensor)

FILES = {
    "shop/__init__.py": "",
    "shop/assets/__init__.py": (
        "from {fw} import asset\n\n\n"
        "@asset(group_name='core', metadata={{'owner': 'sales'}})\n"
        "def top(api):\n"
        "    return api.token\n"
    ),
    "shop/assets/sales.py": (
        "from {fw} import asset\n\n\n"
        "@asset(group_name='core')\n"
        "def sales(top):\n"
        "    print('sales')\n"
        "    return top + '!'\n"
    ),
    "shop/assets/sub/__init__.py": "",
    "shop/assets/sub/deep.py": (
        "from {fw} import asset\n\n\n"
        "@asset(group_name='deep')\n"
        "def deep_one(sales):\n"
        "    print('deep')\n"
        "    return sales * 2\n"
    ),
}
for name, text in FILES.items():
    path = pathlib.Path(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    # the resource annotation is added here so the files stay framework-neutral
    text = text.replace("def top(api):", "def top(api: Api):")
    if "def top(" in text:
        text = text.replace("from {fw} import asset\n",
                            "from {fw} import asset\nfrom shop.resources import Api\n")
    path.write_text(text.format(fw=framework.__name__))
pathlib.Path("shop/resources.py").write_text(
    f"from {framework.__name__} import ConfigurableResource\n\n\n"
    "class Api(ConfigurableResource):\n"
    "    token: str\n"
)
sys.path.insert(0, os.getcwd())
os.environ["PARITY_TOKEN"] = "tok"

import shop.assets  # noqa: E402
from shop.resources import Api  # noqa: E402

STORE = {}


class DictIO(ConfigurableIOManager):
    def handle_output(self, context: OutputContext, obj) -> None:
        print("store", context.asset_key.path, context.definition_metadata)
        context.add_output_metadata({"stored": len(obj)})
        STORE[context.asset_key.to_user_string()] = obj

    def load_input(self, context: InputContext):
        return STORE[context.asset_key.to_user_string()]


loaded = load_assets_from_package_module(shop.assets)
print(sorted(a.key.to_user_string() for a in loaded))
prefixed = load_assets_from_package_name("shop.assets", key_prefix="p")
print(sorted(a.key.to_user_string() for a in prefixed))
print(materialize(prefixed, resources={"api": Api(token="t")}).output_for_node("deep_one"))

defs = Definitions(
    assets=loaded,
    jobs=[define_asset_job("core_job", selection=AssetSelection.groups("core"),
                           executor_def=in_process_executor)],
    resources={"api": Api.configure_at_launch(), "io_manager": DictIO()},
    executor=in_process_executor,
)
run = defs.get_job_def("core_job").execute_in_process(
    run_config={"resources": {"api": {"config": {"token": {"env": "PARITY_TOKEN"}}}}}
)
print(run.success, run.output_for_node("sales"))
print([(e.asset_key.path, e.materialization.metadata["stored"].value)
       for e in run.get_asset_materialization_events()])

logger = get_dagster_logger()


@op
def refuse_bad_data():
    logger.info("checking")
    raise Failure(description="bad data", metadata={"rows": 0})


@job
def checks():
    refuse_bad_data()


print(checks.execute_in_process(raise_on_error=False).success)
try:
    checks.execute_in_process()
except Failure as failure:
    print("Failure:", failure.description, failure.metadata["rows"])


@sensor(job=checks)
def watcher(context):
    return SensorResult(run_requests=[RunRequest(run_key="a")], cursor="c1")


result = watcher(build_sensor_context())
print([r.run_key for r in result.run_requests], result.cursor)
