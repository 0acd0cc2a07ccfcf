"""A newsletter issue's e-mail edition from plain values: the HTML, the text and the ``.eml``."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from dataclasses import replace
from zoneinfo import ZoneInfo

from kompetansebroen.mail import MailIssue, email_edition
from kompetansebroen.mail.html_edition import CONTENT_WIDTH

from tests.mail_rules import (
    MAX_BYTES,
    addresses,
    forbidden_content,
    html_lang,
    images_without_size_or_alt,
    not_absolute_https,
    preheader,
    read_mail_html,
    read_message,
    style_outside_media_rules,
    text_links,
)

SITE = "https://kb.example/innlandet/"
IMAGE = SITE + "nyhetsbrev/bilder/bro.png"
PAGE_HEAD = (
    '<h1 id="mai">Nyhetsbrev mai<a class="headerlink" href="#mai">¶</a></h1>\n'
    f'<p class="kb-meta">Publisert 22. mai 2024 · Tema: <a href="{SITE}tema/helsefellesskap/">Helsefellesskap</a></p>\n'
)
BODY = (
    PAGE_HEAD + "<p><em>Eksempelutgave.</em></p>\n"
    '<h2 id="innspill">Innspill &amp; plan<a class="headerlink" href="#innspill">¶</a></h2>\n'
    f'<p>Les om <a href="{SITE}artikler/samhandlingsmidler-2008/">samhandlingsmidlene fra 2008</a>, '
    "der den største posten gikk til samarbeid mellom kommuner og DPS.</p>\n"
    "<ul>\n<li>Barn og unge</li>\n<li>Skrøpelige eldre</li>\n</ul>\n"
    f'<p><img alt="Broen over elva" src="{IMAGE}" /></p>\n'
    f'<p>Skriv til <a href="mailto:post@innlandet.example">redaksjonen</a>.</p>\n'
)
ISSUE = MailIssue(
    site_name="Kompetansebroen",
    region_name="Innlandet",
    title="Nyhetsbrev for helsefellesskapene – mai 2024 <&>",
    description="Om innspill til neste nasjonale plan & samarbeidsavtalene.",
    published_at=dt.datetime(2024, 5, 22, 9, 30, tzinfo=ZoneInfo("Europe/Oslo")),
    web_url=SITE + "nyhetsbrev/2024-05-nyhetsbrev/",
    archive_url=SITE + "nyhetsbrev/",
    rss_url=SITE + "nyhetsbrev/rss.xml",
    atom_url=SITE + "nyhetsbrev/atom.xml",
    body_html=BODY,
    message_domain="kb.example",
    sender="kompetansebroen@innlandet.example",
    signup_url="https://nyhetsbrev.innlandet.example/abonner",
    unsubscribe="mailto:avmelding@innlandet.example?subject=Avmelding",
    image_sizes={IMAGE: (1200, 800)},
)
EDITION = email_edition(ISSUE)


def test_every_style_is_inline_and_only_media_rules_stay_in_style_elements() -> None:
    assert style_outside_media_rules(EDITION.html) == []
    styled = [attrs for tag, attrs in read_mail_html(EDITION.html).tags if tag in {"h2", "p", "a", "li"}]
    assert styled and all("style" in attrs for attrs in styled)
    links = [attrs["style"] for tag, attrs in read_mail_html(EDITION.html).tags if tag == "a"]
    assert all("color:" in (style or "").replace(" ", "") for style in links)


def test_no_script_form_frame_web_font_or_style_sheet() -> None:
    assert forbidden_content(EDITION.html) == []
    assert "fonts.googleapis" not in EDITION.html


def test_every_address_is_absolute_https_or_mailto() -> None:
    assert not_absolute_https(EDITION.html) == []
    assert not [url for url in addresses(EDITION.html) if url.startswith("#")]


def test_a_relative_address_would_be_caught() -> None:
    # The check itself can fail: the domain trusts the caller to give absolute addresses.
    broken = email_edition(replace(ISSUE, body_html='<p><a href="../artikler/x/">x</a></p>'))
    assert not_absolute_https(broken.html) == ["a href='../artikler/x/'"]


def test_images_have_alt_width_and_height_no_wider_than_the_column() -> None:
    assert images_without_size_or_alt(EDITION.html) == []
    (image,) = [attrs for tag, attrs in read_mail_html(EDITION.html).tags if tag == "img"]
    assert image["alt"] == "Broen over elva"
    assert (image["width"], image["height"]) == (str(CONTENT_WIDTH), str(round(800 * CONTENT_WIDTH / 1200)))


def test_a_small_image_keeps_its_own_size() -> None:
    small = email_edition(replace(ISSUE, image_sizes={IMAGE: (320, 200)}))
    (image,) = [attrs for tag, attrs in read_mail_html(small.html).tags if tag == "img"]
    assert (image["width"], image["height"]) == ("320", "200")


def test_region_logo_date_web_link_and_archive_are_shown() -> None:
    text = " ".join(" ".join(read_mail_html(EDITION.html).text).split())
    assert "Kompetansebroen Innlandet" in text
    assert "22. mai 2024" in text
    assert "Les nyhetsbrevet i nettleseren" in text
    assert "Alle utgaver i nyhetsbrevarkivet" in text
    assert ISSUE.web_url in addresses(EDITION.html)
    assert ISSUE.archive_url in addresses(EDITION.html)


def test_title_and_description_are_escaped_text() -> None:
    assert "<&>" not in EDITION.html
    assert "mai 2024 &lt;&amp;&gt;" in EDITION.html


def test_both_colour_schemes_are_declared_and_the_dark_one_is_a_media_rule() -> None:
    metas = {
        attrs.get("name"): attrs.get("content")
        for tag, attrs in read_mail_html(EDITION.html).tags
        if tag == "meta"
    }
    assert metas["color-scheme"] == metas["supported-color-schemes"] == "light dark"
    assert "@media (prefers-color-scheme: dark)" in EDITION.html


def test_lang_preheader_and_size() -> None:
    assert html_lang(EDITION.html) == "nb"
    assert preheader(EDITION.html) == "Om innspill til neste nasjonale plan &amp; samarbeidsavtalene."
    assert len(EDITION.html.encode()) < MAX_BYTES


def test_the_page_heading_facts_line_and_permalink_anchors_are_left_out() -> None:
    # The edition has its own heading and date; the page's would repeat them.
    for edition in (EDITION.html, EDITION.text):
        assert "¶" not in edition
        assert "Publisert" not in edition
        assert "Nyhetsbrev mai" not in edition
        assert "tema/helsefellesskap" not in edition
    assert "Eksempelutgave." in EDITION.text


def test_subscribe_and_unsubscribe_links_only_when_the_region_gives_them() -> None:
    assert ISSUE.signup_url in addresses(EDITION.html)
    assert ISSUE.unsubscribe in addresses(EDITION.html)
    without = email_edition(replace(ISSUE, signup_url=None, unsubscribe=None))
    assert "Abonner på nyhetsbrevet" not in without.html
    assert "Meld deg av" not in without.html
    assert ISSUE.rss_url in addresses(without.html)


def test_the_text_holds_every_link_of_the_html() -> None:
    links = set(addresses(EDITION.html, ("href",)))
    assert len(links) >= 8
    assert links <= text_links(EDITION.text)


def test_the_text_is_wrapped_without_breaking_addresses() -> None:
    lines = EDITION.text.splitlines()
    assert all(len(line) <= 72 or "<https://" in line for line in lines)
    assert "Nyhetsbrev · 22. mai 2024" in lines
    assert "Innspill & plan" in lines
    assert "- Barn og unge" in lines
    assert "[Bilde: Broen over elva]" in EDITION.text


def test_the_message_reads_back_with_both_parts() -> None:
    message, text, html = read_message(EDITION.message)
    assert message.get_content_type() == "multipart/alternative"
    assert message["Subject"] == ISSUE.title
    assert message["From"].addresses[0].addr_spec == "kompetansebroen@innlandet.example"
    assert message["From"].addresses[0].display_name == "Kompetansebroen Innlandet"
    assert message["Date"].datetime == ISSUE.published_at
    assert message["List-Unsubscribe"] == "<mailto:avmelding@innlandet.example?subject=Avmelding>"
    assert message["Content-Language"] == "nb"
    # The message's lines end in CRLF, as mail is sent; the files beside it end in LF.
    assert text.replace("\r\n", "\n") == EDITION.text
    assert html.replace("\r\n", "\n") == EDITION.html


def test_no_unsubscribe_header_without_an_address_and_no_from_without_a_sender() -> None:
    message, _, _ = read_message(email_edition(replace(ISSUE, unsubscribe=None, sender=None)).message)
    assert message["List-Unsubscribe"] is None
    assert message["From"] is None


def test_the_same_issue_gives_the_same_bytes_and_another_issue_other_ids() -> None:
    again = email_edition(replace(ISSUE))
    assert again == EDITION
    other = email_edition(replace(ISSUE, title="Nyhetsbrev – juni 2024"))
    message, _, _ = read_message(EDITION.message)
    other_message, _, _ = read_message(other.message)
    assert message["Message-ID"] != other_message["Message-ID"]
    assert message["Message-ID"].endswith("@kb.example>")
    assert message.get_boundary() != other_message.get_boundary()


def test_the_same_bytes_in_another_process() -> None:
    # Hash seeds and dictionary order differ between processes; the bytes may not.
    script = (
        "import sys; sys.path[:0] = ['.']\n"
        "from tests.unit.test_mail import EDITION\n"
        "sys.stdout.buffer.write(EDITION.message)\n"
    )
    other = subprocess.run([sys.executable, "-c", script], capture_output=True, check=True).stdout
    assert other == EDITION.message


def test_html_the_layout_parser_would_refuse_still_makes_an_edition() -> None:
    # MRML stops at malformed HTML; the body is put in after it, where browsers' parsing rules hold.
    broken = email_edition(replace(ISSUE, body_html="<p>Uavsluttet <em>avsnitt & 1 < 2"))
    assert "Uavsluttet" in broken.html and "Uavsluttet avsnitt & 1 < 2" in broken.text


def test_numbered_lists_and_tables_in_the_text() -> None:
    body = (
        "<ol>\n<li>Første</li>\n<li>Andre</li>\n</ol>\n"
        "<table>\n<thead>\n<tr>\n<th>Kommune</th>\n<th>Innbyggere</th>\n</tr>\n</thead>\n"
        "<tbody>\n<tr>\n<td>Hamar</td>\n<td>32000</td>\n</tr>\n</tbody>\n</table>\n"
    )
    text = email_edition(replace(ISSUE, body_html=body)).text
    assert "1. Første\n2. Andre" in text
    assert "Kommune | Innbyggere\nHamar | 32000" in text


def test_hostile_values_cannot_add_a_header() -> None:
    hostile = replace(
        ISSUE,
        title="Mai\nBcc: alle@eksempel.no",
        region_name='Nord" <x@y.no>\nBcc: b@c.no',
        sender='post@nord.example){onfocus="x"}',
    )
    message, text, _html = read_message(email_edition(hostile).message)
    assert message["Subject"] == "Mai Bcc: alle@eksempel.no"
    assert message["Bcc"] is None
    assert message["From"] is None  # not an address mail can carry: the sender's program sets its own
    assert "Mai" in text
    named = read_message(email_edition(replace(hostile, sender="post@nord.example")).message)[0]
    assert named["From"].addresses[0].addr_spec == "post@nord.example"
    assert named["Bcc"] is None
