import dagster as dg


class UploadConfig(dg.Config):
    bucket: str
    access_token: str


@dg.op
def upload(config: UploadConfig) -> None:
    assert config.access_token == "from-env", config.access_token


@dg.job
def upload_job() -> None:
    upload()


defs = dg.Definitions(jobs=[upload_job])


def exercise() -> None:
    result = defs.get_job_def("upload_job").execute_in_process(
        run_config={"ops": {"upload": {"config": {"bucket": "b", "access_token": "tok-live-4"}}}},  # advice: RSC301
    )
    assert result.success
