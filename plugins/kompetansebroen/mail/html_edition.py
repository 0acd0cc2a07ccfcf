"""An issue as an HTML e-mail: MJML's layout rendered by MRML, then every style moved inline.

Mail programs are not browsers: Outlook for Windows lays out with Word, Gmail
drops a ``<style>`` in some of its apps, and most strip what they do not
know. MJML (through ``mjml-python``, MRML's Rust port, no Node) writes the
tables, Outlook's conditional comments and the fluid 600 px column that mail
programs need; ``css-inline`` then moves the rules of the body's style sheet
into ``style`` attributes, so the edition looks right where ``<style>`` is
stripped. Only ``@media`` rules stay in ``<style>`` (they cannot be inline):
the phone and dark-mode refinements; without them the column is still fluid
and the colours still readable.

Colours are given both ways (and the head says so, ``color-scheme: light dark``,
so that mail programs that honour it show ours rather than inverting): light by default, dark under
``prefers-color-scheme: dark`` (``!important``, to win over the inline
light ones), and every text colour with its own background, so a mail
program that inverts colours inverts pairs, never one half of a pair.
"""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import css_inline
import mjml

from ..text.dates import norwegian_date
from .body import mail_body
from .issue import MailIssue

WIDTH = 600
PADDING = 24
CONTENT_WIDTH = WIDTH - 2 * PADDING
"""The widest an image of the body is shown (552 px)."""

FONT = "Arial, Helvetica, sans-serif"
"""System fonts only: a web font would be a request to another host."""

# Light and dark palettes; each pair is at least 4.5:1 (WCAG AA for body text).
PAGE_BG, PAGE_BG_DARK = "#eef1f4", "#0d1117"
CARD_BG, CARD_BG_DARK = "#ffffff", "#161b22"
TEXT, TEXT_DARK = "#1f2328", "#e6edf3"
MUTED, MUTED_DARK = "#4a5561", "#b1bac4"
LINK, LINK_DARK = "#0b5394", "#8cc4ff"
BAND_BG, BAND_TEXT = "#0b3d5c", "#ffffff"
"""The header band is dark in both schemes."""

BODY_CSS = f"""
.kb-body h2 {{ font-size: 20px; line-height: 1.3; margin: 24px 0 8px; color: {TEXT}; }}
.kb-body h3 {{ font-size: 17px; line-height: 1.3; margin: 20px 0 6px; color: {TEXT}; }}
.kb-body p {{ margin: 0 0 14px; }}
.kb-body ul, .kb-body ol {{ margin: 0 0 14px; padding-left: 22px; }}
.kb-body li {{ margin: 0 0 6px; }}
.kb-body a {{ color: {LINK}; text-decoration: underline; }}
.kb-body img {{ display: block; max-width: 100%; height: auto; border: 0; }}
.kb-body blockquote {{ margin: 0 0 14px; padding: 0 0 0 12px; border-left: 4px solid {MUTED}; }}
.kb-body table {{ border-collapse: collapse; margin: 0 0 14px; }}
.kb-body th, .kb-body td {{ border: 1px solid {MUTED}; padding: 6px 8px; text-align: left; vertical-align: top; }}
.kb-body code {{ font-family: Consolas, 'Courier New', monospace; font-size: 14px; }}
.kb-foot a {{ color: {LINK}; text-decoration: underline; }}
.kb-top a {{ color: {LINK}; text-decoration: underline; }}
"""

DARK_CSS = f"""
@media (prefers-color-scheme: dark) {{
  .kb-page, .kb-page > table {{ background: {PAGE_BG_DARK} !important; }}
  .kb-card, .kb-card > table, .kb-card > table > tbody > tr > td {{ background: {CARD_BG_DARK} !important; }}
  .kb-card div, .kb-card h2, .kb-card h3, .kb-card p, .kb-card li, .kb-card td, .kb-card th
    {{ color: {TEXT_DARK} !important; }}
  .kb-card a {{ color: {LINK_DARK} !important; }}
  .kb-card .kb-muted, .kb-card .kb-muted p {{ color: {MUTED_DARK} !important; }}
}}
"""

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_BODY_PLACEHOLDER = "kompetansebroen-issue-body-placeholder"


def html_edition(issue: MailIssue) -> str:
    """The complete HTML e-mail of one issue in one region.

    MRML lays out the frame around a placeholder, and the issue's body is put in its place
    before the styles are inlined: MRML's parser stops at HTML it finds malformed, while
    css-inline parses as browsers do.
    """
    rendered = mjml.mjml2html(_mjml(issue), disable_comments=True, fonts={})
    before, placeholder, after = rendered.partition(_BODY_PLACEHOLDER)
    if not placeholder:
        raise ValueError("MRML's output lost the body's placeholder")
    rendered = before + prepared_body(issue) + after
    inliner = css_inline.CSSInliner(
        keep_at_rules=True, load_remote_stylesheets=False, extra_css=BODY_CSS + DARK_CSS
    )
    return inliner.inline(rendered).rstrip("\n") + "\n"


def prepared_body(issue: MailIssue) -> str:
    """The issue's body as the mail shows it: images sized, no page heading or permalink anchors."""
    body = mail_body(issue.body_html)
    return _IMG.sub(lambda match: _sized_image(match.group(0), issue), body)


def _mjml(issue: MailIssue) -> str:
    title = escape(issue.title)
    date = norwegian_date(issue.published_at.date())
    links = _footer_links(issue)
    return f"""<mjml lang="nb">
  <mj-head>
    <mj-title>{title}</mj-title>
    <mj-preview>{escape(issue.description)}</mj-preview>
    <mj-raw>
      <meta name="color-scheme" content="light dark">
      <meta name="supported-color-schemes" content="light dark">
    </mj-raw>
    <mj-attributes>
      <mj-all font-family="{FONT}" />
      <mj-text font-size="16px" line-height="1.5" color="{TEXT}" padding="0 {PADDING}px" />
    </mj-attributes>
  </mj-head>
  <mj-body width="{WIDTH}px" background-color="{PAGE_BG}" css-class="kb-page">
    <mj-wrapper padding="16px 0" background-color="{PAGE_BG}" css-class="kb-page">
      <mj-section background-color="{BAND_BG}" padding="16px 0">
        <mj-column>
          <mj-text color="{BAND_TEXT}" font-size="22px" font-weight="bold" line-height="1.3">
            {escape(issue.site_name)} <span style="font-weight:normal;">{escape(issue.region_name)}</span>
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section background-color="{CARD_BG}" padding="20px 0 8px" css-class="kb-card">
        <mj-column>
          <mj-text color="{MUTED}" font-size="14px" css-class="kb-top kb-muted">
            <p style="margin:0 0 8px;">Nyhetsbrev · {escape(date)}</p>
          </mj-text>
          <mj-text font-size="26px" line-height="1.25" font-weight="bold">
            <h1 style="font-size:26px;line-height:1.25;margin:0 0 8px;">{title}</h1>
          </mj-text>
          <mj-text font-size="14px" css-class="kb-top">
            <p style="margin:0 0 4px;"><a href="{escape(issue.web_url)}">Les nyhetsbrevet i nettleseren</a></p>
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section background-color="{CARD_BG}" padding="8px 0 16px" css-class="kb-card">
        <mj-column>
          <mj-text css-class="kb-body">
            {_BODY_PLACEHOLDER}
          </mj-text>
        </mj-column>
      </mj-section>
      <mj-section background-color="{CARD_BG}" padding="0 0 20px" css-class="kb-card">
        <mj-column>
          <mj-divider border-color="{MUTED}" border-width="1px" padding="0 {PADDING}px 16px" />
          <mj-text color="{MUTED}" font-size="14px" css-class="kb-foot kb-muted">
            {links}
          </mj-text>
        </mj-column>
      </mj-section>
    </mj-wrapper>
  </mj-body>
</mjml>
"""


def _footer_links(issue: MailIssue) -> str:
    """Where the issue came from, the archive, how to subscribe and unsubscribe, the feeds."""

    def link(url: str, text: str) -> str:
        return f'<a href="{escape(url)}">{escape(text)}</a>'

    paragraphs = [
        f"Du får dette nyhetsbrevet fra {escape(issue.from_name)}.",
        f"{link(issue.archive_url, 'Alle utgaver i nyhetsbrevarkivet')}.",
    ]
    if issue.signup_url:
        paragraphs.append(f"Fikk du brevet videresendt? {link(issue.signup_url, 'Abonner på nyhetsbrevet')}.")
    if issue.unsubscribe:
        paragraphs.append(f"{link(issue.unsubscribe, 'Meld deg av nyhetsbrevet')}.")
    paragraphs.append(
        f"Uten e-post: følg nyhetsbrevet som {link(issue.rss_url, 'RSS')} eller {link(issue.atom_url, 'Atom')}."
    )
    return "".join(f'<p style="margin:0 0 8px;">{text}</p>' for text in paragraphs)


def _sized_image(tag: str, issue: MailIssue) -> str:
    """An ``<img>`` of the body with its width and height, at most the column's width."""
    attributes = _attributes(tag)
    src = attributes.get("src") or ""
    size = issue.image_sizes.get(src)
    width, height = size if size else (CONTENT_WIDTH, CONTENT_WIDTH // 2)
    if width > CONTENT_WIDTH:
        width, height = CONTENT_WIDTH, max(1, round(height * CONTENT_WIDTH / width))
    alt = attributes.get("alt") or ""
    return (
        f'<img src="{escape(src)}" alt="{escape(alt)}" width="{width}" height="{height}"'
        f' style="display:block;width:100%;max-width:{width}px;height:auto;border:0;">'
    )


def _attributes(tag: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}

    class _Reader(HTMLParser):
        def handle_starttag(self, name: str, attrs: list[tuple[str, str | None]]) -> None:
            found.update(attrs)

        handle_startendtag = handle_starttag

    reader = _Reader()
    reader.feed(tag)
    reader.close()
    return found
