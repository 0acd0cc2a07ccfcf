"""Every Norwegian message a user reads, in one place, grouped by subject.

An editor's mistake in the content or in mkdocs.yml, a command that cannot do what was asked, a build that
stops: a rule decides *whether* something is wrong and calls one of these for *what to say*; the wording
lives here so that a message is found, and changed, in one file. Each is a constant or a small function
taking the parts that vary (the value written, the field's name, an example of a right value). No other
module writes a Norwegian sentence into a problem, an exception, a warning or stderr
(`tests/unit/test_messages.py`; README, «Messages», says what stays with its code).

This module imports nothing of ours and is the lowest layer: every module may use it.
"""

from __future__ import annotations

import errno

# ---------------------------------------------------------------------------------------------------------
# A field's value: text (frontmatter/fields.py, read_text)
# ---------------------------------------------------------------------------------------------------------


def field_missing(expected: str, name: str, example: str) -> str:
    return f"mangler; forventet {expected}, f.eks. {name}: {example}"


def text_empty_after_colon(fixed: str) -> str:
    return f"er tom; skriv teksten etter kolonet, f.eks. {fixed}"


def text_expected(found: str, fixed: str) -> str:
    return f"forventet tekst, fant {found}; skriv {fixed}"


def yaml_tag_not_allowed(tag: str, fixed: str) -> str:
    return f"YAML-merket «{tag}» er ikke tillatt her; skriv {fixed}"


def text_read_as_other(value: str, found: str, fixed: str) -> str:
    return f"«{value}» leses av YAML som {found}, ikke tekst; skriv {fixed}"


def text_blank(fixed: str) -> str:
    return f"er tom; skriv en tekst, f.eks. {fixed}"


def text_not_one_line(breaking: str, fixed: str) -> str:
    return f"har {breaking}, men feltet tar bare én linje tekst; skriv alt på én linje: {fixed}"


# ---------------------------------------------------------------------------------------------------------
# A date (frontmatter/fields.py, Date and plausible_year)
# ---------------------------------------------------------------------------------------------------------


def year_implausible(raw: str, year: int, first_year: int, last_year: int) -> str:
    return (
        f"«{raw}» har året {year}, som ikke kan stemme; skriv året datoen gjelder "
        f"(mellom {first_year} og {last_year})"
    )


def month_does_not_exist(month: int) -> str:
    return f"måned {month} finnes ikke"


def month_has_days(month_name: str, year: int, days: int) -> str:
    return f"{month_name} {year} har {days} dager"


def date_empty(name: str, example: str) -> str:
    return f"er tom; skriv en dato på formen ÅÅÅÅ-MM-DD, f.eks. {name}: {example}"


def date_expected(found: str, name: str, example: str) -> str:
    return f"forventet en dato på formen ÅÅÅÅ-MM-DD, fant {found}; skriv f.eks. {name}: {example}"


def date_impossible(raw: str, why: str) -> str:
    return f"«{raw}» er en dato som ikke finnes ({why}); skriv en gyldig dato på formen ÅÅÅÅ-MM-DD"


def date_not_iso(raw: str, name: str, iso: str) -> str:
    return f"«{raw}» er ikke på formen ÅÅÅÅ-MM-DD; skriv {name}: {iso}"


def date_unreadable(raw: str, name: str, example: str) -> str:
    return f"«{raw}» er ikke en dato på formen ÅÅÅÅ-MM-DD; skriv f.eks. {name}: {example}"


# ---------------------------------------------------------------------------------------------------------
# A whole number (frontmatter/fields.py, Integer)
# ---------------------------------------------------------------------------------------------------------


def integer_empty(name: str, example: str) -> str:
    return f"er tom; skriv et heltall, f.eks. {name}: {example}"


def integer_expected(found: str, name: str, example: str) -> str:
    return f"forventet et heltall, fant {found}; skriv f.eks. {name}: {example}"


def integer_not_digits(raw: str, name: str, example: str) -> str:
    return f"«{raw}» er ikke et heltall; skriv bare sifre, f.eks. {name}: {example}"


def integer_quoted(raw: str, name: str, value: int) -> str:
    return (
        f"«{raw}» står i anførselstegn og leses som tekst, ikke et tall; "
        f"skriv tallet uten anførselstegn: {name}: {value}"
    )


def integer_octal(raw: str, octal: str, name: str, value: int) -> str:
    return f"«{raw}» har innledende null, og YAML leser det som oktaltallet {octal}; skriv {name}: {value}"


def integer_leading_zero(raw: str, name: str, value: int) -> str:
    return f"«{raw}» har innledende null; skriv {name}: {value}"


def integer_only_digits(raw: str, name: str, value: int) -> str:
    return f"«{raw}» skal skrives med bare sifre; skriv {name}: {value}"


def integer_read_as_other(raw: str, found: str, name: str, value: int) -> str:
    return f"«{raw}» leses av YAML som {found}; skriv {name}: {value}"


def integer_too_low(raw: str, minimum: int) -> str:
    return f"«{raw}» er for lavt; skriv et heltall som er minst {minimum}"


# ---------------------------------------------------------------------------------------------------------
# true or false (frontmatter/fields.py, Boolean)
# ---------------------------------------------------------------------------------------------------------


def boolean_quoted(raw: str, name: str, meant: str) -> str:
    return f"«{raw}» står i anførselstegn og leses som tekst; skriv {name}: {meant}"


def boolean_word_not_allowed(raw: str, name: str, meant: str) -> str:
    return f"«{raw}» er ikke tillatt; skriv {name}: {meant}"


def boolean_expected(found: str, name: str) -> str:
    return f"forventet true eller false, fant {found}; skriv {name}: true eller {name}: false"


# ---------------------------------------------------------------------------------------------------------
# A choice, an address, a list (frontmatter/fields.py, Choice, Url, Email, TextList)
# ---------------------------------------------------------------------------------------------------------


def unknown_value_did_you_mean(what: str, value: str, match: str) -> str:
    return f"ukjent {what} «{value}»; mente du «{match}»?"


def unknown_value(what: str, value: str, known: str) -> str:
    """``known`` says what may be written: ``valid_values(...)``, ``known_values(...)`` or a type's own label."""
    return f"ukjent {what} «{value}»; {known}"


def valid_values(choices: tuple[str, ...]) -> str:
    return f"gyldige verdier er {', '.join(choices)}"


def known_values(values: list[str] | tuple[str, ...]) -> str:
    return f"kjente verdier er {', '.join(values) or '(ingen)'}"


def url_missing_scheme(value: str, name: str) -> str:
    return f"«{value}» mangler https://; skriv {name}: https://{value}"


def url_not_an_address(value: str, name: str, example: str) -> str:
    return (
        f"«{value}» er ikke en nettadresse; skriv en adresse som begynner med https://, "
        f"f.eks. {name}: {example}"
    )


def email_not_an_address(value: str, name: str, example: str) -> str:
    return f"«{value}» er ikke en e-postadresse; skriv f.eks. {name}: {example}"


def list_empty(name: str, example: str) -> str:
    return f"er tom; skriv en liste, f.eks. {name}: {example}, eller fjern feltet"


def list_expected(found: str, name: str, fixed: str) -> str:
    return f"forventet en liste, fant {found}; skriv {name}: {fixed}"


def listed_twice(value: str) -> str:
    return f"«{value}» står to ganger; fjern den ene"


# ---------------------------------------------------------------------------------------------------------
# The fields of a front matter or region.yml as a whole (frontmatter/fields.py, Schema)
# ---------------------------------------------------------------------------------------------------------


def fields_expected(found: str, where: str) -> str:
    """``where`` is ``under <group>`` for a nested group, else ``her``."""
    return f"forventet felter på formen «felt: verdi», fant {found}; skriv ett felt per linje {where}"


def fields_under(group: str) -> str:
    return f"under {group}"


FIELDS_HERE = "her"

# No line number of the first (here and below): these lines count from the YAML's first line, and only
# the caller knows where that is in the file (a Markdown file's front matter starts on its line 2).
FIELD_TWICE = "står to ganger (også lenger opp); fjern den ene"


def unknown_field_did_you_mean(match: str) -> str:
    return f"ukjent felt; mente du «{match}»?"


def unknown_field_already_there(match: str) -> str:
    return f"ukjent felt; mente du «{match}»? (det står allerede lenger opp; fjern den ene)"


def unknown_field(allowed: list[str]) -> str:
    return f"ukjent felt; tillatte felter er {', '.join(allowed)}"


def did_you_mean_hint(match: str) -> str:
    """Added to another message when the value written is close to a known one."""
    return f"; mente du «{match}»?"


def quoted(value: str) -> str:
    """A value the editor wrote, as a message quotes it."""
    return f"«{value}»"


# ---------------------------------------------------------------------------------------------------------
# updated (frontmatter/time_fields.py)
# ---------------------------------------------------------------------------------------------------------


def updated_before_date(updated: str, published: str) -> str:
    return (
        f"«{updated}» er før date («{published}»); en side kan ikke være oppdatert "
        f"før den ble publisert, så skriv en dato som er lik eller senere enn date, "
        f"f.eks. updated: {published}"
    )


# ---------------------------------------------------------------------------------------------------------
# An event's times and rules (frontmatter/event_fields.py)
# ---------------------------------------------------------------------------------------------------------


def clock_time_impossible(raw: str, name: str, day: str) -> str:
    return (
        f"«{raw}» har et klokkeslett som ikke finnes; skriv timer 00–23 og minutter 00–59, "
        f"f.eks. {name}: {day} 09:00"
    )


def clock_time_skipped(raw: str, name: str, later: str) -> str:
    return (
        f"«{raw}» finnes ikke i norsk tid: klokken stilles fram én time denne natten; "
        f"skriv f.eks. {name}: {later}"
    )


def time_has_zone(raw: str, name: str, fixed: str) -> str:
    return f"«{raw}» har en tidssone; skriv norsk tid uten tidssone: {name}: {fixed}"


def time_has_seconds(raw: str, name: str, fixed: str) -> str:
    return f"«{raw}» har sekunder; skriv {name}: {fixed}"


def date_time_not_iso(raw: str, name: str, fixed: str) -> str:
    return f"«{raw}» er ikke på formen ÅÅÅÅ-MM-DD TT:MM; skriv {name}: {fixed}"


def time_without_date(raw: str, name: str, example_day: str, time: str) -> str:
    return (
        f"«{raw}» er et klokkeslett uten dato; skriv datoen foran klokkeslettet, "
        f"f.eks. {name}: {example_day} {time}"
    )


def event_time_unreadable(raw: str, name: str, example_day: str) -> str:
    return (
        f"«{raw}» er ikke en dato; skriv {name}: ÅÅÅÅ-MM-DD for en hel dag eller "
        f"{name}: ÅÅÅÅ-MM-DD TT:MM med norsk klokkeslett, f.eks. {name}: {example_day} 09:00"
    )


def event_time_empty(name: str, example_day: str) -> str:
    return (
        f"er tom; skriv en dato, f.eks. {name}: {example_day}, eller dato og klokkeslett, "
        f"f.eks. {name}: {example_day} 09:00"
    )


def event_time_expected(found: str, name: str, example_day: str) -> str:
    return (
        f"forventet en dato eller dato og klokkeslett, fant {found}; skriv f.eks. {name}: {example_day} 09:00"
    )


def time_read_as_number(raw: str, number: str, name: str, example_day: str, time: str) -> str:
    return (
        f"«{raw}» leses av YAML som tallet {number}, ikke et klokkeslett; "
        f'skriv dato og klokkeslett i anførselstegn, f.eks. {name}: "{example_day} {time}"'
    )


def yaml_tag_not_allowed_example(tag: str, name: str, example: str) -> str:
    return f"YAML-merket «{tag}» er ikke tillatt her; skriv f.eks. {name}: {example}"


def registration_not_https(value: str, name: str, secure: str) -> str:
    return (
        f"«{value}» er ikke en sikker adresse (https); påmelding sender personopplysninger, "
        f"så skriv {name}: {secure}"
    )


def end_untimed_start_timed(end_day: str) -> str:
    return (
        "start har klokkeslett, men end er en hel dag; "
        f"skriv også slutten med klokkeslett, f.eks. end: {end_day} 15:30, eller fjern klokkeslettet i start"
    )


def end_timed_start_untimed(start_day: str, end_day: str) -> str:
    return (
        "start er en hel dag, men end har klokkeslett; "
        f"skriv også start med klokkeslett, f.eks. start: {start_day} 09:00, eller skriv end: {end_day}"
    )


def end_before_start(end: str, start: str) -> str:
    return f"«{end}» er før start («{start}»); skriv en slutt som er lik eller senere enn start"


EVENT_FORMAT_PHYSICAL = "et fysisk"
EVENT_FORMAT_HYBRID = "et hybrid"


def event_place_missing(what: str) -> str:
    """``what`` is EVENT_FORMAT_PHYSICAL or EVENT_FORMAT_HYBRID."""
    return (
        f"mangler; {what} arrangement trenger sted og adresse, "
        'f.eks. place: "Auditoriet, Sykehuset Innlandet Hamar, Skolegata 32, 2318 Hamar" '
        "(eller skriv format: digitalt)"
    )


def deadline_after_start(deadline: str, first_day: str) -> str:
    return (
        f"fristen {deadline} er etter start ({first_day}); "
        f"skriv en frist som er senest startdagen, f.eks. registration_deadline: {first_day}"
    )


def use_professions_from_settings(profession_list: str) -> str:
    """What an unknown profession in ``audience`` is told (after ``ukjent yrkesgruppe «…»; ``)."""
    return f"bruk yrkesgrupper fra listen i mkdocs.yml: {profession_list}"


# ---------------------------------------------------------------------------------------------------------
# A length of time: duration as mm:ss or minutes (frontmatter/learning_fields.py)
# ---------------------------------------------------------------------------------------------------------


def seconds_two_digits(raw: str, fixed: str) -> str:
    return f"«{raw}» skal ha to sifre for sekundene (mm:ss); skriv {fixed}"


def minutes_and_seconds_two_digits(raw: str, name: str, hours: int, minutes: int, seconds: int) -> str:
    return (
        f"«{raw}» skal ha to sifre for minuttene og sekundene (t:mm:ss); "
        f'skriv f.eks. {name}: "{hours}:{minutes:02d}:{seconds:02d}"'
    )


def too_many_seconds(raw: str, seconds: int, fixed: str) -> str:
    return f"«{raw}» har {seconds} sekunder; skriv sekunder 00–59: {fixed}"


def too_many_minutes(raw: str, minutes: int, fixed: str) -> str:
    return f"«{raw}» har {minutes} minutter; skriv timer foran når det er 60 minutter eller mer: {fixed}"


def duration_zero(raw: str, name: str, example: str) -> str:
    return f"«{raw}» er null sekunder; skriv hvor lenge den varer, f.eks. {name}: {example}"


def duration_decimals(raw: str, name: str, whole: str) -> str:
    return f'«{raw}» har desimaler; skriv hele sekunder: {name}: "{whole}"'


def duration_not_clock_form(raw: str, fixed: str) -> str:
    return f"«{raw}» er ikke på formen mm:ss; skriv {fixed}"


def duration_unreadable(raw: str, name: str, example: str) -> str:
    return (
        f"«{raw}» er ikke en varighet; skriv minutter og sekunder (mm:ss) eller timer, minutter og sekunder "
        f'(t:mm:ss), f.eks. {name}: {example} eller {name}: "1:02:03"'
    )


def duration_without_unit(raw: str, minutes_fix: str, number: int) -> str:
    return (
        f"«{raw}» er et tall uten enhet; skriv minutter og sekunder med kolon, "
        f"f.eks. {minutes_fix} for {number} minutter"
    )


def duration_empty(name: str, example: str) -> str:
    return f"er tom; skriv varigheten som mm:ss eller t:mm:ss, f.eks. {name}: {example}"


def duration_expected(found: str, name: str, example: str) -> str:
    return (
        f"forventet en varighet på formen mm:ss eller t:mm:ss, fant {found}; skriv f.eks. {name}: {example}"
    )


def minutes_as_whole_number(raw: str, name: str, total: int) -> str:
    return f"«{raw}» skal skrives som et helt antall minutter; skriv {name}: {total}"


def minutes_without_unit(raw: str, name: str, total: int) -> str:
    return f"«{raw}» skal skrives som et helt antall minutter uten enhet; skriv {name}: {total}"


def minutes_not_whole(raw: str, name: str, whole: int) -> str:
    return f"«{raw}» er ikke et helt antall minutter; skriv {name}: {whole}"


# ---------------------------------------------------------------------------------------------------------
# A film, an e-learning course, a podcast: addresses, files beside the page, categories, sources
# (frontmatter/learning_fields.py)
# ---------------------------------------------------------------------------------------------------------


def address_not_https(value: str, name: str, secure: str) -> str:
    return f"«{value}» er ikke en sikker adresse (https); skriv {name}: {secure}"


def local_file_is_address_elsewhere(value: str, name: str, other_host: str) -> str:
    return (
        f"«{value}» er en nettadresse, men {name} er for en fil ved siden av siden; "
        f"for en fil på en annen tjeneste, skriv {other_host}: {value}"
    )


def local_file_is_address(value: str, what: str, name: str, example: str) -> str:
    return f"«{value}» er en nettadresse; legg {what} ved siden av siden og skriv navnet, f.eks. {name}: {example}"


def local_file_backslash(value: str, name: str) -> str:
    return f"«{value}» har omvendt skråstrek; bruk / mellom mapper: {name}: {value.replace(chr(92), '/')}"


def local_file_leading_slash(value: str, name: str) -> str:
    return f"«{value}» begynner med /; skriv stien fra mappen siden ligger i: {name}: {value.lstrip('/')}"


def local_file_outside_folder(value: str, what: str, name: str, basename: str) -> str:
    return (
        f"«{value}» peker ut av mappen med ..; legg {what} i samme mappe som siden "
        f"(eller en mappe under den) og skriv f.eks. {name}: {basename}"
    )


def local_file_wrong_kind(value: str, what: str, name: str, allowed: str, hint: str) -> str:
    return f"«{value}» er ikke {what}; {name} må være en fil som slutter på {allowed}" + (
        f" ({hint})" if hint else ""
    )


VIDEO_HINT = "lagre filmen som MP4 (H.264)"
CAPTION_SRT_HINT = "gjør om SRT-filen til WebVTT, f.eks. med ffmpeg -i film.srt film.vtt"
TRANSCRIPT_MD_HINT = "en .md-fil blir en egen side; gi transkripsjonen endelsen .txt"


def alt_text_missing(name: str, example: str) -> str:
    return (
        "mangler; bildet trenger en alternativ tekst som beskriver det for skjermlesere, "
        f"f.eks. {name}: {example}"
    )


def category_case(value: str, name: str, exact: str) -> str:
    return f'«{value}» skal skrives nøyaktig som i Apples liste; skriv {name}: "{exact}"'


def category_with_subcategory(value: str, name: str, parent: str, sub: str) -> str:
    return (
        f"«{value}» har både kategori og underkategori; skriv dem hver for seg: "
        f'{name}: "{parent}" og subcategory: "{sub}"'
    )


def category_retired_fix(name: str, category: str, subcategory: str | None) -> str:
    return f'{name}: "{category}"' + (f' og subcategory: "{subcategory}"' if subcategory else "")


def category_retired(value: str, fixed: str) -> str:
    return f"«{value}» er en kategori Apple ikke bruker lenger (fra før 2019); skriv {fixed}"


def category_is_subcategory(value: str, parent: str, name: str, sub: str) -> str:
    return f'«{value}» er en underkategori av «{parent}»; skriv {name}: "{parent}" og subcategory: "{sub}"'


def category_unknown(value: str, categories: list[str]) -> str:
    return f"ukjent kategori «{value}»; bruk en av Apples kategorier: {', '.join(categories)}"


def subcategory_without_category(parent: str) -> str:
    return f'er oppgitt uten category; skriv også kategorien den hører til, f.eks. category: "{parent}"'


def category_has_no_subcategories(category: str) -> str:
    return f"«{category}» har ingen underkategorier hos Apple; fjern subcategory"


def subcategory_of_other(subcategory: str, parent: str, category: str, allowed: list[str]) -> str:
    return (
        f"«{subcategory}» hører til «{parent}», ikke «{category}»; "
        f'skriv category: "{parent}" eller velg en av {", ".join(allowed)}'
    )


def subcategory_unknown_under(subcategory: str, category: str, allowed: list[str]) -> str:
    return f"ukjent underkategori «{subcategory}» under «{category}»; velg en av {', '.join(allowed)}"


def both_sources(local: str, remote: str, what: str) -> str:
    return f"både {local} og {remote} er oppgitt; {what} skal ha nøyaktig én av dem, så fjern den ene"


def no_source(what: str, local: str, remote: str, local_example: str, remote_example: str) -> str:
    return (
        f"mangler; {what} trenger enten {local} (en fil ved siden av siden, f.eks. {local}: {local_example}) "
        f"eller {remote} (en adresse på en annen tjeneste, f.eks. {remote}: {remote_example})"
    )


FILM_WHAT = "en film"
EPISODE_WHAT = "en episode"

CAPTIONS_MISSING = "mangler; en film som vises her må ha teksting (en WebVTT-fil ved siden av siden), f.eks. captions: film.vtt"
CAPTIONS_WITH_REMOTE_VIDEO = (
    "brukes bare med video (en film her); for en film på en annen tjeneste legger du "
    "tekstingen inn der, så fjern captions"
)
AUDIO_BYTES_WHAT = "lydfilens størrelse i byte"
AUDIO_DURATION_WHAT = "lydfilens varighet"


def audio_fact_missing(what: str, name: str, example: str) -> str:
    return f"mangler; med audio_url må du oppgi {what}, f.eks. {name}: {example}"


AUDIO_FACT_FROM_FILE = "leses fra MP3-filen i audio; fjern feltet"


def transcript_twice(heading: str, heading_line: int | None) -> str:
    return f"episoden har både transcript og overskriften «{heading}» (linje {heading_line}); behold den ene"


def transcript_missing(heading: str) -> str:
    return (
        f"mangler; en podkastepisode må ha en transkripsjon: skriv den i teksten under overskriften "
        f"«## {heading}», eller legg en tekstfil ved siden av episoden og skriv "
        "transcript: episode.txt"
    )


def transcript_heading_empty(heading: str) -> str:
    return f"overskriften «{heading}» har ingen tekst under seg; skriv transkripsjonen under den"


# ---------------------------------------------------------------------------------------------------------
# A media file a page names: missing, of the wrong kind, of the wrong size (frontmatter/media_checks.py;
# what cannot be read from a file, the reason after «navn»:, is model/media.py's)
# ---------------------------------------------------------------------------------------------------------


def named_file_missing(name: str) -> str:
    return f"filen «{name}» finnes ikke; legg den i samme mappe som siden, eller rett navnet"


def image_wrong_format(name: str, image_format: str | None, formats: tuple[str, ...]) -> str:
    return f"«{name}» er et {image_format or 'ukjent'}-bilde; lagre det som {' eller '.join(formats)}"


def image_name_says_other_format(name: str, image_format: str | None, right: str) -> str:
    return (
        f"«{name}» er et {image_format}-bilde, men filnavnet sier noe annet; "
        f"gi filen endelsen {right} (og skriv det nye navnet her)"
    )


def cover_not_square(size: str, minimum: int, maximum: int) -> str:
    return (
        f"bildet er {size}; et omslagsbilde for podkast må være kvadratisk, "
        f"{minimum}–{maximum} px på hver side, f.eks. {maximum} × {maximum} px"
    )


def cover_wrong_size(size: str, minimum: int, maximum: int) -> str:
    return (
        f"bildet er {size}; Apple krever {minimum}–{maximum} px på hver side, "
        f"så lag en versjon på f.eks. {maximum} × {maximum} px"
    )


COVER_CMYK = "bildet er lagret i fargerommet CMYK; Apple krever RGB, så lagre det som RGB"


def poster_not_16_9(size: str) -> str:
    return f"bildet er {size}; et plakatbilde må ha formatet 16:9 som filmen, f.eks. 1920 × 1080 px"


def poster_too_small(size: str, min_width: int, min_height: int) -> str:
    return (
        f"bildet er {size}; et plakatbilde må være minst {min_width} × {min_height} px, f.eks. 1920 × 1080 px"
    )


def image_unreadable(name: str, reason: str) -> str:
    return f"«{name}»: {reason}; bruk et JPEG- eller PNG-bilde"


def video_unreadable(name: str, reason: str) -> str:
    return f"«{name}»: {reason}; lagre filmen som MP4 (H.264)"


def captions_not_webvtt(name: str) -> str:
    return f"«{name}» er ikke en WebVTT-fil (den første linjen må være WEBVTT); lagre tekstingen som WebVTT"


def audio_unreadable(name: str, reason: str) -> str:
    return f"«{name}»: {reason}; lagre lyden som MP3"


def transcript_file_empty(name: str) -> str:
    return f"«{name}» er tom; skriv transkripsjonen i filen"


# ---------------------------------------------------------------------------------------------------------
# A governing document's source, an article's image and its texts (frontmatter/schemas.py)
# ---------------------------------------------------------------------------------------------------------

GOVERNING_URL_AND_FILE = (
    "både url og file er oppgitt; et styrende dokument skal ha nøyaktig én av dem, så fjern den ene"
)
GOVERNING_NO_SOURCE = (
    "mangler; et styrende dokument trenger enten url (lenke til dokumentet, "
    "f.eks. url: https://www.regjeringen.no/…) eller file (et dokument i repoet, "
    "f.eks. file: vedlegg/plan.pdf)"
)
IMAGE_ALT_MISSING = (
    "mangler; et bilde trenger en alternativ tekst som beskriver det for skjermlesere, "
    'f.eks. image_alt: "To sykepleiere i samtale"'
)
IMAGE_CREDIT_MISSING = (
    "mangler; et bilde skal krediteres med fotograf eller kilde (det er en plikt når bildet er "
    'lisensiert), f.eks. image_credit: "Colourbox" eller image_credit: "Privat"'
)


def without_image(name: str) -> str:
    return f"er oppgitt uten image; fjern {name} eller legg til image"


# ---------------------------------------------------------------------------------------------------------
# The fields every page has: tags, regions (frontmatter/schemas.py)
# ---------------------------------------------------------------------------------------------------------


def use_topics_from_settings(topic_list: str) -> str:
    """What an unknown topic in ``tags`` is told (after ``ukjent tema «…»; ``)."""
    return f"bruk tema fra listen i mkdocs.yml: {topic_list}"


def known_regions(region_list: str) -> str:
    return f"kjente områder er {region_list} (mappene i regions/)"


NO_REGIONS = "(ingen)"

REGIONS_ONLY_SHARED = (
    "regions kan bare brukes på sider i content/; en side i regions/<id>/ gjelder bare det området, "
    "så fjern feltet"
)


# ---------------------------------------------------------------------------------------------------------
# YAML that does not parse (frontmatter/yaml_source.py), and how a message names what YAML read
# ---------------------------------------------------------------------------------------------------------


def yaml_invalid(details: str) -> str:
    return f"ugyldig YAML ({details}); sjekk innrykk og anførselstegn"


def colon_in_value_quote(key: str, quoted_value: str) -> str:
    return (
        f"kolon etterfulgt av mellomrom inne i en verdi; sett verdien i anførselstegn: {key}: {quoted_value}"
    )


COLON_IN_VALUE = (
    "kolon etterfulgt av mellomrom inne i en verdi; sett verdien i anførselstegn, "
    'f.eks. title: "Del 1: innledning"'
)
FLOW_LIST_NOT_CLOSED = "listen i hakeparenteser er ikke lukket; avslutt den med ] på samme linje"
INDENT_MISMATCH = (
    "innrykket stemmer ikke; felter på samme nivå skal begynne i samme kolonne, "
    "og listepunkter (- …) under et felt skal ha likt innrykk"
)
LINE_WITHOUT_COLON = "linjen mangler kolon; hver linje skal være «felt: verdi»"
FIELD_INDENTED = (
    "innrykket stemmer ikke; felter på samme nivå skal begynne i samme kolonne "
    "(fjern mellomrommene foran feltet)"
)

# What a message says YAML found where something else was expected («forventet tekst, fant en liste»).
FOUND_NUMBER = "et tall"
FOUND_DECIMAL = "et desimaltall"
FOUND_YES_NO = "en ja/nei-verdi"
FOUND_EMPTY = "en tom verdi"
FOUND_DATE = "en dato"
FOUND_GROUP = "en gruppe av felter"
FOUND_LIST = "en liste"
FOUND_TEXT = "tekst"


def found_yaml_type(tag_name: str) -> str:
    return f"en verdi av typen !!{tag_name}"


# ---------------------------------------------------------------------------------------------------------
# Old addresses: aliases (frontmatter/old_path_fields.py; why a path is not one: text/old_paths.py)
# ---------------------------------------------------------------------------------------------------------


def old_paths_expected(found: str, name: str, fixed: str) -> str:
    return f"forventet en liste, fant {found}; skriv {name}: [{fixed}]"


def write_instead(suggestion: str) -> str:
    return f"skriv {suggestion}"


def write_old_path_from_root(example: str) -> str:
    return f"skriv stien fra roten slik det forrige nettstedet hadde den, f.eks. {example}"


def old_path_invalid(text: str, problem: str, fix: str) -> str:
    return f"«{text}» {problem}; {fix}"


def old_path_in_reserved_folder(text: str, folder_label: str, example: str) -> str:
    return (
        f"«{text}» er i {folder_label}, der nettstedet lager adressene selv; en gammel adresse "
        f"er en adresse fra det forrige nettstedet, f.eks. {example}"
    )


# How an old address's reserved top folder is named: what the root of the built site holds besides the
# regions and the pages every region has (the keys are the rule: old_path_fields.reserved_folders).
SITE_ROOT_NAMES = {
    "assets": "mappen assets/, der nettstedet har stilark, skript og bilder",
    "search": "mappen search/, der nettstedet har søket",
    "favoritter": "«Mine favoritter»",
    "index.html": "forsiden",
    "404.html": "siden for adresser som ikke finnes",
    "sitemap.xml": "nettstedskartet",
}


def region_folder(region_id: str) -> str:
    return f"mappen til område {region_id}"


# ---------------------------------------------------------------------------------------------------------
# Region folders, region.yml, files that cannot be read, symbolic links, a page's front matter
# (project/loader.py)
# ---------------------------------------------------------------------------------------------------------

REGION_ID_RULE = (
    "mappenavnet er område-id og kan bare ha små bokstaver a–z, sifre og bindestrek "
    "(begynn med en bokstav, f.eks. regions/innlandet)"
)


def region_id_with_blanks(trimmed: str) -> str:
    return f"{REGION_ID_RULE}; navnet har mellomrom, tabulator eller linjeskift: gi mappen navnet regions/{trimmed}"


REGIONS_FOLDER_MISSING = "mappen mangler; lag regions/<id>/region.yml for hvert område"


def region_file_missing(folder_name: str) -> str:
    name = folder_name.capitalize()
    return (
        "filen mangler; hvert område trenger en region.yml med minst name og hospital, "
        f'f.eks. name: "{name}" og hospital: "Sykehuset {name}"'
    )


NO_REGIONS_AT_ALL = (
    "ingen områder; et nettsted uten områder har ingen sider. "
    'Lag regions/<id>/region.yml for hvert område, f.eks. regions/innlandet/region.yml med name: "Innlandet"'
)


def file_unreadable(reason: str) -> str:
    return f"filen kan ikke leses ({reason})"


THE_PAGE_ITSELF = "filen"
THE_FOLDER = "mappen"
THE_FILE = "filen"


def symlink_outside(the: str) -> str:
    """``the`` is THE_FOLDER or THE_FILE. One wording for files, folders and region folders alike."""
    return f"er en symbolsk lenke som peker ut av repoet; kopier {the} inn i stedet"


SYMLINK_BROKEN = "er en symbolsk lenke som ikke peker på noen fil eller mappe; fjern den"


def symlink_not_published(the: str) -> str:
    return f"er en symbolsk lenke, og symbolske lenker publiseres ikke; kopier {the} inn i stedet"


FRONT_MATTER_NOT_CLOSED = "front matter er ikke avsluttet; legg til en linje med bare --- etter feltene"


def listed_with_and(names: list[str]) -> str:
    """``a, b og c``: how a message lists the fields a page needs."""
    return ", ".join(names[:-1]) + f" og {names[-1]}" if len(names) > 1 else names[0]


def front_matter_missing(kind_indefinite: str, listed: str) -> str:
    return f"front matter mangler; {kind_indefinite} trenger {listed} øverst i filen, mellom to linjer med bare ---"


# ---------------------------------------------------------------------------------------------------------
# Across files and regions: a governing document's file, home pages, old addresses, links, anchors
# (project/cross_checks.py)
# ---------------------------------------------------------------------------------------------------------


def governing_file_is_address(target: str) -> str:
    return f"«{target}» er en nettadresse; bruk url: {target} i stedet for file"


def governing_file_missing(target: str, tree_name: str) -> str:
    return (
        f"«{target}» finnes ikke; legg dokumentet i {tree_name}/ og skriv stien "
        "relativt til denne siden, f.eks. file: vedlegg/plan.pdf"
    )


def joined_with_and(ids: list[str]) -> str:
    """``a og b``: the regions, or files, a message is about."""
    return " og ".join(ids)


def region_or_regions(ids: str, count: int) -> str:
    return f"område {ids}" if count == 1 else f"områdene {ids}"


def the_region_or_regions(ids: str, count: int) -> str:
    return f"området {ids}" if count == 1 else f"områdene {ids}"


def home_page_missing(subject: str, shared_home: str, own: str) -> str:
    return f"filen mangler, så {subject} har ingen forside; lag {shared_home} (felles for alle områdene) eller {own}"


def home_page_not_for_regions(listed: str, ids: str, own: str) -> str:
    return f"{listed} får ingen forside; legg til {ids} i regions, eller lag {own}"


def home_page_is_draft(listed: str, own: str) -> str:
    return f"siden er et utkast, så {listed} får ingen forside; fjern draft: true, eller lag {own}"


def in_regions(regions: list[str]) -> str:
    """Added to a message when the problem is in some of the regions the file is part of."""
    return f" i område {', '.join(sorted(regions))}"


def on_line(line: int | None) -> str:
    return f" (linje {line})" if line else ""


def old_path_claimed_twice(first_source: str, where: str) -> str:
    return (
        f"er også gammel adresse for {first_source}{where}; en gammel adresse kan bare "
        "føre til én side, så fjern den fra den ene filen"
    )


ALL_REGIONS = "alle områder"


def regions_listed(regions: set[str]) -> str:
    return f"område {', '.join(sorted(regions))}"


def old_path_taken(under: bool, address: str, where: str, last_segment: str) -> str:
    return (
        f"er {'under ' if under else ''}en adresse nettstedet har selv ({address} i {where}); en gammel adresse er "
        f"en adresse fra det forrige nettstedet, f.eks. /article/{last_segment}"
    )


def about_old_path(path: str, message: str) -> str:
    return f"«{path}» {message}"


def link_outside_content(target: str) -> str:
    return f"lenken «{target}» peker ut av innholdet; rett lenken"


def link_to_folder(target: str, fixed: str) -> str:
    return f"lenken «{target}» peker på en mappe; lenk til filen: {fixed}"


def link_to_draft(target: str) -> str:
    return f"lenken «{target}» peker på et utkast (draft: true), som ikke publiseres; fjern lenken eller publiser siden"


def link_to_missing_page(target: str) -> str:
    return f"lenken «{target}» peker på en side som ikke finnes; rett lenken eller lag siden"


def link_to_missing_file(target: str) -> str:
    return f"lenken «{target}» peker på en fil som ikke finnes; rett lenken eller legg filen i repoet"


ON_THIS_PAGE = "på denne siden"


def on_page(page: str) -> str:
    return f"på {page}"


def anchor_did_you_mean(match: str) -> str:
    return f"mente du «#{match}»?"


FIX_THE_LINK = "rett lenken"


def anchor_missing(target: str, anchor: str, where: str, hint: str) -> str:
    return f"lenken «{target}» peker på et avsnitt (#{anchor}) som ikke finnes {where}; {hint}"


def absolute_link_with_fix(target: str, fixed: str) -> str:
    return (
        f"lenken «{target}» begynner med /, og virker ikke når nettstedet ligger under "
        f"et område; skriv en relativ lenke til filen: {fixed}"
    )


def absolute_link(target: str) -> str:
    return (
        f"lenken «{target}» begynner med /, og virker ikke når nettstedet ligger under et område; "
        "skriv en relativ lenke til .md-filen"
    )


def other_file_in_regions(other: str, regions: list[str]) -> str:
    return f"{other} (i område {', '.join(sorted(regions))})"


def same_address(url: str, described: str) -> str:
    return f"gir samme adresse ({url or '/'}) som {described}; gi den ene filen et annet navn eller slett den ene"


# ---------------------------------------------------------------------------------------------------------
# An article's image file, podcast series and episode numbers (project/image_files.py, podcast_checks.py)
# ---------------------------------------------------------------------------------------------------------


def image_is_address(source: str, tree_name: str, example: str) -> str:
    return (
        f"«{source}» er en nettadresse, og sidene henter ingenting fra andre nettsteder; "
        f"legg bildet i {tree_name}/ ved siden av denne siden og skriv filnavnet, f.eks. {example}"
    )


def image_file_missing(source: str, tree_name: str, example: str) -> str:
    return (
        f"«{source}» finnes ikke; legg bildet i {tree_name}/ ved siden av denne siden "
        f"og skriv filnavnet, f.eks. {example}"
    )


def series_file_missing(series_file: str) -> str:
    return (
        f"filen mangler; en podkastserie trenger {series_file} ved siden av episodene, med "
        "title, description, image, author, owner_email, category og explicit"
    )


def episode_number_taken(season: int | None, episode: int | None, first_path: str) -> str:
    return (
        f"sesong {season}, episode {episode} finnes alt i serien ({first_path}); "
        "gi episoden et nummer som ikke er brukt"
    )


# ---------------------------------------------------------------------------------------------------------
# Scripts and requests to other hosts in a page body, and in the HTML a page becomes
# (project/security.py, project/rendered_html.py)
# ---------------------------------------------------------------------------------------------------------


def html_element_not_allowed(element: str) -> str:
    return (
        f"HTML-elementet <{element}> er ikke tillatt; bruk vanlig Markdown "
        "(lenk til video, skjema og dokumenter i stedet for å bygge dem inn)"
    )


def event_handler_not_allowed(attribute: str) -> str:
    return f"hendelsesattributtet {attribute}= er ikke tillatt i HTML; fjern det"


def backticks_too_long(max_backticks: int) -> str:
    return (
        f"rekker med mer enn {max_backticks} backticks (`) utenfor en kodeblokk gjør at Markdown bruker "
        "minutter på siden; sett koden i en kodeblokk mellom to linjer med ```, eller fjern dem"
    )


def scheme_not_allowed(scheme: str) -> str:
    return f"adresser som begynner med {scheme}: er ikke tillatt; lenk til en https-adresse eller en fil i repoet"


def attribute_not_allowed(element: str, attribute: str) -> str:
    return f"attributtet {attribute}= er ikke tillatt på <{element}>; fjern det"


STYLE_NOT_ALLOWED = "style= er ikke tillatt i HTML (bare justering i tabeller); bruk vanlig Markdown"


def requests_other_host(element: str, value: str) -> str:
    return (
        f"<{element}> henter «{value}» fra et annet nettsted, og nettstedet henter ingenting fra andre verter; "
        "legg filen i repoet og skriv stien relativt til siden (lenker til andre nettsteder er lov)"
    )


# ---------------------------------------------------------------------------------------------------------
# Names and kinds of files that may not be published, a region id the site uses, an SVG's content
# (project/publishable.py)
# ---------------------------------------------------------------------------------------------------------


def region_id_reserved(region_id: str, names: str) -> str:
    return (
        f"«{region_id}» er en adresse nettstedet bruker selv ({names}); "
        "gi mappen et annet navn, f.eks. regions/innlandet"
    )


A_BLANK = "mellomrom"


def a_character(character: str) -> str:
    return f"«{character}»"


def character_code(code: int) -> str:
    return f"tegnet U+{code:04X}"


def name_has_character(shown: str) -> str:
    return (
        f"navnet har {shown}, som ikke kan stå i en adresse; bruk bare bokstaver, sifre, "
        "bindestrek, understrek og punktum (f.eks. artikler/mote-i-helsefellesskapet.md)"
    )


def readme_is_folder_home(readme: str) -> str:
    return (
        f"{readme} blir forsiden av mappen, som om den het index.md; gi den navnet index.md "
        "hvis den skal være forsiden, ellers et annet navn (f.eks. om-mappen.md)"
    )


def reserved_folder(first: str) -> str:
    return (
        f"mappen {first}/ øverst i innholdet tilhører nettstedet selv (tema, søk, «Mine favoritter»); "
        "legg filen i en annen mappe"
    )


def reserved_file(path: str) -> str:
    return f"{path} lages av nettstedet selv; gi filen et annet navn"


def list_page_number_taken(folder: str, number: str) -> str:
    return (
        f"adressen {folder}/side-{number}/ er side {number} av listen nettstedet lager i {folder}/; "
        "gi filen et annet navn"
    )


def generated_page_folder(first: str, page: str) -> str:
    return f"mappen {first}/ er en side nettstedet lager; bare {page} (teksten over) kan ligge der"


def other_markdown_suffix(suffix: str, stem: str) -> str:
    return f"sider med endelsen {suffix} vises av MkDocs, men blir ikke sjekket; gi filen endelsen .md ({stem}.md)"


def scripting_suffix(suffix: str) -> str:
    return (
        f"filer med endelsen {suffix} publiseres ikke: de kan kjøre skript hos leserne; "
        "skriv sider i Markdown (.md), og be utviklerne om det som trengs i temaet"
    )


def the_suffix(suffix: str) -> str:
    return f"endelsen {suffix}"


NO_SUFFIX = "ingen endelse"


def suffix_not_allowed(shown: str, kinds: str) -> str:
    return f"filer med {shown} publiseres ikke; tillatt er sider (.md) og {kinds}"


SVG_CSS_LOADS = "SVG-filen henter noe med CSS (url(…) eller @import); fjern det, eller lagre bildet som PNG"


def svg_element_not_allowed(element: str) -> str:
    return f"SVG-filen har elementet <{element}>, som ikke er tillatt i bilder; lagre bildet som PNG"


def svg_event_handler(attribute: str) -> str:
    return f"SVG-filen har hendelsesattributtet {attribute}=; fjern det, eller lagre bildet som PNG"


def svg_links_outside(value: str) -> str:
    return f"SVG-filen lenker til «{value}»; bare #-referanser inne i filen er tillatt"


def svg_loads_in_attribute(attribute: str) -> str:
    return f"SVG-filen henter noe i {attribute}=; bare url(#…) inne i filen er tillatt"


def episode_outside_series(episodes_folder: str, name: str) -> str:
    """(project/podcast_checks.py)"""
    return (
        "en podkastepisode må ligge i mappen til serien sin, ved siden av serie.yml: "
        f"flytt den til {episodes_folder}/<serie>/{name}"
    )


# ---------------------------------------------------------------------------------------------------------
# Why a media file cannot be read (model/media.py): the reason after «navn»: in the messages above
# ---------------------------------------------------------------------------------------------------------

NOT_AN_MP3 = "filen er ikke en MP3-fil (fant ingen MP3-lyd i den)"


def mp3_unreadable(error: str) -> str:
    return f"filen kan ikke leses som MP3 ({error})"


MP3_SILENT = "MP3-filen har ingen lyd (varighet 0 sekunder)"


def audio_truncated(stated_seconds: int, held_seconds: int) -> str:
    return (
        f"filen er avkortet: den sier at lyden varer {stated_seconds} sekunder, "
        f"men har bare lyd til omtrent {held_seconds} sekunder"
    )


NOT_AN_MP4 = "filen er ikke en MP4-fil"
VIDEO_TRUNCATED = "filen er avkortet: den slutter før filmen er slutt (lagret eller kopiert bare delvis)"


def image_too_large(size: str) -> str:
    return (
        f"bildet er {size}, større enn noen skjerm viser; "
        "lagre en mindre versjon (f.eks. 1920 × 1080 px for en plakat, 3000 × 3000 px for et omslag)"
    )


def image_claims_too_many_pixels(millions: int) -> str:
    return (
        f"bildet oppgir en størrelse på over {millions} millioner piksler, langt mer enn noen skjerm viser "
        "(et ødelagt bilde eller en «dekompresjonsbombe»)"
    )


NOT_AN_IMAGE = "filen er ikke et bilde Pillow kjenner igjen"
IMAGE_BROKEN = "bildet er avkortet eller ødelagt og kan ikke vises"


# ---------------------------------------------------------------------------------------------------------
# More YAML (frontmatter/yaml_source.py) and addresses the site makes itself (project/cross_checks.py)
# ---------------------------------------------------------------------------------------------------------

TAB_IN_INDENT = "tabulator i innrykket; bruk mellomrom til innrykk i YAML"
QUOTE_NOT_CLOSED = "anførselstegnet er ikke lukket; avslutt verdien med samme anførselstegn på samme linje"


def page_the_site_makes(path: str) -> str:
    """How «gir samme adresse (…) som …» names a page the build writes itself."""
    return f"en side nettstedet lager selv ({path})"


# ---------------------------------------------------------------------------------------------------------
# What a field type expects, as «mangler; forventet …» names it (frontmatter/*_fields.py, Field.expected)
# ---------------------------------------------------------------------------------------------------------

EXPECTS_VALUE = "en verdi"
EXPECTS_TEXT = "tekst"
EXPECTS_DATE = "en dato på formen ÅÅÅÅ-MM-DD"
EXPECTS_DAY_OR_TIME = "en dato ÅÅÅÅ-MM-DD, eventuelt med norsk klokkeslett: ÅÅÅÅ-MM-DD TT:MM"
EXPECTS_EVENT_TIME = "en dato ÅÅÅÅ-MM-DD eller dato og klokkeslett ÅÅÅÅ-MM-DD TT:MM"
EXPECTS_INTEGER = "et heltall"
EXPECTS_TRUE_OR_FALSE = "true eller false"
EXPECTS_HTTPS_ADDRESS = "en adresse som begynner med https://"
EXPECTS_EMAIL = "en e-postadresse"
EXPECTS_LIST = "en liste"
EXPECTS_GROUP = "en gruppe av felter"
EXPECTS_DURATION = "en varighet på formen mm:ss eller t:mm:ss"
EXPECTS_MINUTES = "et helt antall minutter"
EXPECTS_FILE_BESIDE = "navnet på en fil ved siden av siden"
EXPECTS_APPLE_CATEGORY = "en kategori fra Apples liste"
EXPECTS_OLD_PATHS = "en liste med gamle adresser"


def expects_one_of(choices: tuple[str, ...]) -> str:
    return " eller ".join(choices)


# ---------------------------------------------------------------------------------------------------------
# mkdocs.yml: the file, the plugin's options, the topic and profession lists (settings.py). Each message
# follows «mkdocs.yml: plugins → kompetansebroen → <option>: », which settings.py puts before it.
# ---------------------------------------------------------------------------------------------------------

_OPTION_TYPE_WORDS = {str: "tekst", int: "et heltall", bool: "true eller false"}


def option_wrong_type(kind: type) -> str:
    """An option of the plugin whose value is not of ``kind`` (str, int or bool)."""
    return f"må være {_OPTION_TYPE_WORDS[kind]}"


def option_unknown(hint: str) -> str:
    """``hint`` is :func:`did_you_mean_hint`'s, or empty."""
    return f"ukjent innstilling{hint}"


TOPICS_NOT_A_LIST = "må være en liste med ett tema per punkt: - name: … og description: …"


def topic_twice(number: int, name: str, first: int) -> str:
    return f"tema nr. {number}: «{name}» står allerede som tema nr. {first}; fjern det ene"


def topic_same_address(number: int, name: str, slug: str, other: str) -> str:
    return f"tema nr. {number}: «{name}» får samme adresse (tema/{slug}/) som «{other}»; gi det ene et annet navn"


def topic_not_a_mapping(number: int) -> str:
    return f"tema nr. {number} må ha name og description, f.eks. - name: Samhandling og description: …"


def topic_unknown_field(number: int, key: str, hint: str) -> str:
    return f"tema nr. {number}: {key}: ukjent felt{hint}"


def topic_field_missing(number: int, key: str) -> str:
    return f"tema nr. {number} mangler {key}"


def topic_field_not_text(number: int, key: str) -> str:
    return f"tema nr. {number}: {key} må være tekst; sett den i anførselstegn"


def topic_name_without_letters(number: int) -> str:
    return f"tema nr. {number}: name må ha minst én bokstav eller ett siffer"


PROFESSIONS_NOT_A_LIST = "må være en liste med én yrkesgruppe per punkt, f.eks. - Sykepleiere"


def profession_not_text(number: int) -> str:
    return f"yrkesgruppe nr. {number} må være tekst, f.eks. - Sykepleiere"


def profession_twice(number: int, name: str, first: int) -> str:
    return f"yrkesgruppe nr. {number}: «{name}» står allerede som nr. {first}; fjern den ene"


def plugin_missing(file_name: str, plugin: str) -> str:
    return f"{file_name}: plugins: {plugin} mangler; legg til - {plugin}: med topics"


def config_file_missing(file_name: str) -> str:
    return f"{file_name}: filen finnes ikke; kjør kommandoen i repoets rotmappe"


def config_file_unreadable(file_name: str, reason: str | None) -> str:
    return f"{file_name}: filen kan ikke leses ({reason})"


def config_yaml_invalid(where: str, problem: object) -> str:
    """``where`` is the file's name, with ``:line`` when YAML knows it."""
    return f"{where}: ugyldig YAML ({problem})"


def config_not_settings(file_name: str, error: object) -> str:
    return f"{file_name}: forventet innstillinger på formen «navn: verdi» ({error})"


def plugin_options_not_settings(file_name: str, plugin_path: str) -> str:
    return f"{file_name}: {plugin_path}: forventet innstillinger på formen «navn: verdi»"


def mkdocs_refused(file_name: str, key: str, reason: str) -> str:
    """MkDocs' own refusal of an option; ``reason`` is MkDocs' first line, in English."""
    return f"{file_name}: {key}: MkDocs godtar ikke innstillingen: {reason}"


# ---------------------------------------------------------------------------------------------------------
# The command line: kompetansebroen-check (make check) and kompetansebroen-newsletter (make newsletter)
# (cli.py)
# ---------------------------------------------------------------------------------------------------------

CHECK_FAILED_SUMMARY = "rett dem og kjør sjekken på nytt."
"""After «N feil funnet; » when make check found mistakes."""


def check_ok(pages: int, regions: list[str], seconds: float) -> str:
    return f"OK: {pages} sider i {len(regions)} områder ({', '.join(regions)}) sjekket på {seconds:.2f} s"


NEWSLETTER_ARGUMENTS_MISSING = "Skriv området og utgaven: make newsletter REGION=<id> ISSUE=<fil>"


def newsletter_region_unknown(region: str, regions: list[str]) -> str:
    return f"Området «{region}» finnes ikke; områdene er {', '.join(regions) or 'ingen'} (mappene i regions/)"


def newsletter_issue_unknown(issue: str, region: str, issues: list[str], folder: str) -> str:
    return (
        f"Nyhetsbrevet «{issue}» finnes ikke for {region}; utgavene er {', '.join(issues) or 'ingen'} "
        f"(filene i content/{folder}/ og regions/{region}/{folder}/, uten .md)"
    )


def newsletter_issue_not_in_site(issue: str, region: str) -> str:
    return (
        f"Nyhetsbrevet «{issue}» er ikke med i {region} i det bygde nettstedet (et utkast, begrenset "
        f"med regions:, eller lagt til etter bygget); kjør make site REGION={region} og prøv igjen"
    )


def newsletter_not_built(region: str) -> str:
    return f"E-postutgaven er ikke bygget ennå; kjør make site (eller make site REGION={region}) først"


def newsletter_edition_found(subject: str, region: str, html: str, text: str, message: str) -> str:
    """Where the three files of an issue's e-mail edition are, one line each under a heading."""
    return (
        f"E-postutgaven av «{subject}» for {region}:\n"
        f"  HTML til e-posttjenesten:  {html}\n"
        f"  ren tekst:                 {text}\n"
        f"  hele meldingen (.eml):     {message}"
    )


# ---------------------------------------------------------------------------------------------------------
# The newsletter's fields in region.yml: the sign-up page and the unsubscribe address
# (frontmatter/newsletter_fields.py)
# ---------------------------------------------------------------------------------------------------------

EXPECTS_UNSUBSCRIBE = "en mailto:- eller https://-adresse"


def signup_not_https(value: str, name: str, secure: str) -> str:
    return (
        f"«{value}» er ikke en sikker adresse (https); leserne skriver e-postadressen sin der, "
        f"så skriv {name}: {secure}"
    )


def unsubscribe_form_hint(example: str) -> str:
    """What the browser editor's form says under a wrong unsubscribe address."""
    return f"Skriv en adresse som begynner med mailto: eller https://, f.eks. {example}"


def unsubscribe_has_blanks(value: str, name: str, example: str) -> str:
    return (
        f"«{value}» har mellomrom eller linjeskift, som en adresse ikke kan ha; "
        f"skriv hele adressen på én linje uten mellomrom (%20 for et mellomrom), f.eks. {name}: {example}"
    )


def unsubscribe_mailto_not_email(address: str, name: str, example: str) -> str:
    return f"«{address}» etter mailto: er ikke en e-postadresse; skriv f.eks. {name}: {example}"


def unsubscribe_neither(value: str, name: str, fixed: str) -> str:
    return (
        f"«{value}» er verken en mailto:-adresse eller en https-adresse, som e-postprogrammene "
        f"trenger for å melde av; skriv {name}: {fixed}"
    )


# ---------------------------------------------------------------------------------------------------------
# What a newsletter issue's e-mail edition cannot show (project/email_checks.py)
# ---------------------------------------------------------------------------------------------------------

EMAIL_MEDIA_WORDS = {"video": "video", "audio": "lyd"}
"""How the message below names an ``<video>`` and an ``<audio>`` element."""


def email_media_embedded(kind: str, tag: str) -> str:
    """``kind`` is :data:`EMAIL_MEDIA_WORDS`' word for ``tag``."""
    return (
        f"innebygd {kind} (<{tag}>) kan ikke spilles i e-postutgaven av nyhetsbrevet; "
        f"lenk til {kind}en i stedet, f.eks. [Se filmen](../film/navn.md)"
    )


def email_raw_html(tag: str) -> str:
    return (
        f"rå HTML (<{tag}>) kan ikke sendes i e-postutgaven av nyhetsbrevet, der e-postprogrammene "
        "fjerner den; skriv vanlig Markdown, eller lenk til en side som har innholdet"
    )


def email_image_without_alt(name: str, src: str) -> str:
    return (
        f"bildet «{name}» mangler alternativ tekst, som e-postprogrammer viser når de ikke laster bilder; "
        f"skriv hva bildet viser mellom klammene, f.eks. ![To sykepleiere i samtale]({src})"
    )


def email_image_too_large(name: str, megabytes: float) -> str:
    size = f"{megabytes:.1f}".replace(".", ",")
    return (
        f"bildet «{name}» er {size} MB, og e-postutgaven av nyhetsbrevet tåler bilder på høyst 1 MB "
        "(mange e-postprogrammer kutter eller blokkerer større); gjør bildet mindre, f.eks. 1200 px bredt "
        "som JPEG"
    )


def email_table_too_wide(heading: str, columns: int, width: int, email_width: int, text_width: int) -> str:
    return (
        f"tabellen som begynner med «{heading}» har {columns} kolonner og blir minst {width} px bred, "
        f"men e-postutgaven av nyhetsbrevet er {email_width} px (og {text_width} px til teksten); "
        "del den i mindre tabeller, eller skriv den som en liste"
    )


# ---------------------------------------------------------------------------------------------------------
# The build (make site, mkdocs build/serve): why it stops, and what an editor of the admin pages is told
# (mkdocs_adapter/: failures.py, plugin.py, root_build.py, slots_only.py, admin_files.py)
# ---------------------------------------------------------------------------------------------------------


def build_stopped(count: int) -> str:
    """The last line of a build that found mistakes in the content, after one line per mistake."""
    return f"{count} feil i innholdet; ingenting er publisert, og forrige versjon av nettstedet står urørt."


def region_unknown(region: str, known: list[str]) -> str:
    return f"ukjent område «{region}»; kjente områder: {', '.join(known)}"


def region_build_failed(region: str, reason: str) -> str:
    return f"område {region}: {reason}"


def regions_not_built(failed: int, regions: int) -> str:
    return f"{failed} av {regions} områder kunne ikke bygges; ingenting er publisert."


def region_value_outside_slot(where: str, name: str, fix: str) -> str:
    """A shared page's template prints ``kb.<name>`` outside a slot; ``where`` is «mal, linje N: » or empty."""
    return (
        f"{where}kb.{name} er ulik fra område til område og kan ikke skrives i sidemalen: "
        f"siden gjengis én gang for alle områdene (mellomlagret, og kopiert til områdene som stempler "
        f"den), så ett områdes verdi ville stått i de andres sider. Skriv kb.{name} i en områdedel i stedet: {fix}."
    )


def template_line(template: str, line: int) -> str:
    return f"{template}, linje {line}: "


def slot_printed_as(part_name: str, part: str) -> str:
    """One way to write a region's value in a region part, as :func:`region_value_outside_slot` offers it."""
    return f"{part_name} (skrives ut med {{{{ kb.slots.{part} }}}})"


def one_of(choices: list[str]) -> str:
    return " eller ".join(choices)


ADMIN_WITHOUT_DECAP = (
    "Nettleserredigering (/admin/) er ikke bygget: Decap CMS mangler i node_modules/; "
    "kjør make site med Node.js og npm installert"
)
ADMIN_WITHOUT_CMS = "Nettleserredigering uten cms: i mkdocs.yml: /admin/ virker bare lokalt med make edit"


# ---------------------------------------------------------------------------------------------------------
# Publishing the build into site/: the lock, the swap, what a build that died left, the cache
# (output/staging.py, output/cache_store.py)
# ---------------------------------------------------------------------------------------------------------

FILE_ERROR_REASONS = {
    errno.EACCES: "ingen skrivetilgang",
    errno.EPERM: "ingen tilgang",
    errno.EROFS: "filsystemet er skrivebeskyttet",
    errno.EISDIR: "det er en mappe",
    errno.ENOTDIR: "en del av stien er en fil, ikke en mappe",
    errno.ENOSPC: "disken er full",
    errno.EBUSY: "den er i bruk",
}
"""Why an operation on a file failed, for the common causes; others keep the system's own words."""


def site_not_swapped_in(final: object, reason: str) -> str:
    return (
        f"{final}: det nye nettstedet kunne ikke settes inn ({reason}); "
        "det forrige står urørt. Rett tilgangen og bygg på nytt"
    )


def old_site_not_deleted(old: object, reason: str) -> str:
    return f"kompetansebroen: den forrige versjonen ({old}) kunne ikke slettes ({reason}); slett den selv"


def leftover_not_deleted(path: object, reason: str) -> str:
    return (
        f"{path}: en rest fra et tidligere bygg kan ikke slettes ({reason}); slett den selv, og bygg på nytt"
    )


def site_folder_read_only(folder: object, final: object) -> str:
    return (
        f"{folder}: mappen er skrivebeskyttet, så bygget kan ikke bytte ut det publiserte "
        f"nettstedet; gi brukeren som bygger skrivetilgang (chmod -R u+w {final}) og bygg på nytt"
    )


def staging_not_deleted(staging: object, reason: str) -> str:
    return f"kompetansebroen: {staging} kunne ikke slettes ({reason}); slett den selv"


def lock_file_unusable(path: object, reason: str) -> str:
    return (
        f"{path}: låsefilen som hindrer to bygg samtidig kan ikke åpnes ({reason}); "
        "fjern det som står der, eller gi skrivetilgang, og bygg på nytt"
    )


def build_still_locked(lock_name: str) -> str:
    return f"et annet bygg av det samme nettstedet pågår fortsatt ({lock_name}); vent til det er ferdig og prøv igjen"


BUILD_WAITS_FOR_LOCK = "kompetansebroen: et annet bygg av nettstedet pågår; venter til det er ferdig"


def cache_unusable(path: object, error: object) -> str:
    return f"kompetansebroen: mellomlageret {path} kan ikke brukes ({error}); bygget fortsetter uten"


def cache_damaged(name: str, error: object) -> str:
    return f"kompetansebroen: mellomlageret {name} var skadet ({error}) og er slettet; bygget fortsetter"


# ---------------------------------------------------------------------------------------------------------
# Making the built site ready for nginx: make deploy-config, make nginx-serve, the redirects of old
# addresses (output/publishing/)
# ---------------------------------------------------------------------------------------------------------


def site_not_built(site_dir: object) -> str:
    return f"{site_dir}: fant ingen index.html; bygg nettstedet først med make site"


def not_safe_in_nginx(text: str) -> str:
    return f"kan ikke skrives trygt i nginx-konfigurasjonen: {text!r}"


def old_address_refused(path: str, problem: str, fixed: str) -> str:
    return f"«{path}»: en gammel adresse {problem}; skriv for eksempel {fixed}"


def old_address_target_not_a_page(path: str, target: str) -> str:
    return f"{path}: målet «{target}» må være en side i området, for eksempel artikler/navn/"


def old_address_region_unknown(path: str, region: str) -> str:
    return f"{path}: ukjent område-id «{region}»"


def old_address_given_twice(path: str, first: str, second: str) -> str:
    return f"{path}: den gamle adressen er gitt to ganger (til {first} og {second}); fjern den ene"


def old_address_is_a_page(relative: str) -> str:
    return f"/{relative}: den gamle adressen er en side på nettstedet; velg en annen adresse"


NGINX_MISSING = "nginx er ikke installert; kjør make nginx (installerer Debians nginx med apt)"


def nginx_refused_config(output: str) -> str:
    return f"nginx godtok ikke konfigurasjonen:\n{output}"


def nginx_stopped(code: object) -> str:
    return f"nginx stoppet med kode {code} før den svarte"


def nginx_not_answering(host: str, port: int, seconds: float) -> str:
    return f"nginx svarte ikke på {host}:{port} innen {seconds:.0f} s"


# ---------------------------------------------------------------------------------------------------------
# The browser editor: mkdocs.yml's cms block (editor/backend.py; settings.py puts «mkdocs.yml: plugins →
# kompetansebroen → cms → » before each line), and make edit (edit.py)
# ---------------------------------------------------------------------------------------------------------

CMS_NOT_SETTINGS = "cms: forventet innstillinger på formen «navn: verdi», f.eks. backend: gitlab"


def cms_not_https(key: str, value: str) -> str:
    return (
        f"cms → {key}: «{value}» er ikke en adresse som begynner med https://; "
        f"skriv f.eks. {key}: https://gitlab.example.no"
    )


def cms_unknown_setting(key: str, known: tuple[str, ...]) -> str:
    return f"cms → {key}: ukjent innstilling; tillatte er {', '.join(known)}"


def cms_not_text(key: str) -> str:
    return f"cms → {key}: må være tekst; skriv den i anførselstegn"


def cms_backend_missing(backends: tuple[str, ...]) -> str:
    return f"cms → backend: mangler; skriv backend: {' eller '.join(backends)}"


def cms_value_unknown(key: str, value: str, choices: tuple[str, ...]) -> str:
    return f"cms → {key}: «{value}» er ukjent; skriv {' eller '.join(choices)}"


CMS_REPO_MISSING = "cms → repo: mangler; skriv gruppe og prosjekt, f.eks. repo: helse/kompetansebroen"


def cms_repo_not_group_project(repo: str) -> str:
    return f"cms → repo: «{repo}» er ikke på formen gruppe/prosjekt; skriv f.eks. repo: helse/kompetansebroen"


def cms_app_id_missing(backend: str) -> str:
    return (
        f"cms → app_id: mangler; {backend} krever en OAuth-applikasjon for innlogging, "
        f"skriv applikasjonens id fra innstillingene i {backend}, f.eks. app_id: 1a2b3c"
    )


EDIT_WITHOUT_DECAP_SERVER = (
    "Redigeringen mangler decap-server: kjør make site først (den installerer Decap med npm)"
)


def edit_region_unknown(region: str, known: list[str]) -> str:
    return f"Ukjent område «{region}»; kjente områder: {', '.join(known)}"


def edit_shared_content(preview_region: str) -> str:
    """What make edit edits without a region: content/, shown in the first region."""
    return f"felles innhold (forhåndsvist i {preview_region})"


def edit_region(region: str) -> str:
    return f"område {region}"


def edit_started(what: str, port: int) -> str:
    return (
        f"\nRedigering av {what}: åpne http://127.0.0.1:{port}/admin/ i nettleseren "
        f"(forhåndsvisning: http://127.0.0.1:{port}/). Stopp med Ctrl-C.\n"
    )


# ---------------------------------------------------------------------------------------------------------
# Why a path is not an old address (text/old_paths.py; put inside old_path_invalid and
# old_address_refused), and the summary under a list of problems (problems.py)
# ---------------------------------------------------------------------------------------------------------

OLD_PATH_FULL_ADDRESS = "er en full nettadresse, men bare stien hører hjemme her"
OLD_PATH_QUERY_OR_FRAGMENT = (
    "har en del med ? eller #, som ikke hører til adressen (området leses fra ?o= av serveren)"
)
OLD_PATH_NO_SLASH = "må begynne med /"
OLD_PATH_BLANKS = "har mellomrom"
OLD_PATH_HOME = "er forsiden, som ikke kan være en gammel adresse"
OLD_PATH_EMPTY_SEGMENTS = "har tomme ledd, . eller .."
OLD_PATH_CHARACTERS = "kan bare ha bokstavene a–z, sifre og - _ . ~ mellom skråstrekene (ikke æ, ø, å, %-koder eller andre tegn)"
OLD_PATH_GZ = "slutter på .gz, som er endelsen til de komprimerte filene nettstedet lager"
OLD_PATH_INDEX = "slutter på index.html, som serveren legger til selv"


def not_utf8(subject: str) -> str:
    """One wording for a text file that is not UTF-8, whether the page itself («filen») or a file it names."""
    return (
        f"{subject} er ikke UTF-8; lagre den som UTF-8 (i de fleste redigeringsprogram: «Lagre som» → UTF-8)"
    )


NOTHING_PUBLISHED = "ingenting er publisert."


def problems_found(count: int, summary: str) -> str:
    """The last line under the problems: ``summary`` says what happens now (nothing published; fix and rerun)."""
    return f"{count} feil funnet; {summary}"


# ---------------------------------------------------------------------------------------------------------
# What the browser editor's form says under a value of the wrong form (a field's ``form()`` pattern in
# frontmatter/fields.py and learning_fields.py; the hints always shown under a field stay with it)
# ---------------------------------------------------------------------------------------------------------


def form_https_address(example: str) -> str:
    return f"Skriv en adresse som begynner med https://, f.eks. {example}"


def form_email(example: str) -> str:
    return f"Skriv en e-postadresse, f.eks. {example}"


def form_duration(example: str) -> str:
    return (
        f"Skriv minutter og sekunder (mm:ss) eller timer, minutter og sekunder (t:mm:ss), f.eks. {example} "
        "eller 1:02:03"
    )


def form_file_wrong_kind(what: str, extensions: tuple[str, ...]) -> str:
    return f"Filen er ikke {what}; velg en fil som slutter på {' eller '.join(extensions)}"


# ---------------------------------------------------------------------------------------------------------
# The preview: make serve (preview.py)
# ---------------------------------------------------------------------------------------------------------

PREVIEW_DESCRIPTION = "Forhåndsvisning av ett område, oppdatert ved hver lagring"
PREVIEW_REGION_HELP = "området som vises (en mappe i regions/)"
PREVIEW_PORT_HELP = "porten på 127.0.0.1"
PREVIEW_CANNOT_BUILD = "Forhåndsvisningen kan ikke bygges"
PREVIEW_FIX_AND_SAVE = "Rett dette og lagre, så lastes siden inn på nytt:"
PREVIEW_STOPPED = "Forhåndsvisningen er stoppet."
PREVIEW_STILL_BUILDING = "Forhåndsvisningen bygger fortsatt; last siden inn på nytt om litt."
PREVIEW_UPDATED = "oppdatert"
PREVIEW_CONTENT_PROBLEMS = "feil i innholdet (se over)"


def preview_unknown_region(region: str, regions: list[str]) -> str:
    return f"Ukjent område «{region}»; kjente områder: {', '.join(regions)}"


def preview_ready(region: str, url: str, seconds: float) -> str:
    return f"Forhåndsvisning av {region}: {url} (bygd på {seconds:.1f} s). Stopp med Ctrl-C."


def preview_rebuilt(names: list[str], outcome: str, seconds: float) -> str:
    """``names``: the files saved, at most three shown; ``outcome``: updated or problems found."""
    more = " …" if len(names) > 3 else ""
    return f"Endret: {', '.join(names[:3])}{more}; {outcome} på {seconds:.2f} s"
