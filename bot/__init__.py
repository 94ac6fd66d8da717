"""DMHC Help Center assistant, grouped by purpose:

- domain/: facts with no Rasa (phone lines, plans and agencies, dates, topics, shared texts)
- eligibility/: the eligibility check (decision table, questions, reading answers, texts)
- nlu/: reading messages (spaCy pipeline, our NLU components, safety, language, parse data)
- channels/: REST, the website widget (socket.io) and SMS, with the message guard
- web/: the demo page and the chat widget
- run/: processes (make run's launcher, the action server, the shell, benchmarks, reports)

domain/ and eligibility/ import nothing from Rasa, so they can be tested alone.
"""
