#!/usr/bin/env python3
"""Turns a JFR recording's method samples into collapsed stacks and a flame graph (SVG).

   bench/jfr-flame.py recording.jfr out-prefix [title]

Writes out-prefix.collapsed (one line per distinct stack: thread;frame;...;frame count, the root
first) and out-prefix.svg (a flame graph: each frame as wide as the share of samples whose stack
passes through it, callers below callees; hover a box for its name and share). Uses the JDK's own
`jfr` tool; samples are jdk.ExecutionSample (threads running Java code) and jdk.NativeMethodSample
(threads in native code: sockets, file IO, waiting), so the graph shows where the threads' time goes,
not only their CPU.
"""
import collections
import html
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+(.+?)\s+line:\s*\d+")


def collapsed(jfr):
    out = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample,jdk.NativeMethodSample",
                          "--stack-depth", "96", jfr], capture_output=True, text=True, check=True).stdout
    stacks = collections.Counter()
    thread, frames, kind = None, [], None
    for line in out.splitlines():
        s = line.strip()
        if s.startswith("jdk.ExecutionSample") or s.startswith("jdk.NativeMethodSample"):
            kind = "cpu" if s.startswith("jdk.ExecutionSample") else "native"
            thread, frames = None, []
        elif s.startswith("sampledThread"):
            m = re.search(r'"(.*)"', s)
            thread = re.sub(r"-\d+$", "-N", m.group(1)) if m else "?"
        elif FRAME.match(line) and kind:
            name = FRAME.match(line).group(1)
            name = re.sub(r"\(.*\)$", "", name)  # drop parameter lists
            frames.append(name)
        elif s == "}" and kind:
            if frames:
                root = f"{thread or '?'} [{kind}]"
                stacks[";".join([root] + list(reversed(frames)))] += 1
            kind = None
    return stacks


def svg(stacks, title):
    root = {"n": 0, "c": {}}
    for stack, count in stacks.items():
        node = root
        node["n"] += count
        for fr in stack.split(";"):
            node = node["c"].setdefault(fr, {"n": 0, "c": {}})
            node["n"] += count
    total = max(1, root["n"])
    width, row = 1800, 16
    boxes = []

    def walk(node, name, x, depth):
        w = width * node["n"] / total
        if w < 0.4:
            return
        boxes.append((x, depth, w, name, node["n"]))
        cx = x
        for child_name, child in sorted(node["c"].items(), key=lambda kv: -kv[1]["n"]):
            walk(child, child_name, cx, depth + 1)
            cx += width * child["n"] / total

    walk(root, "all", 0, 0)
    depth = max(b[1] for b in boxes) + 1
    height = (depth + 2) * row
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" font-family="monospace" font-size="11">',
             f'<text x="4" y="12">{html.escape(title)} ({total} samples)</text>']
    for x, d, w, name, n in boxes:
        y = height - (d + 1) * row
        hue = 20 + (hash(name.split(".")[0]) % 40)
        label = name if len(name) * 6.5 < w else name[: max(0, int(w / 6.5) - 2)] + ".." if w > 20 else ""
        parts.append(f'<g><title>{html.escape(name)}: {n} samples, {100.0 * n / total:.1f} %</title>'
                     f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{row - 1}" fill="hsl({hue},85%,62%)"/>'
                     f'<text x="{x + 2:.1f}" y="{y + 11}">{html.escape(label)}</text></g>')
    parts.append("</svg>")
    return "\n".join(parts)


def main():
    jfr, prefix = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else jfr
    stacks = collapsed(jfr)
    with open(prefix + ".collapsed", "w", encoding="utf-8") as f:
        for stack, count in stacks.most_common():
            f.write(f"{stack} {count}\n")
    with open(prefix + ".svg", "w", encoding="utf-8") as f:
        f.write(svg(stacks, title))
    print(f"{sum(stacks.values())} samples -> {prefix}.collapsed, {prefix}.svg")


if __name__ == "__main__":
    main()
