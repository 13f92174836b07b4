"""PostgreSQL: a second tsvector over the titles (and keywords) alone, with its own GIN index.

Ranking reads every candidate's tsvector; for a common word that is tens of
thousands. The search ranks all title matches and a bounded number of body
matches, and finds the title matches through this index without reading the
bodies. SQLite's FTS5 ranks from its own index and needs nothing here.
"""

from django.db import migrations

FORWARD = [
    """
    ALTER TABLE knowledge_searchdocument ADD COLUMN title_document tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title_terms)) STORED
    """,
    "CREATE INDEX knowledge_searchdocument_title ON knowledge_searchdocument USING gin (title_document)",
]
BACKWARD = [
    "DROP INDEX IF EXISTS knowledge_searchdocument_title",
    "ALTER TABLE knowledge_searchdocument DROP COLUMN IF EXISTS title_document",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0002_full_text_index")]

    operations = [
        # Every search filters by language and visibility after the full-text match;
        # an index on them only tempted PostgreSQL into AND-ing 100,000-row bitmaps.
        migrations.RemoveIndex(model_name="searchdocument", name="knowledge_s_languag_d1eee1_idx"),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
