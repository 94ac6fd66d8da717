"""`make bench`: our assistant beside Rasa's starter bot (the anchor), measured in the same run.

stats.py (percentiles, ratios), memory.py (RSS from /proc), starter.py (the cached starter bot),
servers.py (start both, time the start), load.py (concurrent REST users), scaled.py (1 and 2 Rasa
processes behind nginx), profile.py (where one turn's time goes), report.py (markdown and PNG),
__main__.py (the order of it all). Issue 8, item 4.
"""
