from dagwire import Field, job, op, resource


class ApiClient:
    def __init__(self, base_url: str, timeout: int, retries: int):
        self.base_url = base_url
        self.timeout = timeout
        self.retries = retries

    def get(self, path: str) -> str:
        return f"GET {self.base_url}{path} (timeout={self.timeout}, retries={self.retries})"


@resource(
    config_schema={
        "base_url": str,
        "timeout": Field(int, default_value=30),
        "retries": Field(int, default_value=1),
    }
)
def api_client(context):
    cfg = context.resource_config
    return ApiClient(cfg["base_url"], cfg["timeout"], cfg["retries"])


prod_api = api_client.configured({"base_url": "https://api.example.com", "retries": 5})
staging_api = api_client.configured({"base_url": "https://staging.example.com", "timeout": 5})


@op(required_resource_keys={"api"})
def fetch(context):
    print(context.resources.api.get("/users"))


@job(resource_defs={"api": prod_api})
def prod_job():
    fetch()


@job(resource_defs={"api": staging_api})
def staging_job():
    fetch()


for job_def in (prod_job, staging_job):
    print(job_def.name, job_def.execute_in_process().success)
