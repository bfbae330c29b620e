"""A package with the resource in one module, the ops in another, the bindings in a third,
and a test helper that invokes an op directly with build_op_context."""

import os

os.environ["WH_URL"] = "pg://wh"

import test_ops  # noqa: E402
from proj.definitions import defs  # noqa: E402

result = defs.get_job_def("daily").execute_in_process(
    run_config={"ops": {"load": {"config": {"table": "orders"}}}}
)
print("success:", result.success, result.output_for_node("report"))
print("direct:", test_ops.run())
