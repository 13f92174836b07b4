"""Names for the demo department's people and organisations (all fictional).

Plain data, no Django. Customers are mostly German, some Austrian and Swiss, some
English-speaking; their mail addresses use the reserved example domains (RFC 2606).
"""

from __future__ import annotations

GERMAN_FIRST_NAMES_FEMALE = (
    "Anna", "Julia", "Laura", "Lena", "Sarah", "Katharina", "Sabine", "Petra", "Claudia",
    "Monika", "Stefanie", "Nicole", "Andrea", "Christina", "Melanie", "Sandra", "Jana",
    "Lisa", "Marie", "Sophie", "Hannah", "Leonie", "Franziska", "Birgit", "Ursula", "Heike",
    "Karin", "Simone", "Tanja", "Miriam", "Elif", "Aylin", "Agnieszka", "Giulia",
)  # fmt: skip
GERMAN_FIRST_NAMES_MALE = (
    "Thomas", "Michael", "Andreas", "Stefan", "Christian", "Markus", "Frank", "Jürgen",
    "Tobias", "Daniel", "Jan", "Lukas", "Felix", "Jonas", "Maximilian", "Florian",
    "Sebastian", "Matthias", "Alexander", "Dirk", "Uwe", "Klaus", "Wolfgang", "Peter",
    "Ralf", "Holger", "Timo", "Niklas", "Paul", "Emre", "Mehmet", "Piotr", "Marco",
)  # fmt: skip
GERMAN_LAST_NAMES = (
    "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker",
    "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf",
    "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann",
    "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier", "Lehmann",
    "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer",
    "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung",
    "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger",
    "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster",
    "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer",
    "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt",
    "Yılmaz", "Kaya", "Öztürk", "Nowak", "Kowalski", "Rossi", "Esposito",
)  # fmt: skip
AUSTRIAN_LAST_NAMES = (
    "Gruber", "Huber", "Pichler", "Moser", "Steiner", "Hofer", "Leitner", "Eder",
    "Fuchs", "Wimmer", "Egger", "Lechner", "Holzer", "Aigner", "Reiter",
)  # fmt: skip
SWISS_LAST_NAMES = (
    "Brunner", "Baumgartner", "Frei", "Gerber", "Widmer", "Zürcher", "Kälin", "Bühler",
    "Furrer", "Graf", "Suter", "Ammann", "Zollinger",
)  # fmt: skip
ENGLISH_FIRST_NAMES = (
    "James", "Emily", "Oliver", "Sophie", "Harry", "Charlotte", "George", "Amelia",
    "Jack", "Olivia", "Daniel", "Grace", "Thomas", "Chloe", "Liam", "Emma",
)  # fmt: skip
ENGLISH_LAST_NAMES = (
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Davies", "Evans",
    "Thomas", "Johnson", "Walker", "Wright", "Clarke", "Hughes", "Murphy", "O'Brien",
)  # fmt: skip

PRIVATE_MAIL_DOMAINS = ("example.com", "example.net", "example.org")

# name, mail domain, key account?
ORGANISATIONS = (
    ("ElektroMarkt Süd AG", "elektromarkt-sued.example", True),
    ("WohnWert Immobilien AG", "wohnwert.example", True),
    ("Bauverein Rheinland eG", "bauverein-rheinland.example", True),
    ("Seeblick Hotelgruppe GmbH", "seeblick-hotels.example", True),
    ("Smart Living Handels GmbH", "smartliving-handel.example", True),
    ("Installateur-Verbund Mitte eG", "iv-mitte.example", True),
    ("Donaublick Hausverwaltung GmbH", "donaublick-hv.example", True),
    ("Limmat Wohnbau AG", "limmat-wohnbau.example", True),
    ("Hausverwaltung Krause & Partner", "hv-krause.example", False),
    ("Elektro Maier GmbH", "elektro-maier.example", False),
    ("Hotel Alpenblick", "hotel-alpenblick.example", False),
    ("Pflegeheim Sonnenhof gGmbH", "sonnenhof-pflege.example", False),
    ("Ferienwohnungen Ostseeperle", "ostseeperle.example", False),
    ("Schreinerei Holzwerk Becker", "holzwerk-becker.example", False),
    ("Zahnarztpraxis Dr. Lehmann", "praxis-lehmann.example", False),
    ("Kanzlei Hartmann & Vogel", "kanzlei-hartmann.example", False),
    ("Studentenwerk Beispielstadt", "stw-beispielstadt.example", False),
    ("Wohnungsbaugenossenschaft Lindenhof eG", "wbg-lindenhof.example", False),
    ("Elektrotechnik Yılmaz", "et-yilmaz.example", False),
    ("Haustechnik Gruber GmbH", "haustechnik-gruber.example", False),
    ("Bürogemeinschaft Altstadt", "buero-altstadt.example", False),
    ("Café Zimmermann", "cafe-zimmermann.example", False),
    ("Physiotherapie am Park", "physio-park.example", False),
    ("Immobilien Schäfer KG", "immo-schaefer.example", False),
    ("Gästehaus Bergfrieden", "bergfrieden.example", False),
    ("Autohaus Neumann", "autohaus-neumann.example", False),
    ("Kita Regenbogen e.V.", "kita-regenbogen.example", False),
    ("Architekturbüro Stein", "architektur-stein.example", False),
    ("Sanitär Wolf & Söhne", "sanitaer-wolf.example", False),
    ("Boardinghouse Mitte", "boardinghouse-mitte.example", False),
    ("Fitnessstudio Kraftwerk", "kraftwerk-fitness.example", False),
    ("Hausverwaltung Moser", "hv-moser.example", False),
    ("Apotheke am Markt", "apotheke-markt.example", False),
    ("Weingut Sommer", "weingut-sommer.example", False),
    ("Coworking Hafenspeicher", "hafenspeicher.example", False),
    ("Brunner Treuhand AG", "brunner-treuhand.example", False),
    ("Elektro Suter GmbH", "elektro-suter.example", False),
    ("Thornbury Lettings Ltd", "thornbury-lettings.example", False),
    ("Pension Seeblick Kälin", "pension-kaelin.example", False),
    ("Jugendherberge am See", "jh-see.example", False),
)

_ASCII = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "ı": "i", "é": "e", "'": "", " ": "-"}
)


def ascii_slug(text: str) -> str:
    """``Jürgen Weiß`` → ``juergen-weiss``: for mail addresses and user names."""
    return text.lower().translate(_ASCII)
