from datetime import date

from sqlalchemy import Date, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kaizen.db import Base, TimestampMixin

AUTHOR_SEPARATOR = "\n"
TAG_SEPARATOR = "|"


# The non-empty parts, in order (``filter(None, …)`` drops the empty strings in C: a list of
# 200 items splits 400 of these).
def split_authors(text: str) -> list[str]:
    return list(filter(None, text.split(AUTHOR_SEPARATOR))) if text else []


def split_tags(text: str) -> list[str]:
    return list(filter(None, text.split(TAG_SEPARATOR))) if text else []


class ReadingItem(TimestampMixin, Base):
    """A paper, book, article, course, video or chapter in the user's queue or library.

    ``authors`` keeps the ordered names one per line and ``tags`` keeps ``|a|b|`` so a text
    search and a tag filter stay plain ``LIKE``s on SQLite and PostgreSQL alike. ``started_on``
    and ``finished_on`` are the current read-through's, copied from the status history when a
    status changes (the history is the record; these save a join on every list)."""

    __tablename__ = "reading_items"
    # Counts per status (the stats) read the index alone; the queue walks it in order.
    __table_args__ = (
        Index("ix_reading_items_user_id_status", "user_id", "status"),
        Index("ix_reading_items_user_id_position", "user_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="paper")
    title: Mapped[str] = mapped_column(String(500))
    authors_text: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    venue: Mapped[str | None] = mapped_column(String(300), nullable=True)
    url: Mapped[str | None] = mapped_column(String(2000), nullable=True)
    arxiv_id: Mapped[str | None] = mapped_column(String(40), nullable=True)
    doi: Mapped[str | None] = mapped_column(String(200), nullable=True)
    isbn: Mapped[str | None] = mapped_column(String(17), nullable=True)
    tags_text: Mapped[str] = mapped_column(String(2000), default="")
    citation_key: Mapped[str] = mapped_column(String(100))
    status: Mapped[str] = mapped_column(String(16), default="queued")
    read_through: Mapped[int] = mapped_column(Integer, default=1)
    started_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    finished_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    progress_current: Mapped[float] = mapped_column(Float, default=0)
    progress_total: Mapped[float | None] = mapped_column(Float, nullable=True)
    progress_unit: Mapped[str] = mapped_column(String(16), default="pages")
    rating: Mapped[int | None] = mapped_column(Integer, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    goal_id: Mapped[int | None] = mapped_column(
        ForeignKey("goals.id", ondelete="SET NULL"), nullable=True, index=True
    )
    writeup_id: Mapped[int | None] = mapped_column(
        ForeignKey("portfolio_entries.id", ondelete="SET NULL"), nullable=True, index=True
    )
    implementation_id: Mapped[int | None] = mapped_column(
        ForeignKey("portfolio_entries.id", ondelete="SET NULL"), nullable=True, index=True
    )

    @property
    def authors(self) -> list[str]:
        return split_authors(self.authors_text)

    @authors.setter
    def authors(self, names: list[str]) -> None:
        self.authors_text = AUTHOR_SEPARATOR.join(names)

    @property
    def tags(self) -> list[str]:
        return split_tags(self.tags_text)

    @tags.setter
    def tags(self, tags: list[str]) -> None:
        self.tags_text = f"{TAG_SEPARATOR}{TAG_SEPARATOR.join(tags)}{TAG_SEPARATOR}" if tags else ""


class ReadingStatusChange(Base):
    """Append-only: every status an item has had, with the local date and its read-through."""

    __tablename__ = "reading_status_changes"
    # "Finished in these days" (stats, the weekly review, a sprint's outputs) starts here
    # instead of at every item of the user; a finished read's start (the stats' median) is one
    # step of the second.
    __table_args__ = (
        Index("ix_reading_status_changes_status_date", "status", "date"),
        Index(
            "ix_reading_status_changes_item_id_status", "item_id", "status", "read_through", "date"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("reading_items.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(16))
    day: Mapped[date] = mapped_column("date", Date)
    read_through: Mapped[int] = mapped_column(Integer, default=1)


class ReadingProgressLog(TimestampMixin, Base):
    """One logged amount of reading. ``idempotency_key`` (unique per user) makes a retried
    request count once."""

    __tablename__ = "reading_progress_logs"
    __table_args__ = (UniqueConstraint("user_id", "idempotency_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    item_id: Mapped[int] = mapped_column(
        ForeignKey("reading_items.id", ondelete="CASCADE"), index=True
    )
    day: Mapped[date] = mapped_column("date", Date)
    amount: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(16))
    read_through: Mapped[int] = mapped_column(Integer, default=1)
    idempotency_key: Mapped[str | None] = mapped_column(String(200), nullable=True)
    habit_id: Mapped[int | None] = mapped_column(
        ForeignKey("habits.id", ondelete="SET NULL"), nullable=True
    )


class ReadingSettings(Base):
    """Per user: the numeric action item that logged reading counts toward, and in which unit."""

    __tablename__ = "reading_settings"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    habit_id: Mapped[int | None] = mapped_column(
        ForeignKey("habits.id", ondelete="SET NULL"), nullable=True
    )
    unit: Mapped[str] = mapped_column(String(16), default="pages")
