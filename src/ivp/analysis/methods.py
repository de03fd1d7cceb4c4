"""The Dutch method descriptions that travel with every result, so the UI can say how."""

EXACT = "exacte toets (binomiaal, voorwaardelijk op totaal)"
EXACT_COUNTS = "exacte toets op aantallen (binomiaal, voorwaardelijk op totaal; zonder bevolking)"
SWING = (
    "z-toets op de verhouding, met de gewone schommeling tussen jaren van alle gemeenten "
    "(DerSimonian–Laird)"
)
EXACT_NO_SWING = (
    "exacte toets (binomiaal, voorwaardelijk op totaal); geen gewone schommeling te schatten "
    "(minder dan 30 gebieden met beide jaren), dus strenger dan de cijfers dragen"
)
BENCHMARK_SWING = (
    "z-toets op de verhouding, met de gewone schommeling van één jaar (τ/√2) bij het eigen "
    "niveau opgeteld"
)
PEER_MEDIAN_SWING = (
    "z-toets op de verhouding tot de mediaan van de vergelijkbare gemeenten, met de gewone "
    "schommeling van één jaar (τ/√2) bij het eigen niveau en de onzekerheid van de mediaan "
    "opgeteld"
)
PEER_MEDIAN_EXACT_ZERO = (
    "exacte Poissontoets op de verhouding tot de mediaan van de vergelijkbare gemeenten "
    "(nul registraties: geen z-toets mogelijk), dus strenger dan de cijfers dragen"
)
PEER_MEDIAN_EXACT = (
    "exacte Poissontoets op de verhouding tot de mediaan van de vergelijkbare gemeenten; geen "
    "gewone schommeling te schatten, dus strenger dan de cijfers dragen"
)
OWN_SWING = (
    "t-toets op de verhouding, met de eigen schommeling van het gebied over de jaren "
    "(quasi-Poisson; te weinig gebieden voor de schommeling tussen gemeenten)"
)
OWN_HISTORY = 5  # years an area needs for its own swing
SURVEY = "z-toets op verschil (marges als 95%-intervallen)"
TREND = "quasi-Poissonregressie op de tijd (bevolking als offset)"
TREND_COUNTS = "quasi-Poissonregressie op de tijd (aantallen, zonder bevolking)"
SEASONALITY = (
    "exacte toets per kalendermaand op het aandeel van de jaartotalen (gecorrigeerd voor dagen; "
    "bij meer spreiding dan Poisson de quasi-Poissontoets; alleen bij minstens 5 verwachte "
    "registraties; Holm over de maanden)"
)

NO_TEST_MISSING = "geen toets: waarde ontbreekt"
NO_TEST_ZERO = "geen toets: nul registraties aan één kant"
NO_TEST_EXPOSURE = "geen toets: bevolking onbekend"
NO_TEST_MARGIN = "geen toets: marge onbekend"
NO_TEST_REFERENCE = "geen toets: referentie onbekend"
NO_TEST_TOO_FEW = "geen toets: te weinig registraties"
