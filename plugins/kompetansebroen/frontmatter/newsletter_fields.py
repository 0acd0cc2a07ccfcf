"""The newsletter's fields in ``region.yml``: where readers sign up, and how a mail program unsubscribes."""

from __future__ import annotations

import re

import yaml

from .. import messages
from .fields import Field, FieldError, FormSpec, Url, read_text

_EMAIL = re.compile(r"[^@\s:/?]+@[^@\s/?]+\.[^@\s/?]+")


class SignupUrl(Url):
    """The region's sign-up page at its mail service: ``https://``, since readers type their address there."""

    example = "https://nyhetsbrev.eksempel.no/abonner"

    def convert(self, name: str, node: yaml.Node) -> str:
        value = super().convert(name, node)
        if not value.lower().startswith("https://"):
            secure = "https://" + value.split("://", 1)[1]
            raise FieldError(messages.signup_not_https(value, name, secure))
        return value


class UnsubscribeAddress(Field):
    """``mailto:`` or ``https://``: the two forms a ``List-Unsubscribe`` header may give."""

    expected = messages.EXPECTS_UNSUBSCRIBE
    example = "mailto:avmelding@eksempel.no"

    def form(self) -> FormSpec:
        message = messages.unsubscribe_form_hint(self.example)
        return {"widget": "string", "pattern": [r"^(mailto:[^@\s]+@[^@\s]+\.[^@\s]+|https://\S+)$", message]}

    def convert(self, name: str, node: yaml.Node) -> str:
        value = read_text(node, f"{name}: {{}}")
        if re.search(r"[\s\x00-\x1f\x7f]", value):
            # It becomes a mail header (List-Unsubscribe): a line break there would start another header.
            raise FieldError(messages.unsubscribe_has_blanks(value.strip(), name, self.example))
        if value.lower().startswith("mailto:"):
            address = value[len("mailto:") :].split("?", 1)[0]
            if not _EMAIL.fullmatch(address):
                raise FieldError(messages.unsubscribe_mailto_not_email(address, name, self.example))
            return value
        if value.lower().startswith("https://"):
            return Url().convert(name, node)
        if _EMAIL.fullmatch(value):
            fix = f"mailto:{value}"
        elif value.lower().startswith("http://"):
            fix = "https://" + value.split("://", 1)[1]
        else:
            fix = self.example
        raise FieldError(messages.unsubscribe_neither(value, name, fix))
