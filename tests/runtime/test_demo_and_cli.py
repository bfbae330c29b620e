"""``make demo``'s program and the ``dagwire`` CLI (validate, run, resources), run as
subprocesses the way a user runs them."""

from __future__ import annotations

import json
import os
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]

DEMO_SECTIONS = """\
== 1. Load and validate the Definitions
assets: raw_orders, cleaned_orders, customer_totals, daily_report
jobs: daily_refresh, alerts_job
sensors: new_orders_sensor; schedules: morning_alerts
Definitions valid: True

== 2. Materialize every asset (job daily_refresh)
step raw_orders: success
step cleaned_orders: success
step customer_totals: success
step daily_report: success
raw orders: 5, cleaned: 4
customer totals: {'ada': 200.0, 'grace': 35.5, 'barbara': 410.25}
Top 3 customers
barbara: 410.25 EUR
ada: 200.00 EUR
grace: 35.50 EUR

== 3. Run the op job alerts_job
alerts_job success: True
sent: #sales <shop-bot> ada spent 200.00
sent: #sales <shop-bot> barbara spent 410.25

== 4. Evaluate the sensor
sensor requests run of daily_refresh (run_key=batch-2024-06-01)
sensor requests run of daily_refresh (run_key=batch-2024-06-02)

== 5. Evaluate the schedule
cron '0 6 * * *': next tick after 2024-06-01 12:30 is 2024-06-02 06:00
schedule requests run of alerts_job (run_key=alerts-2024-06-01)

== 6. Resource catalog (EnvVars by name, never by value)
notifier: NotifierResource  (examples.shop.resources, examples/shop/resources.py:70)
    Sends messages to chat channels (here: keeps them in a list).
    config:
        sender: str = 'shop-bot'  (default)
    used by:
        op alert_big_spenders in job alerts_job (parameter notifier)  examples/shop/jobs.py:19

orders_api: OrdersApiResource  (examples.shop.resources, examples/shop/resources.py:19)
    Client of the (simulated) orders API.
    config:
        base_url: str = 'https://api.shop.example/v1'
        page_size: int = 100  (default 50)
    used by:
        asset raw_orders (parameter orders_api)  examples/shop/assets.py:11
        sensor new_orders_sensor (parameter orders_api)  examples/shop/jobs.py:35

warehouse: WarehouseResource  (examples.shop.resources, examples/shop/resources.py:32)
    A SQLite warehouse; the database path comes from an environment variable.
    config:
        database: str = EnvVar('SHOP_WAREHOUSE_DB')  (set)
    used by:
        asset customer_totals (parameter warehouse)  examples/shop/assets.py:23
        op load_totals in job alerts_job (parameter warehouse)  examples/shop/jobs.py:14
"""


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k != "SHOP_WAREHOUSE_DB"}
    full_env.update(env or {})
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=full_env,
                          capture_output=True, text=True)


def test_demo_prints_its_run() -> None:
    result = run("-m", "examples.demo")
    assert result.returncode == 0, result.stderr
    # Later issues append checker steps: the runtime's six sections come first, unchanged.
    assert result.stdout.startswith(DEMO_SECTIONS)
    assert result.stderr == ""
    # and it ends by writing the catalog page
    page = ROOT / "build" / "resources.html"
    assert result.stdout.endswith(
        "== 10. The resource catalog as a page (open it in a browser)\n"
        "(same as: dagwire resources examples.shop.definitions --format html -o FILE)\n"
        f"catalog page: {page}\n\n")
    text = page.read_text()
    assert text.startswith("<!DOCTYPE html>") and '"source": "examples.shop.definitions"' in text


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run("-m", "dagwire.cli", *args, env=env)


def test_cli_validate_ok() -> None:
    result = cli("validate", "examples.shop.definitions")
    assert (result.returncode, result.stdout, result.stderr) == (
        0,
        "examples.shop.definitions: OK (4 assets, 2 jobs, 1 sensor, 1 schedule, 3 resources)\n",
        "",
    )


def test_cli_validate_takes_a_file_path(tmp_path: pathlib.Path) -> None:
    # from the repository root, the file of a package module; from elsewhere, by absolute path
    for target, cwd in (("examples/shop/definitions.py", ROOT),
                        (str(ROOT / "examples/shop/definitions.py:defs"), tmp_path)):
        result = subprocess.run([sys.executable, "-m", "dagwire.cli", "validate", target],
                                cwd=cwd, capture_output=True, text=True, timeout=300)
        assert (result.returncode, result.stdout, result.stderr) == (
            0, f"{target}: OK (4 assets, 2 jobs, 1 sensor, 1 schedule, 3 resources)\n", "")
    missing = cli("validate", "examples/shop/nope.py")
    assert (missing.returncode, missing.stderr) == (1, "examples/shop/nope.py: no such file\n")


def test_cli_import_failure_names_the_file_and_line(tmp_path: pathlib.Path) -> None:
    (tmp_path / "pipeline").mkdir()
    (tmp_path / "pipeline" / "__init__.py").write_text("")
    (tmp_path / "pipeline" / "settings.py").write_text(
        "import os\n\nLIMIT = int(os.environ['NOPE_LIMIT'])\n")
    (tmp_path / "pipeline" / "defs.py").write_text("from pipeline.settings import LIMIT\n")
    (tmp_path / "pipeline" / "typo.py").write_text("from dagwire import asset\n\n@asset\ndef a(:\n")
    result = subprocess.run([sys.executable, "-m", "dagwire.cli", "validate", "pipeline/defs.py"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300,
                            env={k: v for k, v in os.environ.items() if k != "NOPE_LIMIT"})
    # the innermost frame of the user's code, not the import machinery's or the stdlib's
    assert (result.returncode, result.stderr) == (1, (
        "pipeline/defs.py: cannot import module 'pipeline.defs': pipeline/settings.py:3: "
        "KeyError: 'NOPE_LIMIT'\n"))
    result = subprocess.run([sys.executable, "-m", "dagwire.cli", "resources", "pipeline.typo"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert (result.returncode, result.stderr) == (1, (
        "pipeline.typo: cannot import module 'pipeline.typo': pipeline/typo.py:4: "
        "SyntaxError: invalid syntax\n"))


def test_cli_validate_reports_unbound_keys(tmp_path: pathlib.Path) -> None:
    (tmp_path / "broken_defs.py").write_text(
        "from dagwire import ConfigurableResource, Definitions, asset, sensor, RunRequest\n"
        "class Db(ConfigurableResource):\n"
        "    uri: str\n"
        "@asset\n"
        "def users(db: Db) -> int:\n"
        "    return 1\n"
        "@asset\n"
        "def orders(db: Db, cache: Db) -> int:\n"
        "    return 1\n"
        "@sensor(job_name='x')\n"
        "def watch(db: Db) -> None:\n"
        "    return None\n"
        "defs = Definitions(assets=[users, orders], sensors=[watch])\n"
    )
    result = cli("validate", "broken_defs", env={"PYTHONPATH": str(tmp_path)})
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (
        "broken_defs: Invalid Definitions:\n"
        "- resource 'cache' is not bound; required by asset 'orders'; bound keys: (none)\n"
        "- resource 'db' is not bound; required by asset 'users', asset 'orders', sensor 'watch'; bound keys: (none)\n"
        "- sensor 'watch' targets job 'x', which is not defined\n"
    )


def test_cli_validate_import_error() -> None:
    result = cli("validate", "no_such_module_here")
    assert result.returncode == 1
    assert result.stderr == (
        "no_such_module_here: cannot import module 'no_such_module_here': "
        "ModuleNotFoundError: No module named 'no_such_module_here'\n"
    )


def test_cli_run(tmp_path: pathlib.Path) -> None:
    env = {"SHOP_WAREHOUSE_DB": str(tmp_path / "w.sqlite")}
    result = cli("run", "examples.shop.definitions", "--job", "daily_refresh", env=env)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "asset daily_report: INFO: report for 3 customers\n"  # context.log, as it happens
        "asset raw_orders: success\n"
        "asset cleaned_orders: success\n"
        "asset customer_totals: success\n"
        "asset daily_report: success\n"
        "job 'daily_refresh': success\n"
    )
    config = tmp_path / "run.json"
    config.write_text(json.dumps({"ops": {"alert_big_spenders": {"config": {"threshold": 100}}}}))
    result = cli("run", "examples.shop.definitions", "--job", "alerts_job", "--config",
                 str(config), env=env)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "op load_totals: success\nop alert_big_spenders: success\njob 'alerts_job': success\n"
    )


def test_cli_run_missing_env_var_and_bad_config(tmp_path: pathlib.Path) -> None:
    result = cli("run", "examples.shop.definitions", "--job", "daily_refresh")
    assert result.returncode == 1
    assert result.stderr == (
        "examples.shop.definitions: Missing environment variables:\n"
        "- SHOP_WAREHOUSE_DB (resource 'warehouse', field 'database')\n"
    )
    result = cli("run", "examples.shop.definitions", "--job", "alerts_job",
                 env={"SHOP_WAREHOUSE_DB": str(tmp_path / "w.sqlite")})
    assert result.returncode == 1
    assert result.stderr == (
        "examples.shop.definitions: Invalid run config for job 'alerts_job':\n"
        "- op 'alert_big_spenders': threshold: Field required\n"
    )


def test_cli_resources_shows_env_var_names_not_values() -> None:
    secret = "s3cr3t-VALUE-4242"
    result = cli("resources", "examples.shop.definitions", env={"SHOP_WAREHOUSE_DB": secret})
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == DEMO_SECTIONS.split("(EnvVars by name, never by value)\n")[1]
    assert secret not in result.stdout
    unset = cli("resources", "examples.shop.definitions")
    assert unset.stdout == result.stdout.replace(
        "EnvVar('SHOP_WAREHOUSE_DB')  (set)",
        "EnvVar('SHOP_WAREHOUSE_DB')  (not set in this environment)")

