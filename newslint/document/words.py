"""The word lists the analyses and checks share, in one place: titles and abbreviations (which
do not end a sentence), honorifics, and the verbs of attribution."""

# Abbreviations that never end a sentence, lower case without the point.
TITLES = frozenset(
    "mr mrs ms dr prof gov sen rep gen brig col lt sgt capt maj cmdr adm rev hon pres supt insp det "
    "cpl pvt st mt ft jan feb mar apr jun jul aug sep sept oct nov dec no nos vol fig ave blvd rd "
    "approx vs v".split()
)
# Abbreviations that may be followed by a lower-case word without ending a sentence.
ABBREVIATIONS = TITLES | frozenset(
    "inc corp co ltd plc llc jr sr bros etc al cf ca est dept univ "
    # U.S. states as AP abbreviates them after a city: "Gautier, Miss. said ..."
    "ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb "
    "nev okla ore pa tenn vt va wash wis wyo".split()
)
HONORIFICS = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mr.", "Mrs.", "Ms.", "Dr.")
SPEECH_VERBS = (
    "said",
    "says",
    "told",
    "added",
    "explained",
    "argued",
    "insisted",
    "warned",
    "wrote",
    "tweeted",
    "replied",
    "noted",
    "stated",
    "recalled",
    "acknowledged",
    "admitted",
    "asked",
)
# Formal titles that go before a name (capitalised there in AP style, "President Joe Biden") and
# stand in lower case alone ("the president said"); the capitalization rules' default list.
FORMAL_TITLES = (
    "president",
    "vice president",
    "prime minister",
    "deputy prime minister",
    "senator",
    "governor",
    "lieutenant governor",
    "mayor",
    "chancellor",
    "secretary of state",
    "attorney general",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
)
