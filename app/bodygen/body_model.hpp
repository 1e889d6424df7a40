#pragma once
// The implicit body: an ordered list of primitives combined by smooth union and smooth
// subtraction, plus the skeleton landmarks the figure was built from (used to label skin and
// to check proportions).
#include "bodygen/sdf.hpp"

#include <string>
#include <vector>

namespace la::bodygen {

enum class Sex { Male, Female };

// Which piece of anatomy a primitive models; labelling starts from the part of the nearest
// primitive and refines it by position.
enum class Part {
  Cranium, Face, Nose, Lips, Eye, Ear, Neck,
  Chest, Breast, Abdomen, Pelvis, Back, Buttock,
  Shoulder, UpperArm, Forearm, Palm, Finger, Thumb,
  Thigh, Knee, Shank, Ankle, Heel, Foot, Toe, GreatToe,
  Penis, Scrotum, Vulva,
};

enum class Shape { RoundCone, Ellipsoid, RoundBox };

struct Primitive {
  Shape shape = Shape::Ellipsoid;
  Vec3 a, b;          // round cone end centres
  double ra = 0, rb = 0;
  Vec3 c;             // ellipsoid / box centre
  Frame frame;        // ellipsoid / box orientation
  Vec3 radii;         // ellipsoid radii or box half extents
  double round = 0;   // box edge radius
  double eval(Vec3 p) const;
};

struct Node {
  Primitive prim;
  bool carve = false;  // smooth subtraction instead of smooth union
  double k = 0;        // blend radius with everything before it
  Part part = Part::Cranium;
  bool both = false;   // also its mirror image across x = 0 (hard min of the pair keeps it symmetric)
  int group = 0;       // consecutive nodes of one group are joined by hard min first (so fingers
                       // never web into each other), then blended into the body with the first k
  double evalPrim(Vec3 p) const {
    const double d = prim.eval(p);
    return both ? std::min(d, prim.eval(mirrorX(p))) : d;
  }
};

// Landmarks of the left side (x > 0); the right side is their mirror image.
struct Skeleton {
  double height = 0;
  double crownY = 0, chinY = 0, eyeY = 0, browY = 0, mouthY = 0, earTopY = 0, earLobeY = 0;
  Vec3 eye, earCentre;
  double neckBaseY = 0, shoulderY = 0, nippleY = 0, ribBottomY = 0, navelY = 0, iliacCrestY = 0;
  double pubisY = 0, crotchY = 0, gluteFoldY = 0;
  Vec3 navel, nipple, axilla;
  Vec3 shoulder, elbow, wrist;   // joint centres
  Frame hand;                    // x: across the palm toward the thumb, y: toward fingertips, z: palmar
  Vec3 fingerMcp[4], fingerTip[4], thumbBase, thumbTip;
  Vec3 hip, knee, ankle;         // joint centres
  Frame foot;                    // x: lateral, y: forward (toes), z: up
  Vec3 heelBack, toeTips[5], toeMtp[5];
  double fingertipY = 0;
};

class Model {
 public:
  std::vector<Node> nodes;
  Skeleton skel;
  Sex sex = Sex::Male;

  double eval(Vec3 p) const;
  // Same field over a subset of nodes (indices into `nodes`, ascending).
  double evalSubset(Vec3 p, const int* idx, int n) const;
  // Index of the additive node nearest to p (the primitive that made the skin there).
  int nearestAdditive(Vec3 p) const;
  // First surface crossing along a ray from `from` (inside or outside), up to maxDist.
  Vec3 surfaceAlong(Vec3 from, Vec3 dir, double maxDist = 0.5) const;
  double maxBlend() const;

  // Additive / subtractive node; `both` adds the mirror image too. Primitives are given for the
  // figure's left side (x > 0).
  void add(const Primitive& p, double k, Part part, bool both = false, int group = 0) {
    nodes.push_back({p, false, k, part, both, group});
  }
  void carve(const Primitive& p, double k, Part part, bool both = false) {
    nodes.push_back({p, true, k, part, both, 0});
  }
};

Primitive cone(Vec3 a, Vec3 b, double ra, double rb);
Primitive ellipsoid(Vec3 c, Vec3 radii, const Frame& f = Frame{});
Primitive roundBox(Vec3 c, Vec3 half, double round, const Frame& f = Frame{});

Model buildBody(Sex sex);
double defaultHeight(Sex sex);
const char* sexName(Sex sex);

}  // namespace la::bodygen
