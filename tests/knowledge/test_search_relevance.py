"""The labelled query set against the demo help center reaches recall@3 of at least 0.9.

Run with ``-s`` to see the misses; the figures are kept in docs/search-relevance.md.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest
from django.db import connection

from tierdesk.knowledge.selectors import search_articles

RELEVANCE_SET = Path(__file__).with_name("relevance_set.json")
REQUIRED_RECALL_AT_3 = 0.9


@pytest.mark.django_db
def test_recall_at_3_of_the_labelled_set(help_center: int) -> None:
    queries = json.loads(RELEVANCE_SET.read_text())["queries"]
    assert len(queries) >= 40
    found_by_kind: dict[str, list[bool]] = defaultdict(list)
    misses = []
    for item in queries:
        results = search_articles(None, item["q"], language=item["lang"], limit=3)
        keys = [result.translation.article.key for result in results]
        found = bool(set(keys) & set(item["expected"]))
        found_by_kind[item["kind"]].append(found)
        found_by_kind[item["lang"]].append(found)
        if not found:
            misses.append(f"{item['q']!r} ({item['lang']}): got {keys}, want {item['expected']}")
    recall = sum(
        sum(values) for kind, values in found_by_kind.items() if kind in ("de", "en")
    ) / len(queries)
    print(f"\n{connection.vendor}: recall@3 = {recall:.3f} over {len(queries)} queries")
    for kind, values in sorted(found_by_kind.items()):
        print(f"  {kind}: {sum(values)}/{len(values)}")
    print("\n".join(misses))
    assert recall >= REQUIRED_RECALL_AT_3, misses
