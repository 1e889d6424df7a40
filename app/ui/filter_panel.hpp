#pragma once
// The filter widgets. They edit a CaseFilter of the view model directly: the panel, the scene file
// and the command line share that one struct.
#include "core/case_filter.hpp"
#include "core/dataset.hpp"
#include "core/site_catalog.hpp"
#include "ui/teaching_card_view.hpp"

namespace la::ui {

// Draws the widgets for `f`; returns true when the user changed it this frame. With `cards`, each
// subtype and variant that has a teaching card gets a "?" that opens it.
bool drawFilterWidgets(CaseFilter& f, const SiteCatalog& catalog, TeachingCardState* cards = nullptr);

// One-line summary of a filter for pane labels and tooltips ("idiopathic, F, age 0-17").
std::string describeFilter(const CaseFilter& f, const SiteCatalog& catalog);

}  // namespace la::ui
