#!/usr/bin/env python3
"""Writes assets/bodies/placeholder.obj: a deliberately crude stand-in figure (a few ellipsoids)
used only until the generated built-in bodies exist. It is loaded through the same Assimp path as
any mesh. Units metres, +Y up, facing +Z, the figure's left on +X. Deterministic."""
import math, sys

def ellipsoid(c, r, nu=24, nv=16):
    verts, faces = [], []
    for j in range(nv + 1):
        v = math.pi * j / nv
        for i in range(nu):
            u = 2 * math.pi * i / nu
            verts.append((c[0] + r[0] * math.sin(v) * math.cos(u),
                          c[1] + r[1] * math.cos(v),
                          c[2] + r[2] * math.sin(v) * math.sin(u)))
    for j in range(nv):
        for i in range(nu):
            a, b = j * nu + i, j * nu + (i + 1) % nu
            c2, d = a + nu, b + nu
            if j > 0: faces.append((a, b, d))
            if j < nv - 1: faces.append((a, d, c2))
    return verts, faces

parts = [  # (name, centre, radii) for a 1.75 m figure
    ("head", (0, 1.63, 0.0), (0.08, 0.11, 0.095)),
    ("neck", (0, 1.49, -0.01), (0.05, 0.06, 0.05)),
    ("trunk", (0, 1.20, 0.0), (0.17, 0.28, 0.11)),
    ("pelvis", (0, 0.93, 0.0), (0.16, 0.10, 0.11)),
    ("l-arm", (0.25, 1.16, 0.0), (0.045, 0.30, 0.045)),
    ("r-arm", (-0.25, 1.16, 0.0), (0.045, 0.30, 0.045)),
    ("l-leg", (0.09, 0.47, 0.0), (0.07, 0.44, 0.07)),
    ("r-leg", (-0.09, 0.47, 0.0), (0.07, 0.44, 0.07)),
]
out = sys.argv[1] if len(sys.argv) > 1 else "assets/bodies/placeholder.obj"
with open(out, "w") as f:
    f.write("# lesion-atlas PLACEHOLDER body (scripts/make_placeholder_body.py); not anatomy\n")
    base = 1
    for name, c, r in parts:
        v, fs = ellipsoid(c, r)
        f.write(f"o {name}\n")
        for p in v: f.write("v %.5f %.5f %.5f\n" % p)
        for t in fs: f.write("f %d %d %d\n" % tuple(base + k for k in t))
        base += len(v)
