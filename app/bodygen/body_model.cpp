// The anatomy of the built-in figures: where each shape of implicit_model.cpp goes.
#include "bodygen/body_model.hpp"

#include <cmath>

namespace la::bodygen {

namespace {
constexpr double kPi = 3.14159265358979323846;
double rad(double deg) { return deg * kPi / 180.0; }
}  // namespace

double defaultHeight(Sex sex) { return sex == Sex::Male ? 1.75 : 1.62; }
const char* sexName(Sex sex) { return sex == Sex::Male ? "male" : "female"; }

// Dimensions are written for a 1.75 m figure and scaled by height/1.75, so the segment
// fractions of height (Drillis & Contini 1966, as tabulated in Winter) hold for both sexes;
// female widths and girths get their own factors.
Model buildBody(Sex sex) {
  Model m;
  m.sex = sex;
  const bool fem = sex == Sex::Female;
  const double H = defaultHeight(sex);
  const double s = H / 1.75;
  auto P = [s](double x, double y, double z) { return Vec3{x * s, y * s, z * s}; };
  auto L = [s](double v) { return v * s; };
  const Vec3 Y{0, 1, 0}, Z{0, 0, 1};
  Skeleton& k = m.skel;
  k.height = H;

  // ---- Skeleton (left side), as fractions of height ----
  const double limbG = fem ? 0.88 : 1.0;  // arm girth
  k.crownY = H;
  k.chinY = 0.870 * H;
  k.eyeY = 0.936 * H;
  k.shoulderY = 0.818 * H;
  k.nippleY = (fem ? 0.705 : 0.720) * H;
  k.navelY = 0.600 * H;
  k.hip = P(fem ? 0.092 : 0.088, 0.53 * 1.75, 0.0);
  k.knee = P(fem ? 0.086 : 0.090, 0.285 * 1.75, 0.005);
  k.ankle = P(0.085, 0.039 * 1.75, -0.005);
  k.shoulder = P(fem ? 0.165 : 0.172, 0.810 * 1.75, -0.012);
  const double abd = rad(fem ? 12.0 : 9.0), carry = rad(fem ? 17.0 : 15.0);
  const Vec3 upperDir{std::sin(abd), -std::cos(abd), 0};
  const Vec3 foreDir{std::sin(carry), -std::cos(carry), 0};
  k.elbow = k.shoulder + upperDir * (0.186 * H);
  k.wrist = k.elbow + foreDir * (0.146 * H);

  // ---- Trunk ----
  const double wChest = fem ? 0.90 : 1.0, wWaist = fem ? 0.88 : 1.0, wHip = fem ? 1.08 : 1.0;
  m.add(ellipsoid(P(0, 1.285, -0.005), P(0.145 * wChest, 0.195, fem ? 0.100 : 0.108)), 0, Part::Chest);
  m.add(ellipsoid(P(0, 1.378, -0.015), P(0.155 * wChest, 0.058, 0.088)), 0.05, Part::Chest);
  m.add(ellipsoid(P(0, 1.075, 0.008), P(0.130 * wWaist, 0.165, fem ? 0.095 : 0.100)), 0.09, Part::Abdomen);
  m.add(ellipsoid(P(0, 0.935, -0.010), P(0.146 * wHip, fem ? 0.125 : 0.115, fem ? 0.108 : 0.104)), 0.07,
        Part::Pelvis);
  // Trapezius slope from the neck to the acromion.
  m.add(cone(P(0.025, 1.478, -0.035), P(fem ? 0.150 : 0.162, 1.418, -0.020), L(0.034), L(0.028)), 0.045,
        Part::Back, true);
  // Deltoid cap over the shoulder joint.
  {
    const Frame f = frameFromAxes(upperDir * -1.0, Z);
    m.add(ellipsoid(k.shoulder + P(0.005, -0.025, 0.004), P(0.047 * limbG, 0.088, 0.055 * limbG), f), 0.045,
          Part::Shoulder, true);
  }
  if (!fem)
    m.add(ellipsoid(P(0.068, 1.315, 0.062), P(0.078, 0.060, 0.045)), 0.04, Part::Chest, true);
  // Buttocks: the hard min between the mirrored pair leaves the natal cleft as a crease.
  m.add(ellipsoid(P(fem ? 0.064 : 0.056, 0.888, fem ? -0.058 : -0.050),
                  P(fem ? 0.084 : 0.072, fem ? 0.098 : 0.088, fem ? 0.078 : 0.070)),
        0.04, Part::Buttock, true);
  // Paravertebral muscles either side of the spine make the spinal groove.
  // Blended widely so their ends fade out instead of standing up as knobs under the neck.
  for (double y : {1.25, 1.10}) {
    const Vec3 b = m.surfaceAlong(P(0.032, y, 0), Z * -1.0);
    m.add(ellipsoid(b + P(0, 0, 0.012), P(0.028, 0.14, 0.025)), 0.045, Part::Back, true);
  }
  // Shoulder blades.
  {
    const Vec3 b = m.surfaceAlong(P(0.090, 1.330, 0), Z * -1.0);
    const Frame f = frameFromAxes(normalize(Vec3{0.25, 1, 0}), normalize(Vec3{0.35, 0, -1}));
    m.add(ellipsoid(b + P(0, 0, 0.012), P(0.050, 0.068, 0.020), f), 0.035, Part::Back, true);
  }
  {  // gentle midline groove over the spinous processes
    const Vec3 a = m.surfaceAlong(P(0, 1.36, 0), Z * -1.0);
    const Vec3 b = m.surfaceAlong(P(0, 1.02, 0), Z * -1.0);
    m.carve(cone(a + P(0, 0, -0.005), b + P(0, 0, -0.004), L(0.005), L(0.006)), 0.02, Part::Back);
  }
  // Clavicles just under the skin from the sternal notch to the acromion.
  {
    const Vec3 a = m.surfaceAlong(P(0.022, 1.425, 0), Z);
    const Vec3 b = m.surfaceAlong(P(fem ? 0.140 : 0.150, 1.440, -0.01), Z);
    m.add(cone(a + P(0, 0, -0.008), b + P(0, 0, -0.010), L(fem ? 0.006 : 0.007), L(fem ? 0.007 : 0.008)), 0.018,
          Part::Chest, true);
  }
  if (fem) {
    // Kept clear of the arm: a breast touching the inner arm closes a tunnel through the axilla.
    const Vec3 c = m.surfaceAlong(P(0.073, 1.235, 0), Z);
    const Frame f = frameFromAxes(normalize(Vec3{0, 1, 0.15}), normalize(Vec3{0.18, -0.1, 1}));
    const Vec3 centre = c + P(0.0, -0.012, -0.010);
    m.add(ellipsoid(centre, P(0.055, 0.060, 0.056), f), 0.04, Part::Breast, true);
    k.nipple = centre + f.toWorld(P(0, -0.008, 0.058));
    m.add(ellipsoid(k.nipple + P(0, 0, -0.002), P(0.009, 0.009, 0.004), f), 0.006, Part::Breast, true);
    m.add(ellipsoid(k.nipple + P(0, 0, 0.001), P(0.0045, 0.0045, 0.004), f), 0.003, Part::Breast, true);
  } else {
    const Vec3 c = m.surfaceAlong(P(0.095, k.nippleY / s, 0), Z);
    k.nipple = c;
    m.add(ellipsoid(c + P(0, 0, -0.002), P(0.010, 0.010, 0.003)), 0.005, Part::Chest, true);
    m.add(ellipsoid(c + P(0, 0, 0.0005), P(0.004, 0.004, 0.0035)), 0.003, Part::Chest, true);
  }
  {  // navel
    const Vec3 c = m.surfaceAlong(Vec3{0, k.navelY, 0}, Z);
    k.navel = c;
    m.carve(ellipsoid(c + P(0, 0, 0.002), P(0.0075, 0.009, 0.009)), 0.006, Part::Abdomen);
  }

  // ---- Neck and head ----
  m.add(cone(P(0, 1.420, -0.018), P(0, 1.565, -0.028), L(fem ? 0.052 : 0.060), L(fem ? 0.044 : 0.052)), 0.035,
        Part::Neck);
  m.add(cone(P(0.052, 1.585, -0.030), P(0.014, 1.432, 0.040), L(0.013), L(0.012)), 0.025, Part::Neck, true);
  if (!fem) m.add(ellipsoid(P(0, 1.505, 0.038), P(0.010, 0.015, 0.010)), 0.018, Part::Neck);
  const double hs = fem ? 0.96 : 1.0;  // head breadth/depth factor
  m.add(ellipsoid(P(0, 1.652, -0.008), P(0.075 * hs, 0.098, 0.097 * hs)), 0.04, Part::Cranium);
  m.add(ellipsoid(P(0, 1.683, 0.032 * hs), P(0.060 * hs, 0.052, 0.056 * hs)), 0.03, Part::Cranium);
  m.add(ellipsoid(P(0, 1.592, 0.020), P(0.062 * hs, 0.066, 0.068 * hs)), 0.03, Part::Face);
  m.add(ellipsoid(P(0, 1.582, 0.066 * hs), P(0.028, 0.026, 0.020)), 0.025, Part::Face);
  m.add(cone(P((fem ? 0.054 : 0.057) * hs, 1.592, -0.015), P(fem ? 0.018 : 0.020, fem ? 1.537 : 1.535, 0.055),
             L(fem ? 0.012 : 0.016), L(fem ? 0.011 : 0.015)),
        0.02, Part::Face, true);
  m.add(ellipsoid(P(0, 1.534, 0.074 * hs), P(fem ? 0.019 : 0.022, 0.016, 0.017)), 0.018, Part::Face);
  m.add(ellipsoid(P(0.040 * hs, 1.622, 0.060 * hs), P(0.020, 0.013, 0.017)), 0.03, Part::Face, true);
  // Cheek pad below the cheekbone; without it the blend leaves a hollow that reads as a bruise.
  m.add(ellipsoid(P(0.034 * hs, 1.598, 0.051 * hs), P(0.023, 0.022, 0.020)), 0.03, Part::Face, true);
  m.add(cone(P(0.012, 1.651, 0.082 * hs), P(0.042 * hs, 1.652, 0.072 * hs), L(fem ? 0.006 : 0.008), L(fem ? 0.005 : 0.007)), 0.02,
        Part::Face, true);
  k.eye = P(0.032 * hs, 1.638, 0.072 * hs);
  k.browY = L(1.652);
  m.carve(ellipsoid(P(0.032 * hs, 1.638, 0.090 * hs), P(0.016, 0.0105, 0.013)), 0.013, Part::Eye, true);
  m.add(ellipsoid(k.eye, P(0.012, 0.012, 0.012)), 0.005, Part::Eye, true);
  // Nose: bridge to tip, alae, and a slight columella.
  m.add(cone(P(0, 1.641, 0.086 * hs), P(0, 1.603, fem ? 0.104 : 0.108 * hs), L(fem ? 0.0055 : 0.006), L(fem ? 0.0075 : 0.0085)),
        0.012, Part::Nose);
  m.add(ellipsoid(P(0.010, 1.602, 0.095 * hs), P(0.0070, 0.0062, 0.0075)), 0.009, Part::Nose, true);
  k.mouthY = L(1.571);
  m.add(ellipsoid(P(0, 1.5775, (fem ? 0.094 : 0.091) * hs), P(0.024, fem ? 0.0068 : 0.0058, 0.009)), 0.012, Part::Lips);
  m.add(ellipsoid(P(0, 1.5645, (fem ? 0.092 : 0.089) * hs), P(0.022, fem ? 0.0075 : 0.0062, fem ? 0.010 : 0.009)), 0.012,
        Part::Lips);
  m.carve(ellipsoid(P(0, 1.5710, 0.103 * hs), P(0.023, 0.0012, 0.012)), 0.002, Part::Lips);
  // Ears: flat ellipsoids whose front edge is sunk into the head; the concha is carved out.
  {
    const Frame f = frameFromAxes(normalize(Vec3{0, 1, -0.25}), normalize(Vec3{-0.3, 0, 1}));
    const Vec3 c = P(0.083 * hs, 1.628, -0.014);
    k.earCentre = c;
    k.earTopY = L(1.628 + 0.031);
    k.earLobeY = L(1.628 - 0.031);
    m.add(ellipsoid(c, P(0.0065, 0.031, 0.019), f), 0.008, Part::Ear, true);
    m.carve(ellipsoid(c + f.toWorld(P(0.0065, -0.004, 0.003)), P(0.0045, 0.012, 0.008), f), 0.003, Part::Ear,
            true);
  }

  // ---- Arms ----
  const Frame upperF = frameFromAxes(upperDir, Z);
  const Frame foreF = frameFromAxes(foreDir, Z);
  m.add(cone(k.shoulder, k.elbow, L(0.046 * limbG), L(0.036 * limbG)), 0.04, Part::UpperArm, true);
  m.add(ellipsoid(lerp(k.shoulder, k.elbow, 0.55) + P(0, 0, 0.016), P(0.031 * limbG, 0.085, 0.029 * limbG), upperF),
        0.03, Part::UpperArm, true);
  m.add(ellipsoid(lerp(k.shoulder, k.elbow, 0.42) + P(0.002, 0, -0.018), P(0.033 * limbG, 0.090, 0.030 * limbG),
                  upperF),
        0.03, Part::UpperArm, true);
  m.add(ellipsoid(k.elbow + P(0, 0.004, -0.028 * limbG), P(0.014, 0.014, 0.012)), 0.015, Part::Forearm, true);
  m.add(cone(k.elbow, k.wrist, L(0.037 * limbG), L(0.024 * limbG)), 0.03, Part::Forearm, true);
  m.add(ellipsoid(lerp(k.elbow, k.wrist, 0.28) + P(0.004, 0, 0.003), P(0.041 * limbG, 0.085, 0.033 * limbG), foreF),
        0.04, Part::Forearm, true);

  // Hand frame: x toward the thumb (lateral in the anatomical position), y toward the
  // fingertips, z palmar (forward). Not right-handed; only used to place shapes.
  const double hg = fem ? 0.90 : 1.0;  // hand girth factor
  Frame hf;
  hf.ay = foreDir;
  hf.az = Z;
  hf.ax = Vec3{std::cos(carry), std::sin(carry), 0};
  k.hand = hf;
  auto HP = [&](double x, double y, double z) { return k.wrist + hf.toWorld(P(x, y, z)); };
  m.add(ellipsoid(HP(0, 0.004, 0), P(0.028 * hg, 0.022, 0.018 * hg), hf), 0.02, Part::Forearm, true);
  m.add(roundBox(HP(-0.001, 0.048, -0.001), P(0.042 * hg, 0.044, 0.0120 * hg), L(0.0115 * hg), hf), 0.02,
        Part::Palm, true);
  // Dorsal arch of the metacarpals, so the back of the hand is not a flat slab.
  m.add(ellipsoid(HP(0.000, 0.052, -0.005), P(0.040 * hg, 0.046, 0.0118 * hg), hf), 0.015, Part::Palm, true);
  // Thenar eminence: a fleshy mass along the thumb's metacarpal, turned toward the palm.
  {
    const Frame tf = frameFromAxes(hf.toWorld(normalize(Vec3{0.45, 1.0, 0.25})), hf.toWorld(Vec3{-0.3, 0, 1}));
    m.add(ellipsoid(HP(0.022 * hg, 0.037, 0.010), P(0.019 * hg, 0.036, 0.0145 * hg), tf), 0.020, Part::Palm, true);
  }
  // Hypothenar eminence along the ulnar border, and the distal palmar pad under the finger roots.
  m.add(ellipsoid(HP(-0.030 * hg, 0.045, 0.006), P(0.012 * hg, 0.036, 0.010 * hg), hf), 0.016, Part::Palm, true);
  m.add(ellipsoid(HP(-0.002 * hg, 0.088, 0.005), P(0.038 * hg, 0.014, 0.0085 * hg), hf), 0.014, Part::Palm, true);
  // Fingers (index, middle, ring, little): tapering, slightly flexed, converging a little so the
  // gaps between them stay near 3 mm all along (a gap near the 1.8 mm sampling fuses in places
  // only and leaves a tunnel under the web, genus > 0). Each finger is a chain of six round cones
  // (joined by hard min in the group) whose radius only decreases from the knuckle to the tip: a
  // waist between two joints leaves a crease where the cones meet. The pad of the distal phalanx
  // sits slightly palmar. Finger roots at ~0.57 of the hand length; the group's 11 mm blend into
  // the palm makes the webs. Radii: MCP, proximal shaft, PIP, middle shaft, DIP, pad, tip.
  struct FingerSpec { double y, angle, l1, l2, l3; double r[7]; };
  const FingerSpec fs[4] = {
      {0.089, -1.5, 0.0420, 0.0250, 0.0175, {0.0102, 0.0100, 0.0096, 0.0091, 0.0084, 0.0082, 0.0072}},
      {0.092, 0.0, 0.0460, 0.0280, 0.0190, {0.0104, 0.0102, 0.0098, 0.0093, 0.0086, 0.0084, 0.0074}},
      {0.088, 1.5, 0.0440, 0.0270, 0.0180, {0.0098, 0.0096, 0.0092, 0.0087, 0.0081, 0.0079, 0.0070}},
      {0.080, 2.5, 0.0350, 0.0210, 0.0160, {0.0087, 0.0085, 0.0081, 0.0077, 0.0071, 0.0069, 0.0061}},
  };
  const double fingerGap = 0.0032;  // between neighbours at the knuckles (not scaled)
  double fx[4];
  fx[1] = 0.008 * hg;
  fx[0] = fx[1] + (fs[0].r[0] + fs[1].r[0]) * hg + fingerGap / s;
  fx[2] = fx[1] - (fs[1].r[0] + fs[2].r[0]) * hg - fingerGap / s;
  fx[3] = fx[2] - (fs[2].r[0] + fs[3].r[0]) * hg - fingerGap / s;
  // Knuckles: the metacarpal heads as low bumps on the back of the hand.
  for (int i = 0; i < 4; ++i)
    m.add(ellipsoid(HP(fx[i], fs[i].y - 0.005, -0.0055 * hg), P(0.0080 * hg, 0.0095, 0.0080 * hg), hf), 0.014,
          Part::Palm, true);
  for (int i = 0; i < 4; ++i) {
    const FingerSpec& f = fs[i];
    const double a = rad(f.angle);
    Vec3 p = HP(fx[i], f.y, 0.0);
    k.fingerMcp[i] = p;
    const double flexT[3] = {rad(6.0), rad(14.0), rad(20.0)};
    const double ls[3] = {f.l1, f.l2, f.l3};
    for (int j = 0; j < 3; ++j) {
      const Vec3 dl = normalize(Vec3{std::sin(a), std::cos(a) * std::cos(flexT[j]), std::sin(flexT[j])});
      const Vec3 q = p + hf.toWorld(dl) * L(ls[j]);
      const double r0 = L(f.r[2 * j] * hg), r2 = L(f.r[2 * j + 2] * hg);
      // Intermediate point: shaft for the phalanges, the pad (a little palmar) on the last one.
      const double t = j == 2 ? 0.40 : 0.5;
      const Vec3 mid = lerp(p, q, t) + (j == 2 ? hf.toWorld(Z) * L(0.0008 * hg) : Vec3{});
      const double rm = L(f.r[2 * j + 1] * hg);
      m.add(cone(p, mid, r0, rm), 0.011, Part::Finger, true, 1);
      m.add(cone(mid, q, rm, r2), 0.008, Part::Finger, true, 1);
      p = q;
    }
    k.fingerTip[i] = p;
  }
  {  // thumb: from the carpometacarpal joint low on the radial side, abducted and turned palmar,
     // its phalanges curving back toward the index.
    Vec3 p = HP(0.027 * hg, 0.017, 0.008);
    k.thumbBase = p;
    const double ls[3] = {0.046, 0.031, 0.026};
    const double rs[4] = {0.0122 * hg, 0.0100 * hg, 0.0091 * hg, 0.0081 * hg};
    const double abdT[3] = {28.0, 8.0, -2.0}, palT[3] = {38.0, 28.0, 18.0};
    for (int j = 0; j < 3; ++j) {
      const Vec3 dl = normalize(Vec3{std::tan(rad(abdT[j])), 1.0, std::tan(rad(palT[j]))});
      const Vec3 q = p + hf.toWorld(dl) * L(ls[j]);
      if (j < 2) {
        m.add(cone(p, q, L(rs[j]), L(rs[j + 1])), j == 0 ? 0.012 : 0.004, Part::Thumb, true, j == 0 ? 0 : 2);
      } else {  // distal phalanx with a fuller pad
        const Vec3 pad = lerp(p, q, 0.45) + hf.toWorld(Z) * L(0.0006);
        m.add(cone(p, pad, L(rs[2]), L(rs[2] * 1.02)), 0.004, Part::Thumb, true, 2);
        m.add(cone(pad, q, L(rs[2] * 1.02), L(rs[3])), 0.004, Part::Thumb, true, 2);
      }
      p = q;
    }
    k.thumbTip = p;
  }

  // ---- Legs ----
  const Vec3 thighDir = normalize(k.knee - k.hip);
  const Frame thighF = frameFromAxes(thighDir, Z);
  const double tg = fem ? 1.10 : 1.04;  // thigh girth
  m.add(cone(k.hip, k.knee, L(0.080 * tg), L(0.050)), 0.05, Part::Thigh, true);
  m.add(ellipsoid(lerp(k.hip, k.knee, 0.52) + P(0.006, 0, 0.024), P(0.054 * tg, 0.17, 0.044 * tg), thighF), 0.04,
        Part::Thigh, true);
  m.add(ellipsoid(lerp(k.hip, k.knee, 0.50) + P(0.002, 0, -0.026), P(0.050 * tg, 0.16, 0.040 * tg), thighF), 0.04,
        Part::Thigh, true);
  m.add(ellipsoid(lerp(k.hip, k.knee, 0.30) + P(-0.026, 0, 0.0), P(0.040 * tg, 0.11, 0.048 * tg), thighF), 0.04,
        Part::Thigh, true);
  m.add(ellipsoid(k.knee + P(-0.020, 0.070, 0.024), P(0.027, 0.045, 0.024), thighF), 0.03, Part::Thigh, true);
  m.add(ellipsoid(k.knee, P(0.047, 0.050, 0.046)), 0.03, Part::Knee, true);
  {
    const Vec3 f = m.surfaceAlong(k.knee + P(0, 0.010, 0), Z);
    m.add(ellipsoid(f + P(0, 0, -0.006), P(0.021, 0.025, 0.011)), 0.012, Part::Knee, true);
  }
  const Frame shankF = frameFromAxes(normalize(k.ankle - k.knee), Z);
  m.add(cone(k.knee, k.ankle, L(0.045), L(0.029)), 0.03, Part::Shank, true);
  m.add(ellipsoid(k.knee + P(-0.004, -0.125, -0.030), P(0.046, 0.095, 0.041), shankF), 0.04, Part::Shank, true);
  m.add(cone(k.knee + P(0, -0.24, -0.030), k.ankle + P(0, -0.020, -0.034), L(0.013), L(0.014)), 0.025, Part::Shank,
        true);
  m.add(ellipsoid(k.ankle + P(0.027, -0.010, -0.010), P(0.011, 0.013, 0.011)), 0.010, Part::Ankle, true);
  m.add(ellipsoid(k.ankle + P(-0.024, 0.002, 0.004), P(0.012, 0.013, 0.012)), 0.010, Part::Ankle, true);

  // Foot frame: x lateral, y forward (slightly toed out), z up.
  const double toeOut = rad(7.0);
  Frame ff;
  ff.ax = Vec3{std::cos(toeOut), 0, -std::sin(toeOut)};
  ff.ay = Vec3{std::sin(toeOut), 0, std::cos(toeOut)};
  ff.az = Y;
  k.foot = ff;
  const double fw = fem ? 0.90 : 0.93;  // foot breadth factor
  auto FP = [&](double l, double f, double y) {  // y is absolute height (scaled)
    Vec3 p = k.ankle + ff.toWorld(P(l, f, 0));
    p.y = L(y);
    return p;
  };
  m.add(ellipsoid(FP(0, -0.038, 0.032), P(0.029 * fw, 0.032, 0.032), ff), 0.025, Part::Heel, true);
  k.heelBack = FP(0, -0.070, 0.032);
  m.add(ellipsoid(FP(0.004, 0.050, 0.036), P(0.040 * fw, 0.080, 0.030), ff), 0.03, Part::Foot, true);
  m.add(ellipsoid(FP(-0.004, 0.020, 0.062), P(0.030 * fw, 0.050, 0.022), ff), 0.03, Part::Foot, true);
  // Ball of the foot along the metatarsal heads, low enough that the toes continue the dorsum.
  m.add(cone(FP(-0.026 * fw, 0.126, 0.018), FP(0.040 * fw, 0.094, 0.0145), L(0.018), L(0.0135)), 0.03, Part::Foot,
        true);
  // Arch: a shallow hollow under the medial midfoot.
  m.carve(ellipsoid(FP(-0.032 * fw, 0.060, -0.004), P(0.020, 0.045, 0.012), ff), 0.012, Part::Foot, true);
  // Toes: the great toe (two phalanges) clearly the biggest, toes 2-5 smaller in turn, all
  // tapering to a fuller pad that rests on the ground, the lesser toes raised a little at the
  // proximal interphalangeal joint. Each toe is two parallel round cones side by side (hard min),
  // so it is wider than it is tall, as toes are. Packed with ~3 mm gaps (scaled radii, gap not
  // scaled) and converging slightly so the gaps do not open up as the toes taper.
  struct ToeSpec { double f, len, r0, rk, rp, rt, off, splay; };
  const ToeSpec ts[5] = {
      {0.134, 0.051, 0.0110, 0.0100, 0.0101, 0.0086, 0.0022, 0.0},
      {0.130, 0.045, 0.0070, 0.0064, 0.0061, 0.0053, 0.0016, 1.5},
      {0.122, 0.040, 0.0067, 0.0061, 0.0058, 0.0050, 0.0015, 1.0},
      {0.112, 0.035, 0.0063, 0.0057, 0.0055, 0.0047, 0.0014, 0.0},
      {0.100, 0.030, 0.0060, 0.0054, 0.0052, 0.0045, 0.0013, -1.5},
  };
  double tl[5];
  tl[0] = -0.027 * fw;
  for (int i = 1; i < 5; ++i)
    tl[i] = tl[i - 1] + (ts[i - 1].r0 + ts[i - 1].off + ts[i].r0 + ts[i].off) * fw + (i == 1 ? 0.0028 : 0.0024) / s;
  for (int i = 0; i < 5; ++i) {
    const ToeSpec& t = ts[i];
    const double a = rad(t.splay);
    const bool great = i == 0;
    const Vec3 dir = ff.toWorld(Vec3{std::sin(a), std::cos(a), 0});
    const Vec3 side = ff.toWorld(Vec3{std::cos(a), -std::sin(a), 0});
    const Vec3 base = FP(tl[i], t.f, t.r0 * fw + (great ? 0.009 : 0.011));
    auto along = [&](double u, double r, double lift) {  // point at fraction u, centre height r + lift
      Vec3 p = base + dir * L(t.len * u);
      p.y = L(r * fw + lift);
      return p;
    };
    const Vec3 knuckle = great ? along(0.52, t.rk, 0.0030) : along(0.45, t.rk, 0.0065);
    const Vec3 pad = along(0.80, t.rp, 0.0004);
    const Vec3 tip = along(1.0, t.rt, great ? 0.0016 : 0.0012);
    k.toeMtp[i] = base;
    k.toeTips[i] = tip;
    const Part part = great ? Part::GreatToe : Part::Toe;
    const Vec3 pts[4] = {base, knuckle, pad, tip};
    const double rs[4] = {t.r0, t.rk, t.rp, t.rt}, offs[4] = {1.0, 0.95, 0.9, 0.8};
    for (int j = 0; j < 3; ++j)
      for (double sd : {-1.0, 1.0})
        m.add(cone(pts[j] + side * L(sd * t.off * fw * offs[j]), pts[j + 1] + side * L(sd * t.off * fw * offs[j + 1]),
                   L(rs[j] * fw), L(rs[j + 1] * fw)),
              0.010, part, true, 3);
  }

  // ---- Genital region ----
  {
    const Vec3 pub = m.surfaceAlong(P(0, 0.870, 0), Z);
    if (!fem) {
      const Vec3 root = pub + P(0, -0.004, -0.010);
      const Vec3 tip = root + P(0, -0.080, 0.022);
      m.add(ellipsoid(pub + P(0.017, -0.052, -0.018), P(0.022, 0.029, 0.023)), 0.015, Part::Scrotum, true);
      // Solid root between the penis and the scrotum: where the two only touched, the skin
      // closed over a tunnel and the surface was no longer genus 0.
      m.add(ellipsoid(pub + P(0, -0.030, -0.010), P(0.026, 0.032, 0.019)), 0.012, Part::Scrotum);
      m.add(cone(root, tip, L(0.0150), L(0.0140)), 0.012, Part::Penis);
      m.add(ellipsoid(tip + P(0, -0.004, 0.001), P(0.0155, 0.017, 0.016)), 0.006, Part::Penis);
    } else {
      m.add(ellipsoid(pub + P(0, 0.000, -0.020), P(0.040, 0.026, 0.022)), 0.05, Part::Vulva);
      // Labia majora: a mirrored pair following the curve of the skin from the mons down and
      // back toward the perineum; the hard min between the two leaves the pudendal cleft. (A thin
      // carved slit would be narrower than a voxel and leave flaps.)
      const Vec3 v = m.surfaceAlong(P(0, 0.835, 0.0), normalize(Vec3{0, -0.35, 1}));
      const Frame lf = frameFromAxes(normalize(Vec3{0, 1, 0.55}), Z);
      m.add(ellipsoid(v + P(0.0085, 0.002, -0.006), P(0.0095, 0.030, 0.011), lf), 0.015, Part::Vulva, true);
    }
    k.pubisY = pub.y;
  }

  // Armpit apex: straight up from the gap between the arm and the chest wall.
  k.axilla = m.surfaceAlong(Vec3{k.shoulder.x - L(0.027), k.shoulder.y - L(0.26), k.shoulder.z}, Y, 0.4);
  k.fingertipY = std::min(std::min(k.fingerTip[1].y, k.fingerTip[2].y), k.fingerTip[0].y) - L(0.0074);
  return m;
}

}  // namespace la::bodygen
