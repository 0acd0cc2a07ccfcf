"""Norwegian words for the parts of Decap's screens that its own Norwegian translation leaves in English.

Decap 3.8's ``nb_no`` has 162 of the 248 phrases of its English original; a missing one is shown in
English: the Markdown toolbar («Bold», «Italic», «Link»), «Toggle preview», «Add more images».
``kb-admin.js`` lays these over Decap's ``nb_no`` before Decap starts (the admin page hands them over
in ``data-kb-phrases``). A phrase Decap translates already is not here, and a test
(``tests/unit/test_editor_phrases.py``) fails when a new Decap has a phrase neither gives, or when
one here keeps a different ``%{placeholder}`` than the English.
"""

from __future__ import annotations

import json
from typing import Any

LOCALE = "nb_no"
"""Decap's Norwegian (bokmål), the language of the editor (config.yml's ``locale``)."""

NORWEGIAN_PHRASES: dict[str, Any] = {
    "auth": {
        "loginWithAzure": "Logg inn med Azure",
        "loginWithForgejo": "Logg inn med Forgejo",
    },
    "collection": {
        "sidebar": {
            "allCollections": "Alle samlinger",
            "searchIn": "Søk i",
        },
        "collectionTop": {
            "viewAsList": "Vis som liste",
            "viewAsGrid": "Vis som rutenett",
            "searchResults": "Søkeresultater for «%{searchTerm}»",
            "searchResultsInCollection": "Søkeresultater for «%{searchTerm}» i %{collection}",
            "filterBy": "Filtrer etter",
            "groupBy": "Grupper etter",
        },
        "entries": {
            "unpublishedHeader": "Upubliserte innlegg",
        },
        "groups": {
            "other": "Andre",
            "negateLabel": "Ikke %{label}",
        },
    },
    "editor": {
        "editorControl": {
            "field": {
                "widgetLabel": "Feltet %{widgetLabel}",
            },
        },
        "editorControlPane": {
            "widget": {
                "invalidPath": "«%{path}» er ikke en gyldig sti",
                "pathExists": "Stien «%{path}» finnes allerede",
            },
            "i18n": {
                "writingInLocale": "Skriver på %{locale}",
                "copyFromLocale": "Fyll inn fra et annet språk",
                "copyFromLocaleConfirm": (
                    "Vil du fylle inn innholdet fra %{locale}?\nAlt som står her nå, blir skrevet over."
                ),
            },
        },
        "editorInterface": {
            "toggleI18n": "Vis eller skjul språkene",
            "togglePreview": "Vis eller skjul forhåndsvisningen",
            "toggleScrollSync": "Rull begge sider sammen",
            "toggleNotes": "Vis eller skjul notatene",
        },
        "editorNotesPane": {
            "title": "Notater",
            "emptyState": "Ingen notater ennå. Skriv det første nedenfor.",
            "addNote": "Legg til notat",
            "addPlaceholder": "Skriv et notat …",
            "editPlaceholder": "Endre notatet …",
            "save": "Lagre",
            "cancel": "Avbryt",
            "edit": "Endre",
            "delete": "Slett",
            "resolve": "Merk som løst",
            "unresolve": "Merk som uløst",
            "confirmDelete": "Er du sikker på at du vil slette notatet?",
            "shortcut": "Tips: Ctrl+Enter legger til notatet",
        },
        "editorToolbar": {
            "statusInfoTooltipDraft": (
                "Innlegget er en kladd. Sett status til «Til godkjenning» når det er klart til å gjennomgås."
            ),
            "statusInfoTooltipInReview": (
                "Innlegget er til godkjenning, og du trenger ikke gjøre mer. Du kan likevel endre det mens det"
                " gjennomgås."
            ),
        },
        "editorWidgets": {
            "markdown": {
                "bold": "Fet",
                "italic": "Kursiv",
                "strikethrough": "Gjennomstreket",
                "code": "Kode",
                "link": "Lenke",
                "linkPrompt": "Skriv inn adressen lenken skal gå til",
                "headings": "Overskrifter",
                "quote": "Sitat",
                "bulletedList": "Punktliste",
                "numberedList": "Nummerert liste",
                "addComponent": "Sett inn en del",
                "toggleMode": {
                    "rich": "Bytt til riktekst",
                    "markdown": "Bytt til Markdown",
                },
            },
            "image": {
                "chooseMultiple": "Velg bilder",
                "chooseUrl": "Sett inn fra en adresse",
                "replaceUrl": "Bytt ut med en adresse",
                "promptUrl": "Skriv inn adressen til bildet",
                "addMore": "Legg til flere bilder",
                "removeAll": "Fjern alle bildene",
            },
            "file": {
                "chooseUrl": "Sett inn fra en adresse",
                "chooseMultiple": "Velg filer",
                "replaceUrl": "Bytt ut med en adresse",
                "promptUrl": "Skriv inn adressen til filen",
                "addMore": "Legg til flere filer",
                "removeAll": "Fjern alle filene",
            },
            "datetime": {
                "setToNow": "Sett %{fieldLabel} til nå",
            },
            "list": {
                "add": "Legg til %{item}",
                "addType": "Legg til %{item}",
            },
            "object": {
                "expand": "Vis",
                "collapse": "Skjul",
            },
        },
    },
    "mediaLibrary": {
        "mediaLibraryCard": {
            "copy": "Kopier",
            "copyUrl": "Kopier adressen",
            "copyPath": "Kopier stien",
            "copyName": "Kopier navnet",
            "copied": "Kopiert",
        },
        "mediaLibraryModal": {
            "close": "Lukk",
        },
    },
    "ui": {
        "settingsDropdown": {
            "account": "Kontoen din",
        },
        "toast": {
            "noteAdded": "Notatet er lagt til",
            "onFailToAddNote": "Notatet ble ikke lagt til: %{details}",
            "noteUpdated": "Notatet er endret",
            "onFailToUpdateNote": "Notatet ble ikke endret: %{details}",
            "noteDeleted": "Notatet er slettet",
            "onFailToDeleteNote": "Notatet ble ikke slettet: %{details}",
            "noteResolved": "Notatet er merket som løst",
            "noteReopened": "Notatet er åpnet igjen",
            "onFailToToggleNote": "Notatet ble ikke merket: %{details}",
            "onLoggedOut": "Du er logget ut. Ta vare på det du har skrevet, og logg inn igjen.",
            "onBackendDown": "Tjenesten bak redigeringen er nede. Se %{details} for mer.",
        },
    },
}
"""Decap's phrase tree (the shape of its locale files), only the phrases its ``nb_no`` lacks."""


def phrases_json() -> str:
    """The phrases as the admin page hands them to ``kb-admin.js``."""
    return json.dumps(NORWEGIAN_PHRASES, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
