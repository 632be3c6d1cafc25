"""Swedish demo data: names, streets and towns around Hedemora in Dalarna, companies, plan texts."""

from __future__ import annotations

from coordinator.demo.country import ClusterSpec, CountryData, Programme, SchoolPlan, Town

GIRLS = (
    "Alice", "Maja", "Elsa", "Astrid", "Wilma", "Freja", "Olivia", "Selma", "Alma", "Ella", "Ebba", "Vera",
    "Saga", "Agnes", "Signe", "Stella", "Clara", "Ines", "Elin", "Nora", "Lilly", "Ellen", "Tyra", "Molly",
    "Linnea", "Emma", "Moa", "Hanna", "Julia", "Sara", "Amira", "Leila", "Sofia", "Ida", "Matilda", "Ronja",
    "Hedda", "Juni", "Edith", "Greta", "Lova", "Tilde", "Emelie", "Johanna", "Malin", "Karin", "Anna", "Lena",
)
BOYS = (
    "William", "Noah", "Hugo", "Lucas", "Liam", "Oscar", "Elias", "Adam", "Vincent", "Alexander", "Theo",
    "Nils", "Leo", "Ludvig", "Arvid", "Olle", "Axel", "Frans", "Otto", "Isak", "Filip", "Albin", "Viktor",
    "Anton", "Melvin", "Emil", "Edvin", "Gustav", "Carl", "Jacob", "Omar", "Ali", "Elliot", "Erik", "Wilmer",
    "Sixten", "Valter", "Harry", "Malte", "Love", "Per", "Anders", "Johan", "Mikael", "Lars", "Stefan",
)
SURNAMES = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
    "Gustafsson", "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Jönsson", "Lindberg",
    "Jakobsson", "Magnusson", "Olofsson", "Lindström", "Lindqvist", "Lindgren", "Berg", "Axelsson",
    "Bergström", "Lundberg", "Lundgren", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson",
    "Forsberg", "Sjöberg", "Wallin", "Engström", "Danielsson", "Håkansson", "Eklund", "Lundin", "Gunnarsson",
    "Holm", "Björk", "Bergman", "Samuelsson", "Fransson", "Wikström", "Isaksson", "Hedlund", "Ersson",
    "Hedman", "Jers", "Halvarsson", "Nyberg", "Holmberg", "Falk", "Ahmed", "Hassan", "Mohammed", "Ali",
    "Nordin", "Sundberg", "Östlund", "Åberg", "Grönberg", "Hellström", "Skoglund", "Dahlberg", "Hermansson",
)
STREETS = (
    "Storgatan", "Kungsgatan", "Hantverkargatan", "Åsgatan", "Brogatan", "Vasagatan", "Järnvägsgatan",
    "Industrivägen", "Smedjegatan", "Tallvägen", "Björkvägen", "Granvägen", "Sjögatan", "Kyrkogatan",
    "Skolgatan", "Bergslagsvägen", "Gruvvägen", "Dalavägen", "Stationsgatan", "Fabriksgatan",
    "Hagalundsvägen", "Norrbyvägen", "Kopparvägen", "Hyttgatan", "Verkstadsgatan", "Myrvägen",
)
HOME = (
    Town("Hedemora", "776 3", "0225", "Hedemora"),
    Town("Långshyttan", "776 7", "0225", "Hedemora"),
    Town("Vikmanshyttan", "776 9", "0225", "Hedemora"),
    Town("Dala-Husby", "776 98", "0225", "Hedemora"),
    Town("Garpenberg", "776 97", "0225", "Hedemora"),
)
REGION = (
    Town("Avesta", "774 3", "0226", "Avesta"), Town("Krylbo", "774 4", "0226", "Avesta"),
    Town("Säter", "783 3", "0225", "Säter"), Town("Falun", "791 3", "023", "Falun"),
    Town("Borlänge", "784 3", "0243", "Borlänge"), Town("Ludvika", "771 3", "0240", "Ludvika"),
    Town("Smedjebacken", "777 3", "0240", "Smedjebacken"), Town("Leksand", "793 3", "0247", "Leksand"),
    Town("Rättvik", "795 3", "0248", "Rättvik"), Town("Mora", "792 3", "0250", "Mora"),
    Town("Gagnef", "785 7", "0241", "Gagnef"), Town("Vansbro", "780 5", "0281", "Vansbro"),
    Town("Malung", "782 3", "0280", "Malung-Sälen"), Town("Orsa", "794 3", "0250", "Orsa"),
    Town("Älvdalen", "796 3", "0251", "Älvdalen"),
)
BRANDS = (
    "Dala", "Hedemora", "Bergslags", "Norden", "Siljans", "Dalälvens", "Garpen", "Brunnsviks", "Vika",
    "Husby",
    "Tuna", "Kopparbergs", "Falu", "Stjärn", "Nordic", "Älvdals", "Hytt", "Gruv", "Fors", "Åsens", "Norrby",
    "Myckelbo", "Bro", "Sjö",
)
COMPANIES = {
    "A": ("{B} Skog AB", "{S}s Lantbruk AB", "{B} Gård & Mejeri AB", "{T} Skogsentreprenad AB",
          "{B} Trädgård AB", "{S}s Skogsvård AB"),
    "B": ("{B} Gruvor AB", "{B} Bergtäkt AB", "{T} Grus & Sten AB"),
    "C": ("{B} Mekaniska Verkstad AB", "{B} Stål AB", "{S}s Snickeri AB", "{B} Plåt & Svets AB",
          "{T} Precisionsteknik AB", "{B} Trä AB", "{B} Livsmedel AB", "{S}s Maskin AB", "{B} Gjuteri AB"),
    "D": ("{B} Energi AB", "{T} Energi Elnät AB", "{B} Vattenkraft AB"),
    "E": ("{B} Vatten och Avfall AB", "{T} Återvinning AB", "{B} Miljöteknik AB"),
    "F": ("{S}s Bygg AB", "{B} Bygg & Fasad AB", "{T} El & Tele AB", "{S}s Rör AB",
          "{B} Mark & Anläggning AB",
          "{B} Måleri AB", "{S}s Elektriska AB"),
    "G": ("{B} Bil AB", "{S}s Järnhandel AB", "{T} Livs AB", "{B} Blommor AB", "{B} Sport AB",
          "{S}s Bildelar AB", "{B} Optik AB", "{T} Byggvaror AB"),
    "H": ("{S}s Åkeri AB", "{B} Logistik AB", "{B} Buss AB", "{T} Taxi AB", "{B} Frakt AB"),
    "I": ("{B} Värdshus AB", "Restaurang {B} AB", "{T} Hotell AB", "{S}s Konditori AB", "{B} Café AB",
          "Pizzeria {B} AB"),
    "J": ("{B} Data AB", "{B} Webbyrå AB", "{T} IT-konsult AB", "{B} Media AB"),
    "K": ("Sparbanken {B}", "{B} Försäkring AB", "{T} Ekonomi & Finans AB"),
    "L": ("{B} Fastigheter AB", "{T} Bostäder AB", "{S}s Fastighetsförvaltning AB"),
    "M": ("{B} Arkitekter AB", "{S}s Redovisning AB", "{B} Konsult AB", "{T} Veterinärklinik AB"),
    "N": ("{B} Städ AB", "{B} Bemanning AB", "{S}s Fastighetsservice AB", "{T} Resebyrå AB"),
    "O": ("{T} kommun, tekniska förvaltningen", "Räddningstjänsten {T}", "Polisen {T}"),
    "P": ("Förskolan {B}", "{T} Musikskola", "{B} Trafikskola AB", "Friskolan {B}"),
    "Q": ("{T} vårdcentral", "Äldreboendet {B}gården", "{B} Tandvård AB", "{S}s Hemtjänst AB",
          "{T} LSS-boende"),
    "R": ("{T} bibliotek", "{B} Teater", "{B} Golfklubb", "{T} simhall"),
    "S": ("{S}s Frisersalong", "{B} Skönhet AB", "{B} Skrädderi AB", "{T} Cykelverkstad AB"),
    "T": ("{S}s Hushållstjänst",),
    "U": ("Nordiska samarbetsrådet {T}",),
}
PUBLIC = (
    ("public_employer", "O", "{T} kommun"),
    ("public_employer", "Q", "Region Dalarna, {T} vårdcentral"),
    ("labour_office", "O", "Arbetsförmedlingen {T}"),
    ("university", "P", "Högskolan Dalarna"),
    ("business_association", "S", "Företagarna {T}"),
    ("technology_park", "M", "Dalarna Science Park"),
    ("public_employer", "P", "Förskolan Solrosen, {T}"),
    ("public_employer", "Q", "Hedegårdens äldreboende, {T}"),
    ("company", "B", "Garpenbergs Gruva AB"),  # the mining programme's partner
)
# Hedemora's compulsory schools: F–6 schools in the town and the villages, one 7–9 school that their
# pupils move on to; the gymnasium's Teknikcollege programmes (TE, IN) and a mining orientation.
MUNICIPALITY = (
    SchoolPlan("Stureskolan", 0, "se_grundskola", 44, ("F", "6")),
    SchoolPlan("Brunnsskolan", 0, "se_grundskola", 42, ("F", "6")),
    SchoolPlan("Långshyttans skola", 1, "se_grundskola", 32, ("F", "6")),
    SchoolPlan("Vikmanshyttans skola", 2, "se_grundskola", 26, ("F", "6")),
    SchoolPlan("Husby skola", 3, "se_grundskola", 24, ("F", "6")),
    SchoolPlan("Vasaskolan", 0, "se_grundskola", 170, ("7", "9")),
    SchoolPlan("Martin Kochs gymnasium", 0, "se_gymnasium", 18, None, ("TE", "IN", "GRU", "VO", "BF", "HA")),
)


def _upper_class(code: str, grade: str, index: int) -> str:
    return f"{code}{grade}" + ("" if index == 0 else "abcdef"[index])


DATA = CountryData(
    country="SE", language="sv", tld="se",
    girls=GIRLS, boys=BOYS, surnames=SURNAMES, female_surname=lambda s: s,
    streets=STREETS, address=lambda street, n: f"{street} {n}",
    home_towns=HOME, region_towns=REGION, brands=BRANDS, companies=COMPANIES, public_orgs=PUBLIC,
    compulsory_schools=(("Vasaskolan", 0), ("Långshyttans skola", 1), ("Stureskolan", 0),
                        ("Vikmanshyttans skola", 2), ("Brunnsskolan", 0), ("Husby skola", 3)),
    upper_schools=(("Martin Kochs gymnasium", 0),),
    region_school="{B}skolan, {T}",
    region_upper_school="{B}gymnasiet, {T}",
    programmes=(
        Programme("IN", "Industritekniska programmet", "C", 0.16),
        Programme("VO", "Vård- och omsorgsprogrammet", "Q", 0.80),
        Programme("BA", "Bygg- och anläggningsprogrammet", "F", 0.14),
        Programme("BF", "Barn- och fritidsprogrammet", "P", 0.72),
        Programme("RL", "Restaurang- och livsmedelsprogrammet", "I", 0.55),
        Programme("HA", "Handels- och administrationsprogrammet", "G", 0.50),
        Programme("FT", "Fordons- och transportprogrammet", "H", 0.12),
        Programme("HV", "Hantverksprogrammet, frisör", "S", 0.85),
        Programme("TE", "Teknikprogrammet", "M", 0.25, placement=False),
        Programme("GRU", "Industritekniska programmet, gruvteknik", "B", 0.15, national="IN", patron=True),
    ),
    class_letters="ABCDEFGH", upper_class_name=_upper_class,
    subjects=("Matematik", "Svenska", "Engelska", "SO", "NO", "Teknik", "Idrott och hälsa", "Slöjd", "Bild",
              "Musik", "Hem- och konsumentkunskap", "Moderna språk", "Yrkesämnen"),
    contact_roles=("Handledare", "Handledare", "Handledare", "VD", "HR-ansvarig", "Produktionschef",
                   "Platschef", "Verksamhetschef"),
    municipal_roles=("Samordnare skola–arbetsliv", "Studie- och yrkesvägledare", "Rektor",
                     "Utvecklingsledare", "Näringslivsutvecklare"),
    jobs={"A": "skogsmaskinförare", "B": "bergsprängare", "C": "industritekniker", "D": "elkraftingenjör",
          "E": "miljötekniker", "F": "snickare", "G": "butikssäljare", "H": "lastbilschaufför", "I": "kock",
          "J": "programmerare", "K": "bankrådgivare", "L": "fastighetsskötare", "M": "arkitekt",
          "N": "lokalvårdare", "O": "brandman", "P": "förskollärare", "Q": "sjuksköterska",
          "R": "bibliotekarie", "S": "frisör", "T": "hushållsassistent", "U": "tolk"},
    visit_title="Studiebesök på {org}",
    encounter_titles={
        "guest_lecture": ("Gästföreläsning: att arbeta som {job}", "Yrkesförebild på besök: {job}"),
        "fair": ("Yrkesmässan {T} {year}", "Gymnasie- och yrkesmässa {year}"),
        "job_shadowing": ("Skugga en {job} på {org}",),
        "entrepreneurship": ("UF-företag: idéverkstad", "Entreprenörskapsdag med {org}"),
        "career_talk": ("Yrkesvägledning: vägar till jobb som {job}",),
    },
    training_titles=("Lärarpraktik på {org}", "Branschdag för lärare: {job}",
                     "Kompetensutveckling hos {org}"),
    networks=(("Teknikcollege Dalarna", "Samverkan mellan industri och skola om tekniska utbildningar."),
              ("Vård- och omsorgscollege Dalarna",
               "Regional samverkan om utbildningar inom vård och omsorg.")),
    meeting_titles=("Nätverksmöte {network} nr {n}", "Arbetsgruppsmöte {network}"),
    council_title="Programråd {programme}",
    plan_title="Handlingsplan skola–arbetsliv {year}",
    goals=(
        ("Alla elever möter arbetslivet varje läsår", (
            ("Studiebesök för alla klasser i åk 7–9", "7;8;9"),
            ("Gästföreläsningar om yrken i åk 4–6", "4;5;6"),
            ("Yrkesmässa för åk 9", "9"))),
        ("Kvalitetssäkrad PRAO och APL", (
            ("Riskbedömning inför varje PRAO-plats", "8;9"),
            ("Utbildning för APL-handledare", ""),
            ("Utvärdering av PRAO med elever och arbetsgivare", "8;9"))),
        ("Bredare yrkesval oavsett kön", (
            ("Normkritisk studie- och yrkesvägledning i åk 8", "8"),
            ("Förebilder i otraditionella yrken på besök", "7;8;9"),
            ("Tjejer i teknik-dag", "6;7"))),
        ("Starkare samverkan med näringslivet", (
            ("Fyra nätverksmöten med Teknikcollege", ""),
            ("Lärarpraktik i industrin", ""),
            ("Uppdatera företagsregistret inför PRAO", "8;9"))),
    ),
    what_to_bring=("Arbetskläder och skyddsskor", "Matlåda", "Inneskor", "Legitimation", "Oömma kläder"),
    placement_days={"se_grundskola": 10, "se_gymnasium": 25},
    school_email_domain="skola.hedemora.se",
    first_grade_age={"se_grundskola": 6, "se_gymnasium": 16},
    transport_notes=("Buss från skolan kl. {time}", "Vi går från skolan kl. {time}",
                     "Beställd buss, avgång {time}"),
    region_name="Region Dalarna",
    school_patrons=("Ängs", "Ås", "Sjö", "Skogs", "Berg", "Norr", "Söder", "Väster", "Öster", "Centrum",
                    "Kyrkbacks", "Lindbacks", "Engelbrekts", "Sture", "Vasa", "Tallbacks", "Solbacks",
                    "Hagaberg",
                    "Kvarnbacks", "Åkerbo"),
    cluster=ClusterSpec(
        members=30, project="Teknikcollege Hedemora – industrins kompetensförsörjning",
        financiers=(("foundation", "Triple Steelix", 450_000), ("municipality", "@municipality", 600_000),
                    ("region", "Region Dalarna", 250_000)),
        asked=("APL-platser för årskurs 2", "studiebesök för en klass", "gästföreläsning om yrket",
               "lärarpraktik under sommaren", "handledare till APL", "medverkan på yrkesmässan"),
        promised=("två APL-platser i vår", "studiebesök i mars", "gästföreläsning i oktober",
                  "svar efter ledningsmötet", "handledare från verkstaden"),
        who=("samordnare skola–arbetsliv", "studie- och yrkesvägledare", "rektor"),
        bus="Bussresa till studiebesök – {org}", agreement_title="Samverkansavtal Teknikcollege"),
    municipality=MUNICIPALITY,
)
