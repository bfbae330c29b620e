"""Field's default value, is_required and description given by position, in the order of
its signature."""

from dagwire import Config, Field, job, op


class FetchConfig(Config):
    path: str = "inbox/today.csv"
    retries: int = Field(default=3, description="how many times to try")
    label: str


@op
def fetch(config: FetchConfig):
    print("fetch", config.path, config.retries,
          config.label)


@job
def fetching():
    fetch()


if __name__ == "__main__":
    fetching.execute_in_process(run_config={"ops": {"fetch": {"config": {"label": "a"}}}})
    fetching.execute_in_process(run_config={"ops": {"fetch": {"config": {
        "label": "b", "path": "inbox/other.csv", "retries": 1}}}})
