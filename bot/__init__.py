"""DMHC Help Center assistant: domain rules, language helpers, channels and launchers.

Modules named for pure logic (contacts, coverage_terms, language, safety, message_guard,
denial_routing, topics) import nothing from Rasa so they can be tested alone.
"""
