"""The newsletter's fields in ``region.yml``: where readers sign up, and how a mail program unsubscribes."""

from __future__ import annotations

import re

import yaml

from .fields import Field, FieldError, Url, read_text

_EMAIL = re.compile(r"[^@\s:/?]+@[^@\s/?]+\.[^@\s/?]+")


class SignupUrl(Url):
    """The region's sign-up page at its mail service: ``https://``, since readers type their address there."""

    example = "https://nyhetsbrev.eksempel.no/abonner"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if not value.lower().startswith("https://"):
            secure = "https://" + value.split("://", 1)[1]
            raise FieldError(
                f"«{value}» er ikke en sikker adresse (https); leserne skriver e-postadressen sin der, "
                f"så skriv {name}: {secure}"
            )
        return value


class UnsubscribeAddress(Field):
    """``mailto:`` or ``https://``: the two forms a ``List-Unsubscribe`` header may give."""

    expected = "en mailto:- eller https://-adresse"
    example = "mailto:avmelding@eksempel.no"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if re.search(r"[\s\x00-\x1f\x7f]", value):
            # It becomes a mail header (List-Unsubscribe): a line break there would start another header.
            raise FieldError(
                f"«{value.strip()}» har mellomrom eller linjeskift, som en adresse ikke kan ha; "
                f"skriv hele adressen på én linje uten mellomrom (%20 for et mellomrom), f.eks. {name}: {self.example}"
            )
        if value.lower().startswith("mailto:"):
            address = value[len("mailto:") :].split("?", 1)[0]
            if not _EMAIL.fullmatch(address):
                raise FieldError(
                    f"«{address}» etter mailto: er ikke en e-postadresse; skriv f.eks. {name}: {self.example}"
                )
            return value
        if value.lower().startswith("https://"):
            return Url().convert(name, node)
        if _EMAIL.fullmatch(value):
            fix = f"mailto:{value}"
        elif value.lower().startswith("http://"):
            fix = "https://" + value.split("://", 1)[1]
        else:
            fix = self.example
        raise FieldError(
            f"«{value}» er verken en mailto:-adresse eller en https-adresse, som e-postprogrammene "
            f"trenger for å melde av; skriv {name}: {fix}"
        )
