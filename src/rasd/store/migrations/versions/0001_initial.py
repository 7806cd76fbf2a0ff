"""Initial schema: articles, reports, events, incidents, ingest failures, full-text search.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ext_id", sa.String(512), nullable=False),
        sa.Column("url", sa.String(2048), nullable=True, unique=True),
        sa.Column("outlet", sa.String(256), nullable=True),
        sa.Column("title", sa.Text, nullable=True),
        sa.Column("published", sa.Date, nullable=True, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("search_text", sa.Text, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("source", sa.String(2048), nullable=False),
        sa.Column("ingested_at", sa.DateTime, nullable=False),
        sa.Column("processed_at", sa.DateTime, nullable=True, index=True),
        sa.Column("lexicon_version", sa.String(64), nullable=True),
        sa.Column("process_error", sa.Text, nullable=True),
    )
    op.create_table(
        "reports",
        sa.Column(
            "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("report", sa.JSON, nullable=False),
        sa.Column("credited_source", sa.String(256), nullable=True),
    )
    op.create_table(
        "incidents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("type", sa.String(16), nullable=False, index=True),
        sa.Column("mode", sa.String(32), nullable=True),
        sa.Column("country", sa.String(2), nullable=True, index=True),
        sa.Column("place", sa.String(256), nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("date_first", sa.String(10), nullable=True, index=True),
        sa.Column("date_last", sa.String(10), nullable=True),
        sa.Column("n_events", sa.Integer, nullable=False),
        sa.Column("n_sources", sa.Integer, nullable=False),
        sa.Column("sources", sa.JSON, nullable=False),
        sa.Column("counts", sa.JSON, nullable=False),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "article_id",
            sa.Integer,
            sa.ForeignKey("articles.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        sa.Column("idx", sa.Integer, nullable=False),
        sa.Column("type", sa.String(16), nullable=False, index=True),
        sa.Column("mode", sa.String(32), nullable=True),
        sa.Column("acled_event_type", sa.String(64), nullable=True),
        sa.Column("acled_sub_event_type", sa.String(64), nullable=True),
        sa.Column("cameo", sa.String(4), nullable=True),
        sa.Column("country", sa.String(2), nullable=True, index=True),
        sa.Column("admin1", sa.String(64), nullable=True),
        sa.Column("place", sa.String(256), nullable=True),
        sa.Column("place_kind", sa.String(16), nullable=True),
        sa.Column("geonameid", sa.Integer, nullable=True),
        sa.Column("lat", sa.Float, nullable=True),
        sa.Column("lon", sa.Float, nullable=True),
        sa.Column("date", sa.String(10), nullable=True, index=True),
        sa.Column("date_precision", sa.String(8), nullable=True),
        sa.Column("actor", sa.Text, nullable=True),
        sa.Column("actor_kind", sa.String(32), nullable=True),
        sa.Column("target", sa.Text, nullable=True),
        sa.Column("target_kind", sa.String(32), nullable=True),
        sa.Column("killed", sa.Float, nullable=True),
        sa.Column("injured", sa.Float, nullable=True),
        sa.Column("arrested", sa.Float, nullable=True),
        sa.Column("counts", sa.JSON, nullable=False),
        sa.Column("negated", sa.Boolean, nullable=False),
        sa.Column("confidence", sa.Float, nullable=True),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=True),
        sa.Column(
            "incident_id",
            sa.Integer,
            sa.ForeignKey("incidents.id", ondelete="SET NULL"),
            nullable=True,
            index=True,
        ),
        sa.UniqueConstraint("article_id", "idx"),
    )
    op.create_table(
        "ingest_failures",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("source", sa.String(2048), nullable=False, unique=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_try", sa.DateTime, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False),
    )
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE articles_fts USING fts5(search_text, content='articles', content_rowid='id')"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN "
            "INSERT INTO articles_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END"
        )
        op.execute(
            "CREATE TRIGGER articles_fts_au AFTER UPDATE OF search_text ON articles BEGIN "
            "INSERT INTO articles_fts(articles_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
            "INSERT INTO articles_fts(rowid, search_text) VALUES (new.id, new.search_text); END"
        )
    elif dialect == "postgresql":
        op.execute("CREATE INDEX ix_articles_fts ON articles USING GIN (to_tsvector('simple', search_text))")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for trig in ("articles_fts_ai", "articles_fts_ad", "articles_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trig}")
        op.execute("DROP TABLE IF EXISTS articles_fts")
    for table in ("events", "incidents", "reports", "ingest_failures", "articles"):
        op.drop_table(table)
