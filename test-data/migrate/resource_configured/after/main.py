from dagwire import ConfigurableResource, job, op


class ApiClient(ConfigurableResource):
    base_url: str
    timeout: int = 30
    retries: int = 1

    def get(self, path: str) -> str:
        return f"GET {self.base_url}{path} (timeout={self.timeout}, retries={self.retries})"


prod_api = ApiClient(base_url="https://api.example.com", retries=5)
staging_api = ApiClient(base_url="https://staging.example.com", timeout=5)


@op
def fetch(api: ApiClient):
    print(api.get("/users"))


@job(resource_defs={"api": prod_api})
def prod_job():
    fetch()


@job(resource_defs={"api": staging_api})
def staging_job():
    fetch()


for job_def in (prod_job, staging_job):
    print(job_def.name, job_def.execute_in_process().success)
