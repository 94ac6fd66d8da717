"""Reading messages: the spaCy pipeline, our NLU components, safety and language checks."""
