#!/usr/bin/python3
"""Writes a jaarverslag data folder of AREAS areas x 50 indicators x 10 years (2015-2024).

    gen_scale.py OUT [--scale 1] [--seed 1]

At --scale 1: 100 areas (1 total + 99 districts), 50 indicators, 10 years = 50.000 values, and
10 editions (2015-2024), each with
  - 10 theme chapters; each shows the charts of a tenth of the areas: per area 4 line charts
    (two indicators over the years up to the edition, for that area) and 1 hbar (5 indicators in
    the edition's year), with a sentence of figures per area ({{indicator area}} references),
  - a dashboard with 12 KPI tiles and 10 bar charts (one indicator, one bar per district),
  - and the district pages the generator makes by itself (one per district).
That is about 10 x (5 x 100 + 10) = 5.100 charts and 10 x (99 + 10 + home + dashboard) ~ 1.100
pages. --scale multiplies the number of areas (0.25 -> 25, 4 -> 400); indicators and years stay,
so values, charts and pages all grow in proportion. Deterministic for a given seed.
"""
import argparse
import json
import os
import random

YEARS = list(range(2015, 2025))
N_IND = 50
THEMES = ["Bereik", "Preventie", "Opvoeding", "Onderwijs", "Gezondheid", "Veiligheid",
          "Wonen", "Werk", "Vrije tijd", "Zorg"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n_areas = max(2, round(100 * args.scale))
    d = args.out
    os.makedirs(os.path.join(d, "values"), exist_ok=True)

    def dump(path, obj):
        os.makedirs(os.path.dirname(os.path.join(d, path)) or d, exist_ok=True)
        with open(os.path.join(d, path), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=1)
            f.write("\n")

    areas = [{"id": "totaal", "name": "Totaal", "kind": "total"}]
    for a in range(1, n_areas):
        areas.append({"id": f"gebied-{a:03d}", "name": f"Gebied {a}", "kind": "district"})
    dump("areas.json", {"areas": areas})
    dump("sources.json", {"sources": [{"id": "monitor", "title": "Stichting Voorbeeld, Monitor"}]})
    dump("site.json", {"organisation": "Stichting Voorbeeld", "short_name": "SV", "locale": "nl-NL",
                       "editions": [str(y) for y in YEARS]})

    inds = []
    for i in range(N_IND):
        theme = THEMES[i % len(THEMES)]
        pct = i % 2 == 0
        ind = {"id": f"ind-{i:02d}", "label": f"{theme} {i // len(THEMES) + 1}",
               "unit": "percent" if pct else "count", "decimals": 1 if pct else 0,
               "direction": rng.choice(["higher", "lower", "neutral"]),
               "group": theme, "source": "monitor",
               "description": f"Indicator {i} over {theme.lower()}."}
        if pct and i % 4 == 0:
            ind["targets"] = [{"value": 80, "kind": "target"}]
        inds.append(ind)
    dump("indicators.json", {"indicators": inds})

    with open(os.path.join(d, "values", "waarden.csv"), "w", encoding="utf-8") as f:
        f.write("indicator,area,year,value\n")
        for ind in inds:
            pct = ind["unit"] == "percent"
            for area in areas:
                total = area["kind"] == "total"
                v = rng.uniform(40, 95) if pct else rng.uniform(100, 5000) * (n_areas if total else 1)
                for y in YEARS:
                    v = min(100.0, max(0.0, v + rng.uniform(-3, 3))) if pct else max(1.0, v * rng.uniform(0.9, 1.12))
                    f.write(f"{ind['id']},{area['id']},{y},{v:.1f}\n" if pct else
                            f"{ind['id']},{area['id']},{y},{round(v)}\n")

    districts = [a for a in areas if a["kind"] == "district"]
    for y in YEARS:
        first = YEARS[0] if y > YEARS[0] else None
        charts, chapters = [], []
        per_theme = [areas[k::len(THEMES)] for k in range(len(THEMES))]
        for t, theme in enumerate(THEMES):
            name = f"thema-{t + 1:02d}"
            chapters.append(name)
            lines = ["---", f"title: {theme} per gebied", f"summary: {theme} in {y}, per gebied.",
                     "---", "", f"Dit hoofdstuk laat per gebied de cijfers over {theme.lower()} zien.", ""]
            for area in per_theme[t]:
                aid = area["id"]
                lines += [f"## {area['name']}", "",
                          f"In {area['name']} was {inds[t]['label'].lower()} {{{{ind-{t:02d} {aid}}}}} "
                          f"en {inds[t + 10]['label'].lower()} {{{{ind-{t + 10:02d} {aid}}}}}.", ""]
                for k in range(4):
                    a, b = (t + 10 * k) % N_IND, (t + 10 * k + 5) % N_IND
                    cid = f"{aid}-lijn-{k}"
                    if first is not None:
                        charts.append({"id": cid, "type": "line",
                                       "title": f"{inds[a]['label']} en {inds[b]['label']} in {area['name']}",
                                       "series": [{"indicator": inds[a]["id"], "area": aid},
                                                  {"indicator": inds[b]["id"], "area": aid}],
                                       "years": f"{first}-{y}"})
                    else:  # one year only: grouped bars instead of a line
                        charts.append({"id": cid, "type": "bar",
                                       "title": f"{inds[a]['label']} en {inds[b]['label']} in {area['name']}",
                                       "bars": [{"indicator": inds[a]["id"], "area": aid},
                                                {"indicator": inds[b]["id"], "area": aid}],
                                       "year": y})
                    lines += [f"```chart {cid}", "```", ""]
                cid = f"{aid}-staaf"
                charts.append({"id": cid, "type": "hbar", "title": f"Vijf cijfers voor {area['name']} in {y}",
                               "year": y, "bars": [{"indicator": inds[(t + 10 * k) % N_IND]["id"], "area": aid}
                                                   for k in range(5)]})
                lines += [f"```chart {cid}", "```", ""]
            with open(os.path.join(d, str(y), "chapters", name + ".md") if os.path.isdir(
                    os.path.join(d, str(y), "chapters")) else _mk(d, y, name), "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        dash = []
        for k in range(10):
            cid = f"stadsdelen-{k}"
            dash.append(cid)
            charts.append({"id": cid, "type": "bar", "title": f"{inds[k * 5]['label']} per gebied in {y}",
                           "year": y, "indicator": inds[k * 5]["id"], "areas": "districts"})
        dump(f"{y}/charts.json", {"charts": charts})
        dump(f"{y}/edition.json", {"year": y, "title": f"Monitor {y}", "subtitle": "Stichting Voorbeeld",
                                   "chapters": chapters,
                                   "dashboard": {"tiles": [inds[k]["id"] for k in range(12)], "charts": dash}})
    print(f"areas={n_areas} indicators={N_IND} years={len(YEARS)} values={n_areas * N_IND * len(YEARS)} "
          f"editions={len(YEARS)} charts_defined={len(YEARS) * (5 * n_areas + 10)}")


def _mk(d, y, name):
    os.makedirs(os.path.join(d, str(y), "chapters"), exist_ok=True)
    return os.path.join(d, str(y), "chapters", name + ".md")


if __name__ == "__main__":
    main()
