"""The click face of eventwire: clean | code | run | show | export | dict."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from eventwire.nlp import DEFAULT_MODEL
from eventwire.records import RawArticle, Rejection


def _date_option(f):  # type: ignore[no-untyped-def]
    return click.option(
        "--date",
        "default_date",
        metavar="YYYY-MM-DD",
        default=None,
        help="Publication date for inputs that carry none (a date in the input wins).",
    )(f)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    from datetime import date

    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD", param_hint="--date") from exc


def _engine_options(f):  # type: ignore[no-untyped-def]
    f = click.option(
        "--model",
        default=DEFAULT_MODEL,
        show_default=True,
        help="Name of an installed spaCy pipeline.",
    )(f)
    f = click.option(
        "--actors",
        "actor_files",
        multiple=True,
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        help="A JSONL actor dictionary of your own, loaded on top of ours (repeatable).",
    )(f)
    f = click.option(
        "--verbs",
        "verb_file",
        type=click.Path(exists=True, dir_okay=False, path_type=Path),
        default=None,
        help="A JSONL verb-pattern file of your own, tried before ours.",
    )(f)
    return f


def _items(inputs: tuple[str, ...]) -> Iterator[RawArticle | Rejection]:
    from eventwire.ingest import iter_inputs

    return iter_inputs(inputs or ("-",))


def _load_engine(model: str, actor_files: tuple[Path, ...], verb_file: Path | None):  # type: ignore[no-untyped-def]
    from eventwire.engine import Engine
    from eventwire.nlp import ModelNotFound

    try:
        return Engine.load(model, actors=actor_files, verbs=verb_file)
    except ModelNotFound as exc:
        raise click.ClickException(str(exc)) from exc
    except ValueError as exc:
        raise click.ClickException(f"dictionary error: {exc}") from exc


@click.group()
@click.version_option(package_name="eventwire")
def main() -> None:
    """eventwire: raw news stories in, evidence-backed political event data out."""


@main.command()
@click.argument("inputs", nargs=-1)
@_date_option
@click.option("--json", "as_json", is_flag=True, help="One article object per input (JSON lines).")
@click.option("--explain", is_flag=True, help="Show kept and removed lines side by side.")
def clean(inputs: tuple[str, ...], default_date: str | None, as_json: bool, explain: bool) -> None:
    """Clean INPUT... (files, folders, - for stdin) into article text and metadata."""
    from eventwire.clean import clean_article, load_rules

    default_date = _check_date(default_date)
    rules = load_rules()
    for item in _items(inputs):
        result = item if isinstance(item, Rejection) else clean_article(item, rules, default_date)
        if isinstance(result, Rejection):
            if as_json:
                click.echo(
                    json.dumps(
                        {
                            "article": {"id": None, "source": result.source},
                            "rejections": [result.to_dict()],
                        }
                    )
                )
            else:
                click.echo(f"REJECTED {result.source} [{result.stage}] {result.reason}", err=True)
            continue
        if as_json:
            click.echo(json.dumps({"article": result.to_dict()}, ensure_ascii=False))
        elif explain:
            click.echo(f"== {result.source}")
            click.echo(f"title    : {result.title}")
            click.echo(f"dateline : {result.dateline}   wire: {result.wire}   published: {result.published}")
            click.echo(f"byline   : {result.byline}")
            for start, end in result.paragraphs:
                click.echo(f"  KEEP   | {result.text[start:end]}")
            for r in result.removed:
                click.echo(f"  REMOVE | [{r.rule}: {r.reason}] {r.text}")
        else:
            click.echo(result.text)


@main.command()
@click.argument("inputs", nargs=-1)
@_date_option
@_engine_options
@click.option("--json", "as_json", is_flag=True, help="One result object per article (JSON lines).")
@click.option("--explain", is_flag=True, help="Per sentence: triggers, patterns, and why they coded or not.")
def code(
    inputs: tuple[str, ...],
    default_date: str | None,
    model: str,
    actor_files: tuple[Path, ...],
    verb_file: Path | None,
    as_json: bool,
    explain: bool,
) -> None:
    """Code INPUT... into events, actors and quotes (printed; nothing stored)."""
    from eventwire.pipeline import run

    default_date = _check_date(default_date)
    engine = _load_engine(model, actor_files, verb_file)
    for result, coded in run(engine, _items(inputs), default_date):
        if as_json:
            click.echo(json.dumps(result.to_dict(), ensure_ascii=False))
            continue
        click.echo(f"== {result.source}" + (f"  ({result.article.title})" if result.article else ""))
        for rej in result.rejections:
            click.echo(f"  REJECTED [{rej.stage}] {rej.reason}")
        for e in result.events:
            click.echo("  " + _event_line(e.to_dict()))
        if explain and coded is not None:
            for c in coded.candidates:
                click.echo(f"    · '{c.trigger}'@{c.trigger_start} {c.pattern or '-'}: {c.outcome}")
            for a in result.actors:
                click.echo(f"    actor '{a.text}' → {a.code or '-'} ({a.resolved_by})")


def _event_line(e: dict[str, Any]) -> str:
    src = e["source"]["code"] if e["source"] else "---"
    tgt = e["target"]["code"] if e["target"] else "---"
    s_name = e["source"]["name"] if e["source"] else ""
    t_name = e["target"]["name"] if e["target"] else ""
    loc = e["location"]["name"] if e.get("location") else ""
    return (
        f"{e['date'] or '?':10} {e['date_precision'] or '':11} {src:>8} → {tgt:<8} {e['cameo']:5} "
        f"{e['modality']:12} {s_name[:22]:22} → {t_name[:22]:22} '{e['evidence']['trigger']['text']}' {loc}"
    )


@main.command("run")
@click.argument("inputs", nargs=-1)
@_date_option
@_engine_options
@click.option(
    "--db",
    default="eventwire.duckdb",
    show_default=True,
    type=click.Path(dir_okay=False, path_type=Path),
)
@click.option("--batch-size", default=32, show_default=True, type=click.IntRange(1, 10_000))
@click.option("--quiet", is_flag=True, help="No progress bar.")
def run_cmd(
    inputs: tuple[str, ...],
    default_date: str | None,
    model: str,
    actor_files: tuple[Path, ...],
    verb_file: Path | None,
    db: Path,
    batch_size: int,
    quiet: bool,
) -> None:
    """Run the whole pipeline over INPUT... and store everything in a DuckDB file."""
    from eventwire.pipeline import run
    from eventwire.store import Store

    default_date = _check_date(default_date)
    engine = _load_engine(model, actor_files, verb_file)
    started = time.perf_counter()
    n_articles = n_events = n_rejected = 0
    with Store(db) as store:
        before = store.counts()
        pending = []
        for result, _ in run(engine, _items(inputs), default_date, batch_size=batch_size):
            pending.append(result)
            n_articles += 1
            n_events += len(result.events)
            n_rejected += bool(result.rejections)
            if not quiet:
                rate = n_articles / max(time.perf_counter() - started, 1e-9)
                click.echo(
                    f"\r{n_articles} articles, {n_events} events, {n_rejected} rejected "
                    f"({rate:.1f} articles/s)",
                    nl=False,
                    err=True,
                )
            if len(pending) >= batch_size:
                store.write(pending)
                pending = []
        store.write(pending)
        after = store.counts()
    elapsed = time.perf_counter() - started
    if not quiet:
        click.echo("", err=True)
    added = {k: after[k] - before[k] for k in after}
    click.echo(
        f"{n_articles} articles ({n_rejected} rejected), {n_events} events in {elapsed:.1f}s "
        f"({n_articles / max(elapsed, 1e-9):.2f} articles/s); stored new: "
        + ", ".join(f"{v} {k}" for k, v in added.items())
        + f" → {db}",
        err=True,
    )


@main.command()
@click.option(
    "--db",
    default="eventwire.duckdb",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option("--limit", default=50, show_default=True, type=int)
def show(db: Path, limit: int) -> None:
    """Print a readable table of the stored events."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute(
            """SELECT coalesce(cast(event_date AS VARCHAR), '?'), coalesce(date_precision, ''),
                      coalesce(source_code, '---'), coalesce(target_code, '---'), cameo, goldstein,
                      modality, coalesce(source_name, ''), coalesce(target_name, ''),
                      trigger, coalesce(location_name, '')
               FROM events ORDER BY event_date NULLS LAST, id LIMIT ?""",
            [limit],
        ).fetchall()
        totals = con.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events), "
            "(SELECT count(*) FROM rejections)"
        ).fetchone()
    finally:
        con.close()
    click.echo(
        f"{'date':10} {'prec':11} {'source':>8}   {'target':8} {'cameo':5} {'gold':>5} "
        f"{'modality':12} {'source name':22}   {'target name':22} trigger / place"
    )
    for r in rows:
        click.echo(
            f"{r[0]:10} {r[1]:11} {r[2]:>8} → {r[3]:8} {r[4]:5} {r[5]:5.1f} {r[6]:12} "
            f"{r[7][:22]:22} → {r[8][:22]:22} '{r[9]}' {r[10]}"
        )
    if totals:
        click.echo(f"-- {totals[0]} articles, {totals[1]} events, {totals[2]} rejections in {db}")


@main.command()
@click.option(
    "--db",
    default="eventwire.duckdb",
    show_default=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["csv", "parquet", "jsonl"]),
    default="csv",
    show_default=True,
)
@click.option(
    "--table",
    default="events",
    show_default=True,
    type=click.Choice(["events", "articles", "actors", "quotes", "rejections"]),
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Output file (default: stdout for csv and jsonl).",
)
def export(db: Path, fmt: str, table: str, out: Path | None) -> None:
    """Export a stored table as CSV, Parquet or JSON lines."""
    import tempfile

    from eventwire.export import export_table

    if out is None:
        if fmt == "parquet":
            raise click.UsageError("--format parquet needs --out FILE")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"export.{fmt}"
            export_table(db, table, fmt, path)
            sys.stdout.write(path.read_text(encoding="utf-8"))
        return
    n = export_table(db, table, fmt, out)
    click.echo(f"{n} {table} rows → {out}", err=True)


@main.group("dict")
def dict_group() -> None:
    """Check and query the actor and verb dictionaries."""


@dict_group.command("validate")
@click.argument("files", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def dict_validate(files: tuple[Path, ...]) -> None:
    """Validate our dictionaries (and FILES, a user's own actor layers): file:line errors."""
    from eventwire.dictcheck import validate_all

    errors, summary = validate_all(list(files))
    for err in errors:
        click.echo(err, err=True)
    click.echo(summary)
    if errors:
        raise SystemExit(1)


@dict_group.command("lookup")
@click.argument("name")
@click.option("--date", "day", metavar="YYYY-MM-DD", default=None)
@click.option("--json", "as_json", is_flag=True)
@click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
)
def dict_lookup(name: str, day: str | None, as_json: bool, actor_files: tuple[Path, ...]) -> None:
    """Resolve NAME on a date and say why."""
    from eventwire.dictcheck import lookup

    found = lookup(name, _check_date(day), actor_files)
    if not found:
        raise click.ClickException(f"{name!r} is not in the actor dictionary")
    for obj in found:
        if as_json:
            click.echo(json.dumps(obj, ensure_ascii=False))
        else:
            click.echo(
                f"{obj['text']} → {obj['code'] or '-'} (country {obj['country']}, sector "
                f"{obj['sector']}, org {obj['org']}): {obj['name']} — {obj['reason']}"
            )


@dict_group.command("manifest")
def dict_manifest() -> None:
    """Rewrite data/manifest.json (version, counts, sha256 of every dictionary file)."""
    from eventwire.dictcheck import write_manifest

    path = write_manifest()
    click.echo(f"wrote {path}")


@main.command("eval")
@click.argument("suites", nargs=-1)
@click.option(
    "--shared",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder holding the third-party data (default: ../shared beside the repo).",
)
@click.option("--limit", type=click.IntRange(1), default=None, help="Cap items per gold set (quick runs).")
@click.option("--json", "as_json", is_flag=True, help="One JSON object of metrics per suite.")
@click.option(
    "--floors",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Fail when a metric falls below its floor in this file (eval/floors.json).",
)
@click.option("--model", default=DEFAULT_MODEL, show_default=True)
def eval_cmd(
    suites: tuple[str, ...],
    shared: Path | None,
    limit: int | None,
    as_json: bool,
    floors: Path | None,
    model: str,
) -> None:
    """Measure accuracy against the gold sets: extraction, coder, actors, enrich (default: all)."""
    from eventwire.evaluation import SUITES, GoldMissing, check_floors, default_shared, run_suite

    base = shared or default_shared()
    engines: list[Any] = []

    def engine_factory() -> Any:
        if not engines:
            engines.append(_load_engine(model, (), None))
        return engines[0]

    failures: list[str] = []
    for suite in suites or SUITES:
        if suite not in SUITES:
            raise click.BadParameter(f"{suite!r} (one of {', '.join(SUITES)})", param_hint="SUITE")
        try:
            metrics = run_suite(suite, base, engine_factory, limit)
        except GoldMissing as exc:
            click.echo(f"{suite}: skipped, gold data not found ({exc})", err=True)
            continue
        metrics = {"suite": suite, **metrics}
        if as_json:
            click.echo(json.dumps(metrics, ensure_ascii=False))
        else:
            click.echo(f"== {suite}")
            for key, value in metrics.items():
                if key != "suite":
                    shown = (
                        json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else value
                    )
                    click.echo(f"  {key}: {shown}")
        if floors is not None and limit is None:
            failures += check_floors(suite, metrics, floors)
    for failure in failures:
        click.echo(f"BELOW FLOOR {failure}", err=True)
    if failures:
        raise SystemExit(1)
