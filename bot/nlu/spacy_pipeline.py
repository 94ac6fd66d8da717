"""Build the spaCy pipeline that Rasa's SpacyNLP loads: blank English, lookup lemmatizer, and an
entity ruler for California plans, programs and agencies.

No model is downloaded (none may be at run time): the pipeline is made from `spacy.blank("en")`
and the lemma tables shipped in spacy-lookups-data, then saved to disk.
Usage: python -m bot.nlu.spacy_pipeline build/spacy_dmhc
"""
from __future__ import annotations

import sys
from pathlib import Path

import spacy
from spacy.language import Language

from bot.domain.coverage_terms import ruler_patterns


def build() -> Language:
    """A blank English pipeline with a lookup lemmatizer and our entity ruler."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()  # loads lemma tables; must run before adding patterns (it clears a ruler)
    ruler = nlp.add_pipe("entity_ruler", config={"overwrite_ents": True})
    ruler.add_patterns(ruler_patterns(lambda text: [t.text for t in nlp.make_doc(text)]))
    return nlp


def main(out_dir: str) -> None:
    """Save the pipeline to out_dir, for config.yml's SpacyNLP `model:`."""
    nlp = build()
    path = Path(out_dir)
    path.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(path)
    print(f"spaCy pipeline with {len(nlp.get_pipe('entity_ruler').patterns)} patterns saved to {path}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/spacy_dmhc")
