"""The demo's documents written as the real ones are laid out: Westerveld's IVP 2023–2027 after
seed 004 (voorwoord, samenvatting, inleiding, kaders, tendensen, veiligheid in Westerveld, the
region's priorities, the local objectives, uitvoering) and Steenwijkerland's uitvoeringsplan
2026 after seed 000 (inleiding, weerbaarheid en veerkracht, the themes with introductions,
terugblik en vooruitkijken). The facts are the sources'; the sentences are the project's own.
The README maps each source chapter to ivp's."""

from ivp.planning.execution.services.actions import lookback_save
from ivp.planning.workflow.chapter_services import (
    chapter_add,
    chapter_save,
    chapters_stored,
    outline_reorder,
    outline_take_over,
)

from .outlines import OUTLINES

# key: (title, included, body, block or None for the default); "" keys are added chapters
WESTERVELD_IVP = {
    "voorwoord": (
        "Voorwoord",
        True,
        "Westerveld is een gemeente waar het over het algemeen veilig is, en zo moet het ook "
        "blijven. Dat lukt alleen samen: met inwoners, ondernemers en organisaties, en met "
        "partners als politie, Openbaar Ministerie, brandweer, scholen, woningcorporaties en "
        "zorginstellingen.\n\n"
        "In dit plan staat waar we ons de komende jaren op richten om Westerveld een veilige en "
        "leefbare plek om te wonen en te werken te houden.",
        None,
    ),
    "samenvatting": (
        "Samenvatting",
        True,
        "Veiligheid verandert snel. Zeven ontwikkelingen wegen mee: rampen en crises, "
        "ondermijning, cybercrime, drugs, vitale vakantieparken, mensenhandel en de capaciteit "
        "van de politie. Klassieke criminaliteit zoals woninginbraak neemt af, digitale "
        "criminaliteit neemt toe.\n\n"
        "Voor de keuzes zijn cijfers van de ketenpartners, de Veiligheidsmonitor 2021 en de "
        "politie gebruikt, en gesprekken met professionals gevoerd. Inwoners voelen zich veilig "
        "en zijn tevreden over het contact met politie en gemeente; (woon)overlast en digitale "
        "criminaliteit laten een stijgende lijn zien. Met Meppel en Midden-Drenthe zijn "
        "gezamenlijke doelen opgesteld. Dit zijn de prioriteiten van Westerveld:",
        None,
    ),
    "inleiding": (
        "Inleiding",
        True,
        "De burgemeester is belast met de handhaving van de openbare orde (artikel 172 "
        "Gemeentewet) en de raad stelt ten minste eens in de vier jaar de doelen voor de "
        "politie in de gemeente vast (artikel 38b Politiewet 2012). Dit plan legt die doelen "
        "voor 2023–2027 vast.\n\n"
        "Meppel, Midden-Drenthe en Westerveld gebruiken één opzet: de algemene delen zijn samen "
        "geschreven, de lokale delen door elke gemeente zelf. Waar dit plan over Zuidwest-Drenthe "
        "spreekt, gaat het over deze drie gemeenten.\n\n"
        "Leeswijzer:\n"
        "- Kaders: de landelijke, regionale en lokale plannen waarbinnen dit plan valt\n"
        "- Tendensen en ontwikkelingen: wat landelijk en regionaal op ons afkomt\n"
        "- Veiligheid in Westerveld: de cijfers en de Veiligheidsmonitor\n"
        "- Prioriteiten Zuidwest-Drenthe: wat we gemeentegrensoverstijgend samen doen\n"
        "- Doelstellingen Westerveld: de lokale doelen en wie eraan werkt",
        "",  # the text says what the generated plan facts would repeat
    ),
    "kaders": ("Relevante kaders", True, "", None),
    "tendensen": (
        "Tendensen en ontwikkelingen",
        True,
        "Landelijke en regionale ontwikkelingen die het lokale beleid raken:\n"
        "- rampen en crises, en de voorbereiding daarop\n"
        "- ondermijnende criminaliteit, ook in het landelijk gebied\n"
        "- cybercrime en digitale weerbaarheid\n"
        "- drugs, waaronder lachgas\n"
        "- vitale vakantieparken\n"
        "- mensenhandel, waarin de gemeente signaleert, beleid maakt, regisseert en opvang regelt\n"
        "- de beschikbare capaciteit van de politie",
        None,
    ),
    "veiligheidsbeeld": (
        "Veiligheid in Westerveld",
        True,
        "Uit de **Veiligheidsmonitor 2021**: inwoners waarderen hun woonomgeving en voelen zich "
        "veilig; drie op de tien ervaren enige overlast in de buurt; een op de twaalf werd in "
        "dat jaar slachtoffer van een delict.^[Bron: CBS, Veiligheidsmonitor 2021, "
        "[de cijfers per gemeente](https://www.veiligheidsmonitor.nl).] Twee derde is tevreden "
        "over het contact met de politie. De geregistreerde misdrijven staan hieronder.",
        None,
    ),
    "regio": ("Prioriteiten Zuidwest-Drenthe", True, "", None),
    "prioriteiten": (
        "Doelstellingen Westerveld",
        True,
        "Binnen vier prioriteiten werkt Westerveld lokaal, en samen met de regio, aan deze doelen:",
        None,
    ),
    "sturing": (
        "Uitvoering en verantwoording",
        True,
        "Na de vaststelling werkt het college de prioriteiten uit in tweejaarlijkse "
        "uitvoeringsplannen. De veiligheidsanalyse 2022, waarop dit plan grotendeels rust, is "
        "op te vragen bij het team Veiligheid.",
        None,
    ),
    "missie": ("Missie en visie", False, "", None),
    "terugblik": ("Terugblik", False, "", None),
    "prioritering": ("Prioritering", False, "", None),
    "overige": ("Overige thema's", False, "", None),
    "bijlagen": ("Bijlagen", False, "", None),
}
WESTERVELD_ORDER = [
    "voorwoord",
    "samenvatting",
    "inleiding",
    "kaders",
    "tendensen",
    "veiligheidsbeeld",
    "regio",
    "prioriteiten",
    "sturing",
]
WESTERVELD_SIGNER = ("Burgemeester van Westerveld", "H. Jager")

STEENWIJKERLAND_PLAN = {
    "inleiding": (
        "Inleiding",
        True,
        "Steenwijkerland wil een vitale gemeente zijn waar inwoners zich gezond en veilig "
        "voelen. De gemeente werkt daarvoor aan een integrale aanpak die past bij wat hier "
        "speelt, en sluit aan bij regionale samenwerking waar veiligheid over de grens gaat.\n\n"
        "De raad stelde het Integraal Veiligheidsplan 2023–2026 vast als strategisch kader. Het "
        "college werkt het elk jaar uit in een uitvoeringsplan; dit is het laatste van de "
        "periode. Per thema staan de doelen, een terugblik op 2025 en de inzet voor 2026.",
        None,
    ),
    "themas": ("Thema's", True, "", None),
    "extra": ("Extra onderdelen", False, "", None),
    "partijen": ("Totalen per partij", True, "", None),
    "vooruitkijken": (
        "Terugblik en vooruitkijken",
        True,
        "Wat in de uitvoering van het plan goed werkt:\n"
        "- nauwe samenwerking met politie, maatschappelijke partners en regionale netwerken\n"
        "- risico's vroeg signaleren, bij jongeren en bij ondermijning\n"
        "- weerbaarheid en veerkracht meenemen in wat al loopt\n\n"
        "Aandachtspunten voor de komende jaren: ondermijning, zorg en veiligheid, digitale "
        "veiligheid, maatschappelijke weerbaarheid en de informatiepositie van de gemeente.\n\n"
        "Vooruitblik op het IVP 2027–2030: het nieuwe plan bouwt voort op de resultaten van "
        "deze periode, sluit aan bij de regionale prioriteiten en geeft de boa's een "
        "verbindende rol tussen beleid en uitvoering.",
        None,
    ),
    "financien": ("Financiën en capaciteit", False, "", None),
}
RESILIENCE = (
    "Versterken van weerbaarheid en veerkracht",
    "De raad vroeg om een plan van aanpak om de weerbaarheid en veerkracht van de gemeente te "
    "versterken: inwoners, organisaties en gemeente herkennen problemen op tijd en lossen ze "
    "zelf of samen op.\n\n"
    "In 2026 begint een gefaseerde uitwerking, samen met de Veiligheidsregio IJsselland en de "
    "andere gemeenten in de regio, met de VNG-handreiking Weerbaarheid en Veerkracht als kader.",
)
THEME_INTRODUCTIONS = {
    "Ondermijnende criminaliteit": "Ondermijning tast de leefbaarheid en het vertrouwen in de "
    "rechtsstaat aan. De gemeente werkt aan bewustwording, een sterke informatiepositie en "
    "bestuurlijke maatregelen, samen met politie en RIEC.",
    "Zorg en veiligheid": "Waar zorg en veiligheid elkaar raken, zoeken we vroeg de "
    "samenwerking in de keten, zodat problemen niet escaleren.",
    "Digitale veiligheid": "Inwoners, ondernemers en de eigen organisatie worden weerbaarder "
    "tegen digitale dreigingen.",
    "Woninginbraak": "Het aantal woninginbraken daalt, landelijk en in Steenwijkerland; "
    "voorlichting en preventie blijven nodig.",
    "Woonoverlast": "Overlast tussen buren pakken we vroeg en samen met de partners aan.",
    "Veilig uitgaan en evenementenveiligheid": "Uitgaan en evenementen moeten veilig "
    "verlopen; vergunningverlening en toezicht werken daarvoor samen.",
    "Rampenbestrijding en crisisbeheersing": "De gemeente bereidt zich met de veiligheidsregio "
    "voor op rampen en crises en versterkt de zelfredzaamheid bij noodsituaties.",
    "Verkeersveiligheid": "De aandacht ligt op veilig fietsgedrag en het voorkomen van "
    "overlast in het verkeer.",
}


def _write(plan, document: str, chapters: dict, order: list[str]) -> None:
    outline_take_over(plan=plan, document=document, defaults=OUTLINES[document])
    for chapter in chapters_stored(plan, document):
        if chapter.key not in chapters:
            continue
        title, included, body, block = chapters[chapter.key]
        chapter_save(
            chapter=chapter,
            title=title,
            included=included,
            body=body,
            block=chapter.block if block is None else block,
        )
    outline_reorder(plan=plan, document=document, first=order)


def westerveld_ivp(plan) -> None:
    _write(plan, "ivp", WESTERVELD_IVP, WESTERVELD_ORDER)
    voorwoord = chapters_stored(plan, "ivp").get(key="voorwoord")
    function, name = WESTERVELD_SIGNER
    chapter_save(
        chapter=voorwoord,
        title=voorwoord.title,
        body=voorwoord.body,
        signer_function=function,
        signer_name=name,
    )


def steenwijkerland_uitvoeringsplan(action_plan) -> None:
    _write(action_plan, "uitvoeringsplan", STEENWIJKERLAND_PLAN, [])
    title, body = RESILIENCE
    resilience = chapter_add(plan=action_plan, document="uitvoeringsplan", title=title)
    chapter_save(chapter=resilience, title=title, body=body)
    outline_reorder(
        plan=action_plan,
        document="uitvoeringsplan",
        first=["inleiding", "", "themas", "partijen", "vooruitkijken"],
    )
    for theme in action_plan.themes.select_related("priority"):
        lookback_save(
            theme=theme,
            lookback=theme.lookback,
            introduction=THEME_INTRODUCTIONS.get(theme.priority.title, ""),
        )
