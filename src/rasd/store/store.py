"""The ``Store``: articles in, reports and events out, through SQLAlchemy sessions."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from rasd.arabic.normalise import fold
from rasd.arabic.search_terms import search_terms, search_text
from rasd.inputs import Article as InputArticle
from rasd.store.models import Article, Event, IngestFailure, Report, utcnow

MIGRATIONS = Path(__file__).parent / "migrations"


def database_url(db: str) -> str:
    """A SQLAlchemy URL for ``db``: a URL as is, else a path to a SQLite file.

    >>> database_url("rasd.db")
    'sqlite:///rasd.db'
    >>> database_url("postgresql://u@h/db")
    'postgresql+psycopg://u@h/db'
    """
    if db.startswith("postgresql://") or db.startswith("postgres://"):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{db}"


def content_hash(text: str) -> str:
    """Hash of the normalised text: the same article with other diacritics or spacing is the same."""
    return hashlib.sha256(" ".join(fold(text).split()).encode("utf-8")).hexdigest()


def _sqlite_pragmas(busy_timeout_s: float) -> Any:
    def apply(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return apply


def _article_row(art: InputArticle, digest: str, source: str = "") -> Article:
    return Article(
        ext_id=art.id,
        url=art.url,
        outlet=art.outlet,
        title=art.title,
        published=art.published,
        text=art.text,
        search_text=search_text(art.text),
        content_hash=digest,
        source=source or art.where,
    )


def _event_row(article_id: int, idx: int, ev: dict[str, Any]) -> dict[str, Any]:
    place = ev.get("place") or {}
    actor = ev.get("actor") or {}
    target = ev.get("target") or {}
    acled = ev.get("acled") or {}
    counts = ev.get("counts") or {}
    evidence = ev.get("evidence") or {}
    return {
        "article_id": article_id,
        "idx": idx,
        "type": ev["type"],
        "mode": ev.get("mode"),
        "acled_event_type": acled.get("event_type"),
        "acled_sub_event_type": acled.get("sub_event_type"),
        "cameo": ev.get("cameo"),
        "country": ev.get("country"),
        "admin1": place.get("admin1"),
        "place": place.get("name") or place.get("text"),
        "place_kind": place.get("kind"),
        "geonameid": place.get("geonameid"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "date": ev.get("date"),
        "date_precision": ev.get("date_precision"),
        "actor": actor.get("text"),
        "actor_kind": actor.get("kind"),
        "target": target.get("text"),
        "target_kind": target.get("kind"),
        "killed": (counts.get("killed") or {}).get("value"),
        "injured": (counts.get("injured") or {}).get("value"),
        "arrested": (counts.get("arrested") or {}).get("value"),
        "counts": counts,
        "negated": bool(ev.get("negated")),
        "confidence": ev.get("confidence"),
        "evidence": evidence.get("text", ""),
        "note": ev.get("note"),
    }


class Store:
    """A rasd database. ``db`` is a SQLite path (default ``rasd.db``) or a database URL."""

    def __init__(self, db: str = "rasd.db", migrate: bool = True, busy_timeout_s: float = 30.0) -> None:
        """``busy_timeout_s``: how long a SQLite write waits for another writer's lock."""
        self.url = database_url(db)
        kwargs: dict[str, Any] = {}
        if self.url.startswith("sqlite"):
            kwargs["connect_args"] = {"timeout": busy_timeout_s}
            if self.url in ("sqlite://", "sqlite:///:memory:"):
                from sqlalchemy.pool import StaticPool

                kwargs["poolclass"] = StaticPool
                kwargs["connect_args"]["check_same_thread"] = False
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.dialect == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas(busy_timeout_s))
        self.session: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        if migrate:
            self.migrate()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def migrate(self) -> None:
        """Bring the schema to the newest migration (Alembic)."""
        from alembic import command
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def close(self) -> None:
        self.engine.dispose()

    # ---- articles -----------------------------------------------------------------------
    def add_article(self, art: InputArticle, source: str = "") -> tuple[int, bool]:
        """Store an article once: (its id, True) when new, (the existing id, False) when known."""
        digest = content_hash(art.text)
        with self.session() as s:
            existing = self._find(s, digest, art.url)
            if existing is not None:
                return existing, False
            row = _article_row(art, digest, source)
            s.add(row)
            try:
                s.commit()
            except IntegrityError:  # another writer stored it first
                s.rollback()
                found = self._find(s, digest, art.url)
                assert found is not None
                return found, False
            return row.id, True

    def add_articles(self, arts: Sequence[InputArticle]) -> list[tuple[int, bool]]:
        """Store a batch in one transaction; per article (id, created) as ``add_article`` says.

        Much faster than one transaction an article for bulk ingestion; falls back to one
        at a time if another writer races this batch.
        """
        digests = [content_hash(a.text) for a in arts]
        urls = [a.url for a in arts if a.url]
        try:
            with self.session.begin() as s:
                known = dict(
                    s.execute(
                        select(Article.content_hash, Article.id).where(Article.content_hash.in_(digests))
                    ).all()
                )
                known_urls = (
                    dict(s.execute(select(Article.url, Article.id).where(Article.url.in_(urls))).all())
                    if urls
                    else {}
                )
                # one flush for the whole batch; within it, a duplicate points at its first row
                slots: list[tuple[Article | int, bool]] = []
                new: dict[str, Article] = {}
                new_urls: dict[str, Article] = {}
                for a, digest in zip(arts, digests, strict=True):
                    found: Article | int | None = known.get(digest) or (
                        known_urls.get(a.url) if a.url else None
                    )
                    found = found or new.get(digest) or (new_urls.get(a.url) if a.url else None)
                    if found is not None:
                        slots.append((found, False))
                        continue
                    row = _article_row(a, digest)
                    s.add(row)
                    new[digest] = row
                    if a.url:
                        new_urls[a.url] = row
                    slots.append((row, True))
                s.flush()
                out = [(x if isinstance(x, int) else x.id, created) for x, created in slots]
            return out
        except IntegrityError:
            return [self.add_article(a) for a in arts]

    @staticmethod
    def _find(s: Session, digest: str, url: str | None) -> int | None:
        found = s.scalar(select(Article.id).where(Article.content_hash == digest))
        if found is None and url:
            found = s.scalar(select(Article.id).where(Article.url == url))
        return found

    def has_url(self, url: str) -> bool:
        with self.session() as s:
            return s.scalar(select(Article.id).where(Article.url == url)) is not None

    def count_articles(self) -> int:
        with self.session() as s:
            return s.scalar(select(func.count(Article.id))) or 0

    def pending_ids(self, reprocess: bool = False, version: str | None = None) -> list[int]:
        """Articles to process: never processed, or (``reprocess``) processed with another version."""
        with self.session() as s:
            q = select(Article.id).order_by(Article.id)
            if reprocess:
                if version is not None:
                    q = q.where((Article.lexicon_version.is_(None)) | (Article.lexicon_version != version))
            else:
                q = q.where(Article.processed_at.is_(None))
            return list(s.scalars(q))

    def articles(self, ids: Sequence[int]) -> list[dict[str, Any]]:
        """The inputs rasd.extract needs for each article id."""
        with self.session() as s:
            rows = s.execute(
                select(
                    Article.id,
                    Article.ext_id,
                    Article.text,
                    Article.published,
                    Article.outlet,
                    Article.url,
                    Article.title,
                ).where(Article.id.in_(list(ids)))
            ).all()
        return [
            {
                "article_id": r[0],
                "id": r[1],
                "text": r[2],
                "published": r[3],
                "outlet": r[4],
                "url": r[5],
                "title": r[6],
            }
            for r in rows
        ]

    def save_results(
        self, results: Iterable[tuple[int, dict[str, Any] | None, str | None]], version: str
    ) -> int:
        """Store (article_id, report or None, error) results in ONE transaction.

        Old reports and events of those articles are replaced, so a re-run after an
        interruption or a lexicon change never leaves half-old, half-new results.
        """
        results = list(results)
        if not results:
            return 0
        ids = [r[0] for r in results]
        now = utcnow()
        with self.session.begin() as s:
            s.execute(delete(Event).where(Event.article_id.in_(ids)))
            s.execute(delete(Report).where(Report.article_id.in_(ids)))
            reports, events, marks = [], [], []
            for article_id, report, error in results:
                if report is not None:
                    credit = (report.get("credited_source") or {}).get("text")
                    reports.append({"article_id": article_id, "report": report, "credited_source": credit})
                    events += [_event_row(article_id, i, ev) for i, ev in enumerate(report.get("events", []))]
                marks.append(
                    {
                        "id": article_id,
                        "processed_at": now,
                        "lexicon_version": version,
                        "process_error": error,
                    }
                )
            # executemany statements: one round trip each for the whole batch
            if reports:
                s.execute(Report.__table__.insert(), reports)
            if events:
                s.execute(Event.__table__.insert(), events)
            s.execute(update(Article), marks)
        return len(results)

    # ---- failures -----------------------------------------------------------------------
    def record_failure(self, source: str, kind: str, reason: str) -> None:
        with self.session.begin() as s:
            row = s.scalar(select(IngestFailure).where(IngestFailure.source == source))
            if row is None:
                s.add(IngestFailure(source=source, kind=kind, reason=reason))
            else:
                row.reason, row.attempts, row.last_try, row.resolved = (
                    reason,
                    row.attempts + 1,
                    utcnow(),
                    False,
                )

    def resolve_failure(self, source: str | Sequence[str]) -> None:
        """Mark the failures of these sources resolved (they have now been stored)."""
        sources = [source] if isinstance(source, str) else list(source)
        with self.session.begin() as s:
            s.execute(update(IngestFailure).where(IngestFailure.source.in_(sources)).values(resolved=True))

    def failures(self) -> list[tuple[str, str, str, int]]:
        """Unresolved failures as (source, kind, reason, attempts)."""
        with self.session() as s:
            rows = s.execute(
                select(IngestFailure.source, IngestFailure.kind, IngestFailure.reason, IngestFailure.attempts)
                .where(IngestFailure.resolved.is_(False))
                .order_by(IngestFailure.id)
            ).all()
        return [tuple(r) for r in rows]  # type: ignore[misc]

    # ---- search -------------------------------------------------------------------------
    def search(self, query: str, limit: int = 100) -> list[int]:
        """Ids of articles that contain every word of ``query`` (normalised, clitic-blind)."""
        terms = search_terms(query)
        if not terms:
            return []
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                # each term quoted: FTS5 operators in a user's query are plain words
                match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
                sql = text(
                    "SELECT rowid FROM articles_fts WHERE articles_fts MATCH :q ORDER BY rank LIMIT :n"
                )
                return [r[0] for r in conn.execute(sql, {"q": match, "n": limit})]
            sql = text(
                "SELECT id FROM articles WHERE to_tsvector('simple', search_text) @@ plainto_tsquery('simple', :q) "
                "ORDER BY id LIMIT :n"
            )
            return [r[0] for r in conn.execute(sql, {"q": " ".join(terms), "n": limit})]

    def iter_reports(self, batch: int = 500) -> Iterator[tuple[int, dict[str, Any]]]:
        with self.session() as s:
            for row in s.execute(
                select(Report.article_id, Report.report).order_by(Report.article_id)
            ).yield_per(batch):
                yield row[0], row[1]

    def stats(self) -> dict[str, Any]:
        from rasd.store.models import Incident

        with self.session() as s:
            return {
                "articles": s.scalar(select(func.count(Article.id))) or 0,
                "processed": s.scalar(select(func.count(Article.id)).where(Article.processed_at.is_not(None)))
                or 0,
                "events": s.scalar(select(func.count(Event.id))) or 0,
                "incidents": s.scalar(select(func.count(Incident.id))) or 0,
                "failures": s.scalar(
                    select(func.count(IngestFailure.id)).where(IngestFailure.resolved.is_(False))
                )
                or 0,
                "first_date": s.scalar(select(func.min(Event.date))),
                "last_date": s.scalar(select(func.max(Event.date))),
            }
