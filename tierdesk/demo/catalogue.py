"""The demo's fictional company: Heimwacht GmbH, maker of smart home devices.

Plain data, no Django. Products carry the tag agents put on tickets about them.
"""

from __future__ import annotations

from dataclasses import dataclass

COMPANY = "Heimwacht GmbH"
STAFF_MAIL_DOMAIN = "heimwacht.example"


@dataclass(frozen=True)
class Product:
    tag: str
    name: str
    price_eur: int
    # Devices break, apps and subscriptions do not get sent back in a parcel.
    is_device: bool = True


PRODUCTS = (
    Product("thermostat-t3", "Heimwacht Raumthermostat T3", 129),
    Product("hk2", "Heimwacht Heizkörperthermostat HK2", 49),
    Product("bridge-b1", "Heimwacht Bridge B1 (Zentrale)", 89),
    Product("schloss-s1", "Heimwacht Türschloss S1", 249),
    Product("kamera-c4", "Heimwacht Außenkamera C4", 179),
    Product("kamera-c2", "Heimwacht Innenkamera C2", 99),
    Product("rauchmelder-r1", "Heimwacht Rauchmelder R1", 59),
    Product("stecker-p1", "Heimwacht Zwischenstecker P1", 29),
    Product("kontakt-f1", "Heimwacht Fensterkontakt F1", 35),
    Product("app", "Heimwacht App", 0, is_device=False),
    Product("plus-abo", "Heimwacht Plus (Abo)", 5, is_device=False),
)
DEVICES = tuple(product for product in PRODUCTS if product.is_device)
SUBSCRIPTION = PRODUCTS[-1]
APP = PRODUCTS[-2]

APP_VERSIONS = ("4.7.2", "4.8.0", "4.8.1", "4.9.0", "5.0.1")
FIRMWARE_VERSIONS = ("2.14", "2.15.1", "3.0.2", "3.1.0", "3.2.0")
ERROR_CODES = ("E-104", "E-221", "E-302", "E-415", "E-503", "W-017")
CARRIERS = ("DHL", "Hermes", "DPD", "GLS", "Österreichische Post")


@dataclass(frozen=True)
class ProblemTheme:
    """A root cause behind a wave of similar tickets: what L3 finds and fixes."""

    tag: str
    subject_de: str
    subject_en: str
    symptom_de: str
    symptom_en: str
    solution_de: str
    solution_en: str


PROBLEM_THEMES = (
    ProblemTheme(
        "thermostat-t3",
        "T3 verliert nach Firmware-Update die WLAN-Verbindung",
        "T3 loses Wi-Fi after firmware update",
        "Nach dem Update verbindet sich das Thermostat alle paar Stunden neu.",
        "Since the update the thermostat reconnects every few hours.",
        "Firmware-Hotfix veröffentlicht; DHCP-Lease-Erneuerung korrigiert.",
        "Firmware hotfix released; DHCP lease renewal fixed.",
    ),
    ProblemTheme(
        "app",
        "App stürzt beim Öffnen des Zeitplans ab (Android 14)",
        "App crashes when opening the schedule (Android 14)",
        "Die App schließt sich sofort, wenn man den Heizplan öffnet.",
        "The app closes immediately when the heating schedule is opened.",
        "App-Update mit Korrektur der Zeitzonen-Umrechnung im Store.",
        "App update fixing the time zone conversion is in the stores.",
    ),
    ProblemTheme(
        "schloss-s1",
        "Türschloss S1 meldet fälschlich leere Batterie",
        "Door lock S1 falsely reports empty battery",
        "Das Schloss meldet 'Batterie leer', obwohl neue Batterien eingesetzt sind.",
        "The lock says 'battery empty' although new batteries are fitted.",
        "Kalibrierung der Spannungsmessung per Firmware korrigiert.",
        "Voltage calibration corrected in firmware.",
    ),
    ProblemTheme(
        "kamera-c4",
        "Außenkamera C4: Bewegungsbenachrichtigungen kommen verspätet",
        "Outdoor camera C4: motion alerts arrive late",
        "Benachrichtigungen kommen erst Minuten nach der Bewegung an.",
        "Alerts arrive minutes after the motion happened.",
        "Push-Dienst auf neue Region umgezogen, Warteschlange entlastet.",
        "Push service moved to a new region, queue relieved.",
    ),
    ProblemTheme(
        "bridge-b1",
        "Bridge B1 startet nach Stromausfall nicht sauber",
        "Bridge B1 does not boot cleanly after a power cut",
        "Nach einem Stromausfall blinkt die Bridge rot und findet keine Geräte.",
        "After a power cut the bridge blinks red and finds no devices.",
        "Bootloader-Fix ausgerollt; betroffene Geräte werden automatisch aktualisiert.",
        "Bootloader fix rolled out; affected devices update automatically.",
    ),
    ProblemTheme(
        "plus-abo",
        "Plus-Abo wird nach Zahlungsartwechsel doppelt abgebucht",
        "Plus subscription charged twice after changing payment method",
        "Nach dem Wechsel der Zahlungsart wurde der Monatsbeitrag zweimal abgebucht.",
        "After changing the payment method the monthly fee was charged twice.",
        "Fehler im Abrechnungsdienst behoben; Doppelbuchungen werden erstattet.",
        "Billing service fixed; double charges are refunded.",
    ),
)
