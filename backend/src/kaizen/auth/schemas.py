from datetime import datetime, time
from typing import Annotated

from pydantic import (
    AfterValidator,
    BeforeValidator,
    EmailStr,
    Field,
    StringConstraints,
    model_validator,
)

from kaizen.schemas import Moment, ReadSchema, Schema, Timezone

Password = Annotated[str, StringConstraints(min_length=10, max_length=256)]
DisplayName = Annotated[str, StringConstraints(strip_whitespace=True, max_length=100)]


class UserRead(ReadSchema):
    id: int
    email: str
    display_name: str
    timezone: str
    is_admin: bool
    handle: str | None
    public_profile: bool
    onboarded: bool = Field(description="The starter plan was taken or skipped")
    reminder_time: time | None = Field(
        default=None, description="Daily check-in reminder (local time) in the calendar feed"
    )
    created_at: datetime


class RegisterIn(Schema):
    email: EmailStr = Field(max_length=320, examples=["asha@example.com"])
    password: Password = Field(examples=["correct horse battery"])
    display_name: DisplayName = Field(default="", examples=["Asha"])
    timezone: Timezone = Field(default="UTC", examples=["Asia/Kolkata"])


class LoginIn(Schema):
    email: Annotated[str, StringConstraints(max_length=320)] = Field(examples=["asha@example.com"])
    password: Annotated[str, StringConstraints(max_length=256)]


class TokenOut(Schema):
    access_token: str
    token_type: str = "bearer"  # noqa: S105 - the OAuth2 token type, not a secret
    expires_in: int = Field(description="Seconds until the token expires")


def _lower(value: object) -> object:
    return value.strip().lower() if isinstance(value, str) else value


Handle = Annotated[
    str,
    BeforeValidator(_lower),
    StringConstraints(
        min_length=3,
        max_length=32,
        pattern=r"^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$",
    ),
]


def _local_time(value: time) -> time:
    if value.tzinfo is not None:
        raise ValueError("give a local time without an offset, e.g. 21:00")
    return value.replace(second=0, microsecond=0)


class MeUpdate(Schema):
    display_name: DisplayName | None = None
    timezone: Timezone | None = None
    handle: Handle | None = Field(
        default=None,
        description="For the public profile at /u/{handle}: 3–32 of a-z, 0-9 and inner dashes",
    )
    public_profile: bool | None = Field(
        default=None, description="Show your published portfolio at /u/{handle}"
    )
    onboarded: bool | None = Field(default=None, description="true to skip the starter plan")
    reminder_time: Annotated[time, AfterValidator(_local_time)] | None = Field(
        default=None,
        description="Local time (HH:MM) of a daily check-in reminder in the calendar feed; "
        "null turns it off",
        examples=["21:00"],
    )
    current_password: Annotated[str, StringConstraints(max_length=256)] | None = None
    new_password: Password | None = None

    @model_validator(mode="after")
    def _checks(self) -> "MeUpdate":
        if self.new_password is not None and self.current_password is None:
            raise ValueError("current_password is required to set a new password")
        return self


class ApiTokenCreate(Schema):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] = (
        Field(examples=["laptop script"])
    )
    expires_at: Moment | None = Field(
        default=None, description="UTC timestamp; omitted means the token never expires"
    )


class ApiTokenRead(ReadSchema):
    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None


class ApiTokenCreated(ApiTokenRead):
    token: str = Field(description="The secret; shown only in this response")
