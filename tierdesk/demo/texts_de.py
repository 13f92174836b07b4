"""German texts of the demo history: what customers write and agents answer.

Placeholders: {product} {order} {error} {firmware} {app_version} {carrier} {days}
{amount} {points} {quantity} {customer} {agent} {ticket}. Customer texts must
not contain another intent's routing keywords (a test checks every template).
"""

from __future__ import annotations

# intent -> (subject, body) templates written by customers
CUSTOMER_REQUESTS: dict[str, tuple[tuple[str, str], ...]] = {
    "question": (
        (
            "Frage zur Einrichtung: {product}",
            "Hallo,\n\nich habe das Gerät {product} gekauft und weiß nicht, ob ich dafür die "
            "Bridge brauche oder ob es auch direkt mit dem WLAN funktioniert.\n\n"
            "Viele Grüße\n{customer}",
        ),
        (
            "Mehrere Nutzer in der App?",
            "Guten Tag,\n\nkann ich meiner Frau ebenfalls Zugriff auf die Heimwacht App geben, "
            "ohne mein Passwort weiterzugeben?\n\nDanke und Gruß\n{customer}",
        ),
        (
            "Funktioniert {product} mit Sprachassistenten?",
            "Hallo Heimwacht-Team,\n\nlässt sich {product} mit einem Sprachassistenten "
            "steuern? In der Anleitung habe ich dazu nichts gefunden.\n\n{customer}",
        ),
        (
            "Wie lange hält die Batterie?",
            "Sehr geehrte Damen und Herren,\n\nwie lange halten die Batterien im {product} "
            "ungefähr, und welche Batterien soll ich verwenden?\n\nMit freundlichen Grüßen\n"
            "{customer}",
        ),
        (
            "Urlaubsmodus einstellen",
            "Hallo,\n\nwir fahren für {days} Tage weg. Wie stelle ich den Urlaubsmodus ein, "
            "damit die Heizung nicht die ganze Zeit läuft?\n\nGruß {customer}",
        ),
        (
            "Datenschutz: Wo werden die Kamerabilder gespeichert?",
            "Guten Tag,\n\nwo genau werden die Aufnahmen der {product} gespeichert, und kann "
            "ich die Speicherung in der Cloud ausschalten?\n\nFreundliche Grüße\n{customer}",
        ),
        (
            "Rechnung für Bestellung {order}",
            "Hallo,\n\nich benötige für die Bestellung {order} eine Rechnung mit meiner "
            "Firmenadresse. Können Sie mir diese zusenden?\n\nDanke, {customer}",
        ),
        (
            "Lieferstatus {order}",
            "Hallo,\n\nmeine Bestellung {order} ist seit {days} Tagen unterwegs. Können Sie "
            "mir sagen, wann sie ankommt? Versand mit {carrier}.\n\n{customer}",
        ),
    ),
    "incident": (
        (
            "{product} offline – Fehler {error}",
            "Hallo,\n\nseit heute Morgen zeigt die App für {product} nur noch 'offline' und "
            "den Fehler {error}. Neu starten habe ich schon versucht.\n\nGruß\n{customer}",
        ),
        (
            "App stürzt nach Update {app_version} ab",
            "Guten Tag,\n\nseit dem Update auf Version {app_version} stürzt die Heimwacht App "
            "beim Start ab. Handy neu gestartet, App neu installiert – keine Besserung.\n\n"
            "{customer}",
        ),
        (
            "Thermostat heizt nicht mehr",
            "Hallo,\n\ndas {product} zeigt 21 Grad Soll, aber das Ventil öffnet nicht. Es ist "
            "kalt in der Wohnung! Firmware ist {firmware}.\n\nBitte um schnelle Hilfe\n"
            "{customer}",
        ),
        (
            "Türschloss reagiert nicht",
            "Hallo,\n\nunser {product} lässt sich seit gestern nicht mehr per App öffnen, nur "
            "noch mit dem Schlüssel. Die Bridge ist online.\n\nViele Grüße\n{customer}",
        ),
        (
            "Kamera verbindet sich nicht mit dem WLAN",
            "Guten Tag,\n\nbei der Einrichtung der {product} bricht die WLAN-Verbindung immer "
            "bei 80 % ab (Fehler {error}). Router ist eine FRITZ!Box.\n\n{customer}",
        ),
        (
            "Rauchmelder piept ohne Grund",
            "Hallo,\n\nder {product} im Flur piept nachts alle paar Minuten, obwohl kein Rauch "
            "da ist und die Batterie neu ist.\n\nGruß {customer}",
        ),
        (
            "Automationen laufen nicht mehr",
            "Hallo zusammen,\n\nmeine Automationen (Licht an bei Sonnenuntergang) werden seit "
            "Firmware {firmware} nicht mehr ausgeführt.\n\n{customer}",
        ),
    ),
    "return": (
        (
            "Rücksendung Bestellung {order}",
            "Hallo,\n\nich möchte den {product} aus Bestellung {order} zurücksenden, er passt "
            "leider nicht zu unserer Heizung. Bitte schicken Sie mir ein Retourenetikett.\n\n"
            "Danke\n{customer}",
        ),
        (
            "Umtausch gegen anderes Modell",
            "Guten Tag,\n\nich habe versehentlich den {product} bestellt (Bestellung {order}). "
            "Ist ein Umtausch gegen die Innenkamera möglich?\n\nFreundliche Grüße\n{customer}",
        ),
        (
            "Retoure noch nicht erstattet",
            "Hallo,\n\ndie Retoure zu {order} ist laut {carrier} seit {days} Tagen bei Ihnen "
            "angekommen, die Erstattung fehlt aber noch.\n\n{customer}",
        ),
        (
            "Gewährleistung: {product} nach 14 Monaten defekt",
            "Sehr geehrte Damen und Herren,\n\nmein {product} ist nach 14 Monaten kaputt "
            "gegangen (startet nicht mehr). Das fällt doch unter die Gewährleistung? "
            "Bestellnummer {order}.\n\nMit freundlichen Grüßen\n{customer}",
        ),
        (
            "Garantie verlängern?",
            "Hallo,\n\ngilt für den {product} die Herstellergarantie von 3 Jahren auch, wenn "
            "ich ihn im Fachhandel gekauft habe? Er zeigt jetzt Fehler {error}.\n\n{customer}",
        ),
    ),
    "complaint": (
        (
            "Beschwerde über Wartezeit an der Hotline",
            "Guten Tag,\n\nich habe gestern dreimal je über 20 Minuten in Ihrer Hotline "
            "gewartet und bin dann rausgeflogen. So etwas habe ich noch nicht erlebt.\n\n"
            "{customer}",
        ),
        (
            "Reklamation: {product} beschädigt geliefert",
            "Hallo,\n\nder {product} aus Bestellung {order} kam mit gesprungenem Gehäuse an. "
            "Fotos hänge ich an. Ich erwarte schnellen Ersatz.\n\n{customer}",
        ),
        (
            "Sehr unzufrieden mit dem Support",
            "Hallo,\n\nich habe Ihnen jetzt zum dritten Mal wegen {product} geschrieben und "
            "bekomme nur Textbausteine. Ich bin wirklich unzufrieden.\n\n{customer}",
        ),
        (
            "Beschwerde: Techniker nicht erschienen",
            "Sehr geehrte Damen und Herren,\n\nder vereinbarte Installationstermin wurde "
            "nicht eingehalten, niemand hat abgesagt. Ich habe mir dafür frei genommen.\n\n"
            "{customer}",
        ),
        (
            "Reklamation Abbuchung {amount} €",
            "Hallo,\n\nSie haben {amount} € abgebucht, obwohl ich nichts bestellt habe. Ich "
            "bitte um sofortige Klärung.\n\n{customer}",
        ),
    ),
    "sales_inquiry": (
        (
            "Angebot für {quantity} Heizkörperthermostate",
            "Guten Tag,\n\nwir verwalten mehrere Wohnanlagen und möchten ein Angebot für "
            "{quantity} Stück {product} inklusive Bridge anfragen.\n\nMit freundlichen "
            "Grüßen\n{customer}",
        ),
        (
            "Preis für Mengenrabatt",
            "Hallo,\n\nwelchen Preis können Sie uns ab {quantity} Geräten {product} machen? "
            "Wir sind Elektroinstallateur.\n\nGruß\n{customer}",
        ),
        (
            "Lizenz kaufen für Hausverwaltungs-Portal",
            "Hallo,\n\nwir würden gern eine Lizenz kaufen, um die Geräte unserer Mieter "
            "zentral zu verwalten. Was kostet das pro Wohnung?\n\n{customer}",
        ),
        (
            "Anfrage Angebot Hotelausstattung",
            "Sehr geehrte Damen und Herren,\n\nfür unser Hotel mit {quantity} Zimmern suchen "
            "wir eine Lösung für Heizung und Türschlösser. Bitte senden Sie uns ein "
            "Angebot.\n\n{customer}",
        ),
    ),
    "cancellation": (
        (
            "Kündigung Heimwacht Plus",
            "Hallo,\n\nhiermit möchte ich mein Heimwacht Plus Abo zum nächstmöglichen "
            "Zeitpunkt kündigen. Bitte bestätigen Sie mir die Kündigung.\n\n{customer}",
        ),
        (
            "Abo kündigen – zu teuer",
            "Guten Tag,\n\nich möchte mein Abo kündigen, ich nutze die Cloud-Aufzeichnung "
            "kaum.\n\nGruß {customer}",
        ),
        (
            "Kündigung zum Monatsende",
            "Sehr geehrte Damen und Herren,\n\nich kündige hiermit mein Abonnement zum Ende "
            "des Monats. Kundennummer siehe Absender.\n\nMit freundlichen Grüßen\n{customer}",
        ),
    ),
    "loyalty": (
        (
            "Heimwacht Punkte nicht gutgeschrieben",
            "Hallo,\n\nfür meine Bestellung {order} wurden mir keine Heimwacht Punkte "
            "gutgeschrieben. Es müssten {points} sein.\n\n{customer}",
        ),
        (
            "Prämie einlösen",
            "Hallo,\n\nich habe {points} Punkte gesammelt. Welche Prämie kann ich dafür "
            "bekommen, und wie löse ich sie ein?\n\nDanke\n{customer}",
        ),
        (
            "Treueprogramm: Stufe Gold?",
            "Guten Tag,\n\nich bin seit Jahren Kunde. Warum bin ich im Treueprogramm noch "
            "nicht in der Stufe Gold?\n\nViele Grüße\n{customer}",
        ),
    ),
}

ACKNOWLEDGEMENTS = (
    "Hallo {customer},\n\nvielen Dank für Ihre Nachricht. Wir haben Ihr Anliegen an unsere "
    "Spezialisten weitergegeben und melden uns, sobald wir mehr wissen.\n\n"
    "Viele Grüße\n{agent}\nHeimwacht Kundenservice",
    "Guten Tag {customer},\n\ndanke für Ihre Geduld. Ein Kollege aus dem Second Level schaut "
    "sich das genauer an.\n\nFreundliche Grüße\n{agent}",
)
INFO_REQUESTS = (
    "Hallo {customer},\n\ndamit wir weiterhelfen können: Welche Firmware-Version zeigt die "
    "App unter Einstellungen → Geräte an?\n\nViele Grüße\n{agent}",
    "Guten Tag {customer},\n\nkönnten Sie uns bitte die Bestellnummer und ein Foto des "
    "Typenschilds schicken?\n\nFreundliche Grüße\n{agent}",
    "Hallo {customer},\n\nbitte senden Sie uns einen Screenshot der Fehlermeldung, dann "
    "können wir das genauer prüfen.\n\nGruß {agent}",
)
CUSTOMER_ANSWERS = (
    "Hallo,\n\nanbei der Screenshot. Firmware ist {firmware}.\n\n{customer}",
    "Die Bestellnummer ist {order}, Foto im Anhang.\n\nGruß {customer}",
    "Danke für die schnelle Antwort. Ich habe das probiert, leider ohne Erfolg.\n\n{customer}",
    "Hallo, hat sich noch nichts getan? Ich warte immer noch.\n\n{customer}",
)
SOLUTIONS: dict[str, tuple[str, ...]] = {
    "question": (
        "Hallo {customer},\n\ndas geht ganz einfach: In der App unter Einstellungen → "
        "Haushalt können Sie weitere Personen einladen. Eine Anleitung finden Sie auch im "
        "Hilfe-Center.\n\nViele Grüße\n{agent}",
        "Guten Tag {customer},\n\ndie Bridge ist für {product} nicht zwingend nötig, "
        "erhöht aber die Reichweite. Bei Fragen melden Sie sich gern wieder.\n\n{agent}",
        "Hallo {customer},\n\nwir haben Ihnen die gewünschten Informationen per Mail "
        "geschickt. Ich schließe die Anfrage, Sie können aber jederzeit antworten.\n\n{agent}",
    ),
    "incident": (
        "Hallo {customer},\n\nbitte setzen Sie das Gerät einmal zurück (Taste 10 Sekunden "
        "halten) und verbinden es neu. Danach sollte der Fehler {error} nicht mehr "
        "auftreten.\n\nViele Grüße\n{agent}",
        "Guten Tag {customer},\n\nwir haben Ihrem Gerät die Firmware {firmware} erneut "
        "zugespielt. Laut unserem System ist es jetzt wieder online.\n\n{agent}",
        "Hallo {customer},\n\ndas Problem lag an einer Einstellung im Router (2,4-GHz-Band). "
        "Schön, dass es jetzt läuft!\n\nGruß {agent}",
    ),
    "return": (
        "Hallo {customer},\n\ndas Retourenetikett haben wir Ihnen per Mail geschickt. Die "
        "Erstattung erfolgt innerhalb von 14 Tagen nach Eingang.\n\n{agent}",
        "Guten Tag {customer},\n\nIhr Gerät ist ein Fall der gesetzlichen Gewährleistung; wir "
        "senden Ihnen kostenlos ein Austauschgerät zu.\n\nFreundliche Grüße\n{agent}",
        "Hallo {customer},\n\ndie Erstattung über {amount} € ist heute angewiesen worden.\n\n"
        "{agent}",
    ),
    "complaint": (
        "Sehr geehrte/r {customer},\n\nes tut uns leid, dass Sie so schlechte Erfahrungen "
        "gemacht haben. Als Entschuldigung schreiben wir Ihnen einen Gutschein über 20 € "
        "gut.\n\n{agent}\nBeschwerdemanagement",
        "Hallo {customer},\n\nwir haben den Vorfall intern geklärt und Ersatz ist unterwegs. "
        "Danke, dass Sie uns darauf hingewiesen haben.\n\n{agent}",
    ),
    "sales_inquiry": (
        "Guten Tag {customer},\n\nanbei unser Angebot für {quantity} Geräte mit 12 % "
        "Projektrabatt. Es ist 30 Tage gültig.\n\nMit freundlichen Grüßen\n{agent}\nVertrieb",
        "Hallo {customer},\n\nvielen Dank für Ihr Interesse. Ich rufe Sie morgen an, um die "
        "Details zu besprechen; das Angebot folgt danach.\n\n{agent}",
    ),
    "cancellation": (
        "Hallo {customer},\n\nIhre Kündigung ist bestätigt. Wir würden Ihnen gern drei Monate "
        "Plus zum halben Beitrag anbieten, falls Sie es sich anders überlegen.\n\n{agent}",
        "Guten Tag {customer},\n\nwie telefonisch besprochen behalten Sie Plus und zahlen "
        "die nächsten 6 Monate den reduzierten Beitrag. Danke für Ihre Treue!\n\n{agent}",
    ),
    "loyalty": (
        "Hallo {customer},\n\nwir haben Ihnen die fehlenden {points} Punkte gutgeschrieben.\n\n"
        "Viele Grüße\n{agent}",
        "Hallo {customer},\n\nfür {points} Punkte erhalten Sie einen Zwischenstecker "
        "kostenlos. Der Code kommt per Mail.\n\n{agent}",
    ),
}
PHONE_SUMMARIES = (
    "Anruf: Kunde meldet Problem mit {product}. Schritte besprochen, Rückmeldung zugesagt.",
    "Telefonat mit {customer}: Anliegen aufgenommen, Daten geprüft.",
    "Kundin ruft an wegen {product}; Fehlercode {error} genannt.",
)
NOTES = (
    "Kunde hat bereits ein Ticket zu {product} aus dem Vorjahr, siehe Historie.",
    "Seriennummer geprüft, Gerät ist registriert.",
    "Rückruf versucht, nicht erreicht. Mail geschickt.",
    "Logs aus der Cloud gezogen, Verbindungsabbrüche alle ~2 h sichtbar.",
    "Lager informiert, Ersatzgerät reserviert.",
)
L3_NOTES = (
    "Analyse: Gerät sendet nach Firmware {firmware} fehlerhafte Heartbeats. Workaround: "
    "Werksreset und manuelles Update. Bitte an den Kunden weitergeben.",
    "Im Backend-Log gefunden: Token des Geräts war abgelaufen, neu ausgestellt. Kunde "
    "muss die App einmal neu anmelden.",
    "Reproduziert im Labor mit App {app_version}. Fix kommt mit dem nächsten Release; bis "
    "dahin Zeitplan über die Weboberfläche bearbeiten.",
)
ESCALATION_REASONS_L2 = (
    "Standardschritte ohne Erfolg, Fehler {error} bleibt.",
    "Kulanzentscheidung nötig, liegt außerhalb meiner Befugnis.",
    "Spezialfall: Installation mit mehreren Bridges.",
    "Kunde ist verärgert und möchte eine Entscheidung heute.",
    "Abrechnung muss im Backoffice geprüft werden.",
)
ESCALATION_REASONS_L3 = (
    "Unbekannter Fehler, nicht in der Wissensdatenbank.",
    "Verdacht auf Firmware-Fehler {firmware}, braucht Log-Analyse.",
    "Gerät verhält sich anders als spezifiziert, Entwicklung muss schauen.",
)
SUMMARIES = (
    "Gerät {product}, Firmware {firmware}. Reset und Neuverbindung erfolglos. Kunde per "
    "Mail erreichbar.",
    "Bestellung {order}. Kunde hat Fotos geschickt, Schaden bestätigt.",
    "App {app_version}, Android. Absturz reproduzierbar beim Öffnen des Zeitplans.",
)
DE_ESCALATION_REASONS = (
    "Ursache gefunden, Lösung in der Notiz – bitte an den Kunden weitergeben.",
    "Kein Fehler im Gerät; Bedienfrage, First Level kann abschließen.",
    "Workaround dokumentiert, bitte Kunden informieren.",
)
HELP_QUESTIONS = (
    "Kennst du den Fehler {error}? In der Wissensdatenbank finde ich nichts.",
    "Dürfen wir hier aus Kulanz erstatten? Gerät ist knapp außerhalb der Frist.",
    "Kunde fragt nach einem Rabatt für {quantity} Geräte – was ist unser Rahmen?",
)
HELP_ANSWERS = (
    "Ja, das ist der bekannte Verbindungsfehler – Reset über die Taste hilft meistens.",
    "Ja, bis 3 Monate nach Fristende machen wir das aus Kulanz.",
    "Bis 10 % darfst du selbst geben, darüber bitte an den Vertrieb.",
)
REOPENS = (
    "Hallo, leider tritt der Fehler wieder auf.\n\n{customer}",
    "Das Problem ist doch nicht gelöst, die App meldet wieder {error}.\n\n{customer}",
)
NO_ANSWER_CLOSINGS = (
    "Hallo {customer},\n\nda wir keine Rückmeldung erhalten haben, schließen wir die Anfrage. "
    "Antworten Sie einfach auf diese Mail, falls noch etwas offen ist.\n\n{agent}",
)
CSAT_COMMENTS_GOOD = ("Schnell und freundlich, danke!", "Top Service.", "Hat geholfen.")
CSAT_COMMENTS_BAD = ("Hat viel zu lange gedauert.", "Problem nicht wirklich gelöst.")
DUPLICATE_NOTE = "Nachtrag: Ich hatte schon per Mail geschrieben, hier nochmal.\n\n{customer}"
