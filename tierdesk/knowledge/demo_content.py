"""The demo department's help center: Heimwacht GmbH's articles in German and English.

``load_help_center()`` creates the categories, sections and articles and publishes
them (``tierdesk demo`` calls it). Loading twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from tierdesk.knowledge.models import Article, Category, Section, Visibility
from tierdesk.knowledge.services import make_live, write_version
from tierdesk.teams.models import Team

# slug, German, English, team of its FAQ, sections (slug, German, English)
CATEGORIES = (
    (
        "getting-started",
        "Erste Schritte",
        "Getting started",
        "support",
        (("setup", "Einrichtung", "Setup"), ("bridge", "Bridge B1", "Bridge B1")),
    ),
    (
        "devices",
        "Geräte",
        "Devices",
        "support",
        (
            ("heating", "Heizung", "Heating"),
            ("security", "Schloss und Sicherheit", "Lock and safety"),
            ("cameras", "Kameras", "Cameras"),
            ("plugs", "Stecker und Fehlercodes", "Plugs and error codes"),
        ),
    ),
    (
        "app-account",
        "App und Konto",
        "App and account",
        "support",
        (("app", "Heimwacht App", "Heimwacht app"), ("account", "Konto", "Account")),
    ),
    (
        "orders",
        "Bestellung, Versand und Rücksendung",
        "Orders, shipping and returns",
        "returns",
        (
            ("shipping", "Versand", "Shipping"),
            ("returns", "Rücksendung und Garantie", "Returns and warranty"),
        ),
    ),
    (
        "billing",
        "Abo und Rechnung",
        "Subscription and billing",
        "loyalty",
        (("plus", "Heimwacht Plus", "Heimwacht Plus"), ("invoices", "Rechnungen", "Invoices")),
    ),
    (
        "internal",
        "Intern: Leitfäden",
        "Internal: playbooks",
        "support",
        (("playbooks", "Leitfäden für Agenten", "Agent playbooks"),),
    ),
)


@dataclass(frozen=True)
class Text:
    title: str
    keywords: str
    body: str


@dataclass(frozen=True)
class Entry:
    key: str
    section: str
    de: Text
    en: Text
    faq: bool = False
    internal: bool = False


ARTICLES = (
    Entry(
        "bridge-setup",
        "setup",
        Text(
            "Bridge B1 einrichten",
            "Zentrale, Gateway, Hub, Installation, Inbetriebnahme",
            "Die Bridge B1 ist die Zentrale Ihres Heimwacht-Systems. Alle Funkgeräte wie Thermostate, Fensterkontakte und das Türschloss verbinden sich über sie mit der App.\n\n"
            "1. Schließen Sie die Bridge mit dem beiliegenden Netzwerkkabel an Ihren Router an und stecken Sie das Netzteil ein.\n"
            "2. Warten Sie, bis die LED dauerhaft grün leuchtet (etwa zwei Minuten).\n"
            "3. Öffnen Sie die Heimwacht App, tippen Sie auf „Gerät hinzufügen“ und scannen Sie den QR-Code auf der Unterseite der Bridge.\n\n"
            "Stellen Sie die Bridge möglichst zentral in der Wohnung auf, nicht in einen Metallschrank.",
        ),
        Text(
            "Setting up the Bridge B1",
            "hub, gateway, base station, installation, first start",
            "The Bridge B1 is the hub of your Heimwacht system. All radio devices such as thermostats, window contacts and the door lock connect to the app through it.\n\n"
            "1. Connect the bridge to your router with the network cable in the box and plug in the power supply.\n"
            "2. Wait until the LED stays green (about two minutes).\n"
            "3. Open the Heimwacht app, tap “Add device” and scan the QR code on the bottom of the bridge.\n\n"
            "Place the bridge centrally in your home, not inside a metal cabinet.",
        ),
        faq=True,
    ),
    Entry(
        "app-install-account",
        "setup",
        Text(
            "App installieren und Konto anlegen",
            "registrieren, Anmeldung, herunterladen, iPhone, Android",
            "Die Heimwacht App gibt es kostenlos im App Store und bei Google Play. Sie benötigen iOS 16 oder Android 11 oder neuer.\n\n"
            "Nach dem ersten Start tippen Sie auf „Konto erstellen“, geben Ihre E-Mail-Adresse und ein Passwort ein und bestätigen den Link, den wir Ihnen per E-Mail schicken. "
            "Kommt keine Bestätigungsmail an, prüfen Sie bitte den Spam-Ordner.",
        ),
        Text(
            "Installing the app and creating an account",
            "register, sign up, download, iPhone, Android",
            "The Heimwacht app is free in the App Store and on Google Play. You need iOS 16 or Android 11 or newer.\n\n"
            "After the first start, tap “Create account”, enter your email address and a password, and confirm the link we send you by email. "
            "If no confirmation email arrives, please check your spam folder.",
        ),
    ),
    Entry(
        "pairing-devices",
        "setup",
        Text(
            "Gerät mit der Bridge koppeln",
            "anlernen, verbinden, hinzufügen, Kopplung, Pairing",
            "So koppeln Sie ein neues Gerät: Tippen Sie in der App auf „Gerät hinzufügen“ und wählen Sie das Modell. "
            "Versetzen Sie das Gerät in den Kopplungsmodus, indem Sie die Taste drei Sekunden gedrückt halten, bis die LED blau blinkt.\n\n"
            "Die Kopplung dauert bis zu einer Minute. Schlägt sie fehl, bringen Sie das Gerät näher an die Bridge (höchstens 10 Meter) und wechseln Sie gegebenenfalls die Batterien.",
        ),
        Text(
            "Pairing a device with the bridge",
            "connect, add device, pair, link",
            "To pair a new device, tap “Add device” in the app and choose the model. "
            "Put the device into pairing mode by holding its button for three seconds until the LED blinks blue.\n\n"
            "Pairing takes up to a minute. If it fails, move the device closer to the bridge (10 metres at most) and replace its batteries if needed.",
        ),
        faq=True,
    ),
    Entry(
        "wifi-requirements",
        "setup",
        Text(
            "WLAN-Anforderungen: 2,4 GHz",
            "WLAN, Router, Funknetz, 5 GHz, Netzwerk",
            "Das Raumthermostat T3 und die Kameras C2 und C4 verbinden sich direkt mit Ihrem WLAN. Sie unterstützen nur das 2,4-GHz-Band, nicht 5 GHz.\n\n"
            "Wenn Ihr Router beide Bänder unter einem Namen anbietet, richten Sie vorübergehend ein eigenes 2,4-GHz-Netz ein. "
            "WPA3-only wird nicht unterstützt; stellen Sie den Router auf WPA2/WPA3-Mischbetrieb.",
        ),
        Text(
            "Wi-Fi requirements: 2.4 GHz",
            "wifi, wireless, router, network, 5 GHz",
            "The T3 room thermostat and the C2 and C4 cameras connect directly to your Wi-Fi. They support only the 2.4 GHz band, not 5 GHz.\n\n"
            "If your router offers both bands under one name, set up a separate 2.4 GHz network for the time being. "
            "WPA3-only is not supported; set the router to WPA2/WPA3 mixed mode.",
        ),
    ),
    Entry(
        "bridge-offline",
        "bridge",
        Text(
            "Bridge wird in der App als offline angezeigt",
            "keine Verbindung, nicht erreichbar, getrennt",
            "Zeigt die App die Bridge als offline an, prüfen Sie zuerst die LED: Leuchtet sie orange, hat die Bridge keine Internetverbindung.\n\n"
            "Starten Sie Router und Bridge neu (Netzteil 10 Sekunden ziehen). Prüfen Sie, ob das Netzwerkkabel fest sitzt. "
            "Bleibt die Bridge offline, setzen Sie sie mit einer Büroklammer über die Reset-Taste zurück und richten Sie sie neu ein; Ihre Geräte bleiben gekoppelt.",
        ),
        Text(
            "Bridge shows as offline in the app",
            "no connection, unreachable, disconnected",
            "If the app shows the bridge as offline, check the LED first: orange means the bridge has no internet connection.\n\n"
            "Restart the router and the bridge (unplug the power supply for 10 seconds). Check that the network cable is firmly plugged in. "
            "If the bridge stays offline, reset it with a paper clip through the reset hole and set it up again; your devices stay paired.",
        ),
        faq=True,
    ),
    Entry(
        "bridge-power-cut",
        "bridge",
        Text(
            "Bridge blinkt nach einem Stromausfall rot",
            "Stromausfall, rotes Blinken, startet nicht, Bootloader",
            "Nach einem Stromausfall kann die Bridge B1 mit älterer Firmware rot blinken und keine Geräte finden. "
            "Ziehen Sie das Netzteil, warten Sie 30 Sekunden und stecken Sie es wieder ein.\n\n"
            "Seit Firmware 3.1.0 ist der Fehler behoben; betroffene Bridges werden automatisch aktualisiert, sobald sie online sind.",
        ),
        Text(
            "Bridge blinks red after a power cut",
            "power outage, red blinking, does not start, boot",
            "After a power cut, a Bridge B1 with older firmware may blink red and find no devices. "
            "Unplug the power supply, wait 30 seconds and plug it back in.\n\n"
            "Firmware 3.1.0 fixes the fault; affected bridges update automatically once they are online.",
        ),
    ),
    Entry(
        "t3-install",
        "heating",
        Text(
            "Raumthermostat T3 installieren",
            "Thermostat anschließen, Wandmontage, Verkabelung, Heizungsanlage",
            "Das Raumthermostat T3 ersetzt Ihr bisheriges Wandthermostat. Schalten Sie vor der Montage die Sicherung der Heizung aus.\n\n"
            "Notieren Sie die Belegung der Kabel am alten Thermostat, schrauben Sie die Wandplatte des T3 an und schließen Sie die Adern an die Klemmen L, N und S an. "
            "Setzen Sie das Gerät auf, schalten Sie den Strom wieder ein und folgen Sie der App. Bei Fußbodenheizungen lassen Sie die Installation von einer Fachkraft prüfen.",
        ),
        Text(
            "Installing the T3 room thermostat",
            "connect thermostat, wall mounting, wiring, heating system",
            "The T3 room thermostat replaces your existing wall thermostat. Switch off the heating's circuit breaker before mounting.\n\n"
            "Note down which wire goes where on the old thermostat, screw on the T3 wall plate and connect the wires to terminals L, N and S. "
            "Attach the device, switch the power back on and follow the app. For underfloor heating, have a qualified electrician check the installation.",
        ),
    ),
    Entry(
        "t3-wifi-drops",
        "heating",
        Text(
            "Thermostat T3 verliert die WLAN-Verbindung",
            "WLAN-Abbruch, Verbindungsabbrüche, trennt sich, DHCP",
            "Verbindet sich das T3 nach dem Firmware-Update 3.0.2 alle paar Stunden neu, liegt das an einem Fehler bei der Erneuerung der IP-Adresse (DHCP).\n\n"
            "Installieren Sie Firmware 3.1.0 oder neuer über „Gerät > Einstellungen > Firmware“. "
            "Bis dahin hilft es, dem Thermostat im Router eine feste IP-Adresse zuzuweisen. Der Heizplan läuft auch ohne WLAN weiter.",
        ),
        Text(
            "T3 thermostat keeps losing Wi-Fi",
            "wifi drops, disconnects, connection lost, DHCP",
            "If the T3 reconnects every few hours after firmware update 3.0.2, a fault in renewing its IP address (DHCP) is the cause.\n\n"
            "Install firmware 3.1.0 or newer under “Device > Settings > Firmware”. "
            "Until then, giving the thermostat a fixed IP address in your router helps. The heating schedule keeps running without Wi-Fi.",
        ),
        faq=True,
    ),
    Entry(
        "t3-factory-reset",
        "heating",
        Text(
            "Thermostat T3 auf Werkseinstellungen zurücksetzen",
            "Reset, Werksreset, zurücksetzen, neu einrichten",
            "Halten Sie das Drehrad des T3 zehn Sekunden lang gedrückt, bis im Display „RES“ erscheint. Drehen Sie auf „JA“ und drücken Sie kurz.\n\n"
            "Das Thermostat startet neu und ist danach aus Ihrem Konto entfernt. Richten Sie es anschließend wie ein neues Gerät ein. Ihre Heizpläne in der App bleiben erhalten.",
        ),
        Text(
            "Resetting the T3 thermostat to factory settings",
            "factory reset, reset, restore defaults, set up again",
            "Press and hold the dial of the T3 for ten seconds until the display shows “RES”. Turn to “YES” and press briefly.\n\n"
            "The thermostat restarts and is removed from your account. Then set it up like a new device. Your heating schedules in the app are kept.",
        ),
    ),
    Entry(
        "hk2-install",
        "heating",
        Text(
            "Heizkörperthermostat HK2 montieren",
            "Ventiladapter, Heizkörper, Danfoss, Montage, Adapter",
            "Das HK2 passt direkt auf Ventile mit M30×1,5-Gewinde. Für Danfoss-Ventile (RA, RAV, RAVL) liegen Adapter bei.\n\n"
            "Drehen Sie den alten Thermostatkopf ab, setzen Sie gegebenenfalls den Adapter auf und schrauben Sie das HK2 handfest an. "
            "Legen Sie die Batterien ein; das HK2 fährt den Ventilhub automatisch ab (Anzeige „ADA“).",
        ),
        Text(
            "Mounting the HK2 radiator thermostat",
            "valve adapter, radiator, Danfoss, fitting, adapter",
            "The HK2 fits directly on valves with an M30×1.5 thread. Adapters for Danfoss valves (RA, RAV, RAVL) are in the box.\n\n"
            "Unscrew the old thermostat head, fit the adapter if needed and screw the HK2 on hand-tight. "
            "Insert the batteries; the HK2 measures the valve travel automatically (display “ADA”).",
        ),
    ),
    Entry(
        "hk2-radiator-cold",
        "heating",
        Text(
            "Heizkörper wird trotz HK2 nicht warm",
            "kalt, heizt nicht, Ventil klemmt, Kalibrierung",
            "Bleibt der Heizkörper kalt, klemmt oft der Ventilstift nach dem Sommer. Nehmen Sie das HK2 ab und bewegen Sie den Stift mit einer Zange vorsichtig ein paar Mal.\n\n"
            "Starten Sie danach in der App „Ventil kalibrieren“. Prüfen Sie außerdem, ob die Heizungsanlage selbst läuft und ob der Heizkörper entlüftet ist.",
        ),
        Text(
            "Radiator stays cold with the HK2",
            "cold, not heating, valve stuck, calibration",
            "If the radiator stays cold, the valve pin is often stuck after summer. Take off the HK2 and carefully move the pin a few times with pliers.\n\n"
            "Then start “Calibrate valve” in the app. Also check that the heating system itself is running and that the radiator has been bled.",
        ),
        faq=True,
    ),
    Entry(
        "heating-schedule",
        "heating",
        Text(
            "Heizplan erstellen",
            "Zeitplan, Wochenplan, Temperaturprofil, Absenkung",
            "Im Heizplan legen Sie für jeden Raum fest, wann welche Temperatur gelten soll. Öffnen Sie in der App den Raum und tippen Sie auf „Zeitplan“.\n\n"
            "Legen Sie Zeitfenster an, zum Beispiel 21 °C von 6 bis 8 Uhr und von 17 bis 22 Uhr, sonst 17 °C. Mit „Kopieren“ übernehmen Sie einen Tag auf andere Wochentage.",
        ),
        Text(
            "Creating a heating schedule",
            "schedule, weekly plan, temperature profile, setback",
            "The heating schedule sets which temperature applies in each room and when. Open the room in the app and tap “Schedule”.\n\n"
            "Add time slots, for example 21 °C from 6 to 8 am and from 5 to 10 pm, otherwise 17 °C. Use “Copy” to apply one day to other weekdays.",
        ),
    ),
    Entry(
        "window-open-detection",
        "heating",
        Text(
            "Fenster-offen-Erkennung",
            "Lüften, Fensterkontakt, Heizung aus beim Lüften",
            "Wenn ein Fenster offen ist, regeln die Thermostate des Raums automatisch auf 5 °C herunter. "
            "Mit einem Fensterkontakt F1 geschieht das sofort; ohne Kontakt erkennt das HK2 einen schnellen Temperatursturz nach etwa drei Minuten.\n\n"
            "Sie schalten die Funktion in den Raumeinstellungen unter „Fenster offen“ ein oder aus.",
        ),
        Text(
            "Open-window detection",
            "airing, ventilation, window contact, heating off when window open",
            "When a window is open, the room's thermostats turn down to 5 °C automatically. "
            "With an F1 window contact this happens at once; without a contact the HK2 detects a quick drop in temperature after about three minutes.\n\n"
            "Switch the feature on or off in the room settings under “Window open”.",
        ),
    ),
    Entry(
        "s1-battery-change",
        "security",
        Text(
            "Batterien des Türschlosses S1 wechseln",
            "Batteriewechsel, Akku, Batterie leer, CR123",
            "Das Türschloss S1 arbeitet mit vier Batterien vom Typ CR123A, die etwa ein Jahr halten. Die App warnt, wenn noch 20 % übrig sind.\n\n"
            "Öffnen Sie die Abdeckung auf der Innenseite, indem Sie sie nach oben schieben, tauschen Sie alle vier Batterien gleichzeitig und schließen Sie die Abdeckung. "
            "Verwenden Sie keine Akkus: ihre Spannung ist zu niedrig.",
        ),
        Text(
            "Changing the batteries of the S1 door lock",
            "battery replacement, batteries empty, low battery, CR123",
            "The S1 door lock runs on four CR123A batteries that last about a year. The app warns you when 20 % are left.\n\n"
            "Open the cover on the inside by sliding it upwards, replace all four batteries at once and close the cover. "
            "Do not use rechargeable batteries: their voltage is too low.",
        ),
        faq=True,
    ),
    Entry(
        "s1-false-battery-warning",
        "security",
        Text(
            "Schloss S1 meldet leere Batterie trotz neuer Batterien",
            "Fehlmeldung, Batteriewarnung, falsche Anzeige",
            "Meldet das S1 nach dem Einsetzen neuer Batterien weiterhin „Batterie leer“, war die Spannungsmessung in Firmware 2.15.1 falsch kalibriert.\n\n"
            "Aktualisieren Sie das Schloss in der App auf Firmware 3.0.2 oder neuer. Danach zeigt es den Ladestand innerhalb einer Stunde richtig an.",
        ),
        Text(
            "S1 lock reports empty battery despite new batteries",
            "false alarm, battery warning, wrong level",
            "If the S1 still says “battery empty” after new batteries were fitted, the voltage measurement in firmware 2.15.1 was miscalibrated.\n\n"
            "Update the lock to firmware 3.0.2 or newer in the app. It then shows the correct level within an hour.",
        ),
    ),
    Entry(
        "s1-emergency-opening",
        "security",
        Text(
            "Ausgesperrt: Tür bei leeren Batterien öffnen",
            "Notöffnung, ausgesperrt, Notstrom, Schlüssel",
            "Sind die Batterien des S1 ganz leer, halten Sie eine 9-Volt-Blockbatterie an die beiden Kontakte unter dem Tastenfeld. "
            "Das Schloss erhält so genug Strom, um es mit Ihrem Code oder der App zu öffnen.\n\n"
            "Außerdem lässt sich das S1 jederzeit mit dem mitgelieferten Notschlüssel öffnen. Bewahren Sie ihn außerhalb der Wohnung auf, zum Beispiel bei Nachbarn.",
        ),
        Text(
            "Locked out: opening the door when the batteries are flat",
            "emergency opening, locked out, emergency power, key",
            "If the S1's batteries are completely flat, hold a 9-volt block battery against the two contacts below the keypad. "
            "This gives the lock enough power to open it with your code or the app.\n\n"
            "You can also open the S1 at any time with the emergency key in the box. Keep it outside your home, for example with neighbours.",
        ),
        faq=True,
    ),
    Entry(
        "s1-access-codes",
        "security",
        Text(
            "Zugangscodes und Gastzugang für das Schloss",
            "PIN, Code ändern, Gäste, Handwerker, zeitlich begrenzt",
            "Im Bereich „Schloss > Zugänge“ legen Sie bis zu 50 persönliche Codes an. Für Gäste oder Handwerker können Sie Codes zeitlich begrenzen, etwa nur dienstags von 8 bis 12 Uhr.\n\n"
            "Jede Öffnung wird im Verlauf mit dem Namen des Codes gespeichert. Einen Code löschen Sie mit einem Wisch nach links.",
        ),
        Text(
            "Access codes and guest access for the lock",
            "PIN, change code, guests, tradespeople, time-limited",
            "Under “Lock > Access” you can create up to 50 personal codes. For guests or tradespeople, codes can be limited in time, say Tuesdays from 8 to 12 only.\n\n"
            "Each opening is saved in the history with the code's name. Delete a code by swiping left.",
        ),
    ),
    Entry(
        "r1-test-false-alarm",
        "security",
        Text(
            "Rauchmelder R1 testen und Fehlalarme vermeiden",
            "Probealarm, Fehlalarm, Wasserdampf, Küche",
            "Drücken Sie die Prüftaste des R1 zwei Sekunden lang: Der Melder piept laut und meldet den Test an die App. Testen Sie einmal im Monat.\n\n"
            "Fehlalarme entstehen meist durch Wasserdampf oder Kochdunst. Montieren Sie den Melder mindestens drei Meter von Küche und Bad entfernt, mittig an der Decke.",
        ),
        Text(
            "Testing the R1 smoke detector and avoiding false alarms",
            "test alarm, false alarm, steam, kitchen",
            "Press the R1's test button for two seconds: the detector beeps loudly and reports the test to the app. Test once a month.\n\n"
            "False alarms are mostly caused by steam or cooking fumes. Mount the detector at least three metres from kitchen and bathroom, in the middle of the ceiling.",
        ),
    ),
    Entry(
        "r1-chirping",
        "security",
        Text(
            "Rauchmelder piept regelmäßig",
            "Piepen, zirpen, Batterie schwach, Signalton",
            "Ein kurzer Piepton alle 40 Sekunden bedeutet, dass die Batterie des R1 schwach ist. Die fest eingebaute Batterie hält zehn Jahre; danach muss der ganze Melder ersetzt werden.\n\n"
            "Piept ein Melder jünger als zehn Jahre, ist das ein Garantiefall: Melden Sie sich bei uns, wir schicken Ihnen kostenlos Ersatz.",
        ),
        Text(
            "Smoke detector keeps chirping",
            "beeping, chirp, low battery, signal tone",
            "A short beep every 40 seconds means the R1's battery is low. The built-in battery lasts ten years; after that the whole detector must be replaced.\n\n"
            "If a detector younger than ten years chirps, it is covered by the warranty: contact us and we send a replacement free of charge.",
        ),
    ),
    Entry(
        "f1-window-contact",
        "security",
        Text(
            "Fensterkontakt F1 anbringen",
            "Tür- und Fensterkontakt, Magnet, Sensor, Klebepad",
            "Der Fensterkontakt F1 besteht aus Sensor und Magnet. Kleben Sie den Sensor an den Rahmen und den Magneten an den Flügel, höchstens 5 mm voneinander entfernt.\n\n"
            "Reinigen Sie die Flächen vorher mit Alkohol, damit die Klebepads halten. In der App sehen Sie danach, ob das Fenster offen oder geschlossen ist.",
        ),
        Text(
            "Fitting the F1 window contact",
            "door and window sensor, magnet, sensor, adhesive pad",
            "The F1 window contact consists of a sensor and a magnet. Stick the sensor on the frame and the magnet on the sash, at most 5 mm apart.\n\n"
            "Clean the surfaces with alcohol first so the adhesive pads hold. The app then shows whether the window is open or closed.",
        ),
    ),
    Entry(
        "c4-mounting",
        "cameras",
        Text(
            "Außenkamera C4 montieren",
            "Überwachungskamera, Montage, Wand, Außenbereich, Stromversorgung",
            "Montieren Sie die C4 in 2,5 bis 3 Metern Höhe, geschützt vor direktem Regen. Die Kamera ist nach IP66 wetterfest und braucht ein Netzteil in Reichweite (5-m-Kabel).\n\n"
            "Bohren Sie mit der Schablone zwei Löcher, befestigen Sie die Halterung und richten Sie die Kamera in der Live-Ansicht der App aus.",
        ),
        Text(
            "Mounting the C4 outdoor camera",
            "security camera, mounting, wall, outdoors, power supply",
            "Mount the C4 at a height of 2.5 to 3 metres, sheltered from direct rain. The camera is weatherproof to IP66 and needs a power socket within reach (5 m cable).\n\n"
            "Drill two holes using the template, fix the bracket and align the camera in the app's live view.",
        ),
    ),
    Entry(
        "camera-late-alerts",
        "cameras",
        Text(
            "Bewegungsbenachrichtigungen kommen verspätet",
            "Push-Mitteilung, Verzögerung, Benachrichtigung zu spät, Bewegungsalarm",
            "Kommen Benachrichtigungen der Kamera erst Minuten nach der Bewegung an, prüfen Sie zuerst, ob Ihr Telefon die Heimwacht App im Energiesparmodus einschränkt.\n\n"
            "Im Herbst lag die Ursache bei unserem Push-Dienst; er ist inzwischen umgezogen und die Verzögerung behoben. "
            "Melden Sie sich, wenn Mitteilungen weiterhin länger als 30 Sekunden brauchen.",
        ),
        Text(
            "Motion alerts arrive late",
            "push notification, delay, notification too late, motion alarm",
            "If camera alerts arrive minutes after the motion, first check whether your phone restricts the Heimwacht app in battery saving mode.\n\n"
            "In autumn the cause was our push service; it has since moved and the delay is fixed. "
            "Contact us if notifications still take longer than 30 seconds.",
        ),
        faq=True,
    ),
    Entry(
        "camera-motion-zones",
        "cameras",
        Text(
            "Bewegungszonen und Empfindlichkeit einstellen",
            "Erkennungsbereich, zu viele Alarme, Bäume, Straße, Personenerkennung",
            "Bekommen Sie zu viele Meldungen, zum Beispiel durch Bäume oder die Straße, zeichnen Sie in der App Bewegungszonen ein: Nur Bewegungen darin lösen eine Meldung aus.\n\n"
            "Mit Heimwacht Plus unterscheidet die Kamera Personen, Tiere und Fahrzeuge, sodass Sie nur bei Personen benachrichtigt werden.",
        ),
        Text(
            "Setting motion zones and sensitivity",
            "detection area, too many alerts, trees, street, person detection",
            "If you get too many alerts, for example from trees or the street, draw motion zones in the app: only movement inside them triggers an alert.\n\n"
            "With Heimwacht Plus the camera tells people, animals and vehicles apart, so you are notified about people only.",
        ),
    ),
    Entry(
        "camera-recordings",
        "cameras",
        Text(
            "Aufnahmen speichern und herunterladen",
            "Video, Clip, Speicherkarte, Cloud, microSD, Aufzeichnung",
            "Ohne Abo speichern C2 und C4 Clips auf einer microSD-Karte (bis 256 GB) in der Kamera. Mit Heimwacht Plus werden Aufnahmen 30 Tage in der Cloud gespeichert.\n\n"
            "Einen Clip laden Sie herunter, indem Sie ihn im Verlauf öffnen und auf „Teilen > Video speichern“ tippen.",
        ),
        Text(
            "Saving and downloading recordings",
            "video, clip, memory card, cloud, microSD, recording",
            "Without a subscription the C2 and C4 store clips on a microSD card (up to 256 GB) in the camera. With Heimwacht Plus, recordings are kept in the cloud for 30 days.\n\n"
            "To download a clip, open it in the history and tap “Share > Save video”.",
        ),
    ),
    Entry(
        "c2-privacy-mode",
        "cameras",
        Text(
            "Privatsphäre-Modus der Innenkamera C2",
            "Kamera ausschalten, Datenschutz, Objektiv, zuhause",
            "Im Privatsphäre-Modus schwenkt die C2 ihr Objektiv sichtbar nach unten und nimmt weder Bild noch Ton auf.\n\n"
            "Sie können den Modus automatisch einschalten lassen, sobald jemand aus Ihrem Haushalt zuhause ist (Anwesenheit über die App).",
        ),
        Text(
            "Privacy mode of the C2 indoor camera",
            "turn camera off, privacy, lens, at home",
            "In privacy mode the C2 visibly turns its lens downwards and records neither picture nor sound.\n\n"
            "You can have the mode switch on automatically whenever someone of your household is at home (presence via the app).",
        ),
    ),
    Entry(
        "p1-energy",
        "plugs",
        Text(
            "Zwischenstecker P1: Stromverbrauch messen",
            "Energiemessung, Verbrauch, kWh, Steckdose, Zeitschaltung",
            "Der Zwischenstecker P1 schaltet Geräte bis 3680 Watt und misst ihren Stromverbrauch. In der App sehen Sie den Verbrauch in kWh pro Tag, Woche und Monat.\n\n"
            "Tragen Sie in den Einstellungen Ihren Strompreis ein, dann rechnet die App die Kosten aus. Zeitschaltungen legen Sie wie einen Heizplan an.",
        ),
        Text(
            "P1 smart plug: measuring power consumption",
            "energy monitoring, consumption, kWh, socket, timer",
            "The P1 smart plug switches devices up to 3680 watts and measures their power consumption. The app shows consumption in kWh per day, week and month.\n\n"
            "Enter your electricity price in the settings and the app works out the cost. Timers are set up like a heating schedule.",
        ),
    ),
    Entry(
        "error-codes",
        "plugs",
        Text(
            "Fehlercodes E-104, E-221, E-302, E-415, E-503 und W-017",
            "Fehlermeldung, Fehlercode, Störung, Warnung",
            "E-104: Das Gerät erreicht die Bridge nicht. Bringen Sie es näher heran.\n"
            "E-221: Die Firmware-Aktualisierung ist fehlgeschlagen. Starten Sie sie erneut.\n"
            "E-302: Der Ventilantrieb des HK2 ist blockiert. Siehe „Heizkörper wird nicht warm“.\n"
            "E-415: Der Motor des Türschlosses S1 ist blockiert. Prüfen Sie, ob der Riegel frei läuft.\n"
            "E-503: Unser Server ist nicht erreichbar. Versuchen Sie es später erneut.\n"
            "W-017: Die Batterie ist schwach.",
        ),
        Text(
            "Error codes E-104, E-221, E-302, E-415, E-503 and W-017",
            "error message, error code, fault, warning",
            "E-104: the device cannot reach the bridge. Move it closer.\n"
            "E-221: the firmware update failed. Start it again.\n"
            "E-302: the HK2 valve drive is blocked. See “Radiator stays cold”.\n"
            "E-415: the S1 door lock motor is blocked. Check that the bolt moves freely.\n"
            "E-503: our server cannot be reached. Please try again later.\n"
            "W-017: the battery is low.",
        ),
    ),
    Entry(
        "password-reset",
        "account",
        Text(
            "Passwort vergessen",
            "Passwort zurücksetzen, Anmeldung, Login, kann mich nicht anmelden",
            "Tippen Sie auf dem Anmeldebildschirm auf „Passwort vergessen“ und geben Sie Ihre E-Mail-Adresse ein. Sie erhalten einen Link, mit dem Sie ein neues Passwort festlegen; er gilt 24 Stunden.\n\n"
            "Kommt keine E-Mail an, prüfen Sie den Spam-Ordner und ob Sie sich mit einer anderen Adresse registriert haben.",
        ),
        Text(
            "Forgotten password",
            "reset password, sign in, login, cannot log in",
            "On the sign-in screen, tap “Forgot password” and enter your email address. You receive a link to set a new password; it is valid for 24 hours.\n\n"
            "If no email arrives, check your spam folder and whether you registered with a different address.",
        ),
        faq=True,
    ),
    Entry(
        "two-factor",
        "account",
        Text(
            "Zwei-Faktor-Authentifizierung einschalten",
            "2FA, Sicherheit, Bestätigungscode, Authenticator",
            "Schützen Sie Ihr Konto mit einem zweiten Faktor: Öffnen Sie „Profil > Sicherheit“ und wählen Sie „Zwei-Faktor-Authentifizierung“.\n\n"
            "Scannen Sie den QR-Code mit einer Authenticator-App und geben Sie den sechsstelligen Code ein. Bewahren Sie die Wiederherstellungscodes sicher auf.",
        ),
        Text(
            "Turning on two-factor authentication",
            "2FA, security, verification code, authenticator",
            "Protect your account with a second factor: open “Profile > Security” and choose “Two-factor authentication”.\n\n"
            "Scan the QR code with an authenticator app and enter the six-digit code. Keep the recovery codes in a safe place.",
        ),
    ),
    Entry(
        "share-home",
        "account",
        Text(
            "Zuhause mit Familienmitgliedern teilen",
            "Mitbewohner, Familie einladen, weitere Nutzer, Berechtigungen",
            "Unter „Zuhause > Mitglieder“ laden Sie weitere Personen per E-Mail ein. Eingeladene brauchen ein eigenes Heimwacht-Konto.\n\n"
            "Sie legen fest, ob ein Mitglied alles steuern darf oder nur Heizung und Licht. Das Türschloss und die Kameras sind standardmäßig nur für Verwalter freigegeben.",
        ),
        Text(
            "Sharing your home with family members",
            "housemates, invite family, more users, permissions",
            "Under “Home > Members” you invite other people by email. Invited people need their own Heimwacht account.\n\n"
            "You decide whether a member may control everything or only heating and lights. The door lock and cameras are limited to administrators by default.",
        ),
    ),
    Entry(
        "app-crash-schedule",
        "app",
        Text(
            "App stürzt beim Öffnen des Zeitplans ab",
            "Absturz, schließt sich, Android 14, Heizplan öffnen",
            "Unter Android 14 schloss sich die App in Version 4.8.0 sofort, wenn man den Heizplan öffnete. Ursache war die Umrechnung der Zeitzone.\n\n"
            "Aktualisieren Sie die App im Play Store auf Version 4.8.1 oder neuer. Ihre Heizpläne sind nicht verloren; sie liegen in der Bridge.",
        ),
        Text(
            "App crashes when opening the schedule",
            "crash, closes, Android 14, open heating schedule",
            "On Android 14, app version 4.8.0 closed immediately when the heating schedule was opened. The cause was the time zone conversion.\n\n"
            "Update the app in the Play Store to version 4.8.1 or newer. Your heating schedules are not lost; they are stored in the bridge.",
        ),
    ),
    Entry(
        "firmware-update",
        "app",
        Text(
            "Firmware der Geräte aktualisieren",
            "Update, Aktualisierung, neue Version, Software",
            "Heimwacht-Geräte aktualisieren ihre Firmware nachts automatisch. Manuell starten Sie ein Update unter „Gerät > Einstellungen > Firmware“.\n\n"
            "Während des Updates blinkt die LED weiß; trennen Sie das Gerät in dieser Zeit nicht vom Strom. Schlägt das Update fehl, erscheint Fehlercode E-221.",
        ),
        Text(
            "Updating the devices' firmware",
            "update, upgrade, new version, software",
            "Heimwacht devices update their firmware automatically at night. To start an update by hand, go to “Device > Settings > Firmware”.\n\n"
            "During the update the LED blinks white; do not unplug the device meanwhile. If the update fails, error code E-221 appears.",
        ),
    ),
    Entry(
        "delete-account",
        "account",
        Text(
            "Konto löschen und Daten herunterladen",
            "Datenschutz, DSGVO, Daten löschen, Auskunft, Datenexport",
            "Unter „Profil > Datenschutz“ laden Sie alle über Sie gespeicherten Daten als Datei herunter (Auskunft nach Art. 15 DSGVO).\n\n"
            "Dort können Sie Ihr Konto auch löschen. Setzen Sie vorher alle Geräte zurück; ein laufendes Plus-Abo kündigen Sie bitte zuerst.",
        ),
        Text(
            "Deleting your account and downloading your data",
            "privacy, GDPR, delete data, data access request, data export",
            "Under “Profile > Privacy” you download all data stored about you as a file (access under Art. 15 GDPR).\n\n"
            "You can also delete your account there. Reset all devices first, and please cancel a running Plus subscription before.",
        ),
    ),
    Entry(
        "voice-assistants",
        "app",
        Text(
            "Sprachsteuerung mit Alexa, Google Home und Apple Home",
            "Sprachassistent, Matter, Siri, Skill, Smart Speaker",
            "Heimwacht funktioniert mit Amazon Alexa (Skill „Heimwacht“), Google Home und über Matter auch mit Apple Home.\n\n"
            "Aktivieren Sie in der jeweiligen App die Verknüpfung und melden Sie sich mit Ihrem Heimwacht-Konto an. Das Türschloss lässt sich per Sprache nur verriegeln, nicht entriegeln.",
        ),
        Text(
            "Voice control with Alexa, Google Home and Apple Home",
            "voice assistant, Matter, Siri, skill, smart speaker",
            "Heimwacht works with Amazon Alexa (skill “Heimwacht”), Google Home and, through Matter, with Apple Home.\n\n"
            "Enable the link in the respective app and sign in with your Heimwacht account. The door lock can only be locked by voice, not unlocked.",
        ),
    ),
    Entry(
        "shipping-times",
        "shipping",
        Text(
            "Lieferzeiten und Versandkosten",
            "Lieferung, Versanddauer, wann kommt meine Bestellung, Porto",
            "Wir liefern innerhalb Deutschlands in 1–3 Werktagen mit DHL, nach Österreich in 2–4 Werktagen mit der Österreichischen Post.\n\n"
            "Ab 50 € Bestellwert ist der Versand kostenlos, darunter kostet er 4,90 €. Bestellungen bis 14 Uhr verlassen unser Lager am selben Tag.",
        ),
        Text(
            "Delivery times and shipping costs",
            "delivery, shipping time, when will my order arrive, postage",
            "We deliver within Germany in 1–3 working days with DHL, to Austria in 2–4 working days with Austrian Post.\n\n"
            "Shipping is free from an order value of €50; below that it costs €4.90. Orders placed by 2 pm leave our warehouse the same day.",
        ),
        faq=True,
    ),
    Entry(
        "track-order",
        "shipping",
        Text(
            "Sendungsverfolgung: Wo ist mein Paket?",
            "Paket, Tracking, Sendungsnummer, Bestellung verfolgen, Lieferstatus",
            "Sobald Ihre Bestellung versendet ist, erhalten Sie eine E-Mail mit der Sendungsnummer und einem Link zur Sendungsverfolgung des Paketdienstes.\n\n"
            "Zeigt die Verfolgung seit mehr als fünf Werktagen keinen neuen Stand, melden Sie sich mit Ihrer Bestellnummer bei uns; wir stellen einen Nachforschungsauftrag.",
        ),
        Text(
            "Order tracking: where is my parcel?",
            "parcel, package, tracking number, track order, delivery status",
            "As soon as your order has shipped, you receive an email with the tracking number and a link to the carrier's tracking page.\n\n"
            "If the tracking has shown no update for more than five working days, contact us with your order number; we open an investigation with the carrier.",
        ),
        faq=True,
    ),
    Entry(
        "return-label",
        "returns",
        Text(
            "Rücksendung anmelden und Etikett ausdrucken",
            "zurückschicken, retournieren, Retoure, Paketschein, Versandetikett",
            "So senden Sie ein Gerät an uns zurück: Melden Sie die Rücksendung im Kundenportal unter „Bestellungen“ an und wählen Sie den Grund.\n\n"
            "Sie erhalten danach per E-Mail ein kostenloses Etikett für die Rücksendung mit DHL. Drucken Sie es aus, kleben Sie es auf das Paket und geben Sie es in einer Filiale ab. "
            "Ohne Drucker zeigen Sie den QR-Code aus der E-Mail in der Filiale vor.",
        ),
        Text(
            "Registering a return and printing the label",
            "send back, returning, return shipment, shipping label, postage label",
            "To send a device back to us, register the return in the customer portal under “Orders” and choose the reason.\n\n"
            "You then receive a free label for returning the parcel with DHL by email. Print it, stick it on the parcel and drop it off at a post office. "
            "Without a printer, show the QR code from the email at the post office.",
        ),
        faq=True,
    ),
    Entry(
        "withdrawal",
        "returns",
        Text(
            "Widerruf: 30 Tage Rückgaberecht",
            "Widerrufsrecht, Rückgabe, zurückgeben, Geld zurück, gefällt nicht",
            "Gesetzlich haben Sie 14 Tage Widerrufsrecht; bei Heimwacht verlängern wir es freiwillig auf 30 Tage ab Lieferung.\n\n"
            "Die Ware muss vollständig und unbeschädigt sein, die Originalverpackung ist nicht nötig. Die Rücksendung ist kostenlos.",
        ),
        Text(
            "Withdrawal: 30-day right of return",
            "right of withdrawal, return, give back, money back, don't like it",
            "By law you have a 14-day right of withdrawal; Heimwacht voluntarily extends it to 30 days from delivery.\n\n"
            "The goods must be complete and undamaged; the original packaging is not needed. Returning is free of charge.",
        ),
        faq=True,
    ),
    Entry(
        "warranty-claim",
        "returns",
        Text(
            "Garantie: Gerät defekt",
            "Gewährleistung, kaputt, Defekt, Reklamation, Garantiefall, Herstellergarantie",
            "Auf alle Heimwacht-Geräte gewähren wir drei Jahre Herstellergarantie, zusätzlich zur gesetzlichen Gewährleistung von zwei Jahren.\n\n"
            "Ist ein Gerät defekt, beschreiben Sie den Fehler im Kundenportal und nennen Sie die Bestellnummer. "
            "Oft lässt sich das Problem per Ferndiagnose lösen; sonst erhalten Sie ein Austauschgerät.",
        ),
        Text(
            "Warranty: device defective",
            "guarantee, broken, defect, claim, warranty claim, manufacturer's warranty",
            "All Heimwacht devices come with a three-year manufacturer's warranty, on top of the two-year statutory guarantee.\n\n"
            "If a device is defective, describe the fault in the customer portal and give the order number. "
            "Often the problem can be solved by remote diagnosis; otherwise you receive a replacement device.",
        ),
        faq=True,
    ),
    Entry(
        "exchange-device",
        "returns",
        Text(
            "Austauschgerät: Ablauf des Umtauschs",
            "Umtausch, Ersatzgerät, Vorabaustausch, Tausch",
            "Im Garantiefall schicken wir Ihnen das Austauschgerät sofort zu (Vorabaustausch). Das defekte Gerät senden Sie innerhalb von 14 Tagen mit dem beiliegenden Etikett zurück.\n\n"
            "Setzen Sie das alte Gerät vorher in der App zurück und koppeln Sie das neue wie gewohnt.",
        ),
        Text(
            "Replacement device: how the exchange works",
            "exchange, swap, advance replacement, replace device",
            "For a warranty claim we send you the replacement device at once (advance replacement). Return the defective device within 14 days with the enclosed label.\n\n"
            "Reset the old device in the app beforehand and pair the new one as usual.",
        ),
    ),
    Entry(
        "damaged-delivery",
        "shipping",
        Text(
            "Paket beschädigt angekommen",
            "Transportschaden, kaputt geliefert, beschädigte Sendung",
            "Ist das Paket sichtbar beschädigt, lassen Sie sich das vom Zusteller bestätigen oder verweigern Sie die Annahme.\n\n"
            "Fotografieren Sie Verpackung und Inhalt und schicken Sie uns die Fotos über das Kundenportal. Wir senden Ersatz, ohne dass Sie das beschädigte Gerät zuerst zurückschicken müssen.",
        ),
        Text(
            "Parcel arrived damaged",
            "transport damage, delivered broken, damaged shipment",
            "If the parcel is visibly damaged, have the courier confirm it or refuse to accept it.\n\n"
            "Take photos of the packaging and contents and send them to us through the customer portal. We send a replacement without you having to return the damaged device first.",
        ),
    ),
    Entry(
        "refund-duration",
        "returns",
        Text(
            "Wann bekomme ich mein Geld zurück?",
            "Erstattung, Rückzahlung, Gutschrift, Geld zurück",
            "Sobald Ihre Rücksendung in unserem Lager geprüft ist, erstatten wir den Betrag auf dem ursprünglichen Zahlungsweg, meist innerhalb von 5 Werktagen.\n\n"
            "Bei Kreditkarten kann die Gutschrift je nach Bank bis zu 10 Tage dauern. Sie erhalten eine E-Mail, wenn die Erstattung angewiesen ist.",
        ),
        Text(
            "When do I get my money back?",
            "refund, repayment, credit, money back",
            "As soon as your return has been checked in our warehouse, we refund the amount to the original payment method, usually within 5 working days.\n\n"
            "With credit cards the credit may take up to 10 days depending on the bank. You receive an email when the refund has been issued.",
        ),
        faq=True,
    ),
    Entry(
        "plus-features",
        "plus",
        Text(
            "Was bietet Heimwacht Plus?",
            "Abo, Abonnement, Cloud-Speicher, Preis, Leistungen",
            "Heimwacht Plus kostet 5 € im Monat und bietet 30 Tage Cloud-Speicher für alle Kameras, Personen- und Fahrzeugerkennung, "
            "Benachrichtigungen per SMS bei Rauchalarm und einen bevorzugten Kundendienst.\n\n"
            "Sie können Plus 30 Tage kostenlos testen; die Testphase endet automatisch ohne Kosten, wenn Sie nicht verlängern.",
        ),
        Text(
            "What does Heimwacht Plus offer?",
            "subscription, cloud storage, price, features, plan",
            "Heimwacht Plus costs €5 a month and offers 30 days of cloud storage for all cameras, person and vehicle detection, "
            "SMS notifications for smoke alarms, and priority customer service.\n\n"
            "You can try Plus free for 30 days; the trial ends automatically at no cost unless you renew.",
        ),
    ),
    Entry(
        "plus-cancel",
        "plus",
        Text(
            "Plus-Abo kündigen",
            "Kündigung, Abo beenden, Vertrag kündigen, Abonnement",
            "Sie können Heimwacht Plus jederzeit zum Ende des laufenden Monats kündigen: In der App unter „Profil > Abo > Kündigen“.\n\n"
            "Haben Sie das Abo über den App Store oder Google Play abgeschlossen, kündigen Sie es dort in den Abo-Einstellungen Ihres Telefons. "
            "Ihre Cloud-Aufnahmen bleiben bis zum Ende des Abrechnungszeitraums verfügbar.",
        ),
        Text(
            "Cancelling the Plus subscription",
            "cancellation, end subscription, terminate contract, unsubscribe",
            "You can cancel Heimwacht Plus at any time, effective at the end of the current month: in the app under “Profile > Subscription > Cancel”.\n\n"
            "If you subscribed through the App Store or Google Play, cancel it there in your phone's subscription settings. "
            "Your cloud recordings remain available until the end of the billing period.",
        ),
        faq=True,
    ),
    Entry(
        "invoice-download",
        "invoices",
        Text(
            "Rechnung herunterladen",
            "Rechnungskopie, Beleg, PDF, Quittung, Umsatzsteuer",
            "Ihre Rechnungen finden Sie im Kundenportal unter „Bestellungen“ und für Heimwacht Plus in der App unter „Profil > Abo > Rechnungen“. Tippen Sie auf eine Rechnung, um sie als PDF zu speichern.\n\n"
            "Brauchen Sie eine Rechnung auf eine Firma mit Umsatzsteuer-ID, tragen Sie die Firmendaten vor der Bestellung im Profil ein.",
        ),
        Text(
            "Downloading an invoice",
            "invoice copy, receipt, PDF, bill, VAT",
            "You find your invoices in the customer portal under “Orders”, and for Heimwacht Plus in the app under “Profile > Subscription > Invoices”. Tap an invoice to save it as a PDF.\n\n"
            "If you need an invoice made out to a company with a VAT ID, enter the company details in your profile before ordering.",
        ),
        faq=True,
    ),
    Entry(
        "payment-method",
        "invoices",
        Text(
            "Zahlungsart ändern",
            "Kreditkarte, PayPal, Lastschrift, SEPA, Bankverbindung",
            "Die Zahlungsart für Heimwacht Plus ändern Sie in der App unter „Profil > Abo > Zahlungsart“. Möglich sind Kreditkarte, PayPal und SEPA-Lastschrift.\n\n"
            "Die neue Zahlungsart gilt ab der nächsten Abbuchung.",
        ),
        Text(
            "Changing the payment method",
            "credit card, PayPal, direct debit, SEPA, bank details",
            "Change the payment method for Heimwacht Plus in the app under “Profile > Subscription > Payment method”. Credit card, PayPal and SEPA direct debit are available.\n\n"
            "The new payment method applies from the next charge.",
        ),
    ),
    Entry(
        "double-charge",
        "invoices",
        Text(
            "Plus-Beitrag doppelt abgebucht",
            "doppelte Abbuchung, zweimal bezahlt, falsche Abbuchung, Erstattung",
            "Nach einem Wechsel der Zahlungsart wurde der Monatsbeitrag bei einigen Kundinnen und Kunden zweimal abgebucht. Der Fehler ist behoben.\n\n"
            "Doppelte Beträge erstatten wir automatisch innerhalb von 7 Tagen. Ist bis dahin nichts zurückgebucht, schreiben Sie uns mit dem Datum der Abbuchung.",
        ),
        Text(
            "Plus fee charged twice",
            "double charge, paid twice, wrong debit, refund",
            "After a change of payment method, some customers were charged the monthly fee twice. The fault is fixed.\n\n"
            "We refund double charges automatically within 7 days. If nothing has been refunded by then, write to us with the date of the charge.",
        ),
    ),
    Entry(
        "internal-goodwill",
        "playbooks",
        Text(
            "Kulanzregeln (intern)",
            "Kulanz, Gutschein, Entschädigung, Gutschrift intern",
            "Erste Ebene darf ohne Rückfrage einen Gutschein bis 15 € oder einen Monat Heimwacht Plus gutschreiben. Über 15 € entscheidet die Teamleitung.\n\n"
            "Kulanz nur einmal pro Kunde und Jahr; im Ticket als interne Notiz mit Grund festhalten.",
        ),
        Text(
            "Goodwill rules (internal)",
            "goodwill, voucher, compensation, internal credit",
            "First Level may grant a voucher up to €15 or one month of Heimwacht Plus without asking. Above €15 the team lead decides.\n\n"
            "Goodwill only once per customer and year; record it in the ticket as an internal note with the reason.",
        ),
        internal=True,
    ),
    Entry(
        "internal-lockout-escalation",
        "playbooks",
        Text(
            "Aussperrung mit Schloss S1: Eskalation (intern)",
            "ausgesperrt, Notfall, Schlüsseldienst, Priorität dringend",
            "Ist eine Kundin ausgesperrt, Ticket sofort auf Priorität „dringend“ setzen und an die Zweite Ebene eskalieren. "
            "Remote-Entriegelung nur nach Identitätsprüfung mit zwei Merkmalen (Geburtsdatum und Bestellnummer).\n\n"
            "Schlüsseldienstkosten bis 150 € übernimmt Heimwacht, wenn ein Gerätefehler vorliegt.",
        ),
        Text(
            "Lockout with the S1 lock: escalation (internal)",
            "locked out, emergency, locksmith, urgent priority",
            "If a customer is locked out, set the ticket to priority “urgent” at once and escalate to Second Level. "
            "Remote unlocking only after identity checks on two facts (date of birth and order number).\n\n"
            "Heimwacht pays locksmith costs up to €150 if a device fault is the cause.",
        ),
        internal=True,
    ),
    Entry(
        "internal-rma",
        "playbooks",
        Text(
            "RMA-Nummer vergeben (intern)",
            "RMA, Warenrücksendung, Lager, Rücksendenummer",
            "Für jede Garantierücksendung im Warenwirtschaftssystem eine RMA-Nummer anlegen und im Ticket als Tag „rma-<nummer>“ vermerken. "
            "Das Lager bucht eingehende Geräte nur mit RMA-Nummer ein.",
        ),
        Text(
            "Issuing an RMA number (internal)",
            "RMA, return merchandise authorisation, warehouse, return number",
            "For every warranty return, create an RMA number in the ERP system and note it in the ticket as tag “rma-<number>”. "
            "The warehouse books incoming devices only with an RMA number.",
        ),
        internal=True,
    ),
)

RELATED = (
    ("return-label", "withdrawal"),
    ("return-label", "refund-duration"),
    ("warranty-claim", "exchange-device"),
    ("s1-battery-change", "s1-emergency-opening"),
    ("s1-battery-change", "s1-false-battery-warning"),
    ("t3-wifi-drops", "wifi-requirements"),
    ("plus-cancel", "plus-features"),
    ("hk2-radiator-cold", "error-codes"),
)


@transaction.atomic
def load_help_center() -> int:
    """Create and publish the demo help center; returns the number of articles created."""
    sections: dict[str, Section] = {}
    for position, (slug, name_de, name_en, _team, section_rows) in enumerate(CATEGORIES):
        category, _ = Category.objects.get_or_create(
            slug=slug, defaults={"name_de": name_de, "name_en": name_en, "position": position}
        )
        for section_position, (section_slug, section_de, section_en) in enumerate(section_rows):
            sections[section_slug], _ = Section.objects.get_or_create(
                slug=section_slug,
                defaults={
                    "category": category,
                    "name_de": section_de,
                    "name_en": section_en,
                    "position": section_position,
                },
            )
    teams = {team.slug: team for team in Team.objects.all()}
    team_of_category = {row[0]: row[3] for row in CATEGORIES}
    created = 0
    for position, entry in enumerate(ARTICLES):
        if Article.objects.filter(key=entry.key).exists():
            continue
        section = sections[entry.section]
        article = Article.objects.create(
            section=section,
            key=entry.key,
            visibility=Visibility.INTERNAL if entry.internal else Visibility.PUBLIC,
            team=teams.get(team_of_category[section.category.slug]),
            is_faq=entry.faq,
            faq_position=position,
        )
        for language, text in (("de", entry.de), ("en", entry.en)):
            translation = write_version(
                article=article,
                language=language,
                title=text.title,
                body=text.body,
                keywords=text.keywords,
                note="Demo content",
                author=None,
            )
            make_live(translation)
        created += 1
    articles = {
        article.key: article
        for article in Article.objects.filter(key__in=[a for pair in RELATED for a in pair])
    }
    for left, right in RELATED:
        if left in articles and right in articles:
            articles[left].related.add(articles[right])
    return created
