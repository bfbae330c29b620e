# {"env": ...} inside k8s labels, tags or metadata is a label, not a config source; a
# parameter annotated with the framework's own Config base has no fields to check.
import dagster as dg

K8S_TAGS = {
    "dagster-k8s/config": {
        "pod_template_spec_metadata": {"labels": {"env": "prod"}},
        "container_config": {"env": [{"name": "MODE", "value": "batch"}]},
    }
}


@dg.op(tags=K8S_TAGS)
def crunch() -> None:
    pass


@dg.asset(metadata={"owner": {"env": "prod"}}, op_tags={"team": {"env": "data"}})
def labelled(config: dg.Config) -> int:
    return config.limit


# A job's run config reads {"env": ...} (EnvVar(...) would be refused there): not legacy.
@dg.job(config={"resources": {"db": {"config": {"dsn": {"env": "DB_DSN"}}}}})
def nightly() -> None:
    crunch()
