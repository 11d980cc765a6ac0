"""Month names and abbreviations in the languages the date readers know, with each one's number (1-12): data
shared by the metadata's date lines (`metadata.dates`) and the comment stamps (`shared.stamps`)."""

from __future__ import annotations

MONTHS = {
    # en, de, fr, es month names and common abbreviations; it, pt, nl, ru, pl, tr month names
    **{
        m: i
        for i, m in enumerate(
            [
                "january",
                "february",
                "march",
                "april",
                "may",
                "june",
                "july",
                "august",
                "september",
                "october",
                "november",
                "december",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)
    },
    "sept": 9,
    **{
        m: i
        for i, m in enumerate(
            [
                "januar",
                "februar",
                "märz",
                "april",
                "mai",
                "juni",
                "juli",
                "august",
                "september",
                "oktober",
                "november",
                "dezember",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre",
            ],
            1,
        )
    },
    **{
        m: i
        for i, m in enumerate(
            [
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre",
            ],
            1,
        )
    },
    **{
        m: i
        for names in (
            ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno"]
            + ["luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
            ["janeiro", "fevereiro", "março", "abril", "maio", "junho"]
            + ["julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
            ["januari", "februari", "maart", "april", "mei", "juni"]
            + ["juli", "augustus", "september", "oktober", "november", "december"],
            ["января", "февраля", "марта", "апреля", "мая", "июня"]  # ru: "14 июня 2015", the genitive
            + ["июля", "августа", "сентября", "октября", "ноября", "декабря"],
            ["январь", "февраль", "март", "апрель", "май", "июнь"]
            + ["июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь"],
            ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca"]  # pl: "14 czerwca 2015", the genitive
            + ["lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
            ["ocak", "şubat", "mart", "nisan", "mayıs", "haziran"]  # tr
            + ["temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"],
        )
        for i, m in enumerate(names, 1)
    },
}
