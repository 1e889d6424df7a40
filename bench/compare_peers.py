#!/usr/bin/env python3
"""Whole-process timings of lesion-atlas next to its peers on the same mesh, in one run (issue 9).

    python3 bench/compare_peers.py [--build build] [--runs 5] [--out /tmp/la-peers]

Each case runs its commands in turn (A, B, C, A, B, C, ...), after one warm-up run each, and
prints the median wall time of every command and the ratio of lesion-atlas to each peer, computed
run by run (so a machine that slows down midway does not skew it). Peers, used when installed and
named as missing when not:
  - f3d (Debian package f3d) on assets/bodies/male.glb;
  - bench/peer_vtk.py with python3-vtk9 (Debian's python3): one offscreen render, one PNG.
Cases: render 1920x1080; render 3840x2160 with a transparent background; the window's start
(launch to the first complete frame with body and markers, as `--verbose` reports it), against an
older build too with --baseline (the older build needs the same --verbose report); and the PNG's
size against zlib at its default level on the same pixels.
Needs a display: uses $DISPLAY, or starts Xvfb for the whole run (so no command pays for it).
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MESH = os.path.join(ROOT, "assets", "bodies", "male.glb")
SYSTEM_PYTHON = "/usr/bin/python3"


def run(cmd):
    t0 = time.perf_counter()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(cmd)}\n{p.stderr[-2000:]}")
    return wall, p.stderr


def compare(title, commands, runs):
    """commands: list of (name, argv). Prints medians and per-run ratios of the first to the others."""
    print(f"\n## {title}")
    for _, cmd in commands:
        run(cmd)  # warm-up: file cache, shader disk caches
    times = {name: [] for name, _ in commands}
    for _ in range(runs):
        for name, cmd in commands:
            times[name].append(run(cmd)[0])
    first = commands[0][0]
    for name, _ in commands:
        t = times[name]
        print(f"  {name:<34} median {statistics.median(t):6.2f} s  (min {min(t):.2f}, max {max(t):.2f})")
    for name, _ in commands[1:]:
        ratios = [a / b for a, b in zip(times[first], times[name])]
        print(f"  ratio {first} / {name}: median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")


def peers(width, height, transparent, out):
    found = []
    if shutil.which("f3d"):
        cmd = ["f3d", "--output", f"{out}/f3d.png", "--resolution", f"{width},{height}"]
        if transparent:
            cmd.append("--no-background")
        found.append(("f3d " + subprocess.run(["f3d", "--version"], stdout=subprocess.PIPE, text=True).stdout.split()[1],
                      cmd + [MESH]))
    else:
        print("  (f3d is not installed: apt-get install f3d)")
    if os.path.exists(SYSTEM_PYTHON) and subprocess.run([SYSTEM_PYTHON, "-c", "import vtk"],
                                                        stderr=subprocess.DEVNULL).returncode == 0:
        cmd = [SYSTEM_PYTHON, os.path.join(ROOT, "bench", "peer_vtk.py"), MESH, f"{out}/vtk.png", str(width), str(height)]
        found.append(("python VTK script", cmd + (["--transparent"] if transparent else [])))
    else:
        print("  (Python VTK is not installed: apt-get install python3-vtk9)")
    return found


def first_frame_ms(exe, out):
    _, err = run([exe, "--verbose", "--screenshot", f"{out}/window.png"])
    m = re.search(r"first complete frame (\d+) ms after launch", err)
    if not m:
        sys.exit(f"{exe}: the window did not report its first frame:\n" + err[-2000:])
    return int(m.group(1))


def start_time(exe, out, runs, baseline=None):
    """The window's start; with `baseline` (another build's executable, which must also report its
    first frame with --verbose) both are run in turn and compared run by run."""
    print("\n## window start: launch to the first complete frame (body and markers), --verbose")
    builds = [("this build", exe)] + ([("baseline build", baseline)] if baseline else [])
    ms = {name: [] for name, _ in builds}
    for i in range(runs + 1):
        for name, e in builds:
            t = first_frame_ms(e, out)
            if i:  # the first round warms the file cache
                ms[name].append(t)
    for name, e in builds:
        t = ms[name]
        print(f"  {name:<15} median {statistics.median(t):.0f} ms (min {min(t)}, max {max(t)}), {runs} runs: {e}")
    if baseline:
        ratios = [a / b for a, b in zip(ms["this build"], ms["baseline build"])]
        print(f"  ratio this / baseline: median {statistics.median(ratios):.2f} (min {min(ratios):.2f}, max {max(ratios):.2f})")


def png_size(path):
    """The PNG's size against zlib at its default level (6) on the same filtered pixel rows."""
    with open(path, "rb") as f:
        data = f.read()
    pos, idat = 8, b""
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    rows = zlib.decompress(idat)
    size, deflated = len(data), len(zlib.compress(rows, 6))
    print(f"  {os.path.basename(path)}: {size} bytes; zlib -6 on its {len(rows)} bytes of rows: {deflated} bytes; "
          f"ratio {size / deflated:.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", default="/tmp/la-peers")
    ap.add_argument("--baseline", help="another build's lesion-atlas executable: compare the window's start with it")
    ap.add_argument("--only-start", action="store_true", help="measure the window's start only")
    a = ap.parse_args()
    exe = os.path.join(a.build, "app", "lesion-atlas")
    os.makedirs(a.out, exist_ok=True)
    xvfb = None
    if not os.environ.get("DISPLAY"):
        xvfb = subprocess.Popen(["Xvfb", ":93", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                                stderr=subprocess.DEVNULL)
        os.environ["DISPLAY"] = ":93"
        time.sleep(1)
    try:
        print(f"# {os.uname().nodename}, {os.cpu_count()} CPUs, {time.strftime('%Y-%m-%d %H:%M')}; "
              f"load average {os.getloadavg()[0]:.1f}; median of {a.runs} runs, whole processes")
        for w, h, transparent in () if a.only_start else ((1920, 1080, False), (3840, 2160, True)):
            cmd = [exe, "render", "--size", f"{w}x{h}", "-o", f"{a.out}/atlas-{w}.png"]
            if transparent:
                cmd.append("--transparent")
            title = f"render {w}x{h}{' transparent' if transparent else ''}, built-in male body with the dataset's markers"
            compare(title, [("lesion-atlas", cmd)] + peers(w, h, transparent, a.out), a.runs)
        start_time(exe, a.out, a.runs, a.baseline)
        if not a.only_start:
            print("\n## PNG size")
            for f in ("atlas-1920.png", "atlas-3840.png"):
                png_size(os.path.join(a.out, f))
    finally:
        if xvfb:
            xvfb.terminate()


if __name__ == "__main__":
    main()
