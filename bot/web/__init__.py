"""Demo web page for the chat widget (bot/web/app.py)."""
