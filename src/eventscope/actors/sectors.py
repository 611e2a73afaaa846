"""Groups of actor sectors that several stages reason with, named once.

Each stage that needs a wider or narrower notion adds to these by name and says why (``events/senses.py``,
``events/relevance.py``), so the difference between two notions of "political" is written down, not hidden in
two copied lists.
"""

from __future__ import annotations

STATE_SECTORS = frozenset({"GOV", "MIL", "POL", "JUD", "LEG"})
"""The state's own organs: government, armed forces, police, courts, legislature."""
ORGANISED_POLITICAL_SECTORS = STATE_SECTORS | frozenset({"OPP", "PTY", "REB", "MILITIA", "UAF", "IGO", "NGO", "SPY"})
"""Actors whose deeds are political by themselves: the state, parties and the opposition, armed groups, international
and non-governmental organisations, intelligence services."""
