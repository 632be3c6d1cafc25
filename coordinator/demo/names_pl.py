"""Polish demo data: names, streets and towns around Wałbrzych, companies, technikum profiles, plan texts."""

from __future__ import annotations

from coordinator.demo.country import ClusterSpec, CountryData, Programme, SchoolPlan, Town

GIRLS = (
    "Zuzanna", "Julia", "Zofia", "Hanna", "Maja", "Lena", "Alicja", "Maria", "Amelia", "Oliwia", "Laura",
    "Pola",
    "Wiktoria", "Natalia", "Aleksandra", "Emilia", "Antonina", "Nikola", "Jagoda", "Gabriela", "Magdalena",
    "Karolina", "Weronika", "Martyna", "Kinga", "Agata", "Anna", "Katarzyna", "Małgorzata", "Joanna",
    "Monika", "Ewa", "Paulina", "Dominika", "Marta", "Iga", "Helena", "Liliana",
)
BOYS = (
    "Antoni", "Jan", "Aleksander", "Franciszek", "Nikodem", "Szymon", "Filip", "Jakub", "Leon", "Stanisław",
    "Mikołaj", "Wojciech", "Kacper", "Ignacy", "Adam", "Tymon", "Michał", "Piotr", "Bartosz", "Mateusz",
    "Kamil", "Dawid", "Krzysztof", "Tomasz", "Wiktor", "Oliwer", "Marcin", "Paweł", "Grzegorz", "Łukasz",
    "Marek", "Andrzej", "Hubert", "Igor", "Borys", "Maksymilian",
)
SURNAMES = (
    "Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kowalczyk", "Kamiński", "Lewandowski", "Zieliński",
    "Szymański", "Woźniak", "Dąbrowski", "Kozłowski", "Jankowski", "Mazur", "Wojciechowski", "Kwiatkowski",
    "Krawczyk", "Kaczmarek", "Piotrowski", "Grabowski", "Zając", "Pawłowski", "Michalski", "Król",
    "Wieczorek", "Jabłoński", "Wróbel", "Nowakowski", "Majewski", "Olszewski", "Stępień", "Malinowski",
    "Jaworski", "Adamczyk", "Dudek", "Nowicki", "Pawlak", "Górski", "Witkowski", "Walczak", "Sikora",
    "Baran", "Rutkowski", "Michalak", "Szewczyk", "Ostrowski", "Tomaszewski", "Zawadzki", "Sadowski",
    "Chmielewski", "Borkowski", "Czarnecki", "Sokołowski", "Urbański", "Kubiak", "Leśniak", "Kurek",
)


def female_surname(surname: str) -> str:
    """Kowalski → Kowalska, Zawadzki → Zawadzka; Nowak and Wójcik do not change."""
    for masculine, feminine in (("ski", "ska"), ("cki", "cka"), ("dzki", "dzka")):
        if surname.endswith(masculine):
            return surname[: -len(masculine)] + feminine
    return surname


STREETS = (
    "ul. Główna", "ul. Wysockiego", "ul. Armii Krajowej", "ul. Słowackiego", "ul. Mickiewicza",
    "ul. Ogrodowa",
    "ul. Przemysłowa", "ul. Kolejowa", "ul. Sienkiewicza", "ul. Kościuszki", "ul. Piastowska", "ul. Długa",
    "ul. 1 Maja", "ul. Chrobrego", "ul. Andersa", "ul. Broniewskiego", "ul. Kasztanowa", "ul. Lipowa",
    "ul. Szkolna", "ul. Fabryczna", "ul. Górnicza", "ul. Uczniowska", "al. Wyzwolenia", "pl. Magistracki",
)
HOME = (
    Town("Wałbrzych", "58-30", "74", "Wałbrzych"),
    Town("Szczawno-Zdrój", "58-31", "74", "Szczawno-Zdrój"),
    Town("Boguszów-Gorce", "58-37", "74", "Boguszów-Gorce"),
    Town("Jedlina-Zdrój", "58-33", "74", "Jedlina-Zdrój"),
)
REGION = (
    Town("Świebodzice", "58-16", "74", "Świebodzice"), Town("Świdnica", "58-10", "74", "Świdnica"),
    Town("Strzegom", "58-15", "74", "Strzegom"), Town("Głuszyca", "58-34", "74", "Głuszyca"),
    Town("Mieroszów", "58-35", "74", "Mieroszów"), Town("Kamienna Góra", "58-40", "75", "Kamienna Góra"),
    Town("Nowa Ruda", "57-40", "74", "Nowa Ruda"), Town("Dzierżoniów", "58-20", "74", "Dzierżoniów"),
    Town("Bielawa", "58-26", "74", "Bielawa"), Town("Jelenia Góra", "58-50", "75", "Jelenia Góra"),
    Town("Kłodzko", "57-30", "74", "Kłodzko"), Town("Żarów", "58-13", "74", "Żarów"),
)
BRANDS = (
    "Sudety", "Chełmiec", "Książ", "Silesia", "Bolko", "Chrobry", "Piast", "Karkonosze", "Orzeł", "Wulkan",
    "Hefajstos", "Granit", "Dolmet", "Walmet", "Sudmot", "Polbud", "Intermet", "Techmat", "Elbud", "Ekoprzem",
    "Kryształ", "Victoria", "Novum", "Amber",
)
COMPANIES = {
    "A": ("Gospodarstwo Rolne {S}", "{B} Usługi Leśne Sp. z o.o.", "Szkółka Drzew {B}",
          "Sady {B} Sp. z o.o."),
    "B": ("Kopalnia Melafiru {B} S.A.", "{B} Kruszywa Sp. z o.o.", "Kamieniołom {B} Sp. z o.o."),
    "C": ("{B} Zakłady Mechaniczne Sp. z o.o.", "{B} Automotive Sp. z o.o.", "Fabryka Porcelany {B} S.A.",
          "Zakład Stolarski {S}", "{B} Metal Sp. z o.o.", "Piekarnia {S}", "{B} Precyzja Sp. z o.o.",
          "Odlewnia {B} S.A.", "{B} Plast Sp. z o.o."),
    "D": ("{B} Energia Sp. z o.o.", "Ciepłownia {T} Sp. z o.o.", "{B} Fotowoltaika Sp. z o.o."),
    "E": ("Wodociągi {T} Sp. z o.o.", "{B} Recykling Sp. z o.o.", "Zakład Gospodarki Odpadami {B}"),
    "F": ("{B} Budownictwo Sp. z o.o.", "Firma Remontowo-Budowlana {S}", "{S} Instalacje Sp. j.",
          "{B} Elektro Sp. z o.o.", "Przedsiębiorstwo Drogowe {B} S.A.", "Dekarstwo {S}"),
    "G": ("Hurtownia {B} Sp. z o.o.", "Sklep Spożywczy {S}", "Auto Serwis {S}", "{B} Market Sp. z o.o.",
          "Kwiaciarnia {B}", "Salon Meblowy {B}", "Apteka {B}", "Hurtownia Budowlana {S}"),
    "H": ("Transport {S} Sp. j.", "{B} Logistyka Sp. z o.o.", "Przedsiębiorstwo Komunikacyjne {B}",
          "{B} Spedycja Sp. z o.o."),
    "I": ("Hotel {B}", "Restauracja {B}", "Pizzeria {B}", "Kawiarnia {B}", "Pensjonat {B}", "Cukiernia {S}"),
    "J": ("{B} Software Sp. z o.o.", "{B} IT Sp. z o.o.", "Studio Graficzne {B}", "Radio {B} Sp. z o.o."),
    "K": ("Bank Spółdzielczy {B}", "Biuro Ubezpieczeń {S}", "Kasa {B} SKOK"),
    "L": ("{B} Nieruchomości Sp. z o.o.", "Zarząd Budynków {B}", "Wspólnota Mieszkaniowa {B}"),
    "M": ("Biuro Rachunkowe {S}", "Pracownia Architektoniczna {B}", "Kancelaria Prawna {S}",
          "Gabinet Weterynaryjny {B}", "{B} Projekt Sp. z o.o."),
    "N": ("{B} Serwis Sprzątający Sp. z o.o.", "Agencja Pracy {B}", "Ochrona {B} Sp. z o.o.",
          "Biuro Podróży {B}"),
    "O": ("Straż Miejska – {T}", "Komenda Powiatowa Państwowej Straży Pożarnej – {T}", "Sąd Rejonowy – {T}"),
    "P": ("Przedszkole {B}", "Szkoła Językowa {B}", "Ośrodek Szkolenia Kierowców {S}", "Żłobek {B}"),
    "Q": ("Przychodnia {B}", "Dom Pomocy Społecznej {B}", "Gabinet Stomatologiczny {S}",
          "Centrum Rehabilitacji {B}", "Apteka Szpitalna {B}"),
    "R": ("Biblioteka {B}", "Teatr {B}", "Aqua Park {B}", "Klub Sportowy {B}"),
    "S": ("Salon Fryzjerski {S}", "Studio Urody {B}", "Pralnia {B}", "Zakład Krawiecki {S}"),
    "T": ("Usługi Opiekuńcze {S}",),
    "U": ("Konsulat Honorowy – {T}",),
}
PUBLIC = (
    ("public_employer", "O", "Gmina {T}"),
    ("public_employer", "Q", "Szpital Specjalistyczny – {T}"),
    ("labour_office", "O", "Powiatowy Urząd Pracy – {T}"),
    ("university", "P", "Akademia Nauk Stosowanych Angelusa Silesiusa"),
    ("business_association", "S", "Izba Przemysłowo-Handlowa – {T}"),
    ("technology_park", "M", "Wałbrzyska Specjalna Strefa Ekonomiczna INVEST-PARK"),
    ("public_employer", "P", "Przedszkole Publiczne nr 5 – {T}"),
    ("public_employer", "Q", "Miejski Ośrodek Pomocy Społecznej – {T}"),
)


def _upper_class(code: str, grade: str, index: int) -> str:
    return f"{grade}{code}" + ("" if index == 0 else "abcdef"[index])


DATA = CountryData(
    country="PL", language="pl", tld="pl",
    girls=GIRLS, boys=BOYS, surnames=SURNAMES, female_surname=female_surname,
    streets=STREETS, address=lambda street, n: f"{street} {n}",
    home_towns=HOME, region_towns=REGION, brands=BRANDS, companies=COMPANIES, public_orgs=PUBLIC,
    compulsory_schools=(("Szkoła Podstawowa nr 1 im. Marii Konopnickiej", 0),
                        ("Szkoła Podstawowa nr 5 im. Mikołaja Kopernika", 0),
                        ("Szkoła Podstawowa nr 15 im. Tadeusza Kościuszki", 0),
                        ("Szkoła Podstawowa nr 26 im. Janusza Korczaka", 0),
                        ("Szkoła Podstawowa nr 1 w Szczawnie-Zdroju", 1),
                        ("Szkoła Podstawowa nr 2 w Boguszowie-Gorcach", 2)),
    upper_schools=(("Zespół Szkół Mechaniczno-Elektronicznych im. Kazimierza Kałużewskiego", 0),),
    region_school="Szkoła Podstawowa nr {n} im. {B} – {T}",
    region_upper_school="Technikum nr {n} – {T}",
    programmes=(
        Programme("TM", "technik mechatronik", "C", 0.08, patron=True),
        Programme("TŻ", "technik żywienia i usług gastronomicznych", "I", 0.72),
        Programme("TB", "technik budownictwa", "F", 0.15),
        Programme("TU", "technik usług fryzjerskich", "S", 0.90),
        Programme("TI", "technik informatyk", "J", 0.10),
        Programme("TL", "technik logistyk", "H", 0.45),
        Programme("TE", "technik ekonomista", "K", 0.75),
        Programme("TH", "technik hotelarstwa", "I", 0.78),
        Programme("BSO", "operator obrabiarek skrawających", "C", 0.05, patron=True),
        Programme("BSF", "fryzjer", "S", 0.9),
    ),
    class_letters="abcdefgh", upper_class_name=_upper_class,
    subjects=("matematyka", "język polski", "język angielski", "historia", "biologia", "chemia", "fizyka",
              "geografia", "informatyka", "wychowanie fizyczne", "technika", "doradztwo zawodowe",
              "przedmioty zawodowe"),
    contact_roles=("opiekun praktyk", "opiekun praktyk", "opiekun praktyk", "prezes zarządu",
                   "specjalista ds. kadr", "kierownik produkcji", "kierownik zmiany", "właściciel"),
    municipal_roles=("koordynator klastra", "doradca zawodowy", "dyrektor szkoły",
                     "naczelnik Wydziału Edukacji",
                     "specjalista ds. współpracy z biznesem"),
    jobs={"A": "technik leśnik", "B": "górnik", "C": "mechatronik", "D": "elektryk energetyk",
          "E": "technik ochrony środowiska", "F": "murarz-tynkarz", "G": "sprzedawca",
          "H": "kierowca zawodowy",
          "I": "kucharz", "J": "programista", "K": "doradca bankowy", "L": "zarządca nieruchomości",
          "M": "architekt", "N": "pracownik ochrony", "O": "strażak", "P": "nauczyciel przedszkola",
          "Q": "pielęgniarka", "R": "bibliotekarz", "S": "fryzjer", "T": "opiekunka", "U": "tłumacz"},
    visit_title="Wizyta studyjna – {org}",
    encounter_titles={
        "guest_lecture": ("Spotkanie z pracodawcą: zawód {job}", "Lekcja z przedsiębiorcą – {org}"),
        "fair": ("Targi Edukacyjne {year} – {T}", "Giełda szkół i zawodów {year}"),
        "job_shadowing": ("Dzień w pracy: {job} – {org}",),
        "entrepreneurship": ("Młodzieżowa miniprzedsiębiorczość", "Warsztaty przedsiębiorczości – {org}"),
        "career_talk": ("Zajęcia z doradztwa zawodowego: {job}",),
    },
    training_titles=("Szkolenie branżowe nauczycieli – {org}",
                     "Staż nauczycieli kształcenia zawodowego: {job}",
                     "Szkolenie branżowe u pracodawcy: {org}"),
    networks=(("Wałbrzyski Klaster Edukacyjno-Przemysłowy",
               "Współpraca szkół zawodowych z pracodawcami strefy ekonomicznej."),
              ("Sudecki Klaster Usług i Opieki",
               "Kształcenie w zawodach usługowych, opiekuńczych i gastronomicznych.")),
    meeting_titles=("Spotkanie sieci: {network}, nr {n}", "Posiedzenie rady klastra – {network}"),
    council_title="Rada programowa: {programme}",
    plan_title="Plan działań doradztwa zawodowego i współpracy z pracodawcami {year}",
    goals=(
        ("Każdy uczeń spotyka pracodawców w każdym roku szkolnym", (
            ("Wizyty studyjne dla klas 7–8", "7;8"),
            ("Spotkania z pracodawcami w klasach 4–6", "4;5;6"),
            ("Udział klas ósmych w targach edukacyjnych", "8"))),
        ("Wysoka jakość praktyk zawodowych", (
            ("Ocena ryzyka dla każdego miejsca praktyk", "T 3;T 4"),
            ("Szkolenie opiekunów praktyk u pracodawców", ""),
            ("Ankieta ewaluacyjna praktyk dla uczniów i pracodawców", "T 3;T 4"))),
        ("Wybór zawodu wolny od stereotypów płci", (
            ("Zajęcia z doradztwa zawodowego w klasach ósmych", "8"),
            ("Spotkania z osobami w zawodach nietypowych dla płci", "7;8"),
            ("Dzień dziewcząt w technice", "6;7"))),
        ("Silniejsza współpraca z pracodawcami", (
            ("Cztery spotkania klastra w roku", ""),
            ("Staże nauczycieli przedmiotów zawodowych", ""),
            ("Aktualizacja bazy pracodawców przyjmujących praktykantów", "T 3;T 4"))),
    ),
    what_to_bring=("Odzież robocza i obuwie ochronne", "Legitymacja szkolna", "Dzienniczek praktyk",
                   "Aktualne badania lekarskie", "Drugie śniadanie"),
    placement_days={"pl_podstawowa": 5, "pl_technikum": 20, "pl_branzowa": 10},
    school_email_domain="edu.walbrzych.eu",
    first_grade_age={"pl_podstawowa": 7, "pl_technikum": 15, "pl_branzowa": 15},
    transport_notes=("Autokar spod szkoły o {time}", "Wyjście ze szkoły pieszo o {time}",
                     "Przejazd komunikacją miejską, zbiórka o {time}"),
    region_name="Subregion wałbrzyski",
    school_patrons=("Marii Konopnickiej", "Jana Pawła II", "Henryka Sienkiewicza", "Adama Mickiewicza",
                    "Juliusza Słowackiego", "Marii Skłodowskiej-Curie", "Tadeusza Kościuszki",
                    "Janusza Korczaka",
                    "Kornela Makuszyńskiego", "Władysława Broniewskiego", "Fryderyka Chopina",
                    "Polskich Olimpijczyków", "Orła Białego", "Bolesława Chrobrego", "Jana Brzechwy",
                    "Ignacego Łukasiewicza"),
    patron_classes=0.5,
    cluster=ClusterSpec(
        members=76, project="Kształcenie zawodowe dla strefy ekonomicznej",
        financiers=(("eu_fund", "", 2_400_000), ("municipality", "@municipality", 300_000),
                    ("employer", "@employer", 150_000)),
        asked=("miejsca praktyk zawodowych dla klas trzecich", "wizyta studyjna klasy technikum",
               "lekcja z pracodawcą", "staż dla nauczyciela przedmiotów zawodowych",
               "udział w targach edukacyjnych", "objęcie klasy patronatem"),
        promised=("4 miejsca praktyk w maju", "wizyta studyjna w marcu", "prezentacja na targach",
                  "staż dla nauczyciela w wakacje", "odpowiedź po zebraniu zarządu"),
        who=("koordynator klastra", "doradca zawodowy", "kierownik szkolenia praktycznego"),
        bus="Przejazd autokarem – {org}", agreement_title="Porozumienie o współpracy w klastrze"),
    patron_commitments=("4 miejsca praktyk rocznie", "2 lekcje z pracodawcą w semestrze",
                        "1 staż dla nauczyciela", "stypendium dla najlepszego ucznia"),
    municipality=(
        SchoolPlan("Szkoła Podstawowa nr 1 im. Marii Konopnickiej", 0, "pl_podstawowa", 30),
        SchoolPlan("Szkoła Podstawowa nr 5 im. Mikołaja Kopernika", 0, "pl_podstawowa", 28),
        SchoolPlan("Szkoła Podstawowa nr 15 im. Tadeusza Kościuszki", 0, "pl_podstawowa", 26),
        SchoolPlan("Szkoła Podstawowa nr 26 im. Janusza Korczaka", 0, "pl_podstawowa", 24),
        SchoolPlan("Szkoła Podstawowa nr 1 w Szczawnie-Zdroju", 1, "pl_podstawowa", 22),
        SchoolPlan("Zespół Szkół Mechaniczno-Elektronicznych im. Kazimierza Kałużewskiego", 0, "pl_technikum",
                   28, None, ("TM", "TŻ")),
        SchoolPlan("Branżowa Szkoła I stopnia nr 1 w Wałbrzychu", 0, "pl_branzowa", 28, None, ("BSO", "BSF")),
    ),
    max_class=32,
    legal_sex_only=True,
)
