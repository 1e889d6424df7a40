// Prints how much two pictures differ (vtkImageDifference error, as the render tests measure it)
// and exits 0 when they differ by more than the render tests' pass threshold, 1 when they are
// (nearly) the same, 2 on bad input. GUI tests use it to see that the camera really moved.
#include <cstdio>
#include <exception>

#include "render/image_compare.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: image_diff A.png B.png\n");
    return 2;
  }
  try {
    const auto c = la::render::compareImages(argv[1], argv[2]);
    std::printf("difference %.3f (threshold %.3f)%s\n", c.error, la::render::kDefaultImageThreshold,
                c.sizesMatch ? "" : ", sizes differ");
    return c.error > la::render::kDefaultImageThreshold ? 0 : 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
}
