"""What our Rasa process changes in Rasa 3.6 when it starts, in one place, and why.

Rasa 3.6 has no settings for these, so they are set on its modules; each is small, keeps Rasa's
behaviour and is tested (tests/unit/test_rasa_setup.py, tests/e2e/test_slow_action_server.py).
Called by each of our channels when Rasa creates it: in the Rasa process, before any message.

1. The action-call time limit (bot/channels/limits.py): Rasa waits 300 s.
2. The action server's reply is checked against Rasa's JSON schema with a checker built once.
   Rasa calls jsonschema.validate() on every reply, which first re-checks the (large, unchanging)
   schema itself: measured 50 ms per custom action on this machine, against 1.6 ms with the
   checker built once; `make bench`'s profile found it was 46% of a turn. The same replies pass
   and fail, with the same error text.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Text

from bot.channels.limits import bound_action_calls


@lru_cache(maxsize=1)
def _action_reply_checker() -> Any:
    import jsonschema
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    checker_class = jsonschema.validators.validator_for(schema)
    checker_class.check_schema(schema)
    return checker_class(schema)


def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    """RemoteAction._validate_action_result, with the checker built once."""
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _action_reply_checker().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            ". Failed to validate Action server response from API, "
            "make sure your response from the Action endpoint is valid. "
            "For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def configure() -> None:
    """Apply both; calling it again changes nothing."""
    from rasa.core.actions.action import RemoteAction

    bound_action_calls()
    RemoteAction._validate_action_result = _validate_action_result
