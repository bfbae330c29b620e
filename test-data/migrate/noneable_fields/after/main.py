from typing import Optional

from dagwire import Config, job, op


class SettingsConfig(Config):
    owner: Optional[str] = None
    reviewer: Optional[str] = None
    retries: Optional[int] = 3
    shards: Optional[list[int]] = None
    weights: list[Optional[int]] = [1, None]
    labels: list[Optional[str]]


@op
def settings(config: SettingsConfig):
    return (config.owner, config.reviewer, config.retries, config.shards, config.weights,
            config.labels, config.owner)


@job
def show_settings():
    settings()


for given in [{"labels": []}, {"owner": "ana", "retries": None, "labels": [None, "x"]}]:
    result = show_settings.execute_in_process(run_config={"ops": {"settings": {"config": given}}})
    print("success:", result.success, result.output_for_node("settings"))
