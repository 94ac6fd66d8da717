"""Rasa custom actions: thin adapters over the pure logic in bot/."""
