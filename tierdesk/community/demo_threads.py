"""The demo forum's content: what Heimwacht customers ask, and who answers.

Plain data, no Django. An author is a customer index (0 is the demo customer,
Anna Schmidt; others are the demo's customers in a fixed order) or a staff key
(``l1``, ``l2``, ``l3``, ``lead``, ``returns``). Times are days before now for
questions and hours after the question for answers.
"""

from __future__ import annotations

from dataclasses import dataclass

Author = int | str


@dataclass(frozen=True)
class CategorySeed:
    slug: str
    name_de: str
    name_en: str
    description_de: str
    description_en: str


@dataclass(frozen=True)
class AnswerSeed:
    author: Author
    hours_later: float
    body: str
    votes: int = 0
    accepted: bool = False
    # "spam": hidden by a moderator after a flag; "flagged": reported, waiting in the queue.
    moderation: str = ""


@dataclass(frozen=True)
class ThreadSeed:
    category: str
    language: str
    days_ago: float
    asker: Author
    title: str
    body: str
    votes: int = 0
    answers: tuple[AnswerSeed, ...] = ()
    locked_reason: str = ""
    to_ticket: bool = False


CATEGORIES = (
    CategorySeed(
        "heizung",
        "Heizung und Thermostate",
        "Heating and thermostats",
        "Raumthermostat T3, Heizkörperthermostat HK2, Fensterkontakt F1 und Heizpläne.",
        "Room thermostat T3, radiator thermostat HK2, window contact F1 and heating schedules.",
    ),
    CategorySeed(
        "sicherheit",
        "Türschloss, Kameras und Rauchmelder",
        "Door lock, cameras and smoke alarms",
        "Türschloss S1, Außenkamera C4, Innenkamera C2 und Rauchmelder R1.",
        "Door lock S1, outdoor camera C4, indoor camera C2 and smoke alarm R1.",
    ),
    CategorySeed(
        "bridge-app",
        "Bridge, App und WLAN",
        "Bridge, app and Wi-Fi",
        "Einrichtung der Bridge B1, die Heimwacht App, Verbindungsprobleme und Fehlercodes.",
        "Setting up the Bridge B1, the Heimwacht app, connection problems and error codes.",
    ),
    CategorySeed(
        "automationen",
        "Automationen und Szenen",
        "Automations and scenes",
        "Zwischenstecker P1, Szenen, Anwesenheit und Sprachassistenten.",
        "Smart plug P1, scenes, presence and voice assistants.",
    ),
    CategorySeed(
        "bestellung",
        "Bestellung, Versand, Rücksendung und Heimwacht Plus",
        "Orders, shipping, returns and Heimwacht Plus",
        "Lieferung, Rücksendung, Garantie und das Plus-Abo. Für Fragen zu Ihrer eigenen "
        "Bestellung öffnen Sie bitte eine Anfrage.",
        "Delivery, returns, warranty and the Plus subscription. For your own order, "
        "please open a request.",
    ),
)

THREADS: tuple[ThreadSeed, ...] = (
    ThreadSeed(
        "heizung",
        "de",
        41,
        0,
        "T3 verliert nach dem Firmware-Update ständig das WLAN",
        "<p>Seit dem Update auf Firmware 3.1.0 verbindet sich mein Raumthermostat T3 alle "
        "paar Stunden neu. In der App steht dann kurz „Gerät offline“. Router ist eine "
        "FRITZ!Box 7590. Hat noch jemand das Problem?</p>",
        votes=14,
        answers=(
            AnswerSeed(
                3,
                2.5,
                "<p>Ja, genau das gleiche hier seit Dienstag. Vorher lief es "
                "monatelang stabil.</p>",
                votes=6,
            ),
            AnswerSeed(
                7,
                5,
                "<p>Bei mir hat es geholfen, in der FRITZ!Box für das T3 "
                "„Diesem Netzwerkgerät immer die gleiche IPv4-Adresse zuweisen“ zu "
                "aktivieren. Seitdem keine Abbrüche mehr.</p>",
                votes=9,
            ),
            AnswerSeed(
                "l2",
                20,
                "<p>Danke für die Meldungen! Das Verhalten liegt an der "
                "Erneuerung der DHCP-Lease in Firmware 3.1.0. Mit <strong>Firmware "
                "3.2.0</strong> ist das behoben. Das Update kommt automatisch; "
                "manuell geht es in der App unter <em>Gerät → Einstellungen → "
                "Firmware</em>.</p><p>Bis dahin hilft der Tipp mit der festen "
                "IP-Adresse.</p>",
                votes=17,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "heizung",
        "de",
        33,
        12,
        "HK2 pfeift leise beim Regeln – normal?",
        "<p>Mein neues Heizkörperthermostat HK2 macht beim Verstellen ein leises "
        "Pfeifgeräusch, etwa fünf Sekunden lang. Ist das normal oder ist das Gerät defekt?</p>",
        votes=3,
        answers=(
            AnswerSeed(
                "l1",
                3,
                "<p>Ein kurzes Surren des Motors beim Verstellen ist normal. "
                "Ein hohes Pfeifen kommt meist nicht vom HK2, sondern vom Ventil: "
                "Wenn der Differenzdruck der Heizung hoch ist, pfeift das Ventil bei "
                "kleiner Öffnung. Ein hydraulischer Abgleich durch den Heizungsbauer "
                "hilft dauerhaft.</p>",
                votes=5,
                accepted=True,
            ),
            AnswerSeed(
                15,
                30,
                "<p>Bei uns war es genau das Ventil. Nach dem Abgleich ist Ruhe.</p>",
                votes=2,
            ),
        ),
    ),
    ThreadSeed(
        "heizung",
        "de",
        27,
        4,
        "Fensterkontakt F1 schaltet die Heizung nicht ab",
        "<p>Ich habe im Bad einen Fensterkontakt F1 und ein HK2. Wenn ich das Fenster "
        "öffne, zeigt die App „offen“, aber das Thermostat heizt weiter.</p>",
        votes=4,
        answers=(
            AnswerSeed(
                "l2",
                4,
                "<p>Prüfen Sie bitte, ob beide Geräte demselben Raum "
                "zugeordnet sind (App → Räume). Die Absenkung wirkt nur im selben "
                "Raum. Außerdem gibt es eine Verzögerung: Standard sind 2 Minuten, "
                "einstellbar unter <em>Raum → Fenster-offen-Erkennung</em>.</p>",
                votes=7,
                accepted=True,
            ),
            AnswerSeed(
                4, 6, "<p>Das war es, der Kontakt hing noch im Raum „Flur“. Danke!</p>", votes=1
            ),
        ),
    ),
    ThreadSeed(
        "heizung",
        "en",
        22,
        21,
        "Heating schedule ignores holiday mode",
        "<p>I set holiday mode from Friday to Sunday, but the T3 still heated to 21 °C "
        "on Saturday morning following the normal weekly schedule. App version 4.9.0.</p>",
        votes=5,
        answers=(
            AnswerSeed(
                9,
                8,
                "<p>Did you set the end date in the past by accident? The app "
                "shows holiday mode as active even then.</p>",
                votes=1,
            ),
            AnswerSeed(
                "l3",
                26,
                "<p>We could reproduce this: in app 4.9.0 holiday mode "
                "created on a tablet in landscape view is saved without the time "
                "zone, so it starts one day late. App <strong>5.0.1</strong> fixes "
                "it. Please update and set the holiday period again.</p>",
                votes=8,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "heizung",
        "de",
        12,
        18,
        "Wie viel spart man mit den HK2 wirklich?",
        "<p>Wir überlegen, alle acht Heizkörper mit HK2 auszustatten. Gibt es Erfahrungen, "
        "wie viel Gas man damit tatsächlich spart? Altbau, Gasetagenheizung.</p>",
        votes=6,
        answers=(
            AnswerSeed(
                11,
                5,
                "<p>Bei uns (Altbau, 95 m²) etwa 12 % im ersten Winter, "
                "vor allem durch die Absenkung nachts und wenn niemand da ist.</p>",
                votes=4,
            ),
            AnswerSeed(
                22,
                9,
                "<p>Wichtiger als die Geräte ist ein vernünftiger Zeitplan. "
                "Und die Fensterkontakte – Stoßlüften mit laufender Heizung kostet "
                "richtig.</p>",
                votes=3,
            ),
        ),
    ),
    ThreadSeed(
        "heizung",
        "de",
        1.5,
        25,
        "T3 zeigt E-415 nach Batteriewechsel",
        "<p>Nach dem Wechsel der Batterien zeigt mein T3 nur noch „E-415“ an und "
        "reagiert nicht auf Tasten. Was bedeutet der Code?</p>",
    ),
    ThreadSeed(
        "sicherheit",
        "de",
        38,
        2,
        "Türschloss S1 meldet „Batterie leer“ mit neuen Batterien",
        "<p>Ich habe gestern frische Batterien (Markenbatterien, 4× AA) eingesetzt und "
        "trotzdem meldet das Schloss nach ein paar Stunden wieder „Batterie leer“.</p>",
        votes=11,
        answers=(
            AnswerSeed(
                8,
                3,
                "<p>Gleiches Problem. Mit Lithium-Batterien ist es noch schlimmer.</p>",
                votes=3,
            ),
            AnswerSeed(
                "l2",
                18,
                "<p>Bekanntes Problem: Die Spannungsmessung ist in "
                "Firmware 2.15.1 falsch kalibriert. Firmware <strong>3.0.2</strong> "
                "korrigiert das. Das Schloss bleibt trotz der Warnung voll "
                "funktionsfähig. Nach dem Update verschwindet die Meldung innerhalb "
                "von 24 Stunden.</p>",
                votes=12,
                accepted=True,
            ),
            AnswerSeed(
                30,
                20,
                "<p>Super Rabatt auf Smart-Locks bei "
                '<a href="https://schnaeppchen.example/">schnaeppchen.example</a>!!!'
                "</p>",
                moderation="spam",
            ),
        ),
    ),
    ThreadSeed(
        "sicherheit",
        "de",
        30,
        6,
        "Außenkamera C4: Benachrichtigungen kommen Minuten zu spät",
        "<p>Die C4 erkennt Bewegungen, aber die Push-Nachricht kommt oft erst 3–5 Minuten "
        "später. Dann ist der Paketbote längst weg. WLAN-Empfang laut App „gut“.</p>",
        votes=9,
        answers=(
            AnswerSeed(
                13,
                2,
                "<p>Ist bei mir seit etwa zwei Wochen auch so, vorher waren es Sekunden.</p>",
                votes=4,
            ),
            AnswerSeed(
                "lead",
                22,
                "<p>Danke für die Geduld. Unser Push-Dienst war "
                "überlastet; wir haben ihn gestern Abend auf eine neue Region "
                "umgezogen. Seitdem liegen die Verzögerungen wieder unter 5 "
                "Sekunden. Bitte melden Sie sich hier, falls es bei Ihnen noch "
                "hakt.</p>",
                votes=10,
                accepted=True,
            ),
        ),
        locked_reason="Gelöst; bitte bei neuen Problemen ein neues Thema öffnen.",
    ),
    ThreadSeed(
        "sicherheit",
        "en",
        25,
        27,
        "Can the C2 indoor camera record only when nobody is home?",
        "<p>I don't want the indoor camera recording while my family is at home. Is there "
        "a way to tie recording to presence?</p>",
        votes=7,
        answers=(
            AnswerSeed(
                "l1",
                1.5,
                "<p>Yes. In the app go to <em>Automations → New → When "
                "everybody leaves</em> and choose <em>Camera C2: privacy mode "
                "off</em>; add a second automation <em>When the first person comes "
                "home → privacy mode on</em>. Presence uses the phones of everyone "
                "in your household.</p>",
                votes=9,
                accepted=True,
            ),
            AnswerSeed(
                19,
                30,
                "<p>Works well for us. Tip: add a 5-minute delay so it "
                "doesn't flap when a phone briefly loses GPS.</p>",
                votes=5,
            ),
        ),
    ),
    ThreadSeed(
        "sicherheit",
        "de",
        19,
        14,
        "Rauchmelder R1 piept alle 40 Sekunden",
        "<p>Mitten in der Nacht fing der R1 im Flur an, alle 40 Sekunden kurz zu piepen. "
        "Kein Rauch, die App zeigt keinen Alarm.</p>",
        votes=4,
        answers=(
            AnswerSeed(
                5,
                0.5,
                "<p>Das ist die Warnung für schwache Batterie. Bei mir "
                "hörte es nach dem Tausch sofort auf.</p>",
                votes=6,
                accepted=True,
            ),
            AnswerSeed(
                "l1",
                9,
                "<p>Richtig. Ergänzend: Der R1 hat eine fest verbaute "
                "10-Jahres-Batterie; wenn er nach weniger als 10 Jahren so piept, "
                "ist das ein Garantiefall. Bitte öffnen Sie dann eine Anfrage mit "
                "dem Kaufdatum.</p>",
                votes=4,
            ),
        ),
    ),
    ThreadSeed(
        "sicherheit",
        "de",
        9,
        29,
        "Mehrere Schlüssel-Codes für das S1 – geht das?",
        "<p>Kann ich für die Putzhilfe einen eigenen Code anlegen, der nur dienstags von "
        "9 bis 13 Uhr gilt?</p>",
        votes=3,
        answers=(
            AnswerSeed(
                "l2",
                5,
                "<p>Ja, mit Heimwacht Plus: App → Türschloss → Zugänge → "
                "„Zeitlich begrenzter Code“. Ohne Plus sind dauerhafte Codes "
                "möglich, aber keine Zeitfenster.</p>",
                votes=4,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "sicherheit",
        "en",
        0.6,
        31,
        "C4 night vision shows only a white haze",
        "<p>Since last week the night image of my C4 is just a white haze. Daytime is fine. "
        "The camera is mounted under a roof overhang.</p>",
    ),
    ThreadSeed(
        "bridge-app",
        "de",
        36,
        1,
        "Bridge blinkt nach Stromausfall rot",
        "<p>Nach einem kurzen Stromausfall blinkt meine Bridge B1 rot und die App findet "
        "keine Geräte mehr. Neustart habe ich schon probiert.</p>",
        votes=10,
        answers=(
            AnswerSeed(
                16,
                1,
                "<p>Hatte ich auch. Stecker ziehen, <strong>30 Sekunden</strong> "
                "warten, wieder einstecken – ein kurzer Neustart reicht nicht.</p>",
                votes=8,
            ),
            AnswerSeed(
                "l3",
                28,
                "<p>Der Bootloader der B1 erkennt einen sehr kurzen "
                "Spannungseinbruch nicht sauber. Ein Fix wird gerade ausgerollt und "
                "kommt automatisch. Bis dahin hilft genau der Tipp oben: 30 Sekunden "
                "stromlos. Ihre Geräte und Automationen bleiben gespeichert.</p>",
                votes=11,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "bridge-app",
        "de",
        29,
        10,
        "App stürzt beim Öffnen des Heizplans ab (Android 14)",
        "<p>Pixel 8, Android 14, App 4.8.1: Sobald ich den Heizplan öffne, schließt sich "
        "die App. Neu installiert, hilft nicht.</p>",
        votes=8,
        answers=(
            AnswerSeed(20, 6, "<p>Samsung S23, gleiches Problem.</p>", votes=2),
            AnswerSeed(
                "l2",
                30,
                "<p>Die Ursache ist eine Zeitzonen-Umrechnung, die unter "
                "Android 14 fehlschlägt. Version <strong>4.9.0</strong> ist seit "
                "heute im Play Store und behebt den Absturz.</p>",
                votes=9,
                accepted=True,
            ),
            AnswerSeed(10, 34, "<p>Update installiert, läuft. Danke!</p>", votes=1),
        ),
    ),
    ThreadSeed(
        "bridge-app",
        "en",
        24,
        23,
        "Bridge B1 on a guest network or a separate IoT VLAN?",
        "<p>I'd like to keep all smart-home devices on a separate VLAN. Does the B1 need to "
        "be in the same network as my phone, or does the app always go through the "
        "cloud?</p>",
        votes=6,
        answers=(
            AnswerSeed(
                26,
                4,
                "<p>Remote access always goes through the cloud, but the "
                "initial setup uses mDNS, so the phone must see the bridge during "
                "pairing. I let my router reflect mDNS between the VLANs.</p>",
                votes=7,
                accepted=True,
            ),
            AnswerSeed(
                "l3",
                12,
                "<p>Correct. After setup, the app talks to the bridge "
                "locally when it can (faster) and falls back to the cloud. Ports: "
                "outgoing TCP 443 and 8883 (MQTT over TLS) must be allowed.</p>",
                votes=6,
            ),
        ),
    ),
    ThreadSeed(
        "bridge-app",
        "de",
        16,
        3,
        "Fehlercode E-302 beim Hinzufügen eines Geräts",
        "<p>Beim Anlernen eines neuen Zwischensteckers P1 bricht die App mit E-302 ab.</p>",
        votes=5,
        answers=(
            AnswerSeed(
                "l1",
                2,
                "<p>E-302 heißt: Das Gerät wurde nicht rechtzeitig "
                "gefunden. Bitte den P1 näher (unter 3 m) an die Bridge stecken, "
                "die Taste 5 Sekunden halten, bis die LED blau blinkt, und dann "
                "erst in der App auf „Suchen“ tippen. Nach dem Anlernen kann er "
                "wieder an seinen Platz.</p>",
                votes=6,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "bridge-app",
        "de",
        7,
        17,
        "Zwei Wohnungen mit einem Konto verwalten?",
        "<p>Ich habe eine zweite Wohnung (Ferienwohnung). Brauche ich ein zweites Konto "
        "und eine zweite Bridge?</p>",
        votes=2,
        answers=(
            AnswerSeed(
                24,
                7,
                "<p>Zweite Bridge ja, zweites Konto nein. In der App oben "
                "links auf den Hausnamen tippen → „Zuhause hinzufügen“.</p>",
                votes=3,
            ),
        ),
    ),
    ThreadSeed(
        "bridge-app",
        "en",
        3,
        28,
        "Warning W-017 in the app – what does it mean?",
        "<p>The app shows a yellow triangle with W-017 on my bridge. Everything seems to "
        "work. Should I worry?</p>",
        votes=1,
        answers=(
            AnswerSeed(21, 12, "<p>No idea, I have it too. Following.</p>", moderation="flagged"),
        ),
    ),
    ThreadSeed(
        "bridge-app",
        "de",
        0.3,
        8,
        "Bridge nach Routertausch nicht mehr erreichbar",
        "<p>Wir haben einen neuen Router vom Anbieter bekommen. Seitdem ist die Bridge "
        "offline. Muss ich alles neu einrichten?</p>",
    ),
    ThreadSeed(
        "automationen",
        "de",
        34,
        11,
        "Zwischenstecker P1 als Verbrauchsmesser für die Waschmaschine",
        "<p>Kann ich mit dem P1 eine Nachricht bekommen, wenn die Waschmaschine fertig ist?</p>",
        votes=12,
        answers=(
            AnswerSeed(
                2,
                3,
                "<p>Ja! Automation: <em>Wenn Leistung des P1 für 3 Minuten "
                "unter 5 W fällt → Push „Wäsche fertig“</em>. Die 3 Minuten sind "
                "wichtig, weil die Maschine in Pausen kurz fast nichts zieht.</p>",
                votes=15,
                accepted=True,
            ),
            AnswerSeed(
                "l1",
                10,
                "<p>Schöner Tipp! Hinweis: Der P1 ist bis 3.680 W "
                "ausgelegt; für Waschmaschinen reicht das, für Trockner mit "
                "Heizstab bitte ins Datenblatt schauen.</p>",
                votes=6,
            ),
        ),
    ),
    ThreadSeed(
        "automationen",
        "en",
        20,
        30,
        "Does Heimwacht work with Home Assistant?",
        "<p>Is there an official Home Assistant integration, or a local API I could use?</p>",
        votes=15,
        answers=(
            AnswerSeed(
                23,
                6,
                "<p>There is a community integration via the cloud API. "
                "Works, but depends on the cloud.</p>",
                votes=5,
            ),
            AnswerSeed(
                "lead",
                48,
                "<p>Not officially yet. A local API for the B1 is on "
                "our roadmap; we will announce it here in the forum. The community "
                "integration uses our public cloud API, which we support.</p>",
                votes=9,
            ),
        ),
    ),
    ThreadSeed(
        "automationen",
        "de",
        15,
        19,
        "Szene „Gute Nacht“: Schloss abschließen und Heizung absenken",
        "<p>Ich möchte mit einem Tipp alles abschließen, das Licht am P1 ausschalten und "
        "die Heizung auf 17 °C absenken. Geht das in einer Szene?</p>",
        votes=4,
        answers=(
            AnswerSeed(
                "l2",
                3,
                "<p>Ja: App → Szenen → Neue Szene. Aktionen hinzufügen: "
                "Türschloss S1 „abschließen“, Zwischenstecker P1 „aus“, alle "
                "Räume „17 °C bis zum nächsten Zeitplanpunkt“. Die Szene lässt "
                "sich auch als Widget auf den Startbildschirm legen.</p>",
                votes=5,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "automationen",
        "de",
        10,
        26,
        "Alexa erkennt die Thermostate nicht",
        "<p>Skill ist aktiviert und verknüpft, aber Alexa findet bei der Gerätesuche nur "
        "die Zwischenstecker, keine Thermostate.</p>",
        votes=3,
        answers=(
            AnswerSeed(
                12,
                20,
                "<p>Die Thermostate müssen in der Heimwacht-App einem Raum "
                "zugeordnet sein, sonst werden sie nicht an Alexa gemeldet. War bei "
                "mir der Fehler.</p>",
                votes=4,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "automationen",
        "en",
        2,
        32,
        "Geofencing switches heating on although I'm still at work",
        "<p>My T3 switches to comfort temperature at random times during the day, "
        "apparently because the app thinks I'm home. iPhone 15, location set to "
        "“Always”.</p>",
    ),
    ThreadSeed(
        "bestellung",
        "de",
        40,
        5,
        "Wie lange dauert eine Rücksendung bis zur Erstattung?",
        "<p>Ich habe eine Kamera zurückgeschickt (Widerruf). Wann bekomme ich mein Geld "
        "zurück?</p>",
        votes=5,
        answers=(
            AnswerSeed(
                "returns",
                4,
                "<p>Sobald die Rücksendung bei uns eingeht und "
                "geprüft ist, erstatten wir innerhalb von 5 Werktagen auf das "
                "ursprüngliche Zahlungsmittel. Den Eingang bestätigen wir per "
                "E-Mail. Bei PayPal ist das Geld meist am selben Tag da, bei "
                "Kreditkarte kann es je nach Bank 3–5 Tage länger dauern.</p>",
                votes=7,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "bestellung",
        "de",
        26,
        9,
        "Plus-Abo nach Wechsel der Zahlungsart doppelt abgebucht",
        "<p>Ich habe von Lastschrift auf Kreditkarte gewechselt und diesen Monat wurden "
        "mir 4,99 € zweimal abgebucht.</p>",
        votes=6,
        answers=(
            AnswerSeed(18, 10, "<p>Bei mir auch!</p>", votes=1),
            AnswerSeed(
                "l2",
                22,
                "<p>Das war ein Fehler in unserer Abrechnung, der "
                "inzwischen behoben ist. Alle doppelt belasteten Kundinnen und "
                "Kunden bekommen den Betrag automatisch bis Monatsende erstattet – "
                "Sie müssen nichts tun.</p>",
                votes=8,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "bestellung",
        "en",
        18,
        33,
        "Do you ship to Switzerland?",
        "<p>I live in Basel. Can I order from the Heimwacht shop, and are customs fees "
        "included?</p>",
        votes=2,
        answers=(
            AnswerSeed(
                "lead",
                6,
                "<p>Yes, we ship to Switzerland. Prices in the Swiss "
                "shop include duties and VAT, so there is nothing to pay on "
                "delivery. Please use the Swiss shop rather than the German one.</p>",
                votes=3,
                accepted=True,
            ),
        ),
    ),
    ThreadSeed(
        "bestellung",
        "de",
        8,
        15,
        "Garantie bei Überspannungsschaden?",
        "<p>Nach einem Gewitter ist meine Bridge tot. Ist das ein Garantiefall?</p>",
        votes=3,
        answers=(
            AnswerSeed(
                1,
                5,
                "<p>Würde ich über die Hausratversicherung versuchen, die "
                "zahlt oft bei Überspannung.</p>",
                votes=3,
            ),
        ),
    ),
    ThreadSeed(
        "bestellung",
        "de",
        0.9,
        0,
        "Rücksendeetikett kommt nicht per E-Mail",
        "<p>Ich habe vor zwei Tagen eine Rücksendung angemeldet, aber das Rücksendeetikett "
        "ist nie angekommen. Spam-Ordner ist leer.</p>",
        to_ticket=True,
    ),
    ThreadSeed(
        "bestellung",
        "en",
        5,
        34,
        "Is Heimwacht Plus worth it for one camera?",
        "<p>I only have one C4. Is Plus worth it just for the 30-day video history?</p>",
        votes=4,
        answers=(
            AnswerSeed(
                16,
                3,
                "<p>For one camera I would say no, unless you need the "
                "history for insurance. The free 24 h history was enough for me.</p>",
                votes=4,
            ),
            AnswerSeed(
                27,
                11,
                "<p>The time-limited door codes were the reason I took it, not the camera.</p>",
                votes=2,
            ),
        ),
    ),
)
