"""The chapters each document starts with, in the order municipalities use
(`../shared/reference/outlines.md`: the seeds and the Kernbeleid Veiligheid method), and the
generated blocks a coordinator may place in a chapter. A coordinator reorders, renames, leaves
out or adds to them (`planning.Chapter`); until then the document follows these."""

from dataclasses import dataclass


@dataclass(frozen=True)
class DefaultChapter:
    key: str
    title: str
    block: str = ""
    guidance: str = ""  # for the coordinator, beside the chapter: never in the document


# block key → what the coordinator sees in the list of generated parts
BLOCKS = {
    "ivp": {
        "plan_facts": "De kerngegevens van het plan (periode, aantal prioriteiten)",
        "priority_overview": "Overzicht van de prioriteiten",
        "frameworks": "Tabel van de kaders",
        "mission_vision": "Missie, visie en strategische doelen",
        "safety_picture": "Het veiligheidsbeeld in het kort (grafiek en tabel)",
        "prioritisation": "De prioritering van de thema's (tabel)",
        "priorities": "De prioriteiten met doelstellingen, aanpak en speerpunten",
        "regional_priorities": "De prioriteiten van de regio",
        "other_themes": "Overige thema's en reguliere aanpak",
        "governance": "Werkgroep en uitvoeringsplannen",
        "communication": "Communicatie (uit het plan)",
        "finances": "Formatie en financiën (uit het plan)",
    },
    "uitvoeringsplan": {
        "plan_facts": "De kerngegevens (acties, thema's, budget) met grafiek",
        "themes": "De thema's: inleiding, doelstellingen, terugblik en acties",
        "party_totals": "Totalen per partij (tabel)",
    },
    "raadsvoorstel": {
        "council_decision_points": "De beslispunten (het plan vaststellen)",
        "priority_overview": "Overzicht van de prioriteiten",
        "proposal_reason": "De aanleiding: het vorige plan en de planperiode",
        "finances": "Formatie en financiën (uit het plan)",
        "communication": "Communicatie (uit het plan)",
        "attachments": "De bijlagen (het plan zelf)",
        "draft_council_decision": "Het ontwerp-raadsbesluit",
    },
    "collegevoorstel": {
        "college_decision_points": "De beslispunten (het plan vaststellen, de raad informeren)",
        "plan_facts": "De kerngegevens (acties, thema's, budget)",
        "money": "Budget en uren van de acties",
        "attachments": "De bijlagen (het uitvoeringsplan zelf)",
    },
    "analyse": {
        "method": "Hoe de cijfers gelezen zijn (bronnen, toetsing, vergelijking)",
        "overview": "Alle indicatoren in één tabel",
        "fields": "Het veiligheidsbeeld per veld (grafieken en tabellen)",
    },
    "voortgang": {
        "status_summary": "De stand van de acties (grafiek en tabel)",
        "theme_progress": "De voortgang per thema",
        "next_year": "Wat verandert er volgend jaar",
    },
}

OUTLINES = {
    "ivp": [
        DefaultChapter(
            "voorwoord", "Voorwoord", guidance="Door de burgemeester, met functie en naam."
        ),
        DefaultChapter("samenvatting", "Samenvatting", "priority_overview"),
        DefaultChapter(
            "inleiding",
            "Inleiding",
            "plan_facts",
            guidance="Waarom een plan (art. 172 Gemeentewet, art. 38b Politiewet), hoe het tot "
            "stand kwam, welke thema's erin staan en een leeswijzer.",
        ),
        DefaultChapter("kaders", "Kaders en samenwerking", "frameworks"),
        DefaultChapter("missie", "Missie en visie", "mission_vision"),
        DefaultChapter(
            "terugblik",
            "Terugblik",
            guidance="Wat het vorige plan bereikte; de evaluatie.",
        ),
        DefaultChapter(
            "tendensen",
            "Tendensen en ontwikkelingen",
            guidance="Landelijke en lokale ontwikkelingen die het plan raken.",
        ),
        DefaultChapter("veiligheidsbeeld", "Veiligheidsbeeld", "safety_picture"),
        DefaultChapter("prioritering", "Prioritering", "prioritisation"),
        DefaultChapter("regio", "Regionale prioriteiten", "regional_priorities"),
        DefaultChapter("prioriteiten", "Prioriteiten", "priorities"),
        DefaultChapter("overige", "Overige thema's", "other_themes"),
        DefaultChapter("sturing", "Sturing en uitvoering", "governance"),
        DefaultChapter("communicatie", "Communicatie", "communication"),
        DefaultChapter("financien", "Financiën en capaciteit", "finances"),
        DefaultChapter(
            "bijlagen", "Bijlagen", guidance="Bronnen, begrippen en afkortingen, de cijfers."
        ),
    ],
    "uitvoeringsplan": [
        DefaultChapter(
            "inleiding",
            "Inleiding",
            "plan_facts",
            guidance="Het plan waar het bij hoort, de jaren, de partners, hoe het tot stand kwam "
            "en wat er veranderde.",
        ),
        DefaultChapter("themas", "Thema's", "themes"),
        DefaultChapter(
            "extra",
            "Extra onderdelen",
            guidance="Regionale agenda's en landelijke programma's waar de gemeente aan meedoet.",
        ),
        DefaultChapter("partijen", "Totalen per partij", "party_totals"),
        DefaultChapter(
            "vooruitkijken",
            "Terugblik en vooruitkijken",
            guidance="Wat werkt, aandachtspunten en een blik op het volgende plan.",
        ),
        DefaultChapter("financien", "Financiën en capaciteit"),
    ],
    "raadsvoorstel": [
        DefaultChapter("voorstel", "Voorstel", "council_decision_points"),
        DefaultChapter("samenvatting", "Samenvatting", "priority_overview"),
        DefaultChapter("aanleiding", "Inleiding en aanleiding", "proposal_reason"),
        DefaultChapter(
            "effect", "Beoogd effect", guidance="Wat het plan voor de veiligheid moet opleveren."
        ),
        DefaultChapter(
            "argumenten",
            "Argumenten",
            guidance="Waarom deze prioriteiten: de analyse, de enquête, de partners.",
        ),
        DefaultChapter(
            "kanttekeningen", "Kanttekeningen en risico's", guidance="Wat het plan niet doet."
        ),
        DefaultChapter("financien", "Financiën", "finances"),
        DefaultChapter("communicatie", "Communicatie en participatie", "communication"),
        DefaultChapter(
            "vervolg",
            "Uitvoering en vervolg",
            guidance="Uitvoeringsplannen, verantwoording aan de raad, evaluatie.",
        ),
        DefaultChapter("bijlagen", "Bijlagen", "attachments"),
        DefaultChapter("besluit", "Ontwerp-raadsbesluit", "draft_council_decision"),
    ],
    "collegevoorstel": [
        DefaultChapter("besluit", "Besluit", "college_decision_points"),
        DefaultChapter("inleiding", "Inleiding", "plan_facts"),
        DefaultChapter(
            "argumenten", "Argumenten", guidance="Hoe het plan het IVP uitwerkt en waarom zo."
        ),
        DefaultChapter("kanttekeningen", "Kanttekeningen"),
        DefaultChapter("financien", "Financiën", "money"),
        DefaultChapter(
            "communicatie",
            "Communicatie",
            guidance="Bijvoorbeeld een raadsinformatiebrief die de raad informeert.",
        ),
        DefaultChapter("vervolg", "Vervolg"),
        DefaultChapter("bijlagen", "Bijlagen", "attachments"),
    ],
    "analyse": [
        DefaultChapter(
            "samenvatting",
            "Samenvatting",
            guidance="De belangrijkste bevindingen in een paar alinea's, voor de raad.",
        ),
        DefaultChapter("inleiding", "Inleiding", "method"),
        DefaultChapter("overzicht", "Overzicht", "overview"),
        DefaultChapter("velden", "Het veiligheidsbeeld per veld", "fields"),
        DefaultChapter(
            "duiding",
            "Duiding en aandachtspunten",
            guidance="Wat de cijfers betekenen voor de keuze van prioriteiten; wat de cijfers "
            "niet laten zien (beelden van partners, bewonersonderzoek).",
        ),
    ],
    "voortgang": [
        DefaultChapter("kernboodschap", "Kernboodschap", "status_summary"),
        DefaultChapter(
            "aanleiding",
            "Aanleiding",
            guidance="Waarom de raad deze brief krijgt (de afspraak over verantwoording).",
        ),
        DefaultChapter("toelichting", "Toelichting per thema", "theme_progress"),
        DefaultChapter("financien", "Financiën"),
        DefaultChapter("vervolg", "Vervolg en communicatie", "next_year"),
    ],
}
