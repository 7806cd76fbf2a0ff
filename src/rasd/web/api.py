"""``rasd serve``: the HTTP API (FastAPI) and the web page, over one store.

Endpoints: ``GET /api/events``, ``/api/incidents``, ``/api/articles/{id}``, ``/api/search``,
``/api/stats``, ``POST /api/extract``. Lists take the same filters as ``rasd export`` plus a
bounding box and pages. OpenAPI docs at ``/docs``. Write endpoints need a bearer token when the
server is not bound to loopback.
"""

import datetime as dt
import secrets
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from sqlalchemy import func, select

from rasd.corpus.filters import Filters, event_select, incident_select
from rasd.store import Store
from rasd.store.models import Article, Report

STATIC = Path(__file__).parent / "static"
MAX_EXTRACT_CHARS = 200_000
MAX_PAGE = 500


class ExtractRequest(BaseModel):
    text: str = Field(..., description="The article's text.", max_length=MAX_EXTRACT_CHARS)
    published: dt.date | None = Field(None, description="Publication date, to resolve relative dates.")
    id: str | None = None
    outlet: str | None = None


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        w, s, e, n = (float(x) for x in value.split(","))
    except ValueError:
        raise HTTPException(422, "bbox is west,south,east,north in degrees") from None
    return w, s, e, n


def _row(obj: Any) -> dict[str, Any]:
    return {c.name: getattr(obj, c.name) for c in obj.__table__.columns}


def node_modules() -> Path | None:
    """Where the page's front-end packages were installed (npm), if they were."""
    for root in (Path.cwd(), Path(__file__).resolve().parents[3]):
        if (root / "node_modules" / "leaflet").is_dir():
            return root / "node_modules"
    return None


def create_app(store: Store, token: str | None = None, loopback: bool = True) -> FastAPI:
    """The application. ``token`` guards write endpoints; required when not on loopback."""
    if not loopback and not token:
        raise ValueError("a token is required when the server is not bound to loopback")
    app = FastAPI(title="rasd", version="0.1.0", description="Arabic news as evidence-linked event records.")

    def filters(
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        type: str | None = None,
        mode: str | None = None,
        q: str | None = None,
        bbox: Annotated[str | None, Query(description="west,south,east,north")] = None,
    ) -> Filters:
        return Filters(since=since, until=until, country=country, type=type, mode=mode, q=q, bbox=_bbox(bbox))

    def page(
        page: Annotated[int, Query(ge=1)] = 1, per_page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 100
    ) -> tuple[int, int]:
        return page, per_page

    def writer(authorization: Annotated[str | None, Header()] = None) -> None:
        if token is None:
            return
        if not authorization or not secrets.compare_digest(authorization, f"Bearer {token}"):
            raise HTTPException(401, "this endpoint needs 'Authorization: Bearer <token>'")

    @app.get("/api/events")
    def events(
        f: Annotated[Filters, Depends(filters)],
        pg: Annotated[tuple[int, int], Depends(page)],
        sort: Annotated[str, Query(pattern="^(date|date_desc)$")] = "date",
    ) -> dict[str, Any]:
        q = event_select(store, f, newest_first=sort == "date_desc")
        with store.session() as s:
            total = s.scalar(select(func.count()).select_from(q.subquery()))
            rows = s.execute(q.offset((pg[0] - 1) * pg[1]).limit(pg[1])).all()
        items = []
        for ev, outlet, url, published, ext_id in rows:
            d = _row(ev)
            d.update(
                outlet=outlet, url=url, published=published.isoformat() if published else None, article=ext_id
            )
            items.append(d)
        return {"total": total, "page": pg[0], "per_page": pg[1], "items": items}

    @app.get("/api/incidents")
    def incidents(
        f: Annotated[Filters, Depends(filters)], pg: Annotated[tuple[int, int], Depends(page)]
    ) -> dict[str, Any]:
        q = incident_select(f, store)
        with store.session() as s:
            total = s.scalar(select(func.count()).select_from(q.subquery()))
            rows = s.scalars(q.offset((pg[0] - 1) * pg[1]).limit(pg[1])).all()
        return {"total": total, "page": pg[0], "per_page": pg[1], "items": [_row(r) for r in rows]}

    @app.get("/api/timeline")
    def timeline(f: Annotated[Filters, Depends(filters)]) -> dict[str, Any]:
        """Event counts by day and type over every matching event (not one page)."""

        sub = event_select(store, f).subquery()
        q = (
            select(sub.c.date, sub.c.type, func.count())
            .where(sub.c.date.is_not(None))
            .group_by(sub.c.date, sub.c.type)
        )
        with store.session() as s:
            rows = s.execute(q.order_by(sub.c.date)).all()
        days: dict[str, dict[str, int]] = {}
        for day, type_, n in rows:
            days.setdefault(day, {})[type_] = n
        return {"days": [{"date": d, "counts": c} for d, c in days.items()]}

    @app.get("/api/articles/{article_id}")
    def article(article_id: int) -> dict[str, Any]:
        with store.session() as s:
            art = s.get(Article, article_id)
            if art is None:
                raise HTTPException(404, f"no article {article_id}")
            rep = s.get(Report, article_id)
        d = _row(art)
        d.pop("search_text", None)
        d["report"] = rep.report if rep else None
        return d

    @app.get("/api/search")
    def search(
        q: Annotated[str, Query(min_length=1, max_length=500)],
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50,
    ) -> dict[str, Any]:
        ids = store.search(q, limit=limit)
        with store.session() as s:
            rows = s.execute(
                select(Article.id, Article.ext_id, Article.title, Article.outlet, Article.published).where(
                    Article.id.in_(ids)
                )
            ).all()
        by_id = {r[0]: r for r in rows}
        items = [
            {
                "id": i,
                "ext_id": by_id[i][1],
                "title": by_id[i][2],
                "outlet": by_id[i][3],
                "published": by_id[i][4].isoformat() if by_id[i][4] else None,
            }
            for i in ids
            if i in by_id
        ]
        return {"q": q, "items": items}

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        out = store.stats()
        with store.session() as s:
            from rasd.store.models import Event

            out["by_type"] = dict(
                s.execute(
                    select(Event.type, func.count()).where(Event.negated.is_(False)).group_by(Event.type)
                ).all()
            )
            out["by_country"] = dict(
                s.execute(
                    select(Event.country, func.count())
                    .where(Event.negated.is_(False), Event.country.is_not(None))
                    .group_by(Event.country)
                ).all()
            )
        return out

    @app.post("/api/extract", dependencies=[Depends(writer)])
    async def extract(request: Request) -> JSONResponse:
        body = await request.body()
        if len(body) > MAX_EXTRACT_CHARS * 4:
            raise HTTPException(413, f"the request is larger than {MAX_EXTRACT_CHARS * 4} bytes")
        try:
            req = ExtractRequest.model_validate_json(body)
        except Exception as e:
            raise HTTPException(422, str(e).splitlines()[0]) from None
        from rasd.api import extract as run

        report = run(req.text, published=req.published, id=req.id or "pasted", outlet=req.outlet)
        return JSONResponse(report.to_dict())

    modules = node_modules()
    if modules is not None:
        app.mount("/vendor", StaticFiles(directory=modules), name="vendor")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app
