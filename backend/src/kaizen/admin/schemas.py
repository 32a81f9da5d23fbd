from datetime import datetime
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from kaizen.schemas import ReadSchema, Schema


class AdminUserRead(ReadSchema):
    id: int
    email: str
    display_name: str
    is_admin: bool
    disabled: bool
    created_at: datetime
    last_seen_at: datetime | None = Field(
        description="Last request with a session or token (to the minute); null if never"
    )


class AdminUserUpdate(Schema):
    disabled: bool | None = Field(
        default=None, description="true ends the user's sessions and tokens at once"
    )
    is_admin: bool | None = None


class ServerSettingsRead(ReadSchema):
    signup_open: bool = Field(description="Anyone may create an account")


class ServerSettingsUpdate(Schema):
    signup_open: bool


class InvitationCreate(Schema):
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] = Field(
        default="", description="Who it is for (only admins see it)", examples=["Ravi from the lab"]
    )
    expires_in_days: int = Field(default=7, ge=1, le=30, description="Days the link stays valid")


InvitationStatus = Literal["pending", "used", "expired", "revoked"]


class InvitationRead(ReadSchema):
    id: int
    note: str
    prefix: str = Field(description="The start of the token, to tell links apart")
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None
    used_by_email: str | None
    status: InvitationStatus


class InvitationCreated(InvitationRead):
    token: str = Field(description="The secret; shown only in this response")
    url: str = Field(description="The sign-up link to send; shown only in this response")
