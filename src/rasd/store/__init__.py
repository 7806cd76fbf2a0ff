"""Storage: SQLite by default (one file, WAL, FTS5), PostgreSQL for shared deployments.

>>> store = Store("sqlite://")              # an in-memory database, for the example
>>> from rasd.inputs import Article
>>> store.add_article(Article(id="a1", text="اعتقلت الشرطة 5 أشخاص في بغداد"))
(1, True)
>>> store.add_article(Article(id="a1 again", text="اعتقلت الشرطة 5 أشخاص في بغداد"))
(1, False)
>>> store.search("الشرطه")
[1]
"""

from rasd.store.store import Store, content_hash, database_url

__all__ = ["Store", "content_hash", "database_url"]
