"""Every resource key of the vault project."""

from dagwire import Definitions, EnvVar

from vault import assets
from vault.assets import accounts, balances, new_accounts, report, sync_job
from vault.resources import (
    MARKER,
    Client,
    Credentials,
    Pool,
    Warehouse,
    connect,
    legacy_db,
)

launch_creds = Credentials.configure_at_launch(user="etl")

defs = Definitions(
    assets=[accounts, balances, report],
    jobs=[sync_job],
    sensors=[new_accounts],
    resources={
        "client": Client(base_url="https://api.example", creds=launch_creds),
        "launch_creds": launch_creds,
        "warehouse": Warehouse(
            url="postgresql://etl:MARKER-7f3a9c@db.internal:5432/shop",
            password=MARKER,
            options={"sslmode": "require", "secret": MARKER},
        ),
        "audit": Client(base_url="https://audit.example",
                        creds=Credentials(user="auditor", api_token=EnvVar("VAULT_TOKEN"))),
        "mirror": Client(base_url="https://mirror.example",
                         creds=Credentials.configure_at_launch()),
        "legacy": legacy_db.configured(
            {"uri": "mysql://app:MARKER-7f3a9c@mysql.internal/app", "password": MARKER}
        ),
        "pool": Pool(connection=connect(password=MARKER)),
        "spare": Warehouse(url="sqlite://", password=EnvVar("VAULT_SPARE_PASSWORD")),
    },
)
