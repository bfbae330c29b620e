from typing import Optional

from dagwire import Config, ConfigurableResource, Field, graph, job, op


class Client(ConfigurableResource):
    url: str = Field(description="Where the service lives")

    def fetch(self, path):
        return f"{self.url}/{path}"


class FetchConfig(Config):
    path: str = Field(description="What to fetch")
    retries: int = Field(default=3, description="How often to try")
    label: Optional[str] = Field(default=None, description="Shown in the log")
    timeout: Optional[int] = None


@op
def fetch(config: FetchConfig, client: Client):
    label = (config.label if config.label is not None else "unlabelled")
    timeout = config.timeout
    body = client.fetch(config.path)
    print(f"{label}: {body} (retries={config.retries}, timeout={timeout})")
    return body


class DecorateConfig(Config):
    suffix: Optional[str] = None


@op
def decorate(body, config: DecorateConfig):
    suffix = config.suffix
    return body + (suffix or "")


@graph
def fetch_and_decorate():
    return decorate(fetch())


@job(resource_defs={"client": Client(url="https://example.com")})
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
