"""English texts of the demo history (same placeholders as ``texts_de``)."""

from __future__ import annotations

CUSTOMER_REQUESTS: dict[str, tuple[tuple[str, str], ...]] = {
    "question": (
        (
            "Question about setting up {product}",
            "Hello,\n\ndo I need the bridge for {product}, or does it work directly over "
            "Wi-Fi?\n\nThanks,\n{customer}",
        ),
        (
            "Sharing access in the app",
            "Hi,\n\ncan my partner control the heating from her phone without my password?\n\n"
            "Best regards,\n{customer}",
        ),
        (
            "Invoice for order {order}",
            "Hello,\n\ncould you send me an invoice for order {order} with our company "
            "address?\n\nKind regards,\n{customer}",
        ),
    ),
    "incident": (
        (
            "{product} shows offline, error {error}",
            "Hello,\n\nsince this morning the app shows {product} as offline with error "
            "{error}. I already restarted it.\n\n{customer}",
        ),
        (
            "App crashes after update {app_version}",
            "Hi,\n\nsince updating to {app_version} the app crashes on start. Reinstalling "
            "did not help.\n\n{customer}",
        ),
        (
            "Door lock not responding",
            "Hello,\n\nour {product} no longer opens from the app, only with the key. The "
            "bridge is online.\n\n{customer}",
        ),
    ),
    "return": (
        (
            "Return of order {order}",
            "Hello,\n\nI would like to return the {product} from order {order}; it does not "
            "fit our heating. Please send a label.\n\n{customer}",
        ),
        (
            "Warranty claim: {product} stopped working",
            "Hello,\n\nmy {product} stopped working after 14 months. Is this covered by the "
            "warranty? Order {order}.\n\n{customer}",
        ),
    ),
    "complaint": (
        (
            "Complaint about waiting time",
            "Hello,\n\nI waited over 20 minutes on your hotline three times yesterday. This is "
            "not acceptable.\n\n{customer}",
        ),
        (
            "Complaint: {product} arrived damaged",
            "Hi,\n\nthe {product} from order {order} arrived with a cracked case. I expect a "
            "replacement quickly.\n\n{customer}",
        ),
    ),
    "sales_inquiry": (
        (
            "Request for a quote: {quantity} thermostats",
            "Hello,\n\nwe manage several apartment buildings and would like a quote for "
            "{quantity} units of {product} including bridges.\n\nKind regards,\n{customer}",
        ),
    ),
    "cancellation": (
        (
            "Cancel Heimwacht Plus",
            "Hello,\n\nplease cancel my Heimwacht Plus subscription at the next possible "
            "date and confirm.\n\n{customer}",
        ),
    ),
    "loyalty": (
        (
            "Loyalty points missing",
            "Hello,\n\nI did not receive my loyalty points for order {order}; it should be "
            "{points}.\n\n{customer}",
        ),
        (
            "Which reward for my points?",
            "Hi,\n\nI have collected {points} points. Which reward can I get?\n\n{customer}",
        ),
    ),
}

ACKNOWLEDGEMENTS = (
    "Hello {customer},\n\nthank you for your message. We have passed it on to our specialists "
    "and will get back to you as soon as we know more.\n\nBest regards,\n{agent}",
)
INFO_REQUESTS = (
    "Hello {customer},\n\nto help you further: which firmware version does the app show under "
    "Settings → Devices?\n\nBest regards,\n{agent}",
    "Hello {customer},\n\ncould you send us a screenshot of the error message?\n\n{agent}",
)
CUSTOMER_ANSWERS = (
    "Hello,\n\nscreenshot attached. Firmware is {firmware}.\n\n{customer}",
    "Thanks. I tried that, unfortunately without success.\n\n{customer}",
)
SOLUTIONS: dict[str, tuple[str, ...]] = {
    "question": (
        "Hello {customer},\n\nin the app under Settings → Household you can invite other "
        "people. There is a guide in the help centre too.\n\nBest regards,\n{agent}",
    ),
    "incident": (
        "Hello {customer},\n\nplease reset the device (hold the button for 10 seconds) and "
        "connect it again. Error {error} should not appear any more.\n\n{agent}",
        "Hello {customer},\n\nwe pushed firmware {firmware} to your device again; it is "
        "online now.\n\n{agent}",
    ),
    "return": (
        "Hello {customer},\n\nwe have sent you the label by mail. The refund follows within "
        "14 days of receipt.\n\n{agent}",
    ),
    "complaint": (
        "Dear {customer},\n\nwe are sorry about your experience. As an apology we have "
        "credited a voucher of 20 € to your account.\n\n{agent}",
    ),
    "sales_inquiry": (
        "Hello {customer},\n\nplease find our offer for {quantity} units attached, valid for "
        "30 days.\n\nKind regards,\n{agent}",
    ),
    "cancellation": (
        "Hello {customer},\n\nyour cancellation is confirmed. If you change your mind, we can "
        "offer three months of Plus at half price.\n\n{agent}",
    ),
    "loyalty": ("Hello {customer},\n\nwe have credited the missing {points} points.\n\n{agent}",),
}
REOPENS = ("Hello, unfortunately the error is back.\n\n{customer}",)
NO_ANSWER_CLOSINGS = (
    "Hello {customer},\n\nas we have not heard back, we are closing this request. Just reply "
    "to this mail if anything is still open.\n\n{agent}",
)
CSAT_COMMENTS_GOOD = ("Quick and friendly, thanks!", "Great service.")
CSAT_COMMENTS_BAD = ("Took far too long.", "Not really solved.")
DUPLICATE_NOTE = "Follow-up: I already wrote by mail, sending it again here.\n\n{customer}"
