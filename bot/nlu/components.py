"""Rasa NLU component that lets safety and language rules win over the trained classifiers.

Pure decisions live in bot/nlu/priority_intents.py; this adapter only writes them into the message.
It sits after DIET/ResponseSelector and before the FallbackClassifier in config.yml.
"""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu.parse_data import PERSONAL_DETAILS_KEY
from bot.nlu.personal_details import find_personal_details, mask_personal_details
from bot.nlu.priority_intents import in_language, priority_intent


class _Stateless(GraphComponent):
    """Our NLU components hold no state and take no settings: both are built the same way."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "_Stateless":
        return cls()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PriorityIntentOverride(_Stateless):
    """Sets the intent to crisis_self_harm(_es), emergency_now(_es) or other_language when the
    rules say so, and gives the classifier's own safety intent in the message's language."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent, confidence = priority_intent(text), 1.0
            if intent is None:
                # The classifier's own safety intent, in the message's language.
                predicted = message.get(INTENT) or {}
                name = predicted.get("name") or ""
                if in_language(name, text) == name:
                    continue
                intent, confidence = in_language(name, text), float(predicted.get("confidence") or 0.0)
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
            message.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}] + ranking,
                        add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class PersonalDetailsMasker(_Stateless):
    """First in the pipeline: the classifier reads "member ID number" instead of the digits, and
    the parse data lists the kinds of personal detail found (key "personal_details") so the
    actions can ask the person not to share them. The conversation store keeps the message as
    the channel received it."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            kinds = find_personal_details(text)
            if kinds:
                message.set(TEXT, mask_personal_details(text))
                message.set(PERSONAL_DETAILS_KEY, kinds, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
