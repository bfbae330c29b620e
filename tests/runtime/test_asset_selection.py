"""AssetSelection: the selection algebra of define_asset_job, resolved by Definitions."""

from __future__ import annotations

import pytest

from dagwire import AssetKey, AssetSelection, Definitions, asset, define_asset_job


@asset(group_name="raw")
def orders() -> list[int]:
    return [1, 2, 3]


@asset(group_name="raw")
def customers() -> list[str]:
    return ["ada"]


@asset(group_name="marts")
def totals(orders: list[int]) -> int:
    return sum(orders)


@asset(group_name="marts", deps=[customers])
def report(totals: int) -> str:
    return f"total {totals}"


ALL = [orders, customers, totals, report]


def selected(selection: AssetSelection) -> list[str]:
    job = define_asset_job("j", selection=selection)
    defs = Definitions(assets=ALL, jobs=[job])
    keys = defs.get_job_def("j").asset_selection
    assert keys is not None
    return [key.to_user_string() for key in keys]


def test_selection_algebra() -> None:
    assert selected(AssetSelection.all()) == ["orders", "customers", "totals", "report"]
    assert selected(AssetSelection.groups("marts")) == ["totals", "report"]
    assert selected(AssetSelection.keys("orders", AssetKey("report"))) == ["orders", "report"]
    assert selected(AssetSelection.assets(totals)) == ["totals"]
    assert selected(AssetSelection.keys("orders").downstream()) == ["orders", "totals", "report"]
    assert selected(AssetSelection.keys("orders").downstream(depth=1)) == ["orders", "totals"]
    assert selected(AssetSelection.assets(report).upstream()) == [
        "orders", "customers", "totals", "report"
    ]
    assert selected(AssetSelection.all() - AssetSelection.groups("raw")) == ["totals", "report"]
    assert selected(AssetSelection.groups("raw") & AssetSelection.keys("orders")) == ["orders"]
    assert selected(AssetSelection.groups("raw") | AssetSelection.keys("report")) == [
        "orders", "customers", "report"
    ]


def test_selected_job_runs_only_its_assets() -> None:
    job = define_asset_job("marts_job", selection=AssetSelection.groups("raw").downstream())
    result = Definitions(assets=ALL, jobs=[job]).get_job_def("marts_job").execute_in_process()
    assert result.success
    assert result.asset_value("report") == "total 6"


def test_selection_naming_an_undefined_key_is_reported() -> None:
    job = define_asset_job("j", selection=AssetSelection.keys("orders", "refunds"))
    with pytest.raises(Exception) as excinfo:
        Definitions(assets=ALL, jobs=[job]).validate()
    assert str(excinfo.value) == (
        "Invalid Definitions:\n- job 'j' selects asset 'refunds', which is not defined"
    )


def test_repr_says_what_was_selected() -> None:
    selection = AssetSelection.groups("raw").downstream() - AssetSelection.keys("report")
    assert repr(selection) == "AssetSelection.groups('raw').downstream() - AssetSelection.keys('report')"
