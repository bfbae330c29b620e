# False-positive guard: a user's own class named Config shadows the framework's.
from dagster import asset, op
from pydantic import BaseModel


class Config(BaseModel):
    token: str = "literal-but-not-a-dagster-config"


class JobSettings(Config):
    day: str


@asset
def daily(settings: JobSettings) -> None:
    pass


@op
def run(config: JobSettings) -> None:
    print(config.not_a_field)


class Model(BaseModel):
    class Config:  # pydantic v1 style inner Config
        extra = "forbid"
