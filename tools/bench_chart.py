#!/usr/bin/env python3
"""Reads the output of `cargo bench --bench suite` and writes docs/performance.svg.

Usage: python3 tools/bench_chart.py [--criterion DIR] [--svg FILE] [--markdown]

It reads target/criterion/*/**/new/{benchmark,estimates}.json (criterion's medians) and
target/criterion/suite-summary/*.json (heap and one-shot build figures written by the suite). With
--markdown it also prints the tables and the target ratios of issue 6 as Markdown for
docs/performance.md. Standard library only.
"""

import argparse
import glob
import json
import math
import os
import sys
from xml.sax.saxutils import escape

ENGINES = ["jingwang", "aho-corasick", "aho-corasick-dfa", "daachorse", "rustrict"]
COLOURS = {
    "jingwang": "#c0392b",
    "aho-corasick": "#2980b9",
    "aho-corasick-dfa": "#7fb3d5",
    "daachorse": "#27ae60",
    "rustrict": "#8e44ad",
}
LEXICONS = ["100", "default", "10k", "100k", "300k"]
CORPORA = ["zh", "zh-trad", "en", "mixed"]
# Scanned only: Chinese pages with disguised offer lines (the full pipeline on every page).
SCAN_CORPORA = CORPORA + ["zh-offers"]
SIZES = ["100B", "10KB", "10MB"]


def load(criterion_dir):
    """Returns {(group, function_id, value): {"ns": median, "bytes": n or None, "elements": n or None}}."""
    out = {}
    pattern = os.path.join(criterion_dir, "**", "new", "benchmark.json")
    for path in glob.glob(pattern, recursive=True):
        folder = os.path.dirname(path)
        try:
            with open(path) as f:
                bench = json.load(f)
            with open(os.path.join(folder, "estimates.json")) as f:
                est = json.load(f)
        except (OSError, ValueError):
            continue
        tp = bench.get("throughput") or {}
        key = (bench["group_id"], bench.get("function_id") or "", bench.get("value_str") or "")
        out[key] = {
            "ns": est["median"]["point_estimate"],
            "bytes": tp.get("Bytes") or tp.get("BytesDecimal"),
            "elements": tp.get("Elements"),
        }
    return out


def mbps(entry):
    """Throughput in MB/s (10^6 bytes per second)."""
    if not entry or not entry["bytes"]:
        return None
    return entry["bytes"] / entry["ns"] * 1e3


def fmt_time(ns):
    if ns is None:
        return "–"
    if ns < 1e3:
        return f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.2f} µs"
    if ns < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def fmt_rate(x):
    if x is None:
        return "–"
    if x >= 100:
        return f"{x:.0f}"
    if x >= 10:
        return f"{x:.1f}"
    return f"{x:.2f}"


def biggest_size(data, group, prefix):
    """The largest text size measured for a group and function prefix (10MB when the full run was made)."""
    for size in reversed(SIZES):
        if any(k[0] == group and k[1].startswith(prefix) and k[2] == size for k in data):
            return size
    return "10KB"


def rows_for_chart(data):
    """(heading, [(label, engine, MB/s)]) sections for the chart."""
    sections = []
    size = biggest_size(data, "scan", "zh/")
    for lex in LEXICONS:
        rows = []
        for eng in ENGINES:
            v = mbps(data.get(("scan", f"zh/{lex}/{eng}", size)))
            if v:
                rows.append((eng, eng, v))
        if rows:
            sections.append((f"scan (find_all), Chinese, {lex} terms, {size}", rows))
    for group in ["scan", "is_match", "mask"]:
        for corpus in SCAN_CORPORA if group == "scan" else CORPORA:
            if group == "scan" and corpus == "zh":
                continue
            rows = []
            for eng in ENGINES:
                v = mbps(data.get((group, f"{corpus}/default/{eng}", size)))
                if v:
                    rows.append((eng, eng, v))
            if rows:
                sections.append((f"{group}, {corpus}, default lexicon, {size}", rows))
    rows = []
    for corpus in CORPORA:
        v = mbps(data.get(("normalize", corpus, size)))
        if v:
            rows.append((corpus, "jingwang", v))
    if rows:
        sections.append((f"normalize only, {size}", rows))
    return sections


def write_svg(sections, path, title):
    bar_h, gap, head_h, left, width = 13, 3, 20, 150, 560
    values = [v for _, rows in sections for _, _, v in rows]
    if not values:
        sys.exit("no criterion results found; run `cargo bench --bench suite` first")
    lo = 10 ** math.floor(math.log10(min(values)))
    hi = 10 ** math.ceil(math.log10(max(values)))
    span = math.log10(hi) - math.log10(lo)

    def x(v):
        return left + (math.log10(v) - math.log10(lo)) / span * width

    height = 60 + sum(head_h + len(rows) * (bar_h + gap) for _, rows in sections) + 40
    total_w = left + width + 90
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total_w}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect width="{total_w}" height="{height}" fill="white"/>',
        f'<text x="10" y="20" font-size="14" font-weight="bold">{escape(title)}</text>',
        f'<text x="10" y="36" fill="#555">Median throughput, MB/s, logarithmic scale. '
        f"Yardsticks search the raw text without normalisation.</text>",
    ]
    y = 50
    # Grid lines at powers of ten.
    grid_top = y
    decade = lo
    grid = []
    while decade <= hi * 1.0001:
        gx = x(decade)
        grid.append((gx, decade))
        decade *= 10
    for title_, rows in sections:
        y += head_h
        out.append(f'<text x="10" y="{y - 5}" font-weight="bold">{escape(title_)}</text>')
        for label, eng, v in rows:
            out.append(f'<text x="{left - 6}" y="{y + bar_h - 3}" text-anchor="end">{escape(label)}</text>')
            out.append(
                f'<rect x="{left}" y="{y}" width="{max(x(v) - left, 1):.1f}" height="{bar_h}" '
                f'fill="{COLOURS.get(eng, "#888")}"/>'
            )
            out.append(f'<text x="{x(v) + 4:.1f}" y="{y + bar_h - 3}">{fmt_rate(v)}</text>')
            y += bar_h + gap
    for gx, d in grid:
        out.append(f'<line x1="{gx:.1f}" y1="{grid_top}" x2="{gx:.1f}" y2="{y}" stroke="#ccc" stroke-width="0.5"/>')
        label = f"{d:g}"
        out.append(f'<text x="{gx:.1f}" y="{y + 14}" text-anchor="middle" fill="#555">{label}</text>')
    out.append(f'<text x="{left + width / 2}" y="{y + 30}" text-anchor="middle" fill="#555">MB/s</text>')
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def verdict(ok):
    if ok is None:
        return "not measured"
    return "met" if ok else "**not met**"


def markdown(data, summary):
    lines = []
    size = biggest_size(data, "scan", "zh/")
    eng_cols = [e for e in ENGINES if any(k[1].endswith("/" + e) for k in data)]

    def table(group, functions, sizes):
        lines.append(f"| {group} | size | " + " | ".join(eng_cols) + " |")
        lines.append("|---|---|" + "---|" * len(eng_cols))
        for fn in functions:
            for s in sizes:
                cells = []
                for e in eng_cols:
                    d = data.get((group, f"{fn}/{e}", s))
                    cells.append(f"{fmt_rate(mbps(d))} MB/s ({fmt_time(d['ns'])})" if d else "–")
                if any(c != "–" for c in cells):
                    lines.append(f"| {fn} | {s} | " + " | ".join(cells) + " |")
        lines.append("")

    sizes = [s for s in SIZES if any(k[2] == s for k in data)]
    lines.append("### scan (find_all)\n")
    table("scan", [f"zh/{l}" for l in LEXICONS] + [f"{c}/default" for c in SCAN_CORPORA[1:]], sizes)
    lines.append("### is_match (clean text)\n")
    table("is_match", [f"{c}/default" for c in CORPORA], sizes)
    lines.append("### mask\n")
    table("mask", [f"{c}/default" for c in CORPORA], sizes)
    lines.append("### normalize\n")
    lines.append("| corpus | " + " | ".join(sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    for c in CORPORA:
        cells = []
        for s in sizes:
            d = data.get(("normalize", c, s))
            cells.append(f"{fmt_rate(mbps(d))} MB/s ({fmt_time(d['ns'])})" if d else "–")
        lines.append(f"| {c} | " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("### build, from_bytes and heap\n")
    lines.append(
        "| lexicon | literal patterns | filter patterns | build | from_bytes | from_bytes / build | "
        "saved size | heap jingwang | heap aho-corasick | heap AC DFA | heap daachorse | jingwang / daachorse heap | "
        "build aho-corasick | build AC DFA | build daachorse |"
    )
    lines.append("|---|" + "---|" * 14)
    by_lex = {s["lexicon"]: s for s in summary}
    for lex in LEXICONS:
        s = by_lex.get(lex)
        b = data.get(("build", "jingwang", lex))
        fb = data.get(("from_bytes", "jingwang", lex))
        if not s and not b:
            continue
        ratio = f"{fb['ns'] / b['ns'] * 100:.1f}%" if b and fb else "–"

        def mib(n):
            return "–" if n is None else f"{n / 2**20:.1f} MiB"

        def ms(v):
            return "–" if v is None else fmt_time(v * 1e6)

        h = s["heap_bytes"] if s else {}
        bm = s["build_ms"] if s else {}
        hr = f"{h['jingwang'] / h['daachorse']:.2f}×" if h else "–"
        lines.append(
            f"| {lex} | {s['literal_patterns'] if s else '–'} | {s['filter_patterns'] if s else '–'} | "
            f"{fmt_time(b['ns']) if b else '–'} | {fmt_time(fb['ns']) if fb else '–'} | {ratio} | "
            f"{mib(s['saved_bytes']) if s else '–'} | {mib(h.get('jingwang'))} | {mib(h.get('aho-corasick'))} | "
            f"{mib(h.get('aho-corasick-dfa'))} | {mib(h.get('daachorse'))} | {hr} | "
            f"{ms(bm.get('aho-corasick'))} | {ms(bm.get('aho-corasick-dfa'))} | {ms(bm.get('daachorse'))} |"
        )
    lines.append("")

    # Targets.
    def rate(group, fn, s=size):
        return mbps(data.get((group, fn, s)))

    def ratio(a, b):
        return None if a is None or b is None else a / b

    t = []
    r = ratio(rate("scan", "zh/default/jingwang"), rate("scan", "zh/default/aho-corasick"))
    t.append(("scan, zh, default lexicon ≥ 50% of aho-corasick", r, None if r is None else r >= 0.5, "ratio"))
    r = ratio(rate("mask", "zh/default/jingwang"), rate("scan", "zh/default/aho-corasick"))
    t.append(("mask, zh, default lexicon ≥ 40% of aho-corasick scan", r, None if r is None else r >= 0.4, "ratio"))
    for c in CORPORA:
        r = ratio(rate("is_match", f"{c}/default/jingwang"), rate("is_match", f"{c}/default/aho-corasick"))
        t.append((f"is_match, {c}, clean text ≥ 70% of aho-corasick", r, None if r is None else r >= 0.7, "ratio"))
    for lex in ["100k", "300k"]:
        a = rate("scan", f"zh/{lex}/aho-corasick")
        d = rate("scan", f"zh/{lex}/daachorse")
        best = None if a is None or d is None else max(a, d)
        r = ratio(rate("scan", f"zh/{lex}/jingwang"), best)
        t.append((f"scan, zh, {lex} terms ≥ the faster of aho-corasick and daachorse", r, None if r is None else r >= 1.0, "ratio"))
        s = by_lex.get(lex)
        r = s["heap_bytes"]["jingwang"] / s["heap_bytes"]["daachorse"] if s else None
        t.append((f"heap, {lex} terms ≤ 1.5× daachorse", r, None if r is None else r <= 1.5, "ratio"))
    b = data.get(("build", "jingwang", "100k"))
    t.append(("build, 100k terms ≤ 2 s", b["ns"] if b else None, None if not b else b["ns"] <= 2e9, "time"))
    for lex in LEXICONS:
        b = data.get(("build", "jingwang", lex))
        fb = data.get(("from_bytes", "jingwang", lex))
        r = fb["ns"] / b["ns"] if b and fb else None
        t.append((f"from_bytes ≤ 10% of build, {lex}", r, None if r is None else r <= 0.1, "ratio"))
    for g in ["scan", "is_match", "mask"]:
        d = data.get((g, "zh/default/jingwang", "100B"))
        t.append((f"100-byte message, {g}, < 2 µs", d["ns"] if d else None, None if not d else d["ns"] < 2000, "time"))
    for s in sizes:
        r = ratio(rate("scan", "en/default/jingwang", s), rate("scan", "en/default/rustrict", s))
        t.append((f"English scan ≥ 10× rustrict, {s}", r, None if r is None else r >= 10, "ratio"))
    lines.append("### targets\n")
    lines.append("| target | measured | verdict |")
    lines.append("|---|---|---|")
    for name, v, ok, kind in t:
        if v is None:
            m = "–"
        elif kind == "time":
            m = fmt_time(v)
        elif v >= 10:
            m = f"{v:.0f}×"
        else:
            m = f"{v:.2f}×"
        lines.append(f"| {name} | {m} | {verdict(ok)} |")
    lines.append("")
    return "\n".join(lines)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--criterion", default=os.path.join(root, "target", "criterion"))
    p.add_argument("--svg", default=os.path.join(root, "docs", "performance.svg"))
    p.add_argument("--title", default="jingwang next to raw literal automata (cargo bench --bench suite)")
    p.add_argument("--markdown", action="store_true", help="print the tables and target ratios")
    args = p.parse_args()
    data = load(args.criterion)
    summary = []
    for path in sorted(glob.glob(os.path.join(args.criterion, "suite-summary", "*.json"))):
        try:
            with open(path) as f:
                summary.append(json.load(f))
        except (OSError, ValueError):
            pass
    write_svg(rows_for_chart(data), args.svg, args.title)
    if args.markdown:
        print(markdown(data, summary))


if __name__ == "__main__":
    main()
