# shape: requirer: io_manager_key="io_manager" never needs binding (trap)
import dagster as dg


@dg.asset(io_manager_key="io_manager")
def numbers() -> list[int]:
    return [1, 2]


@dg.op(out=dg.Out(io_manager_key="io_manager"))
def one() -> int:
    return 1


@dg.job
def one_job() -> None:
    one()


defs = dg.Definitions(assets=[numbers], jobs=[one_job], resources={})


def exercise() -> None:
    assert defs.get_job_def("one_job").execute_in_process().success
