"""The phrase regexes are built for speed (fragments grouped by first letter, one anchored regex per first letter);
on real text they must find exactly what a plain alternation of the fragments finds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cleaner import Pipeline
from cleaner.extract.block_features import _PHRASE_ORDER
from cleaner.extract.segment import segment
from cleaner.shared import phrases
from cleaner.shared.phrases import opening

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CATEGORIES = sorted({c for lang in phrases.languages() for c in phrases._load(lang)})
OPENING_ORDER = _PHRASE_ORDER  # the order the block features look for the phrase lists in
# starts that exercise the first-letter lookup: non-word characters before the phrase, capitals, no letter at all
CRAFTED = [
    "  -- Subscribe to our newsletter",
    "...Sign up now",
    "SHARE",
    "Share",
    "© 2024 Example",
    "1 min read",
    "",
    "   ",
    "____",
    "İstanbul",
    "メールマガジン登録はこちら",
    "(Photo: Jane Doe)",
    "Related: more",
    # phrases that open with a group ('(?:meld je aan|abonneer je|…)') or an optional one ('(?:e-?)?bülten…')
    "Meld je aan voor onze nieuwsbrief",
    "Abonneer je op de nieuwsbrief",
    "E-bültenimize abone ol",
    "Bültenimize abone ol",
    "Please support our journalism",
    "Support independent journalism",
    "Other stories you might like",
    "Stories you may enjoy",
    "12 comments",
]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """Every candidate block of the sample pages and every line of the sample text dumps."""
    pipeline = Pipeline()
    found: list[str] = []
    for page in sorted((SAMPLES / "html").glob("*.html")):
        doc = pipeline.prepare(page.read_bytes())
        if doc is not None and doc.tree is not None:
            found += [c.text for c in segment(doc.tree)]
    for dump in sorted((SAMPLES / "text").glob("*.txt")):
        found += dump.read_text("utf-8").splitlines()
    return found + CRAFTED


def _plain(fragments: list[str], anchored: bool) -> re.Pattern[str]:
    """The fragments one after the other, those that begin with a word character only at a word start."""
    if anchored:
        return re.compile(rf"^\W{{0,3}}(?:{'|'.join(f'(?:{f})' for f in fragments)})", re.I)
    words = [f for f in fragments if phrases._WORD_START.match(f)]
    others = [f"(?:{f})" for f in fragments if not phrases._WORD_START.match(f)]
    word_part = [rf"(?<!\w)(?:{'|'.join(f'(?:{f})' for f in words)})"] if words else []
    return re.compile("|".join([*word_part, *others]), re.I)


@pytest.mark.parametrize("category", CATEGORIES)
def test_grouped_phrase_regex_finds_what_a_plain_alternation_finds(category: str, texts: list[str]) -> None:
    for anchored in (False, True):
        fast, plain = phrases.pattern(category, anchored=anchored), _plain(phrases.phrases(category), anchored)
        for text in texts:
            found, expected = fast.search(text), plain.search(text)
            assert (found and found.span()) == (expected and expected.span()), (category, anchored, text)


@pytest.mark.parametrize("lowered", [True, False])
def test_opening_names_the_category_one_anchored_regex_names(lowered: bool, texts: list[str]) -> None:
    groups = "|".join(
        f"(?P<{c}>{'|'.join(f'(?:{f})' for f in phrases.phrases(c))})" for c in OPENING_ORDER if phrases.phrases(c)
    )
    plain = re.compile(rf"^\W{{0,3}}(?:{groups})", 0 if lowered else re.I)
    opening = phrases.Opening(OPENING_ORDER, lowered)
    hits = 0
    for text in texts:
        text = text[:160].lower() if lowered else text[:160]
        found, expected = opening.match(text), plain.match(text)
        assert (found and (found.lastgroup, found.span())) == (expected and (expected.lastgroup, expected.span())), text
        hits += expected is not None
    assert hits >= 20  # the samples do open blocks with these phrases


RELATIVE_TIMES = [
    "Jo · 3 years ago",
    "AN HOUR AGO",
    "vor 2 Stunden",
    "hace 3 días",
    "il y a 2 jours",
    "2 giorni fa",
    "3 dagen geleden",
    "2 dni temu",
    "há 3 dias",
    "2 дня назад",
    "3 gün önce",
]


@pytest.mark.parametrize("category", CATEGORIES)
def test_contains_finds_what_the_category_regex_finds(category: str, texts: list[str]) -> None:
    # the quick test of the phrases' literal runs never turns away a text the category's regex matches
    for text in [*texts, *RELATIVE_TIMES, *(t.upper() for t in RELATIVE_TIMES)]:
        assert phrases.contains(category, text) == bool(phrases.pattern(category).search(text)), (category, text)


def test_relative_times_are_found_in_each_language_and_other_short_lines_are_passed_over_quickly() -> None:
    assert all(phrases.contains("relative_time", t) for t in RELATIVE_TIMES)
    anycase, folded = phrases._required("relative_time") or (None, None)
    assert anycase is not None and folded is not None  # each relative time holds a literal word: 'ago', 'vor', 'fa'
    assert not folded.search("posted by jane doe") and not phrases.contains("relative_time", "Posted by Jane Doe")
    assert phrases._literal_run(r"\d{1,3}\s+(?:days?|weeks?)\s+ago\b") == "ago"
    assert phrases._literal_run(r"a\.b(?:c)?d") == "a.b" and phrases._literal_run("war|ist") == ""
    assert phrases._ascii_class("ı") == "[ıi]"  # Turkish dotless i matches 'i' case-insensitively


def test_a_phrase_is_tried_only_on_texts_that_open_with_one_of_its_first_letters() -> None:
    heads = phrases._heads
    assert heads("share", True) == {"s"} and heads("Share", False) == {"S"}
    assert heads("(?:meld je aan|abonneer je|schrijf je in) (?:voor|op)", True) == {"m", "a", "s"}
    assert heads("(?:e-?)?bültenimize abone ol", True) == {"e", "b"}
    assert heads("(?:please )?support (?:us|our work)", True) == {"p", "s"}
    for unknown in ("\\d+ comments?", "[|/·]", "(?:a|b)*c", "(?:x)??y", "(?:a|\\d)c", "war|ist"):
        assert heads(unknown, True) is None, unknown


def test_a_fragment_that_is_itself_an_alternation_keeps_all_its_branches() -> None:
    regex = re.compile(phrases.alternatives(["war|ist", "wir", "sind"], ignorecase=True), re.I)
    assert [bool(regex.match(word)) for word in ("war", "ist", "wir", "sind", "was")] == [True, True, True, True, False]


# Junk lines as pages in German, French, Spanish, Italian, Portuguese, Dutch, Russian, Polish and Turkish print them,
# each found by its own language's phrase list.
LANGUAGE_LINES = [
    ("de", "article_end", "Meistgelesene Artikel"),
    ("de", "article_end", "Schlagwörter:"),
    ("fr", "article_end", "Les plus lus"),
    ("fr", "article_end", "Mots-clés :"),
    ("es", "article_end", "Lo más leído"),
    ("it", "article_end", "I più letti"),
    ("pt", "article_end", "Mais lidas"),
    ("nl", "article_end", "Meer nieuws"),
    ("it", "cookie", "Questo sito utilizza cookie tecnici e di profilazione."),
    ("it", "newsletter", "Iscriviti alla nostra newsletter settimanale"),
    ("it", "related", "Leggi anche: le ultime notizie da Roma"),
    ("it", "comments_heading", "12 commenti"),
    ("it", "relative_time", "Aggiornato 3 ore fa"),
    ("it", "byline", "di Maria Rossi"),
    ("it", "date_label", "Pubblicato il 3 marzo 2024"),
    ("it", "disclaimer", "Riproduzione riservata ©"),
    ("pt", "cookie", "Este site utiliza cookies para melhorar a sua experiência."),
    ("pt", "newsletter", "Assine nossa newsletter"),
    ("pt", "related", "Leia também: o que muda em 2025"),
    ("pt", "comments_heading", "5 comentários"),
    ("pt", "relative_time", "há 2 horas"),
    ("pt", "byline", "Por João Silva"),
    ("pt", "paywall", "Exclusivo para assinantes"),
    ("nl", "cookie", "Deze website gebruikt cookies."),
    ("nl", "newsletter", "Meld je aan voor onze nieuwsbrief"),
    ("nl", "related", "Lees ook: kabinet valt over migratie"),
    ("nl", "comments_heading", "8 reacties"),
    ("nl", "relative_time", "2 uur geleden"),
    ("nl", "byline", "Geschreven door Jan de Vries"),
    ("nl", "date_label", "Laatst bijgewerkt: 14 juni 2015"),
    ("ru", "cookie", "Мы используем файлы cookie, чтобы сайт работал лучше."),
    ("ru", "newsletter", "Подпишитесь на нашу рассылку"),
    ("ru", "related", "Читайте также: что изменится в 2025 году"),
    ("ru", "comments_heading", "12 комментариев"),
    ("ru", "relative_time", "3 часа назад"),
    ("ru", "byline", "Автор: Иван Петров"),
    ("ru", "date_label", "Опубликовано: 14 июня 2015"),
    ("ru", "disclaimer", "Мнение автора может не совпадать с позицией редакции."),
    ("ru", "paywall", "Только для подписчиков"),
    ("pl", "cookie", "Ta strona używa plików cookies."),
    ("pl", "newsletter", "Zapisz się do naszego newslettera"),
    ("pl", "related", "Czytaj także: co zmieni się w 2025 roku"),
    ("pl", "comments_heading", "12 komentarzy"),
    ("pl", "relative_time", "3 godziny temu"),
    ("pl", "byline", "Autor: Jan Kowalski"),
    ("pl", "date_label", "Opublikowano: 14 czerwca 2015"),
    ("tr", "cookie", "Bu site çerezleri kullanmaktadır."),
    ("tr", "newsletter", "Bültenimize abone olun"),
    ("tr", "related", "İlgili haberler"),
    ("tr", "comments_heading", "12 yorum"),
    ("tr", "relative_time", "3 saat önce"),
    ("tr", "date_label", "Yayın tarihi: 14 Haziran 2015"),
    ("tr", "disclaimer", "Tüm hakları saklıdır."),
]
# Lines of content that open with a word a list of these languages starts with: no end marker, related list or media
# kicker of theirs in them, and no user-interface label but a whole word.
CONTENT_OPENERS = [
    ("de", "Kommentar: Die Regierung muss jetzt handeln"),  # an op-ed's label, singular: no comment section
    ("fr", "Commentaire : ce que change la réforme"),
    ("es", "Comentario: lo que cambia con la reforma"),
    ("it", "Commento: la manovra non basta"),
    ("pt", "Comentário: o que muda com a reforma"),
    ("nl", "Reactie van de minister op het rapport"),
    ("ru", "Комментарий эксперта: рынок вырастет"),  # a singular "comment" heading inside an article
    ("pl", "Komentarz eksperta do nowej ustawy"),
    ("tr", "Önerilen değişiklik meclise sunuldu"),
    ("pl", "Polecane przez lekarzy leki wycofano"),
]
LABEL_PREFIXES = [
    ("tr", "Araştırma sonuçları açıklandı"),  # "ara" (search) is a label only as a word
    ("pl", "Odpowiedzialność za wypadek ponosi kierowca"),  # "odpowiedz" (reply)
    ("ru", "Поисковая система обновилась"),  # "поиск" (search)
    ("en", "Arab leaders met in Cairo on Monday"),
]
ANCHORED = {"byline", "date_label", "comments_heading"}  # read at the start of a line, as their users read them
PROSE = {
    "de": "Die Regierung hat den Haushalt nach einer langen Debatte im Parlament beschlossen.",
    "fr": "Le gouvernement a adopté le budget après un long débat au parlement.",
    "es": "El gobierno aprobó el presupuesto tras un largo debate en el parlamento.",
    "it": "Il governo ha approvato la legge di bilancio dopo un lungo dibattito in aula.",
    "pt": "O governo aprovou o orçamento depois de um longo debate no parlamento.",
    "nl": "Het kabinet keurde de begroting goed na een lang debat in de Tweede Kamer.",
    "ru": "Правительство одобрило бюджет после долгих дебатов в парламенте.",
    "pl": "Rząd przyjął budżet po długiej debacie w parlamencie.",
    "tr": "Hükümet, mecliste uzun bir tartışmanın ardından bütçeyi onayladı.",
}


@pytest.mark.parametrize(("language", "category", "line"), LANGUAGE_LINES)
def test_each_language_finds_its_own_junk_lines(language: str, category: str, line: str) -> None:
    anchored = category in ANCHORED
    assert _plain(phrases.phrases(category, (language,)), anchored).search(line)  # that language's list has it
    assert phrases.pattern(category, anchored=anchored).search(line)  # and the shipped regex finds it
    assert not phrases.pattern(category, anchored=anchored).search(PROSE[language])  # but not in plain prose


@pytest.mark.parametrize(("language", "line"), CONTENT_OPENERS)
def test_content_lines_do_not_open_an_end_section_or_a_list(language: str, line: str) -> None:
    categories = ("comments_heading", "article_end", "related", "media_kicker")
    assert not opening(categories, lowered=True).match(line.lower()), language


@pytest.mark.parametrize(("language", "line"), LABEL_PREFIXES)
def test_a_label_of_the_new_languages_opens_a_line_only_as_a_whole_word(language: str, line: str) -> None:
    assert not opening(("ui_label",), lowered=True).match(line.lower()), language


def test_turkish_headings_with_a_dotted_capital_i_are_found_lowercased() -> None:
    assert opening(("article_end",), lowered=True).match("İlgili Haberler".lower())  # "i̇lgili": i + a combining dot


def test_a_page_language_turns_off_the_markers_its_ordinary_words_open() -> None:
    markers = ("article_end", "comments_heading")
    assert opening(markers, lowered=True).match(
        "comment choisir son vélo électrique"
    )  # no language: a comments heading
    assert not opening(markers, lowered=True, language="fr").match("comment choisir son vélo électrique")
    assert opening(markers, lowered=True, language="fr").match("12 commentaires")  # French comments headings stay
    assert opening(markers, lowered=True, language="en").match("comment")
    assert phrases.ordinary_opener("zz") is None and phrases.ordinary_opener(None) is None
