"""Facts with no Rasa: phone lines, plans and agencies, topics, dates and shared texts."""
