#pragma once
// What the window does with its view model and data: load them, turn the view model into the
// picture (render::compose, the same path as `render`), export, save and open views, import tables.
#include "window/atlas.hpp"
#include "window/atlas_window.hpp"

namespace la::window {

// Catalog, tables the view names, bodies, the condition's text. Problems go to the panel; the
// window opens with whatever did load.
void loadAll(Atlas& a, const GuiOptions& options);
// The view model as a picture of it would be saved: the camera as the user left it when they turned
// the view, else the preset (so an unturned view exports exactly as `render` draws the scene).
ViewModel pictureModel(Atlas& a);
// Recomposes when the view model changed since the last time (or `force`). A body that fails to
// load is reported and the previous body stays.
void refreshView(Atlas& a, bool applyCamera, bool force = false);
void applyPreset(Atlas& a, const std::string& preset);
// After a site map was refused as another mesh's: ignore it and place the sites from proportions.
void placeSitesAnew(Atlas& a);
void exportPicture(Atlas& a, bool includePanel);
void saveView(Atlas& a);
void openView(Atlas& a);
void startImport(Atlas& a);
void finishImport(Atlas& a);
void removeTable(Atlas& a);

}  // namespace la::window
