"""A small bar chart of overturned vs upheld decisions by year, as SVG text, with its text alternative.

Why SVG built by hand: a few rectangles need no plotting library (matplotlib would add tens of
megabytes and a second or more per chart); the file is a few kilobytes, scales on any screen,
and the widget shows it as an <img>, so nothing in it can run. The text alternative says the
same thing in words for screen readers, and the SVG carries it as <title> and <desc> too.
Pure: no Rasa import.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import List
from xml.sax.saxutils import escape

from bot.imr.store import Outcome

WIDTH, HEIGHT = 320, 180
LEFT, RIGHT, TOP, BOTTOM = 34, 8, 28, 30
OVERTURNED_COLOR = "#1b6b3a"  # dark green: contrast 6.6:1 on white
UPHELD_COLOR = "#b9c4cc"
WORDS = {
    "en": {"overturned": "Overturned", "upheld": "Upheld", "title": "IMR decisions by year: {what}",
           "alt": "Bar chart of IMR decisions by year for {what}, {first}-{last}. Each bar is one year: "
                  "{years}.", "year": "{year}: {o} overturned, {u} upheld"},
    "es": {"overturned": "Anuladas", "upheld": "Confirmadas", "title": "Decisiones de IMR por año: {what}",
           "alt": "Gráfica de barras de decisiones de IMR por año para {what}, {first}-{last}. Cada barra "
                  "es un año: {years}.", "year": "{year}: {o} anuladas, {u} confirmadas"},
}


@dataclass(frozen=True)
class Chart:
    """The picture and what it says in words."""

    svg: str
    alt: str
    title: str


def _nice_top(value: int) -> int:
    for step in (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000):
        if value <= step * 4:
            return -(-value // step) * step
    return value


def chart(outcome: Outcome, what: str, language: str = "en") -> Chart:
    """Stacked bars per year (overturned at the bottom), a y-axis with two ticks, a legend."""
    words = WORDS["es" if language == "es" else "en"]
    years = outcome.by_year
    title = words["title"].format(what=what)
    alt = words["alt"].format(
        what=what, first=outcome.first_year, last=outcome.last_year,
        years="; ".join(words["year"].format(year=y, o=o, u=u) for y, o, u in years))
    top = _nice_top(max((o + u for _, o, u in years), default=1) or 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_w / max(len(years), 1)
    bar_w = max(min(slot * 0.7, 28), 2)
    parts: List[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="t d" font-family="sans-serif" font-size="10">',
        f'<title id="t">{escape(title)}</title>', f'<desc id="d">{escape(alt)}</desc>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#ffffff"/>',
        f'<rect x="{LEFT}" y="6" width="10" height="10" fill="{OVERTURNED_COLOR}"/>',
        f'<text x="{LEFT + 14}" y="15">{escape(words["overturned"])}</text>',
        f'<rect x="{LEFT + 90}" y="6" width="10" height="10" fill="{UPHELD_COLOR}"/>',
        f'<text x="{LEFT + 104}" y="15">{escape(words["upheld"])}</text>',
    ]
    for tick in (0, top // 2, top):
        y = TOP + plot_h - plot_h * tick / top
        parts.append(f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e7ea"/>')
        parts.append(f'<text x="{LEFT - 4}" y="{y + 3:.1f}" text-anchor="end">{tick}</text>')
    label_every = 1 if len(years) <= 8 else 2 if len(years) <= 16 else 4
    for index, (year, overturned, upheld) in enumerate(years):
        x = LEFT + slot * index + (slot - bar_w) / 2
        h_o = plot_h * overturned / top
        h_u = plot_h * upheld / top
        base = TOP + plot_h
        parts.append(f'<rect x="{x:.1f}" y="{base - h_o:.1f}" width="{bar_w:.1f}" height="{h_o:.1f}" '
                     f'fill="{OVERTURNED_COLOR}"/>')
        parts.append(f'<rect x="{x:.1f}" y="{base - h_o - h_u:.1f}" width="{bar_w:.1f}" '
                     f'height="{h_u:.1f}" fill="{UPHELD_COLOR}"/>')
        if index % label_every == 0 or index == len(years) - 1:
            parts.append(f'<text x="{x + bar_w / 2:.1f}" y="{HEIGHT - 14}" text-anchor="middle">'
                         f'{"’" + str(year)[2:] if len(years) > 8 else year}</text>')
    parts.append("</svg>")
    return Chart("".join(parts), alt, title)
