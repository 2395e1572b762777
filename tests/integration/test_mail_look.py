"""Styled HTML e-mail (issue 21 item 11): every message is
multipart/alternative with a plain part and an HTML part that say the
same thing; the HTML part has its styles inline (clients drop <style>),
one button for the main link, the site's colours, a layout that fits a
phone and stays readable in dark mode; what people typed is escaped."""
import html
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
import menteo as m  # noqa: E402
from test_notifications import mship, notify_once  # noqa: E402

m._tests.clear()  # importing test_notifications registered its tests: run only these

EVIL = '<script>alert(1)</script> & "Co" <b>'


def review_mail():
    mentor, mentee = m.signup(), m.signup()
    m.sql("UPDATE users SET display_name = ? WHERE id = ?", "Ada " + EVIL, mentor.user_id)
    # typed text in the row from the start: the stack's notifier scans every second
    mship(mentor, mentee, "cultivation", focus="Focus " + EVIL,
          review_date="UTC_DATE() + INTERVAL 7 DAY")
    notify_once()
    msgs = []
    for _ in range(20):
        msgs = m.mails_to(mentee.email, subject="review", timeout=1)
        if msgs:
            break
        notify_once()
    m.check(msgs, "no review mail")
    return msgs[-1]


def signed_links(text):
    return sorted(set(re.findall(r"https?://[^\s\"'<>]+/link\?t=[0-9a-f]+", text)))


@m.test
def test_both_parts_say_the_same_with_one_styled_button():
    msg = review_mail()
    m.check(msg.get_content_type() == "multipart/alternative", msg.get_content_type())
    kinds = [p.get_content_type() for p in msg.iter_parts()]
    m.check(kinds == ["text/plain", "text/html"], f"parts: {kinds}")
    text, page = m.mail_text(msg), m.mail_html(msg)
    # the same one signed link in both, and the same unsubscribe link
    link = signed_links(text)
    m.check(len(link) == 1 and signed_links(html.unescape(page)) == link,
            f"links: {link} / {signed_links(html.unescape(page))}")
    unsub = [u for u in m.links(text) if "/unsubscribe" in u]
    m.check(unsub and unsub[0] in html.unescape(page), "unsubscribe in both")
    # one button, for that link, styled inline in the site's colour
    buttons = re.findall(r'<a class="btn" style="([^"]+)" href="([^"]+)"', page)
    m.check(len(buttons) == 1, f"one button: {buttons}")
    m.check(html.unescape(buttons[0][1]) == link[0], "the button is the main link")
    m.check("background:#1d5c8c" in buttons[0][0] and "color:#ffffff" in buttons[0][0],
            "the product's primary colour")
    # the same words in both parts
    for words in ("Record the outcome of each goal", "Open the review page",
                  "works once, for 7 days", "Unsubscribe"):
        m.check(words.lower() in text.lower() and words.lower() in page.lower(),
                f"'{words}' in both parts")
    # what people typed: escaped in HTML, as typed in the plain part
    m.check("Focus " + EVIL in text, "the plain part shows the focus as typed")
    m.check("<script>" not in page and "<b>" not in page, "no markup from people")
    m.check(html.escape("Focus " + EVIL, quote=False) in page or
            html.escape("Focus " + EVIL) in page, "the focus escaped in HTML")


@m.test
def test_html_fits_a_phone_and_dark_mode():
    page = m.mail_html(review_mail())
    m.check('name="viewport"' in page, "viewport meta")
    m.check('name="color-scheme" content="light dark"' in page, "declares both schemes")
    m.check("prefers-color-scheme: dark" in page, "dark rules")
    m.check("max-width:600px" in page and "max-width: 480px" in page,
            "a column that narrows on a phone")
    card = re.search(r'<td class="card" style="([^"]+)"', page)
    m.check(card and "background:#ffffff" in card.group(1) and
            "color:#1c2430" in card.group(1), "text and background set together")
    m.check(page.count("<h1") == 1, "the subject as its heading")


if __name__ == "__main__":
    m.main()
