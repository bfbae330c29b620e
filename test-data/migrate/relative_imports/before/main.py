"""The package of packages_and_tests written with relative imports inside the package: the
resource function converted in proj/lib/clients.py is followed through `from .lib.clients
import ...`, and so are its uses."""

import os

os.environ["WH_URL"] = "pg://wh"

import test_ops  # noqa: E402
from proj.definitions import defs  # noqa: E402

result = defs.get_job_def("daily").execute_in_process(
    run_config={"ops": {"load": {"config": {"table": "orders"}}}}
)
print("success:", result.success, result.output_for_node("report"))
print("direct:", test_ops.run())
