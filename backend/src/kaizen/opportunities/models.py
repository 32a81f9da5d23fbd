"""Organizations the user assesses, the applications pursued with them (with an append-only
stage history), their events (interviews, assessments …) and the people met on the way."""

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from kaizen.db import Base, TimestampMixin, UTCDateTime


class Organization(TimestampMixin, Base):
    """A company, lab, university or open-source org, with the user's own assessment."""

    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(16), default="other")
    website: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    location: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    interest: Mapped[str | None] = mapped_column(String(16), nullable=True)
    rating_growth: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_learning: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_work: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_pay: Mapped[int | None] = mapped_column(Integer, nullable=True)
    rating_culture: Mapped[int | None] = mapped_column(Integer, nullable=True)

    goal_links: Mapped[list["OrganizationGoal"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def goal_ids(self) -> list[int]:
        return sorted(link.goal_id for link in self.goal_links)


class OrganizationGoal(Base):
    """What an organization demands: "big tech → DSA, fundamentals"."""

    __tablename__ = "organization_goals"

    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class Application(TimestampMixin, Base):
    """An opportunity pursued with an organization."""

    __tablename__ = "applications"
    # The board, most recently moved first, walks the second index in order; follow-ups due
    # by a date seek the third.
    __table_args__ = (
        Index("ix_applications_user_id_stage", "user_id", "stage"),
        Index("ix_applications_user_id_stage_changed_at", "user_id", "stage_changed_at", "id"),
        Index("ix_applications_user_id_follow_up_on", "user_id", "follow_up_on"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(
        ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), default="job")
    source: Mapped[str] = mapped_column(String(200), default="")
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    stage: Mapped[str] = mapped_column(String(16), default="wishlist")
    # When the current stage began (the last history row's time), for "days in stage".
    stage_changed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    applied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    organization: Mapped[Organization] = relationship(lazy="raise")
    goal_links: Mapped[list["ApplicationGoal"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def goal_ids(self) -> list[int]:
        return sorted(link.goal_id for link in self.goal_links)


class ApplicationGoal(Base):
    __tablename__ = "application_goals"

    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True
    )
    goal_id: Mapped[int] = mapped_column(
        ForeignKey("goals.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class StageChange(Base):
    """One row per stage an application entered. Append-only: never updated or deleted
    (except with its application)."""

    __tablename__ = "stage_changes"
    __table_args__ = (Index("ix_stage_changes_application_id_at", "application_id", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("applications.id", ondelete="CASCADE"))
    from_stage: Mapped[str | None] = mapped_column(String(16), nullable=True)
    to_stage: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    note: Mapped[str] = mapped_column(String(500), default="")


class Event(TimestampMixin, Base):
    """An interview, assessment, call, deadline or message of an application."""

    __tablename__ = "application_events"
    __table_args__ = (Index("ix_application_events_user_id_starts_at", "user_id", "starts_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="interview")
    title: Mapped[str] = mapped_column(String(200), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_minutes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    location: Mapped[str] = mapped_column(String(2000), default="")
    outcome: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    application: Mapped[Application] = relationship(lazy="raise")
    contact_links: Mapped[list["ContactEvent"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def contact_ids(self) -> list[int]:
        return sorted(link.contact_id for link in self.contact_links)


class Contact(TimestampMixin, Base):
    """Someone met on the way: a recruiter, an interviewer, a researcher."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(200), default="")
    organization_id: Mapped[int | None] = mapped_column(
        ForeignKey("organizations.id", ondelete="SET NULL"), nullable=True, index=True
    )
    email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    profile_url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    last_contacted_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    follow_up_on: Mapped[date | None] = mapped_column(Date, nullable=True)

    application_links: Mapped[list["ContactApplication"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )
    event_links: Mapped[list["ContactEvent"]] = relationship(
        lazy="raise", cascade="all, delete-orphan", passive_deletes=True
    )

    @property
    def application_ids(self) -> list[int]:
        return sorted(link.application_id for link in self.application_links)

    @property
    def event_ids(self) -> list[int]:
        return sorted(link.event_id for link in self.event_links)


class ContactApplication(Base):
    __tablename__ = "contact_applications"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ContactEvent(Base):
    __tablename__ = "contact_events"

    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    event_id: Mapped[int] = mapped_column(
        ForeignKey("application_events.id", ondelete="CASCADE"), primary_key=True, index=True
    )
