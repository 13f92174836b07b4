"""Narrow title rows for ranking many title matches, and a token for caching word expansions.

PostgreSQL: ranking read the wide search document of every title match (a
common word is in thousands of titles); the title tsvector moves to the narrow
``knowledge_searchtitle`` rows, with the GIN index that 0003 put on the wide
table. Both GIN indexes stop using a pending list (``fastupdate``): without
it a search never scans unsorted recent entries, whenever vacuum last ran;
articles are published rarely, so the slower single inserts do not matter.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models

# Terms are joined by single spaces, so a non-empty text has one more term than spaces.
_TERMS = "CASE WHEN {0} = '' THEN 0 ELSE length({0}) - length(replace({0}, ' ', '')) + 1 END"
FILL_TITLES = f"""
    INSERT INTO knowledge_searchtitle (document_id, language, is_public, title_terms, word_count)
    SELECT id, language, is_public, title_terms,
           ({_TERMS.format("title_terms")}) + ({_TERMS.format("body_terms")})
    FROM knowledge_searchdocument
"""

POSTGRES_FORWARD = [
    """
    ALTER TABLE knowledge_searchtitle ADD COLUMN title_document tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title_terms)) STORED
    """,
    "CREATE INDEX knowledge_searchtitle_title ON knowledge_searchtitle "
    "USING gin (title_document) WITH (fastupdate = off)",
    "ALTER INDEX knowledge_searchdocument_document SET (fastupdate = off)",
    "SELECT gin_clean_pending_list('knowledge_searchdocument_document'::regclass)",
    "DROP INDEX IF EXISTS knowledge_searchdocument_title",
    "ALTER TABLE knowledge_searchdocument DROP COLUMN IF EXISTS title_document",
]
POSTGRES_BACKWARD = [
    """
    ALTER TABLE knowledge_searchdocument ADD COLUMN title_document tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, title_terms)) STORED
    """,
    "CREATE INDEX knowledge_searchdocument_title ON knowledge_searchdocument "
    "USING gin (title_document)",
    "ALTER INDEX knowledge_searchdocument_document RESET (fastupdate)",
    "DROP INDEX IF EXISTS knowledge_searchtitle_title",
    "ALTER TABLE knowledge_searchtitle DROP COLUMN IF EXISTS title_document",
]


def forward(apps, schema_editor):
    schema_editor.execute(FILL_TITLES)
    apps.get_model("knowledge", "SearchVocabularyVersion").objects.create(
        pk=1, token=uuid.uuid4().hex
    )
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_FORWARD:
            schema_editor.execute(statement)


def backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in POSTGRES_BACKWARD:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0003_title_index")]

    operations = [
        migrations.CreateModel(
            name="SearchTitle",
            fields=[
                (
                    "document",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="title",
                        serialize=False,
                        to="knowledge.searchdocument",
                    ),
                ),
                ("language", models.CharField(max_length=8)),
                ("is_public", models.BooleanField()),
                ("title_terms", models.TextField()),
                ("word_count", models.PositiveIntegerField()),
            ],
        ),
        migrations.CreateModel(
            name="SearchVocabularyVersion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("token", models.CharField(max_length=32)),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
