"""Secrets never shown: a marker secret placed in every position a value can take (secret
field, nested resource field, URI password, run config, defaults, dict entries, legacy
`.configured(...)`, an expression read from source, an EnvVar's value in the environment)
appears in no output, in either mode and any format."""

from __future__ import annotations

import json

import pytest

from dagwire.catalog.masking import mask_uris, masked_repr, mentions_secret
from tests.catalog.catalogs import DATA, MARKER, cli


def test_the_marker_is_in_every_position_of_the_project() -> None:
    """The test below could fail: the marker is really there to leak."""
    sources = "".join(p.read_text() for p in (DATA / "vault").glob("*.py"))
    assert sources.count(MARKER) == 3  # MARKER = "...", and two literal URIs
    for position in ("api_token: str = MARKER", "secret_key: str = MARKER",
                     '"token": MARKER', '"api_token": MARKER', "password=MARKER",
                     '"secret": MARKER', "connect(password=MARKER)", '"password": MARKER',
                     "EnvVar(\"VAULT_TOKEN\")"):
        assert position in sources


@pytest.mark.parametrize("mode", ["loaded", "static"])
@pytest.mark.parametrize("fmt", ["text", "json", "html"])
def test_marker_appears_in_no_output(mode: str, fmt: str) -> None:
    args = ["vault.definitions"] if mode == "loaded" else ["--static", str(DATA / "vault")]
    result = cli(*args, "--format", fmt, env={"VAULT_TOKEN": MARKER}, pythonpath=str(DATA))
    assert (result.returncode, result.stderr) == (0, "")
    assert MARKER not in result.stdout
    assert "7f3a9c" not in result.stdout
    assert result.stdout.count("****") >= 9


def test_what_is_shown_instead() -> None:
    result = cli("--static", str(DATA / "vault"), "--format", "json",
                 env={"VAULT_TOKEN": MARKER})
    data = json.loads(result.stdout)
    resources = {r["key"]: r for r in data["resources"]}

    def field(key: str, name: str) -> dict[str, object]:
        return next(f for f in resources[key]["fields"] if f["name"] == name)

    assert field("warehouse", "password")["value"] == {"kind": "masked", "text": "****"}
    assert field("warehouse", "url")["value"] == {
        "kind": "literal", "text": "'postgresql://etl:****@db.internal:5432/shop'"}
    assert field("warehouse", "options")["value"] == {
        "kind": "literal", "text": "{'sslmode': 'require', 'secret': ****}"}
    creds = field("audit", "creds")["value"]["resource"]  # type: ignore[index]
    assert creds["fields"][1]["value"] == {  # an EnvVar: its name and that it is set
        "kind": "env", "text": "EnvVar('VAULT_TOKEN')", "env": {"name": "VAULT_TOKEN", "set": True}}
    assert creds["fields"][1]["default"] == {"kind": "masked", "text": "****"}
    assert resources["launch_creds"]["launch_config"] == [
        {"job": "sync_job", "config": {"kind": "literal", "text": "{'api_token': ****}"}}]
    job = next(d for d in data["definitions"] if d["ref"] == "job:sync_job")
    assert job["run_config"]["text"] == (
        "{'ops': {'fetch': {'config': {'token': ****}}}, "
        "'resources': {'launch_creds': {'config': {'api_token': ****}}}}")


@pytest.mark.parametrize("name", [
    "password", "db_password", "client_secret", "api_key", "apiKey", "private_key",
    "credentials", "token", "token_url", "password_file", "webhook_token", "secret_key",
])
def test_secret_names(name: str) -> None:
    assert mentions_secret(name)


@pytest.mark.parametrize("name", ["url", "user", "base_url", "timeout", "keyspace", "tokenizer"])
def test_plain_names(name: str) -> None:
    assert not mentions_secret(name)


def test_uri_passwords() -> None:
    assert mask_uris("postgresql://user:pw@host/db") == "postgresql://user:****@host/db"
    assert mask_uris("redis://:pw@cache:6379") == "redis://:****@cache:6379"
    assert mask_uris("https://host/path?a=b") == "https://host/path?a=b"
    assert masked_repr({"dsn": "mysql://a:b@c/d", "auth": {"password": 1}}) == (
        "{'dsn': 'mysql://a:****@c/d', 'auth': {'password': ****}}")
