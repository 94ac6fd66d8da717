"""bot/rasa_setup.py keeps Rasa's behaviour: the same action replies pass and fail as with
Rasa's own check, and an action call waits at most the limit."""
import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.channels.limits import ACTION_CALL_SECONDS
from bot.rasa_setup import configure

GOOD = [
    {"events": [], "responses": []},
    {"events": [{"event": "slot", "name": "coverage", "value": "dmhc", "timestamp": None}],
     "responses": [{"text": "hello", "buttons": [{"title": "Yes", "payload": "yes"}]}]},
    {"events": [{"event": "active_loop", "name": None}, {"event": "followup", "name": "utter_x"}]},
]
BAD = [
    {"events": "not a list"},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"event": "slot"}]},  # a slot event without its name
    {"responses": "text"},
]


@pytest.mark.parametrize("reply", GOOD + BAD)
def test_the_same_replies_pass_and_fail_as_with_rasas_own_check(reply):
    action = RemoteAction("action_x", None)
    try:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
        rasa_says_valid = True
    except jsonschema.ValidationError:
        rasa_says_valid = False
    configure()
    if rasa_says_valid:
        assert action._validate_action_result(reply) is True
    else:
        with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
            action._validate_action_result(reply)
    assert (reply in GOOD) == rasa_says_valid, "the samples are what they say"


def test_an_action_call_waits_at_most_the_limit():
    import rasa.core.actions.action as rasa_actions

    configure()
    assert rasa_actions.DEFAULT_REQUEST_TIMEOUT == ACTION_CALL_SECONDS < 300
