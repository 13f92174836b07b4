"""Filling the demo's text templates for one ticket, in the ticket's language. No Django."""

from __future__ import annotations

from collections.abc import Sequence
from types import ModuleType
from typing import TypeVar

import numpy as np

from tierdesk.demo import catalogue, texts_de, texts_en

T = TypeVar("T")

_BY_LANGUAGE: dict[str, ModuleType] = {"de": texts_de, "en": texts_en}


def texts_for(language: str) -> ModuleType:
    return _BY_LANGUAGE.get(language, texts_de)


def pick(rng: np.random.Generator, options: Sequence[T]) -> T:
    return options[int(rng.integers(len(options)))]


def ticket_context(
    rng: np.random.Generator, *, customer: str, product: catalogue.Product
) -> dict[str, str]:
    """The facts a ticket's texts talk about: product, order, error code …"""
    return {
        "customer": customer,
        "product": product.name,
        "order": f"HW-{int(rng.integers(200_000, 899_999))}",
        "error": pick(rng, catalogue.ERROR_CODES),
        "firmware": pick(rng, catalogue.FIRMWARE_VERSIONS),
        "app_version": pick(rng, catalogue.APP_VERSIONS),
        "carrier": pick(rng, catalogue.CARRIERS),
        "days": str(int(rng.integers(3, 15))),
        "amount": f"{int(rng.integers(5, 60)) * 5},00",
        "points": str(int(rng.integers(2, 40)) * 50),
        "quantity": str(int(rng.choice([10, 20, 25, 40, 50, 80, 120, 200]))),
        "agent": "",
        "ticket": "",
    }


def fill(template: str, context: dict[str, str], **extra: str) -> str:
    return template.format_map({**context, **extra})


def product_for(rng: np.random.Generator, intent: str) -> catalogue.Product:
    """A product that fits the request: subscriptions get cancelled, devices sent back."""
    if intent == "cancellation":
        return catalogue.SUBSCRIPTION
    if intent in ("return", "sales_inquiry"):
        return pick(rng, catalogue.DEVICES)
    if intent == "incident" and rng.random() < 0.2:
        return catalogue.APP
    return pick(rng, catalogue.PRODUCTS[:-1])
