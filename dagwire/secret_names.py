"""Which names name a secret: `password`, `client_secret`, `apiKey`, `db_token`.

The lint rules report a literal given to a secret-named field (RSC301) and the resource
catalog hides the value of any field or key that mentions a secret; both read the words
here, so what one calls a secret the other hides. Standard library only: the lint rules
import it.
"""

from __future__ import annotations

import re

# The last word (or the last two) of a name that holds a secret.
SECRET_WORDS = frozenset({"password", "passwd", "secret", "token", "credentials", "credential"})
SECRET_PAIRS = frozenset({
    ("api", "key"), ("private", "key"), ("access", "key"), ("secret", "key"),
    ("webhook", "url"),  # a Slack or Teams incoming webhook URL carries its token
})
_JOINED_PAIRS = frozenset("".join(pair) for pair in SECRET_PAIRS)  # apikey, webhookurl, ...

# snake_case, camelCase and SHOUTING words: `apiKey` -> api, Key; `DB_PASSWORD` -> DB, PASSWORD
_WORDS = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])")


def words(name: str) -> list[str]:
    return _WORDS.findall(name)


def is_secret_name(name: str) -> bool:
    """True when the name ends in a secret word: `password`, `client_secret`, `apiKey`
    (not `token_url` or `password_env_var`, which name something else)."""
    lowered = [word.lower() for word in words(name)]
    if not lowered:
        return False
    if lowered[-1] in SECRET_WORDS or lowered[-1] in _JOINED_PAIRS:
        return True
    return len(lowered) >= 2 and (lowered[-2], lowered[-1]) in SECRET_PAIRS


def mentions_secret(name: str) -> bool:
    """`password`, `client_secret`, `token_url`, `api_key_id`: True. Any leading run of the
    name's words that is a secret name counts, so a value that might be one is hidden."""
    found = words(name)
    return any(is_secret_name("_".join(found[: end + 1])) for end in range(len(found)))


__all__ = ["SECRET_PAIRS", "SECRET_WORDS", "is_secret_name", "mentions_secret", "words"]
