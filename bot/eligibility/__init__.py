"""The eligibility check: the decision table, its questions, reading answers, texts."""
