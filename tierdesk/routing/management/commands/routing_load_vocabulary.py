"""Load the classifier's shipped German and English vocabulary (editable afterwards)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from tierdesk.routing.services import classifier_vocabulary_load


class Command(BaseCommand):
    help = "Add the shipped keywords per type and team to the classifier; existing ones stay."

    def handle(self, *args: Any, **options: Any) -> None:
        added = classifier_vocabulary_load()
        self.stdout.write(f"{added} keywords added")
