"""Rasa input channels adapted for the Help Center (REST now; web widget and SMS later)."""
