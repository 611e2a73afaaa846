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
    lead = ("Government forces shelled rebel positions outside the northern town on Friday, residents said, "
            "in the heaviest fighting since a ceasefire collapsed last month.")
    edited = lead.replace("residents said", "witnesses said").replace("heaviest", "fiercest")
    different = ("Opposition leaders met diplomats in the capital on Friday to discuss the coming election, "
                 "in the first such meeting since the ceasefire collapsed last month.")
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
