"""Resident memory from /proc (psutil is not installed): a server's RSS is that of its process and
every descendant, since a server may fork helpers."""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List

PROC = Path("/proc")


def _parents(proc: Path = PROC) -> Dict[int, int]:
    """pid -> parent pid for every process we can read."""
    parents: Dict[int, int] = {}
    for stat in proc.glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # the command name, in parentheses, may hold spaces: the fields after the last ')'
        fields = text[text.rfind(")") + 2:].split()
        parents[int(stat.parent.name)] = int(fields[1])
    return parents


def descendants(pid: int, proc: Path = PROC) -> List[int]:
    """pid and all its children, grandchildren..."""
    parents = _parents(proc)
    found, frontier = [pid], [pid]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier]
        found.extend(children)
        frontier = children
    return found


def rss_kib(pid: int, proc: Path = PROC) -> int:
    """VmRSS of one process in KiB; 0 if it is gone or a kernel thread."""
    try:
        for line in (proc / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mib(pid: int, proc: Path = PROC) -> float:
    """Resident memory of pid and its descendants, in MiB."""
    return sum(rss_kib(p, proc) for p in descendants(pid, proc)) / 1024
