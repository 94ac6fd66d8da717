"""Processes: make run, the action server, the agents' shell, benchmarks and reports."""
