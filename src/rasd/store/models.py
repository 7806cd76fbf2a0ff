"""Database tables (SQLAlchemy 2 declarative). Schema changes go through Alembic migrations
in ``store/migrations``; the models and the migrations must agree (a test checks it)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Article(Base):
    """One ingested article. ``content_hash`` (of the normalised text) makes ingestion idempotent."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(512))
    url: Mapped[str | None] = mapped_column(String(2048), unique=True, nullable=True)
    outlet: Mapped[str | None] = mapped_column(String(256), nullable=True)
    title: Mapped[str | None] = mapped_column(Text, nullable=True)
    published: Mapped[dt.date | None] = mapped_column(Date, nullable=True, index=True)
    text: Mapped[str] = mapped_column(Text)
    search_text: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    source: Mapped[str] = mapped_column(String(2048), default="")
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    # processing state: None = not yet processed; set when its report is stored
    processed_at: Mapped[dt.datetime | None] = mapped_column(DateTime, nullable=True, index=True)
    lexicon_version: Mapped[str | None] = mapped_column(String(64), nullable=True)
    process_error: Mapped[str | None] = mapped_column(Text, nullable=True)


class Report(Base):
    """The extracted report of an article, as the contract's JSON."""

    __tablename__ = "reports"

    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True)
    report: Mapped[dict] = mapped_column(JSON)
    credited_source: Mapped[str | None] = mapped_column(String(256), nullable=True)


class Event(Base):
    """One event of a report, flattened for filtering and export."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    idx: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    acled_event_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    acled_sub_event_type: Mapped[str | None] = mapped_column(String(64), nullable=True)
    cameo: Mapped[str | None] = mapped_column(String(4), nullable=True)
    country: Mapped[str | None] = mapped_column(String(2), nullable=True, index=True)
    admin1: Mapped[str | None] = mapped_column(String(64), nullable=True)
    place: Mapped[str | None] = mapped_column(String(256), nullable=True)
    place_kind: Mapped[str | None] = mapped_column(String(16), nullable=True)
    geonameid: Mapped[int | None] = mapped_column(Integer, nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    date: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8), nullable=True)
    actor: Mapped[str | None] = mapped_column(Text, nullable=True)
    actor_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    target: Mapped[str | None] = mapped_column(Text, nullable=True)
    target_kind: Mapped[str | None] = mapped_column(String(32), nullable=True)
    killed: Mapped[float | None] = mapped_column(Float, nullable=True)
    injured: Mapped[float | None] = mapped_column(Float, nullable=True)
    arrested: Mapped[float | None] = mapped_column(Float, nullable=True)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)
    evidence: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str | None] = mapped_column(Text, nullable=True)
    incident_id: Mapped[int | None] = mapped_column(
        ForeignKey("incidents.id", ondelete="SET NULL"), nullable=True, index=True
    )

    __table_args__ = (UniqueConstraint("article_id", "idx"),)


class Incident(Base):
    """Events from several articles that describe one real-world incident."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    mode: Mapped[str | None] = mapped_column(String(32), nullable=True)
    country: Mapped[str | None] = mapped_column(String(2), nullable=True, index=True)
    place: Mapped[str | None] = mapped_column(String(256), nullable=True)
    lat: Mapped[float | None] = mapped_column(Float, nullable=True)
    lon: Mapped[float | None] = mapped_column(Float, nullable=True)
    date_first: Mapped[str | None] = mapped_column(String(10), nullable=True, index=True)
    date_last: Mapped[str | None] = mapped_column(String(10), nullable=True)
    n_events: Mapped[int] = mapped_column(Integer, default=0)
    n_sources: Mapped[int] = mapped_column(Integer, default=0)
    sources: Mapped[list] = mapped_column(JSON, default=list)
    counts: Mapped[dict] = mapped_column(JSON, default=dict)


class IngestFailure(Base):
    """A source item that could not be ingested, kept for ``rasd ingest --retry-failed``."""

    __tablename__ = "ingest_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(2048), unique=True)
    kind: Mapped[str] = mapped_column(String(16))  # file, feed, page, warc
    reason: Mapped[str] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=1)
    last_try: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False)
