"""matplotlib side of the chart benchmark: the same 8-bar chart as chart_bench.cc
(chart_data.json), per iteration a new figure, PNG at 2x (dpi doubled: 192 instead of 96, so
1280 px wide like jaarverslag's PNG) and SVG (640 CSS px, text kept as <text>), Agg backend.
One Python process; prints
  RESULT renderer=matplotlib output=png2x+svg n=N seconds=S charts_per_second=R bytes=B
Usage: python3 mpl_bench.py [--n N] [--warmup W] [--height H] [--write DIR]
Run it with Debian's /usr/bin/python3 (python3-matplotlib).
"""
import argparse
import io
import json
import os
import time

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.ticker import FuncFormatter  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
BASE_DPI = 96  # 1 CSS px = 1/96 in, as in jaarverslag's SVG and PNG
PX = 72 / BASE_DPI  # font sizes in points for a size in CSS px

# The same font as jaarverslag (Debian fonts-inter), when installed.
for name in ("Inter-Regular.otf", "Inter-Bold.otf"):
    path = os.path.join("/usr/share/fonts/opentype/inter", name)
    if os.path.exists(path):
        font_manager.fontManager.addfont(path)
matplotlib.rcParams["font.family"] = ["Inter", "DejaVu Sans"]
matplotlib.rcParams["svg.fonttype"] = "none"  # real <text>, as jaarverslag and Vega write
matplotlib.rcParams["svg.hashsalt"] = "bench"


def dutch_integer(value, _pos=None):
    return f"{int(round(value)):,}".replace(",", ".")


def render_once(data, height):
    fig = plt.figure(figsize=(data["width"] / BASE_DPI, height / BASE_DPI), dpi=BASE_DPI)
    ax = fig.add_subplot()
    bars = ax.bar(data["categories"], data["values"], color="#0072b2", width=0.7, zorder=2)
    # The value labels come pre-formatted, as they do for jaarverslag.
    ax.bar_label(bars, labels=data["labels"], padding=4, fontsize=13 * PX)
    ax.set_title(data["title"], loc="left", fontsize=18 * PX, fontweight="bold")
    ax.yaxis.set_major_formatter(FuncFormatter(dutch_integer))
    ax.tick_params(labelsize=13 * PX, length=0)
    ax.grid(axis="y", color="#dddddd", zorder=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    fig.tight_layout()
    png = io.BytesIO()
    fig.savefig(png, format="png", dpi=2 * BASE_DPI)
    svg = io.BytesIO()
    fig.savefig(svg, format="svg")
    plt.close(fig)
    return png.getvalue(), svg.getvalue()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--height", type=float, default=400)
    parser.add_argument("--data", default=os.path.join(HERE, "chart_data.json"))
    parser.add_argument("--write", default="")
    args = parser.parse_args()
    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)

    if args.write:
        png, svg = render_once(data, args.height)
        with open(os.path.join(args.write, "matplotlib@2x.png"), "wb") as f:
            f.write(png)
        with open(os.path.join(args.write, "matplotlib.svg"), "wb") as f:
            f.write(svg)
        print(f"SIZE renderer=matplotlib width={data['width']} height={args.height:g}")
        return

    for _ in range(args.warmup):
        render_once(data, args.height)
    sink = 0
    start = time.perf_counter()
    for _ in range(args.n):
        png, svg = render_once(data, args.height)
        sink += len(png) + len(svg)
    seconds = time.perf_counter() - start
    print(f"RESULT renderer=matplotlib output=png2x+svg n={args.n} seconds={seconds:.6f} "
          f"charts_per_second={args.n / seconds:.2f} bytes={sink}", flush=True)


if __name__ == "__main__":
    main()
