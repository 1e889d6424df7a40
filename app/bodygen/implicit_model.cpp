// The shapes the anatomy is built from and the blended field they make (Primitive, Model);
// body_model.cpp says where each shape goes.
#include "bodygen/body_model.hpp"

#include <cmath>
#include <limits>

namespace la::bodygen {

double Primitive::eval(Vec3 p) const {
  switch (shape) {
    case Shape::RoundCone: return sdRoundCone(p, a, b, ra, rb);
    case Shape::Ellipsoid: return sdEllipsoid(frame.toLocal(p - c), radii);
    case Shape::RoundBox: return sdRoundBox(frame.toLocal(p - c), radii, round);
  }
  return 0;
}

Primitive cone(Vec3 a, Vec3 b, double ra, double rb) {
  Primitive p;
  p.shape = Shape::RoundCone;
  p.a = a;
  p.b = b;
  p.ra = ra;
  p.rb = rb;
  return p;
}
Primitive ellipsoid(Vec3 c, Vec3 radii, const Frame& f) {
  Primitive p;
  p.shape = Shape::Ellipsoid;
  p.c = c;
  p.radii = radii;
  p.frame = f;
  return p;
}
Primitive roundBox(Vec3 c, Vec3 half, double round, const Frame& f) {
  Primitive p;
  p.shape = Shape::RoundBox;
  p.c = c;
  p.radii = half;
  p.round = round;
  p.frame = f;
  return p;
}

double Model::evalSubset(Vec3 p, const int* idx, int n) const {
  double acc = std::numeric_limits<double>::infinity();
  double gacc = std::numeric_limits<double>::infinity();
  int group = 0;
  double groupK = 0;
  for (int j = 0; j < n; ++j) {
    const Node& nd = nodes[idx[j]];
    if (group != 0 && nd.group != group) {
      acc = smin(acc, gacc, groupK);
      group = 0;
    }
    const double d = nd.evalPrim(p);
    if (nd.group != 0) {
      if (group == 0) {
        group = nd.group;
        groupK = nd.k;
        gacc = d;
      } else {
        gacc = std::min(gacc, d);
      }
      continue;
    }
    if (nd.carve)
      acc = smax(acc, -d, nd.k);
    else
      acc = std::isinf(acc) ? d : smin(acc, d, nd.k);
  }
  if (group != 0) acc = smin(acc, gacc, groupK);
  return acc;
}

double Model::eval(Vec3 p) const {
  static thread_local std::vector<int> all;
  if (all.size() != nodes.size()) {
    all.resize(nodes.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = static_cast<int>(i);
  }
  return evalSubset(p, all.data(), static_cast<int>(all.size()));
}

int Model::nearestAdditive(Vec3 p) const {
  int best = -1;
  double bd = std::numeric_limits<double>::infinity();
  for (size_t i = 0; i < nodes.size(); ++i) {
    if (nodes[i].carve) continue;
    const double d = nodes[i].evalPrim(p);
    if (d < bd) {
      bd = d;
      best = static_cast<int>(i);
    }
  }
  return best;
}

Vec3 Model::surfaceAlong(Vec3 from, Vec3 dir, double maxDist) const {
  dir = normalize(dir);
  // First sign change along the ray: leaving the body when starting inside, entering it when
  // starting outside.
  const bool startInside = eval(from) <= 0;
  double lo = 0, step = 0.002;
  double t = 0;
  while (t < maxDist) {
    const double tn = t + step;
    if ((eval(from + dir * tn) <= 0) != startInside) {
      lo = t;
      double hi = tn;
      for (int i = 0; i < 40; ++i) {
        const double mid = 0.5 * (lo + hi);
        if ((eval(from + dir * mid) <= 0) != startInside) hi = mid; else lo = mid;
      }
      return from + dir * (0.5 * (lo + hi));
    }
    t = tn;
  }
  return from + dir * maxDist;
}

double Model::maxBlend() const {
  double k = 0;
  for (const auto& n : nodes) k = std::max(k, n.k);
  return k;
}

}  // namespace la::bodygen
