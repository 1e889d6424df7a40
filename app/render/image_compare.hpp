#pragma once
// Image comparison for render regression tests, on vtkImageDifference: a pixel counts as
// different only beyond a small colour tolerance and after allowing a one-pixel shift, so
// anti-aliasing noise passes while a moved or missing shape fails.
#include <filesystem>
#include <string>

namespace la::render {

struct ImageComparison {
  bool sizesMatch = false;
  double error = 0;  // vtkImageDifference thresholded error, averaged per pixel
  std::string detail;
};

// Throws RenderError when a file cannot be read.
ImageComparison compareImages(const std::filesystem::path& image, const std::filesystem::path& reference);

// Default pass threshold for compareImages().error. Identical images give 0; a 40x40 patch of
// changed pixels in a 320x240 image gives several units.
inline constexpr double kDefaultImageThreshold = 0.15;

}  // namespace la::render
