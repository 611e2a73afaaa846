from eventscope.dedup import DocumentIndex, find_duplicate_paragraphs

STORY = (
    "Government forces shelled rebel positions outside the northern town on Friday, residents said.\n"
    "The defence ministry said the operation targeted fighters who had attacked an army post.\n"
    "Aid agencies warned that thousands of families had fled the area since the fighting began.\n"
)


def test_exact_and_rewrapped_paragraph_copies_point_to_the_first():
    text = STORY + STORY.splitlines()[0].upper().replace(",", "") + "\n" + STORY.splitlines()[2]
    paragraphs = find_duplicate_paragraphs(text.strip())
    assert [p.duplicate_of for p in paragraphs] == [None, None, None, 0, 2]


def test_lightly_edited_paragraph_is_a_near_duplicate_but_a_different_story_is_not():
    lead = (
        "Government forces shelled rebel positions outside the northern town on Friday, residents said, "
        "in the heaviest fighting since a ceasefire collapsed last month."
    )
    edited = lead.replace("residents said", "witnesses said").replace("heaviest", "fiercest")
    different = (
        "Opposition leaders met diplomats in the capital on Friday to discuss the coming election, "
        "in the first such meeting since the ceasefire collapsed last month."
    )
    paragraphs = find_duplicate_paragraphs("\n".join([lead, STORY.strip(), edited, different]))
    assert paragraphs[4].duplicate_of == 0
    assert paragraphs[5].duplicate_of is None


def test_document_index_finds_copies_within_a_run_and_from_seeded_store():
    index = DocumentIndex()
    assert index.check_and_add("a", STORY) is None
    assert index.check_and_add("b", STORY.replace("\n", " ")) == "a"
    assert index.check_and_add("c", "A completely different report about trade talks and tariffs.") is None
    fresh = DocumentIndex()
    fresh.seed([("a", STORY)])
    assert fresh.check_and_add("z", STORY + "Reporting by a staff writer.") == "a"


def test_reports_differing_in_toll_and_place_are_not_copies():
    first = "Militants killed 5 villagers near Kidal on Tuesday, local officials said in a statement."
    second = "Militants killed 7 villagers near Gao on Tuesday, local officials said in a statement."
    toll_only = "Militants killed 9 villagers near Kidal on Tuesday, local officials said in a statement."
    paragraphs = find_duplicate_paragraphs("\n".join([first, second, toll_only, first]))
    assert [p.duplicate_of for p in paragraphs] == [None, None, None, 0]
    index = DocumentIndex()
    assert index.check_and_add("a", first) is None
    assert index.check_and_add("b", second) is None
    assert index.check_and_add("c", toll_only) is None
    assert index.check_and_add("d", first.replace("  ", " ")) == "a"


def test_a_copy_that_drops_or_adds_a_name_is_still_a_copy():
    lead = (
        "Government forces shelled rebel positions outside Kidal on Friday, residents told Reuters, "
        "in the heaviest fighting since a ceasefire collapsed last month."
    )
    trimmed = lead.replace(", residents told Reuters,", ", residents said,")
    bylined = "UPDATED: " + lead
    paragraphs = find_duplicate_paragraphs("\n".join([lead, trimmed, bylined]))
    assert [p.duplicate_of for p in paragraphs] == [None, 0, 0]


def test_facts_are_numbers_and_names_not_sentence_words():
    from eventscope.dedup.detector import facts, same_facts

    found = facts("The army said five soldiers and 12 civilians died in Kidal.")
    assert {"five", "12", "kidal"} <= found and "the" not in found and "army" not in found
    assert same_facts(frozenset({"5", "kidal"}), frozenset({"5", "kidal", "reuters"}))
    assert not same_facts(frozenset({"5", "kidal"}), frozenset({"7", "kidal"}))
