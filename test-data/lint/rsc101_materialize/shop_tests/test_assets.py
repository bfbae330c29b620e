import dagster as dg

from shop.assets import Mailer, Warehouse, orders, receipts

TEST_RESOURCES = {"warehouse": Warehouse(dsn="duckdb://"), "lake_io": dg.FilesystemIOManager()}


def test_everything_bound() -> None:
    result = dg.materialize(
        [orders, receipts], resources={**TEST_RESOURCES, "mailer": Mailer(host="localhost")}
    )
    assert result.success


def test_selection_still_needs_every_listed_asset() -> None:
    result = dg.materialize(  # expect@14: RSC101 resource key 'mailer' is required by asset 'receipts' but not bound in materialize; bound keys: 'lake_io', 'warehouse'
        [orders, receipts], resources=TEST_RESOURCES, selection=[orders]
    )
    assert result.success


def test_in_memory_provides_io_managers() -> None:
    assert dg.materialize_to_memory(
        [orders], resources={"warehouse": Warehouse(dsn="duckdb://")}
    ).success


def test_forgotten_io_manager() -> None:
    result = dg.materialize([orders], resources={"warehouse": Warehouse(dsn="duckdb://")})  # expect@14: RSC101 resource key 'lake_io' is required by asset 'orders' but not bound in materialize; bound keys: 'warehouse'
    assert result.success


def test_resources_built_by_a_fixture(resources: dict) -> None:
    assert dg.materialize([orders, receipts], resources=resources).success


def _run(**options: object) -> dg.ExecuteInProcessResult:
    # The options cannot bind more keys: `resources=` is given.
    return dg.materialize([orders, receipts], resources=TEST_RESOURCES, **options)  # expect@12: RSC101 resource key 'mailer' is required by asset 'receipts' but not bound in materialize; bound keys: 'lake_io', 'warehouse'


def _run_with(**options: object) -> dg.ExecuteInProcessResult:
    # The options may carry the resources.
    return dg.materialize([orders, receipts], **options)


def test_options() -> None:
    assert _run(tags={"suite": "shop"}).success
    assert _run_with(resources={**TEST_RESOURCES, "mailer": Mailer(host="localhost")}).success
