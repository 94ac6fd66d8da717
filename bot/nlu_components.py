"""Rasa NLU component that lets safety and language rules win over the trained classifiers.

Pure decisions live in bot/priority_intents.py; this adapter only writes them into the message.
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

from bot.priority_intents import priority_intent


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PriorityIntentOverride(GraphComponent):
    """Sets the intent to crisis_self_harm, emergency_now or other_language when the rules say so."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PriorityIntentOverride":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = priority_intent(message.get(TEXT) or "")
            if intent is None:
                continue
            ranking = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
            message.set(INTENT, {"name": intent, "confidence": 1.0}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": 1.0}] + ranking,
                        add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
