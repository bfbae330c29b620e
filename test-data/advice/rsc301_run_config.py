import dagster as dg


class Gateway(dg.ConfigurableResource):
    api_token: str


@dg.op
def charge(gateway: Gateway) -> None:
    assert gateway.api_token == "from-env", gateway.api_token


@dg.job(
    config={"resources": {"gateway": {"config": {"api_token": "tok-live-3"}}}},  # advice: RSC301
)
def charge_job() -> None:
    charge()


defs = dg.Definitions(jobs=[charge_job], resources={"gateway": Gateway.configure_at_launch()})


def exercise() -> None:
    assert defs.get_job_def("charge_job").execute_in_process().success
