"""The ``Store``: articles in, reports and events out, through SQLAlchemy sessions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Engine, create_engine, delete, event, func, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from rasd.arabic.normalise import fold

try:
    import orjson as _orjson
except ImportError:  # optional: the standard library's json does the same, slower
    _orjson = None  # type: ignore[assignment]
from rasd.arabic.search_terms import folded_search_text, search_terms
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
    return _hash_folded(fold(text))


def _hash_folded(folded: str) -> str:
    return hashlib.sha256(" ".join(folded.split()).encode("utf-8")).hexdigest()


def fingerprint(text: str) -> tuple[str, str]:
    """(content hash, search text) of an article, folding the text once for both.

    The search text is ``rasd.arabic.search_terms.search_text(text)``, so the index and the
    queries of ``Store.search`` agree.
    """
    folded = fold(text)
    return _hash_folded(folded), folded_search_text(folded)


def _sqlite_pragmas(busy_timeout_s: float) -> Any:
    def apply(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_s * 1000)}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.close()

    return apply


def _article_row(art: InputArticle, digest: str, search: str, source: str = "") -> Article:
    return Article(
        ext_id=art.id,
        url=art.url,
        outlet=art.outlet,
        title=art.title,
        published=art.published,
        text=art.text,
        search_text=search,
        content_hash=digest,
        source=source or art.where,
    )


_ARTICLE_COLUMNS = (
    "ext_id",
    "url",
    "outlet",
    "title",
    "published",
    "text",
    "search_text",
    "content_hash",
    "source",
    "ingested_at",
)
_REPORT_COLUMNS = ("article_id", "report", "credited_source")
_EVENT_COLUMNS = (
    "article_id",
    "idx",
    "type",
    "mode",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo",
    "country",
    "admin1",
    "place",
    "place_kind",
    "geonameid",
    "lat",
    "lon",
    "date",
    "date_precision",
    "actor",
    "actor_kind",
    "target",
    "target_kind",
    "killed",
    "injured",
    "arrested",
    "counts",
    "negated",
    "confidence",
    "evidence",
    "note",
)

# (article_id, report as JSON text or None, credited source, event rows, error): what a
# process worker sends back, cheap to pickle, stored as is by ``Store.save_encoded``
EncodedResult = tuple[int, str | None, str | None, list[tuple[Any, ...]], str | None]


def _same(value: Any) -> Any:
    return value


def _json(value: Any) -> str:
    """JSON text as the JSON columns hold it (read back with json.loads).

    orjson when installed (a few times faster on reports); the standard library for what it
    refuses (integers beyond 64 bits) or without it. NaN is not in reports.
    """
    if _orjson is not None:
        try:
            return _orjson.dumps(value).decode("utf-8")
        except TypeError:  # orjson.JSONEncodeError
            pass
    return json.dumps(value, ensure_ascii=False)


def _event_row(idx: int, ev: dict[str, Any]) -> tuple[Any, ...]:
    """An event as the values of ``_EVENT_COLUMNS`` after article_id."""
    place = ev.get("place") or {}
    actor = ev.get("actor") or {}
    target = ev.get("target") or {}
    acled = ev.get("acled") or {}
    counts = ev.get("counts") or {}
    evidence = ev.get("evidence") or {}
    return (
        idx,
        ev["type"],
        ev.get("mode"),
        acled.get("event_type"),
        acled.get("sub_event_type"),
        ev.get("cameo"),
        ev.get("country"),
        place.get("admin1"),
        place.get("name") or place.get("text"),
        place.get("kind"),
        place.get("geonameid"),
        place.get("lat"),
        place.get("lon"),
        ev.get("date"),
        ev.get("date_precision"),
        actor.get("text"),
        actor.get("kind"),
        target.get("text"),
        target.get("kind"),
        (counts.get("killed") or {}).get("value"),
        (counts.get("injured") or {}).get("value"),
        (counts.get("arrested") or {}).get("value"),
        _json(counts),
        bool(ev.get("negated")),
        ev.get("confidence"),
        evidence.get("text", ""),
        ev.get("note"),
    )


def encode_result(article_id: int, report: dict[str, Any] | None, error: str | None) -> EncodedResult:
    """A result as ``Store.save_encoded`` stores it: JSON text and flat event rows.

    Pure: process workers run it, so the parent neither unpickles nested reports nor
    encodes them.
    """
    if report is None:
        return article_id, None, None, [], error
    credit = (report.get("credited_source") or {}).get("text")
    rows = [_event_row(i, ev) for i, ev in enumerate(report.get("events", []))]
    return article_id, _json(report), credit, rows, error


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
        digest, search = fingerprint(art.text)
        with self.session() as s:
            existing = self._find(s, digest, art.url)
            if existing is not None:
                return existing, False
            row = _article_row(art, digest, search, source)
            s.add(row)
            try:
                s.commit()
            except IntegrityError:  # another writer stored it first
                s.rollback()
                found = self._find(s, digest, art.url)
                assert found is not None
                return found, False
            return row.id, True

    def add_articles(
        self, arts: Sequence[InputArticle], prints: Sequence[tuple[str, str]] | None = None
    ) -> list[tuple[int, bool]]:
        """Store a batch in one transaction; per article (id, created) as ``add_article`` says.

        Much faster than one transaction an article for bulk ingestion: one executemany
        INSERT for the new rows, then their ids read back by content hash. Falls back to one
        at a time if another writer races this batch. ``prints``: each article's
        ``fingerprint``, when already computed (by ingest's worker processes).
        """
        if prints is None:
            prints = [fingerprint(a.text) for a in arts]
        digests = [d for d, _ in prints]
        urls = [a.url for a in arts if a.url]
        to_date = self._bind(Article.__table__.c.published)
        now = self._bind(Article.__table__.c.ingested_at)(utcnow())
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
                # each slot: an existing id, or the content hash of a row new in this batch
                # (a duplicate within the batch points at the first row)
                slots: list[tuple[int | str, bool]] = []
                new: set[str] = set()
                new_urls: dict[str, str] = {}
                rows: list[tuple[Any, ...]] = []
                for a, (digest, search) in zip(arts, prints, strict=True):
                    found: int | str | None = known.get(digest) or (known_urls.get(a.url) if a.url else None)
                    if found is None:
                        found = digest if digest in new else (new_urls.get(a.url) if a.url else None)
                    if found is not None:
                        slots.append((found, False))
                        continue
                    rows.append(
                        (
                            a.id,
                            a.url,
                            a.outlet,
                            a.title,
                            to_date(a.published),
                            a.text,
                            search,
                            digest,
                            a.where,
                            now,
                        )
                    )
                    new.add(digest)
                    if a.url:
                        new_urls[a.url] = digest
                    slots.append((digest, True))
                ids: dict[str, int] = {}
                if rows:
                    self._insert_many(s, "articles", _ARTICLE_COLUMNS, rows)
                    ids = dict(
                        s.execute(
                            select(Article.content_hash, Article.id).where(
                                Article.content_hash.in_(list(new))
                            )
                        ).all()
                    )
                out = [(ids[x] if isinstance(x, str) else x, created) for x, created in slots]
            return out
        except IntegrityError:
            return [self.add_article(a) for a in arts]

    def _bind(self, column: Column[Any]) -> Callable[[Any], Any]:
        """How a value of ``column`` goes to the driver (SQLite stores dates as text)."""
        proc = column.type.bind_processor(self.engine.dialect)
        return proc if proc is not None else _same

    def _insert_many(
        self, s: Session, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        """One driver-level executemany INSERT of positional rows, no per-row ORM work."""
        quote = self.engine.dialect.identifier_preparer.quote
        mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        sql = (
            f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join([mark] * len(columns))})"
        )
        s.connection().exec_driver_sql(sql, rows)  # type: ignore[arg-type]

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
        return self.save_encoded([encode_result(*r) for r in results], version)

    def save_encoded(self, results: Sequence[EncodedResult], version: str) -> int:
        """``save_results`` for results already encoded by ``encode_result`` (in the workers)."""
        if not results:
            return 0
        ids = [r[0] for r in results]
        now = self._bind(Article.__table__.c.processed_at)(utcnow())
        reports: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        marks: list[tuple[Any, ...]] = []
        for article_id, report, credit, rows, error in results:
            if report is not None:
                reports.append((article_id, report, credit))
                events += [(article_id, *row) for row in rows]
            marks.append((now, version, error, article_id))
        quote = self.engine.dialect.identifier_preparer.quote
        mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"
        with self.session.begin() as s:
            s.execute(delete(Event).where(Event.article_id.in_(ids)))
            s.execute(delete(Report).where(Report.article_id.in_(ids)))
            # executemany statements: one round trip each for the whole batch
            if reports:
                self._insert_many(s, "reports", _REPORT_COLUMNS, reports)
            if events:
                self._insert_many(s, "events", _EVENT_COLUMNS, events)
            s.connection().exec_driver_sql(
                f"UPDATE {quote('articles')} SET {quote('processed_at')} = {mark}, "
                f"{quote('lexicon_version')} = {mark}, {quote('process_error')} = {mark} "
                f"WHERE {quote('id')} = {mark}",
                marks,  # type: ignore[arg-type]
            )
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
