"""Norwegian health-service vocabulary for the synthetic corpus.

The lists are small on purpose: sentences are put together from them by a
seeded generator, so the text reads like the real articles (word lengths,
sentence lengths, compound words, æ/ø/å) without being copied from anywhere.
"""

from __future__ import annotations

from kompetansebroen.text.dates import MONTHS as norwegian_months

# Definite nouns that can start a sentence (singular, capitalised).
SUBJECTS = (
    "Kommunen",
    "Helseforetaket",
    "Sykehuset",
    "Fastlegen",
    "Hjemmetjenesten",
    "Legevakten",
    "Ambulansetjenesten",
    "Akuttmottaket",
    "Sekretariatet",
    "Helsefellesskapet",
    "Partnerskapsmøtet",
    "Det strategiske samarbeidsutvalget",
    "Det faglige samarbeidsutvalget",
    "Brukerutvalget",
    "Kommuneoverlegen",
    "Koordinatoren",
    "Arbeidsgruppen",
    "Prosjektgruppen",
    "Ledelsen",
    "Helsestasjonen",
    "Skolehelsetjenesten",
    "Psykisk helsetjeneste",
    "Rustjenesten",
    "Sykehjemmet",
    "Fagnettverket",
    "Primærhelseteamet",
    "Distriktspsykiatrisk senter",
    "Kompetansesenteret",
    "Utviklingssenteret for sykehjem og hjemmetjenester",
    "Den kommunale akutte døgnenheten",
)

# Verbs in the present tense, with the matching past participle.
VERBS = (
    ("utvikler", "utviklet"),
    ("evaluerer", "evaluert"),
    ("styrker", "styrket"),
    ("planlegger", "planlagt"),
    ("følger opp", "fulgt opp"),
    ("beskriver", "beskrevet"),
    ("prioriterer", "prioritert"),
    ("koordinerer", "koordinert"),
    ("dokumenterer", "dokumentert"),
    ("etablerer", "etablert"),
    ("forbedrer", "forbedret"),
    ("kartlegger", "kartlagt"),
    ("deler", "delt"),
    ("samordner", "samordnet"),
    ("gjennomgår", "gjennomgått"),
    ("videreutvikler", "videreutviklet"),
    ("forankrer", "forankret"),
    ("vurderer", "vurdert"),
    ("tester ut", "testet ut"),
    ("justerer", "justert"),
    ("implementerer", "implementert"),
    ("tilpasser", "tilpasset"),
)

# Plural adjectives and plural nouns for object phrases.
ADJECTIVES = (
    "felles",
    "tverrfaglige",
    "helhetlige",
    "sammenhengende",
    "gode",
    "tydelige",
    "lokale",
    "digitale",
    "faglige",
    "nye",
    "trygge",
    "forutsigbare",
    "kunnskapsbaserte",
    "regionale",
    "bærekraftige",
    "likeverdige",
    "oppdaterte",
    "praktiske",
)

NOUNS = (
    "pasientforløp",
    "rutiner",
    "prosedyrer",
    "tjenester",
    "avtaler",
    "tiltak",
    "møteplasser",
    "læringsnettverk",
    "retningslinjer",
    "overganger",
    "utskrivningsrutiner",
    "kompetansetiltak",
    "samarbeidsavtaler",
    "tjenestemodeller",
    "hospiteringsordninger",
    "veiledningsopplegg",
    "ressurser",
    "kartleggingsverktøy",
    "kvalitetsindikatorer",
    "handlingsplaner",
    "behandlingslinjer",
    "fagdager",
    "e-læringskurs",
    "simuleringsøvelser",
    "beredskapsplaner",
    "innleggelsesrutiner",
    "meldingsrutiner",
    "oppfølgingssamtaler",
)

# Prepositional phrases that end a sentence.
TAILS = (
    "for skrøpelige eldre",
    "for barn og unge",
    "for personer med flere kroniske lidelser",
    "for personer med alvorlige psykiske lidelser og rusavhengighet",
    "i opptaksområdet",
    "på tvers av nivåene",
    "mellom sykehus og kommune",
    "ved utskrivning fra sykehus",
    "i hjemmetjenesten",
    "gjennom hele pasientforløpet",
    "i tråd med handlingsplanen",
    "i samarbeid med brukerne",
    "før planlagt innleggelse",
    "etter utskrivning",
    "i helsefellesskapet",
    "i den akuttmedisinske kjeden",
    "for ansatte i kommunene",
    "med elektronisk meldingsutveksling",
    "innen utgangen av året",
    "sammen med fastlegene",
    "for pårørende",
    "i de minste kommunene",
    "på sykehjemmene",
    "i legevaktdistriktet",
    "ved akutt forverring",
    "i det daglige arbeidet",
)

# Adverbials that put the verb before the subject (V2 word order).
OPENERS = (
    "I tillegg",
    "Samtidig",
    "Derfor",
    "Etter hvert",
    "I praksis",
    "Ifølge handlingsplanen",
    "Over tid",
    "Fra neste år",
    "I mange kommuner",
    "Ved utskrivning",
    "I det faglige samarbeidsutvalget",
    "Som en del av arbeidet",
    "På sikt",
)

# Frames around a clause (``{clause}`` is subject + verb + object + tail in lower case).
FRAMES = (
    "Erfaringene viser at {clause}.",
    "Det er viktig at {clause}.",
    "Målet er at {clause}.",
    "Mange opplever at {clause}.",
    "Evalueringen peker på at {clause}.",
    "Handlingsplanen slår fast at {clause}.",
    "Brukerrepresentantene ønsker at {clause}.",
    "Det er enighet om at {clause}.",
)

HEADINGS = (
    "Bakgrunn",
    "Mål og målgruppe",
    "Slik jobber vi",
    "Erfaringer så langt",
    "Hva betyr dette for deg?",
    "Organisering",
    "Veien videre",
    "Resultater",
    "Ansvar og roller",
    "Kompetansetiltak",
    "Praktiske råd",
    "Oppfølging",
    "Evaluering",
    "Tiltak i kommunene",
    "Tiltak i sykehuset",
    "Brukernes erfaringer",
    "Finansiering",
    "Tidsplan",
    "Kontaktpersoner",
    "Dette har vi lært",
)

ADMONITIONS = (
    ("note", "Faktaboks"),
    ("tip", "Råd til deg som er ny"),
    ("info", "Om prosjektet"),
    ("warning", "Husk"),
    ("abstract", "Kort oppsummert"),
    ("example", "Eksempel fra praksis"),
)

TERMS = (
    ("Pasientforløp", "en beskrivelse av hvordan pasienten skal følges gjennom tjenestene"),
    ("Hospitering", "at en ansatt tilbringer noen dager på en annen arbeidsplass for å lære"),
    ("Utskrivningsklar pasient", "en pasient som sykehuset vurderer at ikke lenger trenger innleggelse"),
    ("Individuell plan", "en plan for pasienter med behov for langvarige og koordinerte tjenester"),
    ("Samarbeidsavtale", "en avtale mellom kommunen og helseforetaket om oppgaver og ansvar"),
    ("Kommunal akutt døgnenhet", "et døgntilbud i kommunen for pasienter som ellers ville blitt innlagt"),
    ("Primærhelseteam", "en fastlegepraksis der lege, sykepleier og helsesekretær jobber i team"),
)

TABLE_COLUMNS = (
    ("Tiltak", "Ansvar", "Frist"),
    ("Kommune", "Innbyggere", "Deltar fra"),
    ("Aktivitet", "Målgruppe", "Omfang"),
)

MONTHS = norwegian_months  # the names the site prints dates with

MUNICIPALITIES = (
    "Lillehammer",
    "Gjøvik",
    "Hamar",
    "Elverum",
    "Kongsvinger",
    "Fredrikstad",
    "Sarpsborg",
    "Halden",
    "Moss",
    "Tønsberg",
    "Sandefjord",
    "Larvik",
    "Holmestrand",
    "Lillestrøm",
    "Lørenskog",
    "Ullensaker",
    "Nittedal",
    "Rælingen",
    "Nord-Fron",
    "Tynset",
)

FIRST_NAMES = (
    "Kari",
    "Ola",
    "Ingrid",
    "Lars",
    "Siri",
    "Bjørn",
    "Marte",
    "Håkon",
    "Aud",
    "Per",
    "Sigrid",
    "Øystein",
    "Liv",
    "Anders",
    "Åse",
    "Jørgen",
)

LAST_NAMES = (
    "Nordmann",
    "Hansen",
    "Johansen",
    "Olsen",
    "Larsen",
    "Berg",
    "Haugen",
    "Bakke",
    "Solberg",
    "Lie",
    "Dahl",
    "Strand",
    "Sæther",
    "Kristiansen",
)

ROLES = ("fastlege", "sykepleier", "rådgiver", "prosjektleder", "overlege", "kommuneoverlege", "fagutvikler")

ISSUERS = (
    ("Helse- og omsorgsdepartementet", "www.regjeringen.no"),
    ("Helsedirektoratet", "www.helsedirektoratet.no"),
    ("KS", "www.ks.no"),
    ("Regjeringen og KS", "www.regjeringen.no"),
    ("Helse Sør-Øst RHF", "www.helse-sorost.no"),
    ("Stortinget", "www.stortinget.no"),
)

GOVERNING_KINDS = (
    "Veileder",
    "Samarbeidsavtale",
    "Handlingsplan",
    "Strategi",
    "Rundskriv",
    "Retningslinje",
    "Stortingsmelding",
)
