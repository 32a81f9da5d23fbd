"""Schema pieces shared by every domain."""

import re
import types
from collections.abc import Collection
from datetime import UTC, date, datetime
from typing import Annotated, Any, ClassVar, Generic, TypeVar, Union, get_args, get_origin
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from kaizen.errors import field_error


def _check_timezone(value: str) -> str:
    if value not in _known_timezones():
        raise ValueError(f"unknown timezone {value!r}; use an IANA name like 'Asia/Kolkata'")
    try:
        ZoneInfo(value)
    except ZoneInfoNotFoundError as exc:  # pragma: no cover - tzdata always ships it
        raise ValueError(f"unknown timezone {value!r}") from exc
    return value


_TIMEZONES: frozenset[str] = frozenset()


def _known_timezones() -> frozenset[str]:
    global _TIMEZONES
    if not _TIMEZONES:
        _TIMEZONES = frozenset(available_timezones())
    return _TIMEZONES


Timezone = Annotated[str, StringConstraints(max_length=64), AfterValidator(_check_timezone)]
MIN_DAY = date(2000, 1, 1)
MAX_DAY = date(2100, 12, 31)


def _check_day(value: date) -> date:
    # Outside these bounds date maths overflows (year 1 or 9999) or walks centuries of days.
    if not MIN_DAY <= value <= MAX_DAY:
        raise ValueError(f"dates must be between {MIN_DAY} and {MAX_DAY}")
    return value


def _check_moment(value: datetime) -> datetime:
    if value.tzinfo is None:
        raise ValueError("give a timezone, e.g. 2027-01-01T00:00:00Z")
    # The local date is checked first: converting year 9999 to UTC would overflow.
    _check_day(value.date())
    _check_day(value.astimezone(UTC).date())
    return value


# Every date or timestamp a client sends goes through these.
Day = Annotated[date, AfterValidator(_check_day)]
Moment = Annotated[datetime, AfterValidator(_check_moment)]

MAX_ID = 2**31 - 1
# An id in a body: bounded so a huge number is a 422, not an overflow in the database.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
LongText = Annotated[str, StringConstraints(max_length=20_000)]


# Control characters other than tab, newline and carriage return: invisible, they corrupt
# text, and PostgreSQL refuses NUL outright (which would otherwise be a 500).
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
CONTROL_MESSAGE = "control characters (other than tab and newline) are not allowed"
# Right-to-left/left-to-right overrides and isolates can make a name shown to others read
# as something else ("evil\u202egnp.exe"); they are dropped where others see a name.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


def has_control_characters(value: str) -> bool:
    return CONTROL_CHARACTERS.search(value) is not None


def _control_characters_at(value: object, path: str = "") -> str | None:
    """The path of the first string (or key) holding a control character in a JSON value."""
    if isinstance(value, str):
        return path or "value" if has_control_characters(value) else None
    if isinstance(value, dict):
        for key, item in value.items():
            where = f"{path}.{key}" if path else str(key)
            if isinstance(key, str) and has_control_characters(key):
                return where
            found = _control_characters_at(item, where)
            if found:
                return found
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _control_characters_at(item, f"{path}[{index}]")
            if found:
                return found
    return None


# The same rule in the published schema, so generated clients and fuzzers know it.
TEXT_PATTERN = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"


def text_patterns(schema: dict[str, Any]) -> None:
    """Give every free-text string of a JSON schema (no pattern, format or enum) the
    no-control-characters pattern (in place)."""
    if schema.get("type") == "string" and not {"pattern", "format", "enum", "const"} & set(schema):
        schema["pattern"] = TEXT_PATTERN
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            text_patterns(option)
    for prop in schema.get("properties", {}).values():
        text_patterns(prop)
    if isinstance(schema.get("items"), dict):
        text_patterns(schema["items"])


def without_bidi_controls(value: object) -> object:
    return BIDI_CONTROLS.sub("", value) if isinstance(value, str) else value


# A name shown to other people (the public profile): no direction overrides.
ShownName = Annotated[str, BeforeValidator(without_bidi_controls)]


def _json_kind(annotation: Any) -> str | None:
    """ "number", "boolean" or "list:<kind>" for the field types the OpenAPI document calls
    numbers and booleans; None for everything else."""
    origin = get_origin(annotation)
    if origin is Annotated:
        return _json_kind(get_args(annotation)[0])
    if origin in (Union, types.UnionType):
        kinds = {_json_kind(arg) for arg in get_args(annotation) if arg is not type(None)}
        return kinds.pop() if len(kinds) == 1 else None
    if origin in (list, set, frozenset):
        inner = _json_kind(get_args(annotation)[0])
        return f"list:{inner}" if inner else None
    if annotation is bool:
        return "boolean"
    if annotation in (int, float):
        return "number"
    return None


def _matches(kind: str, value: object) -> bool:
    if value is None:
        return True  # nullability is the field's own business
    if kind.startswith("list:"):
        return not isinstance(value, list) or all(_matches(kind[5:], v) for v in value)
    if kind == "boolean":
        return isinstance(value, bool)
    return isinstance(value, int | float) and not isinstance(value, bool)


class Schema(BaseModel):
    """Base for request bodies: unknown fields are an error, not silently dropped; no text
    anywhere in the body may hold control characters (other than tab/newline); and numbers
    and booleans must be what the schema says (pydantic would turn ``false`` into 0 and
    ``"5"`` into 5, values the published schema forbids)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra=lambda s: text_patterns(s))
    __json_kinds__: ClassVar[dict[str, str]] = {}

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        kinds = {}
        for name, field in cls.model_fields.items():
            kind = _json_kind(field.annotation)
            if kind:
                kinds[field.alias or name] = kind
        cls.__json_kinds__ = kinds

    @model_validator(mode="before")
    @classmethod
    def _strict_input(cls, data: Any) -> Any:
        where = _control_characters_at(data)
        if where is not None:
            raise ValueError(f"{where}: {CONTROL_MESSAGE}")
        if isinstance(data, dict):
            for name, kind in cls.__json_kinds__.items():
                if name in data and not _matches(kind, data[name]):
                    expected = "boolean" if kind.endswith("boolean") else "number"
                    many = "a list of JSON " + expected + "s" if "list:" in kind else None
                    raise ValueError(f"{name}: must be {many or 'a JSON ' + expected}")
        return data


class ReadSchema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    items: list[T]
    total: int


def apply_changes(
    row: object,
    changes: dict[str, Any],
    *,
    nullable: Collection[str] = (),
    text: Collection[str] = (),
) -> None:
    """Apply a PATCH body (``model_dump(exclude_unset=True)``) to a row.

    ``null`` clears a ``nullable`` field and empties a ``text`` field; for any other field it
    is a 422 naming the field, since the column cannot hold it.
    """
    for key, value in changes.items():
        if value is None and key not in nullable:
            if key not in text:
                raise field_error(key, f"{key} cannot be null")
            value = ""
        setattr(row, key, value)
