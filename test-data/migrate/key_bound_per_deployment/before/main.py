from shop.checks import check_restock
from shop.definitions import definitions_for

for deployment in ("local", "prod"):
    defs = definitions_for(deployment)
    print(deployment, defs.get_job_def("restock_job").execute_in_process().success)
check_restock()
