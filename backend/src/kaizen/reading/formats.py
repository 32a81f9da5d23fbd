"""BibTeX and RIS in and out, with no I/O: parsed entries, citation keys, duplicate keys.

Parsing uses bibtexparser 2 (LaTeX accents and braces decoded by its pylatexenc middleware)
and rispy; writing BibTeX is done here so keys, field order and escaping stay stable."""

import logging
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import bibtexparser
import rispy  # type: ignore[import-untyped]
from bibtexparser import middlewares as mw
from bibtexparser.model import Entry

# A broken entry in a user's file is reported in the import's answer, not as a server warning.
logging.getLogger("bibtexparser").setLevel(logging.ERROR)

MAX_TITLE, MAX_VENUE, MAX_AUTHOR, MAX_AUTHORS, MAX_TAGS, MAX_TAG = 500, 300, 200, 100, 30, 40
ARXIV_RE = re.compile(r"(\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(v\d+)?")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
ISBN_RE = re.compile(r"^[0-9Xx\-]{10,17}$")


@dataclass
class Parsed:
    """One entry read from a file, ready to become a reading item."""

    line: int
    title: str
    kind: str = "paper"
    key: str | None = None
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    venue: str | None = None
    url: str | None = None
    arxiv_id: str | None = None
    doi: str | None = None
    isbn: str | None = None
    tags: list[str] = field(default_factory=list)


@dataclass
class EntryError:
    line: int
    message: str


class MalformedFile(ValueError):
    """The file as a whole is not BibTeX/RIS (nothing in it could be read)."""


# ------------------------------------------------------------------------------ normalising


def normalise_title(title: str) -> str:
    """Case, accents, punctuation and spacing removed: the key for duplicate titles."""
    decomposed = unicodedata.normalize("NFKD", title.casefold())
    return "".join(c for c in decomposed if c.isalnum())


def clean_doi(value: str | None) -> str | None:
    if not value:
        return None
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", value.strip(), flags=re.I)
    return doi if DOI_RE.match(doi) and len(doi) <= 200 else None


def find_arxiv_id(*values: str | None) -> str | None:
    for value in values:
        if not value:
            continue
        text = value.strip()
        text = re.sub(r"^(https?://)?(www\.|export\.)?arxiv\.org/(abs|pdf)/", "", text, flags=re.I)
        text = re.sub(r"^arxiv:", "", text, flags=re.I)
        text = re.sub(r"\.pdf$", "", text)
        match = ARXIV_RE.fullmatch(text) or ARXIV_RE.search(
            value if "arxiv" in value.lower() else ""
        )
        if match:
            return match.group(1)
    return None


def clean_isbn(value: str | None) -> str | None:
    if not value:
        return None
    isbn = value.strip().split()[0]
    return isbn if ISBN_RE.match(isbn) else None


def parse_year(value: str | None) -> int | None:
    match = re.search(r"\b(\d{4})\b", value or "")
    return int(match.group(1)) if match and int(match.group(1)) <= 2100 else None


def _one_line(value: str, limit: int) -> str:
    return " ".join(value.split())[:limit]


def _tags(values: Iterable[str]) -> list[str]:
    tags: list[str] = []
    for raw in values:
        for part in re.split(r"[,;]", raw):
            tag = _one_line(part.replace("|", " "), MAX_TAG).strip().lower()
            if tag and tag not in tags:
                tags.append(tag)
    return tags[:MAX_TAGS]


def citation_key(authors: Sequence[str], year: int | None, title: str) -> str:
    """``vaswani2017attention`` style: first author's last name, year, first long title word."""
    last = authors[0].split()[-1] if authors and authors[0].split() else "anon"
    words = [w for w in re.findall(r"\w+", _ascii(title)) if len(w) > 3] or ["item"]
    return re.sub(r"[^a-z0-9]", "", f"{_ascii(last)}{year or ''}{words[0]}".lower())[:60] or "item"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def clean_key(key: str | None) -> str | None:
    """A citation key safe to write back into BibTeX (no spaces, commas or braces)."""
    return re.sub(r"[^\w:.+/-]", "", _ascii(key or ""))[:100] or None


def unique_key(base: str, taken: set[str]) -> str:
    """``base``, else ``base`` + a, b, …, z, aa, …: never one of ``taken``; adds it there."""
    key, n = base, 0
    while key in taken:
        n += 1
        suffix, rest = "", n
        while rest:
            rest, digit = divmod(rest - 1, 26)
            suffix = chr(97 + digit) + suffix
        key = base + suffix
    taken.add(key)
    return key


# ----------------------------------------------------------------------------------- BibTeX

BIB_KINDS = {
    "book": "book",
    "inbook": "chapter",
    "incollection": "chapter",
    "online": "article",
    "electronic": "article",
    "www": "article",
    "webpage": "article",
}
_PARSE_STACK = [
    mw.LatexDecodingMiddleware(),
    mw.SeparateCoAuthors(),
    mw.SplitNameParts(),
]


def _name(parts: mw.NameParts) -> str:
    return " ".join([*parts.first, *parts.von, *parts.last, *parts.jr])


def _bib_entry(entry: Entry) -> Parsed:
    fields = {f.key.lower(): f.value for f in entry.fields}
    text = {k: _one_line(v, 2000) for k, v in fields.items() if isinstance(v, str)}
    title = _one_line(text.get("title", ""), MAX_TITLE)
    if not title:
        raise ValueError("the entry has no title")
    authors: list[str] = []
    for parts in fields.get("author", []) or fields.get("editor", []) or []:
        name = _one_line(
            _name(parts) if isinstance(parts, mw.NameParts) else str(parts), MAX_AUTHOR
        )
        if name and name.lower() != "others":
            authors.append(name)
    kind = BIB_KINDS.get(entry.entry_type.lower(), "paper")
    if text.get("type", "").lower() in ("course", "video", "article", "book", "chapter"):
        kind = text["type"].lower()
    eprint_is_arxiv = (
        text.get("archiveprefix", "").lower() == "arxiv"
        or text.get("eprinttype", "").lower() == "arxiv"
    )
    venue = text.get("journal") or text.get("booktitle") or text.get("publisher")
    arxiv_id = find_arxiv_id(
        text.get("eprint") if eprint_is_arxiv else None, text.get("url"), text.get("journal")
    )
    return Parsed(
        line=(entry.start_line or 0) + 1,
        key=clean_key(entry.key),
        title=title,
        kind=kind,
        authors=authors[:MAX_AUTHORS],
        year=parse_year(text.get("year") or text.get("date")),
        venue=_one_line(venue, MAX_VENUE) if venue else None,
        url=text.get("url") if re.match(r"^https?://\S+$", text.get("url", "")) else None,
        arxiv_id=arxiv_id,
        doi=clean_doi(text.get("doi")),
        isbn=clean_isbn(text.get("isbn")),
        tags=_tags([text.get("keywords", "")]),
    )


def parse_bibtex(text: str) -> tuple[list[Parsed], list[EntryError]]:
    library = bibtexparser.parse_string(  # type: ignore[attr-defined]
        text, append_middleware=_PARSE_STACK
    )
    parsed: list[Parsed] = []
    errors: list[EntryError] = []
    for block in library.failed_blocks:
        message = (
            "duplicate citation key"
            if "Duplicate" in type(block).__name__
            else ("could not parse this entry (unbalanced braces or quotes?)")
        )
        errors.append(EntryError(line=(block.start_line or 0) + 1, message=message))
    for entry in library.entries:
        try:
            parsed.append(_bib_entry(entry))
        except ValueError as exc:
            errors.append(EntryError(line=(entry.start_line or 0) + 1, message=str(exc)))
    if not parsed and not errors:
        raise MalformedFile("No BibTeX entries found")
    errors.sort(key=lambda e: e.line)
    return parsed, errors


_LATEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "~": r"\textasciitilde{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
}


def _bib_value(value: str) -> str:
    """Text escaped for LaTeX, so a reader decoding LaTeX gets exactly ``value`` back."""
    return "".join(_LATEX_ESCAPES.get(char, char) for char in value)


class Citable(Protocol):
    """What an export needs of an item (a ReadingItem row has all of it)."""

    citation_key: str
    kind: str
    title: str
    year: int | None
    venue: str | None
    url: str | None
    arxiv_id: str | None
    doi: str | None
    isbn: str | None

    @property
    def authors(self) -> list[str]: ...

    @property
    def tags(self) -> list[str]: ...


def to_bibtex(items: Iterable[Citable]) -> str:
    chunks = []
    for item in items:
        if item.kind == "book":
            entry_type, venue_field = "book", "publisher"
        elif item.kind == "chapter":
            entry_type, venue_field = "incollection", "booktitle"
        elif item.kind == "paper" and item.venue:
            entry_type, venue_field = "article", "journal"
        elif item.kind == "article":
            entry_type, venue_field = "online", "organization"
        else:
            entry_type, venue_field = "misc", "howpublished"
        fields: list[tuple[str, str]] = [("title", "{" + _bib_value(item.title) + "}")]
        if item.authors:
            fields.append(("author", " and ".join(_bib_value(a) for a in item.authors)))
        if item.year is not None:
            fields.append(("year", str(item.year)))
        if item.venue:
            fields.append((venue_field, _bib_value(item.venue)))
        if item.kind in ("course", "video"):
            fields.append(("type", item.kind))
        if item.doi:
            fields.append(("doi", item.doi))
        if item.arxiv_id:
            fields += [("eprint", item.arxiv_id), ("archiveprefix", "arXiv")]
        if item.isbn:
            fields.append(("isbn", item.isbn))
        if item.url:
            fields.append(("url", item.url.replace("}", "%7D").replace("{", "%7B")))
        if item.tags:
            fields.append(("keywords", _bib_value(", ".join(item.tags))))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        chunks.append(f"@{entry_type}{{{item.citation_key},\n{body}\n}}\n")
    return "\n".join(chunks)


# -------------------------------------------------------------------------------------- RIS

RIS_KINDS = {
    "BOOK": "book",
    "EBOOK": "book",
    "CHAP": "chapter",
    "ECHAP": "chapter",
    "ELEC": "article",
    "BLOG": "article",
    "NEWS": "article",
    "MGZN": "article",
    "WEB": "article",
    "VIDEO": "video",
    "MPCT": "video",
}
RIS_TYPES = {
    "paper": "JOUR",
    "book": "BOOK",
    "chapter": "CHAP",
    "article": "ELEC",
    "video": "VIDEO",
    "course": "GEN",
}


def _first(record: dict[str, object], *keys: str) -> str | None:
    for key in keys:
        value = record.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _ris_author(name: str) -> str:
    last, _, first = name.partition(",")
    return _one_line(f"{first.strip()} {last.strip()}" if first.strip() else last, MAX_AUTHOR)


def parse_ris(text: str) -> tuple[list[Parsed], list[EntryError]]:
    if not re.search(r"^TY  - ", text, flags=re.M):
        raise MalformedFile("No RIS records found (each starts with 'TY  - ')")
    starts = [m.start() for m in re.finditer(r"^TY  - ", text, flags=re.M)]
    parsed: list[Parsed] = []
    errors: list[EntryError] = []
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        chunk = text[start:end]
        line = text.count("\n", 0, start) + 1
        try:
            records = rispy.loads(chunk)
            if len(records) != 1:
                raise ValueError("the record has no end (ER  - )")
            parsed.append(_ris_record(records[0], line))
        except Exception as exc:  # rispy raises bare errors on a broken record
            errors.append(EntryError(line=line, message=str(exc)[:200] or "unreadable record"))
    return parsed, errors


def _ris_record(record: dict[str, object], line: int) -> Parsed:
    title = _one_line(_first(record, "title", "primary_title", "translated_title") or "", MAX_TITLE)
    if not title:
        raise ValueError("the record has no title")
    names = record.get("authors") or record.get("first_authors") or []
    authors = (
        [_ris_author(n) for n in names if isinstance(n, str) and n.strip()]
        if isinstance(names, list)
        else []
    )
    ris_type = str(record.get("type_of_reference", "")).upper()
    kind = RIS_KINDS.get(ris_type, "paper")
    type_of_work = (_first(record, "type_of_work") or "").lower()
    if type_of_work in RIS_TYPES:
        kind = type_of_work
    urls = record.get("urls") or []
    url = (
        next((u for u in urls if isinstance(u, str) and re.match(r"^https?://\S+$", u)), None)
        if isinstance(urls, list)
        else None
    )
    venue = _first(record, "journal_name", "secondary_title", "alternate_title3", "publisher")
    keywords = record.get("keywords") or []
    return Parsed(
        line=line,
        key=clean_key(_first(record, "id")),
        title=title,
        kind=kind,
        authors=authors[:MAX_AUTHORS],
        year=parse_year(_first(record, "year", "publication_year", "date")),
        venue=_one_line(venue, MAX_VENUE) if venue else None,
        url=url[:2000] if url else None,
        arxiv_id=find_arxiv_id(url, _first(record, "note"), venue),
        doi=clean_doi(_first(record, "doi")),
        isbn=clean_isbn(_first(record, "issn")) if kind in ("book", "chapter") else None,
        tags=_tags(k for k in keywords if isinstance(k, str)) if isinstance(keywords, list) else [],
    )


def to_ris(items: Iterable[Citable]) -> str:
    records: list[dict[str, object]] = []
    for item in items:
        record: dict[str, object] = {
            "type_of_reference": RIS_TYPES.get(item.kind, "GEN"),
            "id": item.citation_key,
            "title": item.title,
            "type_of_work": item.kind,
        }
        if item.authors:
            record["authors"] = [_ris_name(a) for a in item.authors]
        if item.year is not None:
            record["year"] = str(item.year)
        if item.venue:
            record["publisher" if item.kind == "book" else "journal_name"] = item.venue
        if item.doi:
            record["doi"] = item.doi
        if item.isbn:
            record["issn"] = item.isbn
        if item.arxiv_id:
            record["note"] = f"arXiv:{item.arxiv_id}"
        if item.url:
            record["urls"] = [item.url]
        if item.tags:
            record["keywords"] = item.tags
        records.append(record)
    return rispy.dumps(records) if records else ""


def _ris_name(name: str) -> str:
    """``Ada Lovelace`` → ``Lovelace, Ada`` (RIS's Last, First)."""
    first, _, last = name.rpartition(" ")
    return f"{last}, {first}" if first else last
