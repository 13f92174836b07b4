"""The classifier's starting vocabulary, German and English (editable in the admin).

Terms are word starts: ``kündig`` finds "Kündigung", "kündigen", "gekündigt" only
when written as a word start, so ``gekündigt`` needs its own entry. Umlauts may be
written either way by customers; the classifier folds them. Weight 2 marks terms
that on their own say what the request is.
"""

from __future__ import annotations

from tierdesk.routing.classifier import Keyword

# type, team, language, weight, terms
_VOCABULARY: tuple[tuple[str, str, str, float, tuple[str, ...]], ...] = (
    ("cancellation", "loyalty", "de", 2.0, (
        "kündig", "gekündigt", "abo beenden", "abonnement beenden", "vertrag beenden",
        "konto löschen", "kundenkonto", "verlängerung", "nicht verlängern", "sonderkündigung",
    )),
    ("cancellation", "loyalty", "de", 1.0, ("aus dem abo", "laufzeitende", "abo", "abonnement")),
    ("cancellation", "loyalty", "en", 2.0, (
        "cancel my", "cancelling", "cancellation", "terminate", "unsubscribe", "delete my account",
        "renewal", "renew", "end my plan", "end my subscription",
    )),
    ("cancellation", "loyalty", "en", 1.0, ("subscription", "plan early", "cancelled")),
    ("complaint", "complaints", "de", 2.0, (
        "beschwer", "beschwerde", "unzufrieden", "enttäusch", "frechheit", "unverschämt",
        "inakzeptabel", "nicht akzeptabel", "verärgert", "miserabel", "respektlos",
        "verbraucherzentrale", "getäuscht", "entschuldigung",
    )),
    ("complaint", "complaints", "de", 1.0, (
        "ärger", "reklamation", "unfreundlich", "bittsteller", "nie eine antwort",
        "keine antwort", "wiederholten mal", "so nicht", "gefallen",
    )),
    ("complaint", "complaints", "en", 2.0, (
        "complaint", "complain", "unacceptable", "unhappy", "disappointed", "furious",
        "terrible", "disrespectful", "misled", "rude", "apology", "consumer protection",
        "treated like",
    )),
    ("complaint", "complaints", "en", 1.0, (
        "never got a reply", "nobody answers", "hung up", "is this how you treat",
        "won't accept", "runaround",
    )),
    ("return", "returns", "de", 2.0, (
        "rücksend", "zurückschick", "zurückgeschickt", "zurücksenden", "retour", "umtausch",
        "umtauschen", "widerruf", "widerrufe", "garantie", "gewährleistung", "ersatzgerät",
        "austausch", "zurückgeben", "erstattung", "annahme", "zurück an absender",
    )),
    ("return", "returns", "de", 1.0, (
        "defekt", "kaputt", "beschädigt", "gesprungen", "falscher artikel", "statt",
        "geld zurück", "neues gerät", "einschicken", "tauschen",
    )),
    ("return", "returns", "en", 2.0, (
        "return", "send it back", "send back", "exchange", "warranty", "refund", "replacement",
        "withdraw", "refused the parcel", "refused delivery",
    )),
    ("return", "returns", "en", 1.0, (
        "damaged", "broken", "cracked", "wrong item", "received a", "died", "need a new one",
    )),
    ("sales_inquiry", "sales", "de", 2.0, (
        "angebot", "kostenvoranschlag", "mengenrabatt", "rabatt", "händler", "großbestellung",
        "geschäftskunden", "konditionen", "vorbestell", "partner", "sortiment", "interessier",
    )),
    ("sales_inquiry", "sales", "de", 1.0, (
        "preis", "kosten", "was kostet", "kaufen", "bestellen", "wohnungen", "wohneinheiten",
        "hausverwaltung", "hotel", "neubau", "schulung", "installateur", "ausstatt",
        "beratung", "kontakt mit uns",
    )),
    ("sales_inquiry", "sales", "en", 2.0, (
        "quote", "pricing", "volume discount", "discount", "reseller", "retailer",
        "pre-order", "business customers", "estimate", "partner programme", "interested in",
    )),
    ("sales_inquiry", "sales", "en", 1.0, (
        "price", "cost", "buying", "buy", "equip", "flats", "apartment buildings",
        "installer", "get in touch", "starter kit",
    )),
    ("question", "loyalty", "de", 2.0, (
        "treuepunkt", "treueprogramm", "bonuspunkt", "bonusprogramm", "prämie", "punkte",
        "gold-status", "mitglieder",
    )),
    ("question", "loyalty", "en", 2.0, (
        "loyalty", "reward", "points", "gold tier", "member voucher", "members",
    )),
    ("incident", "support", "de", 2.0, (
        "fehler", "funktioniert nicht", "geht nicht", "stürzt", "abstürz", "offline",
        "reagiert nicht", "verbindet sich nicht", "nicht erreichbar", "hängt", "bleibt kalt",
        "piept", "einfriert", "friert", "fehlermeldung", "nicht mehr",
    )),
    ("incident", "support", "de", 1.0, (
        "update", "firmware", "wlan", "verbindung", "blinkt", "neustart", "einloggen",
        "kalibrier", "ignoriert", "nicht gefunden", "aussetzer", "zeigt", "leer", "kalt",
        "geht gar nichts",
    )),
    ("incident", "support", "en", 2.0, (
        "error", "crash", "not working", "not responding", "doesn't connect",
        "does not connect", "disconnect", "failed", "fails", "false alarm", "unreachable",
        "stays cold", "stuck", "drains",
    )),
    ("incident", "support", "en", 1.0, (
        "router", "blinking", "timeout", "no notifications",
        "don't get", "ignored", "reads", "battery", "cold",
    )),
    ("question", "support", "de", 1.0, (
        "wie kann ich", "wie lange", "gibt es", "anleitung", "wo finde", "wo werden",
        "funktioniert das", "kompatib", "kann ich", "einrichten", "frage", "wie viel",
    )),
    ("question", "support", "en", 1.0, (
        "how do i", "how to", "how long", "is there", "manual", "where can i", "where are",
        "compatible", "can i", "does the", "which", "how much",
    )),
)  # fmt: skip


def default_keywords() -> tuple[Keyword, ...]:
    """Every term of the starting vocabulary as a classifier keyword."""
    return tuple(
        Keyword(term=term, ticket_type=kind, team_slug=team, weight=weight, language=language)
        for kind, team, language, weight, terms in _VOCABULARY
        for term in terms
    )
