"""The department as the seed article describes it: five levels and six teams.

Used by the data migration that seeds every new database; editable afterwards.
"""

from __future__ import annotations

# code, English, German, rank, holds a queue, writes to customers
LEVELS = [
    ("pre_support", "Pre-support / community", "Pre-Support / Community", 1, False, True),
    ("self_service", "Self-service / help center", "Self-Service / Hilfe-Center", 2, False, True),
    ("L1", "First Level Support", "First Level Support", 3, True, True),
    ("L2", "Second Level Support", "Second Level Support", 4, True, True),
    ("L3", "Third Level Support", "Third Level Support", 5, True, False),
]

# slug, English, German, description
TEAMS = [
    ("sales", "Sales", "Vertrieb", "Sells products and services; wins new customers."),
    (
        "account_management",
        "Account Management",
        "Account Management / Key Account",
        "Looks after the most important existing customers (up to 80 % of revenue).",
    ),
    (
        "loyalty",
        "Loyalty & Rewards",
        "Kundentreue und Prämien",
        "Loyalty programmes, exclusive offers, personalised notifications.",
    ),
    ("returns", "Returns & Warranty", "Rückgabe und Garantie", "Returns, exchanges, warranty."),
    (
        "complaints",
        "Complaint Management",
        "Beschwerdemanagement",
        "Handles complaints systematically to prevent churn and find weaknesses.",
    ),
    (
        "support",
        "Customer Support",
        "Kundensupport",
        "Technical questions, special use cases and general questions.",
    ),
]
