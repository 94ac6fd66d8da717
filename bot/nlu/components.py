"""Our Rasa NLU components: thin adapters over the pure code in bot/nlu/.

PersonalDetailsMasker comes first in config.yml, then SentenceIntentClassifier (the trained
reader), then PriorityIntentOverride, and Rasa's FallbackClassifier last.
"""
from __future__ import annotations

import hashlib
import inspect
import sys
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    METADATA,
    METADATA_EXAMPLE,
    RESPONSE_SELECTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import intent_model, parse_data, sentence_embedder
from bot.nlu.parse_data import ANSWER_KINDS_KEY, PERSONAL_DETAILS_KEY, answer_kinds
from bot.nlu.personal_details import find_personal_details, mask_personal_details
from bot.nlu.priority_intents import winning_intent
from bot.nlu.intent_model import IntentModel, Reading, label_of
from bot.nlu.sentence_embedder import DEFAULT_DIR as DEFAULT_EMBEDDER_DIR
from bot.nlu.sentence_embedder import load as load_embedder


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


def source_fingerprint(*modules: ModuleType) -> str:
    """A hash of the code a trained or cached result depends on. Rasa fingerprints a node by its
    config and inputs only, so without this a change to the model's code reused the old model."""
    digest = hashlib.sha256()
    for module in modules:
        digest.update(inspect.getsource(module).encode("utf-8"))
    return digest.hexdigest()


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PriorityIntentOverride(_Stateless):
    """Sets the intent to crisis_self_harm(_es), emergency_now(_es) or other_language when
    bot/nlu/priority_intents.py:winning_intent says so."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            ranking = [(str(r.get("name")), float(r.get("confidence") or 0.0))
                       for r in message.get(INTENT_RANKING_KEY) or []]
            winner = winning_intent(text, ranking)
            if winner is None:
                continue
            intent, confidence = winner
            rest = [r for r in message.get(INTENT_RANKING_KEY) or [] if r.get("name") != intent]
            message.set(INTENT, {"name": intent, "confidence": confidence}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": intent, "confidence": confidence}] + rest,
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


MODEL_FILE = "intent_model.joblib"
TOPIC_RANKING_LENGTH = 10


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class SentenceIntentClassifier(GraphComponent):
    """Reads the intent and, for the faq retrieval intent, the FAQ topic, with one model
    (bot/nlu/intent_model.py). Writes them where Rasa's DIETClassifier and ResponseSelector
    would, so Rasa's FallbackClassifier, policies and our actions read them unchanged."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"model_dir": str(DEFAULT_EMBEDDER_DIR)}

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Retrain when the model's code changes, not only its config or data."""
        return source_fingerprint(intent_model, sentence_embedder, parse_data, sys.modules[__name__])

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[IntentModel] = None) -> None:
        self.config = config
        self.model_storage = model_storage
        self.resource = resource
        self.model = model

    @classmethod
    def create(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> "SentenceIntentClassifier":
        return cls(config, model_storage, resource)

    @classmethod
    def load(cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
             execution_context: ExecutionContext, **kwargs: Any) -> "SentenceIntentClassifier":
        embedder = load_embedder(str(config["model_dir"]))
        with model_storage.read_from(resource) as directory:
            model = IntentModel.load(Path(directory) / MODEL_FILE, embedder)
        return cls(config, model_storage, resource, model)

    def train(self, training_data: TrainingData) -> Resource:
        texts, labels, kinds = training_examples(training_data)
        self.model = IntentModel(load_embedder(str(self.config["model_dir"]))).fit(
            texts, labels, kinds)
        with self.model_storage.write_to(self.resource) as directory:
            self.model.save(Path(directory) / MODEL_FILE)
        return self.resource

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            reading = self.model.read(str(message.get(TEXT) or ""))
            name, confidence = reading.intents[0]
            message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in reading.intents],
                        add_to_output=True)
            message.set(RESPONSE_SELECTOR, _selector_output(reading), add_to_output=True)
            message.set(ANSWER_KINDS_KEY, {name: [{"name": k, "confidence": p} for k, p in ranked]
                                           for name, ranked in reading.kinds.items()},
                        add_to_output=True)
        return messages


def training_examples(training_data: TrainingData
                      ) -> Tuple[List[str], List[str], List[Dict[str, str]]]:
    """What the model learns from Rasa's training data: each example's text, its label (the
    topic for a retrieval intent, "faq/cost") and its answer kinds. Also used by
    bot/run/cross_validate.py, so the report measures the model as it is trained."""
    examples = [m for m in training_data.intent_examples if m.get(TEXT)]
    labels = [label_of(str(m.get(INTENT)), m.get(INTENT_RESPONSE_KEY)) for m in examples]
    kinds = [answer_kinds((m.get(METADATA) or {}).get(METADATA_EXAMPLE), label)
             for m, label in zip(examples, labels)]
    return [str(m.get(TEXT)) for m in examples], labels, kinds


def _selector_output(reading: Reading) -> Dict[str, Any]:
    """The topics in the shape of Rasa's ResponseSelector output (what bot/nlu/parse_data.py and
    Rasa's processor read)."""
    output: Dict[str, Any] = {"all_retrieval_intents": sorted(reading.topics)}
    for intent, topics in reading.topics.items():
        best, score = topics[0]
        output[intent] = {
            "response": {"intent_response_key": best, "confidence": score,
                         "utter_action": f"utter_{best}", "responses": None},
            "ranking": [{"intent_response_key": key, "confidence": p}
                        for key, p in topics[:TOPIC_RANKING_LENGTH]],
        }
    return output
