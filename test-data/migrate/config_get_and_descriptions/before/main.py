from dagwire import Field, Int, Noneable, String, graph, job, op, resource


class Client:
    def __init__(self, url):
        self.url = url

    def fetch(self, path):
        return f"{self.url}/{path}"


@resource(config_schema={"url": Field(str, description="Where the service lives")})
def client(init_context):
    return Client(init_context.resource_config["url"])


@op(
    config_schema={
        "path": Field(String, description="What to fetch"),
        "retries": Field(Int, default_value=3, description="How often to try"),
        "label": Field(str, is_required=False, description="Shown in the log"),
        "timeout": Noneable(int),
    },
    required_resource_keys={"client"},
)
def fetch(context):
    cfg = context.op_config
    label = cfg.get("label", "unlabelled")
    timeout = cfg.get("timeout", 30)
    body = context.resources.client.fetch(cfg["path"])
    print(f"{label}: {body} (retries={cfg.get('retries', 1)}, timeout={timeout})")
    return body


@op(config_schema={"suffix": Field(str, is_required=False)})
def decorate(context, body):
    suffix = context.op_config.get("suffix")
    return body + (suffix or "")


@graph
def fetch_and_decorate():
    return decorate(fetch())


@job(resource_defs={"client": client.configured({"url": "https://example.com"})})
def nightly():
    fetch_and_decorate()


for op_config in [
    {"fetch": {"config": {"path": "a"}}, "decorate": {"config": {}}},
    {"fetch": {"config": {"path": "b", "retries": 5, "label": "B", "timeout": 9}},
     "decorate": {"config": {"suffix": "!"}}},
]:
    result = nightly.execute_in_process(
        run_config={"ops": {"fetch_and_decorate": {"ops": op_config}}})
    print("success:", result.success, result.output_for_node("fetch_and_decorate"))
