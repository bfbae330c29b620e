import dagster as dg


class Replicator(dg.ConfigurableResource):
    target: str


class Auditor(dg.ConfigurableResource):
    team: str


def replica_assets(region: str):
    @dg.asset(name=f"replica_{region}")
    def _replica(replicator: Replicator) -> int:
        return 1

    specs = [dg.AssetSpec(f"source_{region}")]
    return _replica, specs


def audit_asset() -> dg.AssetsDefinition:
    @dg.asset
    def audit(auditor: Auditor) -> int:
        return 2

    return audit
