"""Ranks that police forces share with armies ("Sgt.", "Lt.", "Capt.") are a police officer's in a story whose only
armed service is the police, and a soldier's wherever an army, troops or rebels are named."""

from __future__ import annotations


def test_a_lieutenant_in_a_police_story_is_police(resolve):
    text = (
        "Police were called to a house on Elm Street on Sunday. Officers spoke with the man for two hours "
        "before he came out, said Lt. Dana Reyes."
    )
    actor = resolve(text, "Lt. Dana Reyes", head="Reyes")
    assert actor is not None and actor.sector == "POL"


def test_a_sergeant_alone_in_a_police_story_is_police(resolve):
    text = "A deputy sheriff stopped the car near the bridge. The sergeant said the driver had no licence."
    actor = resolve(text, "The sergeant", head="sergeant")
    assert actor is not None and actor.sector == "POL"


def test_a_lieutenant_where_troops_serve_stays_military(resolve):
    text = (
        "Police closed the road while troops searched the village. The soldiers found no weapons, said Lt. Dana Reyes."
    )
    actor = resolve(text, "Lt. Dana Reyes", head="Reyes")
    assert actor is not None and actor.sector == "MIL"


def test_a_general_is_no_shared_rank(resolve):
    text = "Police sealed the square. General Omar Haddad said the officers had orders to stay."
    actor = resolve(text, "General Omar Haddad", head="Haddad")
    assert actor is None or actor.sector != "POL"
