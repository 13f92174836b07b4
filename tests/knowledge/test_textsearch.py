"""The pure text functions: terms, compounds, typos, passages."""

from __future__ import annotations

from tierdesk.knowledge import textsearch


def test_terms_are_stemmed_folded_and_without_stopwords() -> None:
    assert textsearch.terms("Die Rücksendung der Batterien", "de") == ["rucksend", "batteri"]
    assert textsearch.terms("Returning the batteries", "en") == ["return", "batteri"]
    assert textsearch.terms("WLAN-Verbindung E-104", "de") == [
        "wlanverbind",
        "wlan",
        "verbind",
        "e104",
        "104",
    ]


def test_compound_is_split_into_known_parts() -> None:
    known = {"rucksend", "etikett", "batteri", "wechsel"}
    assert textsearch.split_compound("rücksendeetikett", known.__contains__) == [
        "rucksend",
        "etikett",
    ]
    assert textsearch.split_compound("batteriewechsel", known.__contains__) == [
        "batteri",
        "wechsel",
    ]
    assert textsearch.split_compound("etikett", known.__contains__) is None
    assert textsearch.split_compound("staubsauger", known.__contains__) is None


def test_edit_distance() -> None:
    assert textsearch.edit_distance_at_most("pasword", "password", 1)
    assert textsearch.edit_distance_at_most("retrun", "return", 1)  # a transposition
    assert not textsearch.edit_distance_at_most("kamera", "karte", 1)
    assert textsearch.typo_limit("abc") == 0 and textsearch.typo_limit("rauchmeldr") == 2


def test_best_passage_marks_matches() -> None:
    text = "Erster Satz ohne Treffer. Das Etikett für die Rücksendung kommt per Mail. Ende."
    passage = textsearch.best_passage(text, "de", {"etikett", "rucksend"}.__contains__)
    assert passage.text.startswith("Das Etikett")
    assert [passage.text[start:end] for start, end in passage.marks] == ["Etikett", "Rücksendung"]
