"""Where Rasa keeps what outlives a process: conversation locks (and, with it, the turn order)."""
