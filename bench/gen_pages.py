#!/usr/bin/python3
"""Writes the same N Markdown pages twice: as a jaarverslag data folder and as a minimal Hugo site.

    gen_pages.py OUT [--pages 1000] [--seed 1] [--base-url URL]

OUT/jaarverslag/data/   site.json, areas.json, indicators.json, sources.json, values/waarden.csv,
                        2024/edition.json (N chapters), 2024/charts.json, 2024/chapters/*.md
OUT/jaarverslag/templates -> not written; use the project's templates/
OUT/hugo/               config.toml, layouts/ (a tiny layout of our own), content/hoofdstukken/*.md

The chapter files are byte-identical in both trees: YAML front matter (title, summary,
numbered) and Dutch-looking text of 500-1500 words with ## headings, bullet and
numbered lists, one GFM table, external links and links to other chapters
(`hoofdstuk-0002.md#anchor`, which jaarverslag checks and rewrites; Hugo leaves them as written).
Deterministic for a given seed. --base-url sets jaarverslag's base_url (Hugo's baseURL is always
set): with it every jaarverslag page gets Open Graph URLs and a 1200x630 preview image; without
it there is nothing a preview could be linked from, and jaarverslag paints none.
"""
import argparse
import json
import os
import random

WORDS = """de het een en van in op met voor door naar bij over uit als aan om tot
ouders kinderen jongeren gezin gezinnen wijk wijken school scholen buurt team teams
jeugdhulp preventie ondersteuning opvoeding zorg gezondheid consult consulten adviseur
adviseurs jeugdarts verpleegkundige huisarts partner partners gemeente stadsdeel
afspraak afspraken training trainingen bijeenkomst bijeenkomsten ervaring ervaringen
vragen vraag hulp aanpak werkwijze samenwerking netwerk organisatie medewerkers
bereik aandeel groei daling stijging verschil resultaat resultaten doel doelen
jaar jaren maand week dag tijd plan plannen rapport cijfers gegevens onderzoek
goed beter snel dichtbij samen eerder vaak meestal soms altijd nooit nieuw nieuwe
belangrijk duidelijk sterk sterke veilig veilige gezond gezonde kwetsbaar kwetsbare
werken helpen begeleiden bespreken verwijzen ondersteunen versterken meten volgen
leren delen kijken zorgen bieden vinden maken geven nemen houden blijven komen
heeft hebben wordt worden werd werden kan kunnen moet moeten wil willen zijn was""".split()

HEADINGS = """Samenwerking in de wijk|Bereik en toegang|Preventie op school|Opvoedondersteuning
|Jeugdgezondheidszorg|Trainingen voor ouders|Wachttijden en doorlooptijden|Signalering en vroeg
erbij|Cijfers in context|Ervaringen van ouders|Inzet van medewerkers|Kwaliteit en
verantwoording|Doelen voor volgend jaar|Wat ging goed|Wat kan beter|Digitale bereikbaarheid
|Scholing en opleiding|Gezond opgroeien|Veilig thuis|Taal en gezondheid""".replace("\n", " ").split("|")
HEADINGS = [" ".join(h.split()) for h in HEADINGS]


def anchor(text):
    out, hyphen = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            hyphen = False
        elif not hyphen:
            out.append("-")
            hyphen = True
    return "".join(out).strip("-")


def sentence(rng, lo=6, hi=18):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice([".", ".", ".", "?", "!"])


def paragraph(rng, n_sent):
    return " ".join(sentence(rng) for _ in range(n_sent))


def page_headings(rng, i):
    k = rng.randint(3, 6)
    return [f"{h}" for h in rng.sample(HEADINGS, k)]


def chapter_name(i):
    return f"hoofdstuk-{i:04d}"


def write_page(rng, i, n, headings):
    """One chapter. headings: list per page (for cross-links)."""
    target_words = rng.randint(500, 1500)
    title = f"{headings[i - 1][0]} ({i})"
    lines = ["---", f"title: {title}", f"summary: {sentence(rng, 6, 12)[:-1]}",
             "numbered: true", "---", ""]
    words = 0
    hs = headings[i - 1]
    for s, h in enumerate(hs):
        lines += [f"## {h}", ""]
        budget = target_words // len(hs)
        used = 0
        block = 0
        while used < budget:
            kind = block % 4
            if kind in (0, 2, 3):
                p = paragraph(rng, rng.randint(3, 7))
                if kind == 2:  # a link to another chapter's section and an external link
                    j = rng.randint(1, n)
                    other = headings[j - 1]
                    target = rng.choice(other)
                    p += (f" Zie ook [{target.lower()}]({chapter_name(j)}.md#{anchor(target)})"
                          f" en de [website van de gemeente](https://www.amsterdam.nl/"
                          f"{anchor(h)}/).")
                lines += [p, ""]
                used += len(p.split())
            elif kind == 1:
                items = [sentence(rng, 4, 10) for _ in range(rng.randint(3, 6))]
                ordered = rng.random() < 0.3
                lines += [(f"{k + 1}. " if ordered else "- ") + t for k, t in enumerate(items)]
                lines.append("")
                used += sum(len(t.split()) for t in items)
            block += 1
        if s == 1:  # one table per page, at the end of the second section
            lines += ["| Stadsdeel | 2022 | 2023 | Verschil |", "|---|---:|---:|---:|"]
            for d in ["Centrum", "Nieuw-West", "Noord", "Oost", "West", "Zuid", "Zuidoost"]:
                a, b = rng.randint(100, 3000), rng.randint(100, 3000)
                lines.append(f"| {d} | {a} | {b} | {round((b - a) * 100 / a):+d}% |")
            lines.append("")
            used += 28
        words += used
    return "\n".join(lines), words


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--base-url", default="")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    n = args.pages

    headings = [page_headings(rng, i) for i in range(1, n + 1)]
    pages, total_words = [], 0
    for i in range(1, n + 1):
        text, w = write_page(rng, i, n, headings)
        pages.append(text)
        total_words += w

    # --- jaarverslag data folder --------------------------------------------------------------
    d = os.path.join(args.out, "jaarverslag", "data")
    os.makedirs(os.path.join(d, "values"), exist_ok=True)
    os.makedirs(os.path.join(d, "2024", "chapters"), exist_ok=True)

    def dump(path, obj):
        with open(os.path.join(d, path), "w", encoding="utf-8") as f:
            json.dump(obj, f, ensure_ascii=False, indent=2)
            f.write("\n")

    site = {"organisation": "Stichting Voorbeeld", "short_name": "SV", "locale": "nl-NL",
            "editions": ["2024"]}
    if args.base_url:
        site["base_url"] = args.base_url
    dump("site.json", site)
    dump("areas.json", {"areas": [{"id": "amsterdam", "name": "Amsterdam", "kind": "total"}]})
    dump("sources.json", {"sources": [{"id": "jaarverslag-2024",
                                       "title": "Stichting Voorbeeld, Jaarverslag 2024"}]})
    dump("indicators.json", {"indicators": [{
        "id": "consulten", "label": "Consulten", "unit": "count", "decimals": 0,
        "direction": "neutral", "description": "Aantal consulten.", "source": "jaarverslag-2024"}]})
    with open(os.path.join(d, "values", "waarden.csv"), "w", encoding="utf-8") as f:
        f.write("indicator,area,year,value,certainty,source,note\n"
                "consulten,amsterdam,2024,443680,clear,jaarverslag-2024,\n")
    names = [chapter_name(i) for i in range(1, n + 1)]
    dump("2024/edition.json", {"year": 2024, "title": "Jaarverslag 2024",
                               "subtitle": "Stichting Voorbeeld", "chapters": names,
                               "dashboard": {"tiles": ["consulten"], "charts": []}})
    dump("2024/charts.json", {"charts": []})
    for name, text in zip(names, pages):
        with open(os.path.join(d, "2024", "chapters", name + ".md"), "w", encoding="utf-8") as f:
            f.write(text + "\n")

    # --- Hugo site --------------------------------------------------------------------------------
    h = os.path.join(args.out, "hugo")
    content = os.path.join(h, "content", "hoofdstukken")
    layouts = os.path.join(h, "layouts", "_default")
    os.makedirs(content, exist_ok=True)
    os.makedirs(layouts, exist_ok=True)
    with open(os.path.join(h, "config.toml"), "w") as f:
        f.write('baseURL = "https://www.example.nl/jaarverslag/"\n'
                'languageCode = "nl-NL"\n'
                'title = "Jaarverslag 2024"\n'
                'relativeURLs = true\n'
                'disableKinds = ["taxonomy", "term"]\n'
                '[markup.goldmark.renderer]\n  unsafe = false\n'
                '[markup.tableOfContents]\n  startLevel = 2\n  endLevel = 2\n')
    layout_files = {
        "baseof.html": """<!DOCTYPE html>
<html lang="nl">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} | {{ .Site.Title }}</title>
<meta name="description" content="{{ .Params.summary }}"></head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>{{ .Site.Title }}</footer></body></html>
""",
        "single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<nav aria-label="Inhoud">{{ .TableOfContents }}</nav>
{{ .Content }}</article>
<nav aria-label="Vorige en volgende">
{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
</nav>{{ end }}
""",
        "list.html": """{{ define "main" }}<h1>{{ .Title }}</h1><ol>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ .Params.summary }}</li>
{{ end }}</ol>{{ end }}
""",
    }
    for name, text in layout_files.items():
        with open(os.path.join(layouts, name), "w") as f:
            f.write(text)
    with open(os.path.join(h, "layouts", "index.html"), "w") as f:
        f.write(layout_files["list.html"].replace(".Pages", ".Site.RegularPages"))
    for name, text in zip(names, pages):
        with open(os.path.join(content, name + ".md"), "w", encoding="utf-8") as f:
            f.write(text + "\n")

    print(f"pages={n} words={total_words} words_per_page={total_words // n}")


if __name__ == "__main__":
    main()
