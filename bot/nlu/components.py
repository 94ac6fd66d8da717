"""Our Rasa NLU components: thin adapters over the pure code in bot/nlu/.

PersonalDetailsMasker comes first in config.yml, then SentenceIntentClassifier (the trained
reader), then PriorityIntentOverride, and Rasa's FallbackClassifier last.
"""
from __future__ import annotations

import hashlib
import inspect
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import ModuleType
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import (
    ENTITIES,
    INTENT,
    INTENT_RANKING_KEY,
    INTENT_RESPONSE_KEY,
    METADATA,
    METADATA_EXAMPLE,
    METADATA_INTENT,
    RESPONSE_SELECTOR,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlu import (conversation_language, intent_model, parse_data, priority_intents,
                     sentence_embedder, spanish_gloss, spanish_gloss_words)
from bot.nlu.spanish_gloss import gloss
from bot.nlu.conversation_language import SPANISH as SPANISH_CODE
from bot.nlu.conversation_language import message_language, requested_language
from bot.nlu.parse_data import ANSWER_KINDS_KEY, PERSONAL_DETAILS_KEY, answer_kinds
from bot.nlu.personal_details import find_personal_details, mask_personal_details
from bot.nlu.priority_intents import (CHOOSE_LANGUAGE_INTENT, OTHER_LANGUAGE_INTENT, winning_intent,
                                     without_language)
from bot.nlu.intent_model import IntentModel, Reading, label_of
from bot.nlu.sentence_embedder import DEFAULT_DIR as DEFAULT_EMBEDDER_DIR
from bot.nlu.sentence_embedder import RememberingEmbedder
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


LANGUAGE_ENTITY = "language"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageTagger(_Stateless):
    """Adds a `language` entity ("en"/"es") when a message is clearly one language
    (bot/nlu/conversation_language.py), or names the one it asks for ("cambiar a inglés") when
    read as choose_language; the `language` slot is filled from it, so a message that says
    nothing about its language ("sí", "Medi-Cal") leaves the conversation's as it was. Runs
    after the intent is known."""

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            intent = (message.get(INTENT) or {}).get("name")
            language = ((requested_language(text) if intent == CHOOSE_LANGUAGE_INTENT else None)
                        or message_language(text))
            if language is None:
                continue
            entity = {"entity": LANGUAGE_ENTITY, "value": language, "start": 0, "end": len(text),
                      "confidence": 1.0, "extractor": self.__class__.__name__}
            message.set(ENTITIES, list(message.get(ENTITIES) or []) + [entity],
                        add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


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
            # The same intent in the other language goes too: left in, "crisis_self_harm 0.96"
            # beside "crisis_self_harm_es 1.0" made Rasa's fallback call the two ambiguous.
            rest = [r for r in message.get(INTENT_RANKING_KEY) or []
                    if without_language(str(r.get("name"))) != without_language(intent)]
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
SPANISH_MODEL_FILE = "intent_model_es.joblib"
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
        return source_fingerprint(intent_model, sentence_embedder, parse_data, conversation_language,
                                  priority_intents, spanish_gloss, spanish_gloss_words,
                                  sys.modules[__name__])

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource,
                 model: Optional[IntentModel] = None,
                 spanish_model: Optional[IntentModel] = None) -> None:
        self.config = config
        self.model_storage = model_storage
        self.resource = resource
        self.model = model
        self.spanish_model = spanish_model

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
            spanish = IntentModel.load(Path(directory) / SPANISH_MODEL_FILE, embedder, gloss)
        return cls(config, model_storage, resource, model, spanish)

    def train(self, training_data: TrainingData) -> Resource:
        embedder = RememberingEmbedder(load_embedder(str(self.config["model_dir"])))
        english = training_examples(training_data)
        spanish = training_examples(training_data, SPANISH_CODE)
        self.model = IntentModel(embedder)
        # With an English gloss of each message beside it (bot/nlu/spanish_gloss.py): measured
        # on tests/heldout/es_first_messages.yml, the Spanish reader alone went 0.770 -> 0.871.
        self.spanish_model = IntentModel(embedder, gloss)
        # Every vector is computed first (the Spanish reader's examples include the English
        # ones), so the two fits below only read the embedder's memory and can run side by
        # side: scipy's sparse products release the GIL, and the fits took 35 s + 150 s.
        self.spanish_model.sentence_vectors(spanish[0])
        with ThreadPoolExecutor(max_workers=2) as pool:
            fits = [pool.submit(self.model.fit, *english), pool.submit(self.spanish_model.fit, *spanish)]
            for fit in fits:
                fit.result()
        with self.model_storage.write_to(self.resource) as directory:
            self.model.save(Path(directory) / MODEL_FILE)
            self.spanish_model.save(Path(directory) / SPANISH_MODEL_FILE)
        return self.resource

    def _model_for(self, text: str) -> Optional[IntentModel]:
        """Two models, by measurement: with the Spanish examples in it, the English model's
        held-out figures went down (typed answers 0.975 -> 0.964), so English is read by a model
        without them and a clearly Spanish message by one trained on both languages. A message
        that is not clearly Spanish ("sí" is; "no", "ok" are not) is read as before."""
        if self.spanish_model is not None and message_language(text) == SPANISH_CODE:
            return self.spanish_model
        return self.model

    def process(self, messages: List[Message]) -> List[Message]:
        if self.model is None:
            return messages
        for message in messages:
            text = str(message.get(TEXT) or "")
            model = self._model_for(text)
            reading = model.read(text)
            if (model is self.model and self.spanish_model is not None
                    and reading.intents[0][0] == OTHER_LANGUAGE_INTENT):
                # "Not English" to the English reader but not clearly Spanish either ("verificar
                # si califico"): the Spanish reader, which also knows other languages, reads it.
                reading = self.spanish_model.read(text)
            name, confidence = reading.intents[0]
            message.set(INTENT, {"name": name, "confidence": confidence}, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [{"name": n, "confidence": c} for n, c in reading.intents],
                        add_to_output=True)
            message.set(RESPONSE_SELECTOR, _selector_output(reading), add_to_output=True)
            message.set(ANSWER_KINDS_KEY, {name: [{"name": k, "confidence": p} for k, p in ranked]
                                           for name, ranked in reading.kinds.items()},
                        add_to_output=True)
        return messages


def example_language(message: Message) -> str:
    """The model an example teaches: "es" for blocks marked `metadata: {language: es}`
    (data/nlu/es/, data/nlu/safety_es.yml), else "en" (the English model, and the Spanish
    reader too, which learns from every example). The Spanish safety examples were once taught
    to the English model too: the only Spanish it knew, they made "nos vemos" a crisis."""
    intent_metadata = (message.get(METADATA) or {}).get(METADATA_INTENT) or {}
    return str(intent_metadata.get("language") or "en") if isinstance(intent_metadata, dict) else "en"


def training_examples(training_data: TrainingData, language: str = "en"
                      ) -> Tuple[List[str], List[str], List[Dict[str, str]]]:
    """What one language's model learns from Rasa's training data: each example's text, its
    label (the topic for a retrieval intent, "faq/cost") and its answer kinds. The English model
    learns the English examples; the model that reads Spanish
    learns all of them: measured on tests/heldout/es_first_messages.yml, Spanish examples
    alone gave 0.67 right, with the English ones 0.77 (English words in Spanish messages, and
    the English negatives). Also used by bot/run/cross_validate.py (English)."""
    wanted = ("en", "es") if language == SPANISH_CODE else ("en",)
    examples = [m for m in training_data.intent_examples if m.get(TEXT)
                and example_language(m) in wanted]
    labels = [label_of(without_language(str(m.get(INTENT))), m.get(INTENT_RESPONSE_KEY))
              for m in examples]
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
