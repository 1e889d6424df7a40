#include "window/input.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <vtkCommand.h>

#include <cctype>
#include <cmath>
#include <string>

#include "ui/shortcuts.hpp"
#include "window/cards.hpp"

namespace la::window {

// A drag that began in the 3D view keeps going over the panel, so rotating never sticks when the
// cursor crosses it.
void routeMouse(Atlas& a) {
  ImGuiIO& io = ImGui::GetIO();
  if (!ImGui::IsMousePosValid()) return;
  const int x = int(io.MousePos.x * io.DisplayFramebufferScale.x);
  const int y = int(io.MousePos.y * io.DisplayFramebufferScale.y);
  a.iren->SetEventInformationFlipY(x, y, io.KeyCtrl, io.KeyShift);
  static const unsigned long press[3] = {vtkCommand::LeftButtonPressEvent, vtkCommand::RightButtonPressEvent,
                                         vtkCommand::MiddleButtonPressEvent};
  static const unsigned long release[3] = {vtkCommand::LeftButtonReleaseEvent, vtkCommand::RightButtonReleaseEvent,
                                           vtkCommand::MiddleButtonReleaseEvent};
  const bool free = !io.WantCaptureMouse;
  if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)
    if (free || a.dragButton >= 0) {
      a.iren->InvokeEvent(vtkCommand::MouseMoveEvent);
      if (a.dragButton >= 0) a.cameraMoved = a.dragMoved = true;
    }
  for (int b = 0; b < 3; ++b) {
    if (io.MouseClicked[b] && free && a.dragButton < 0) {
      a.dragButton = b;
      a.explore.flight.active = false;  // the user takes the camera back
      a.pressX = x, a.pressY = y;
      a.iren->InvokeEvent(press[b]);
    }
    if (io.MouseReleased[b] && a.dragButton == b) {
      a.dragButton = -1;
      a.dragMoved = false;
      // A press and release in (nearly) the same place is a click: it picks a marker.
      if (b == 0 && std::abs(x - a.pressX) + std::abs(y - a.pressY) < 5) {
        a.clickedX = x;
        a.clickedY = a.fbHeight - 1 - y;
      }
      a.iren->InvokeEvent(release[b]);
    }
  }
  if (io.MouseWheel != 0 && free) {
    a.explore.flight.active = false;
    a.iren->InvokeEvent(io.MouseWheel > 0 ? vtkCommand::MouseWheelForwardEvent : vtkCommand::MouseWheelBackwardEvent);
    a.cameraMoved = true;
  }
}

// ImGui 1.86 keeps only "down" flags, so a press and release within one frame (fast typing, input
// tools) would be lost: shortcuts are taken from GLFW's key events instead.
void onKey(GLFWwindow* w, int key, int, int action, int mods) {
  if (action != GLFW_PRESS) return;
  auto* a = static_cast<Atlas*>(glfwGetWindowUserPointer(w));
  if (a) a->pressedKeys.push_back({key, mods});
}

// Esc: first stop placing an anchor, else close the front-most closable window.
void closeTopmost(Atlas& a) {
  if (a.calib.placing) {
    a.calib.placing = false;
    return;
  }
  ui::closeTopmost({{"###case", &a.cases.showCase},
                    {"###teachingcard", &a.cards.show},
                    {"Distribution", &a.cases.showStats},
                    {"Sites", &a.sites.show},
                    {"Keyboard shortcuts", &a.state.showHelp},
                    {"Dear ImGui Demo", &a.state.showDemo}});
}

void routeKeys(Atlas& a, ui::PanelRequests& r) {
  ImGuiIO& io = ImGui::GetIO();
  const auto& presets = cameraPresetNames();
  for (auto [key, mods] : a.pressedKeys) {
    if ((mods & GLFW_MOD_CONTROL) && (mods & GLFW_MOD_SHIFT)) {  // the case table's exports
      if (key == GLFW_KEY_C) a.cases.table.exportRequest = ui::TableExport::Csv;
      if (key == GLFW_KEY_R) a.cases.table.exportRequest = ui::TableExport::ReferencesText;
      if (key == GLFW_KEY_B) a.cases.table.exportRequest = ui::TableExport::Bibtex;
      continue;
    }
    if (mods & GLFW_MOD_CONTROL) {
      if (key == GLFW_KEY_E) r.exportImage = true;
      if (key == GLFW_KEY_S) r.saveScene = true;
      if (key == GLFW_KEY_O) r.openScene = true;
      if (key == GLFW_KEY_Q) r.quit = true;
      if (key == GLFW_KEY_F) a.cases.table.focusSearch = true;
      if (key == GLFW_KEY_T) r.toggleSites = true;
      if (key == GLFW_KEY_D) r.toggleStats = true;
      continue;
    }
    if (key == GLFW_KEY_F1) a.state.showHelp = !a.state.showHelp;
    if (io.WantTextInput) continue;  // typing in a text field is not a shortcut (Esc leaves the field)
    if (key == GLFW_KEY_ESCAPE) closeTopmost(a);
    if (key >= GLFW_KEY_1 && key < GLFW_KEY_1 + int(presets.size())) r.cameraPreset = presets[size_t(key - GLFW_KEY_1)];
    if (key == GLFW_KEY_R) r.resetView = true;
    if (key == GLFW_KEY_B || key == GLFW_KEY_HOME) r.flyHome = true;
    if (key == GLFW_KEY_F && a.cases.selected >= 0) a.cases.flyCase = a.cases.selected;
    if (key == GLFW_KEY_N || key == GLFW_KEY_P) {
      const int next = ui::neighbourRow(a.cases.table, a.data.data, a.cases.selected, key == GLFW_KEY_N ? 1 : -1);
      if (next >= 0) a.cases.table.selectRequest = next;
    }
    if ((key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER) && a.cases.selected >= 0) a.cases.showCase = true;
    if (key == GLFW_KEY_C) cardKey(a);
  }
  a.pressedKeys.clear();
}

}  // namespace la::window

namespace la::window {

bool parseKeys(const std::string& text, std::vector<std::pair<int, int>>& keys, std::string* error) {
  size_t start = 0;
  while (start <= text.size() && !text.empty()) {
    const size_t comma = text.find(',', start);
    std::string name = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    int mods = 0;
    for (auto [prefix, bit] : {std::pair<const char*, int>{"Ctrl+", GLFW_MOD_CONTROL}, {"Shift+", GLFW_MOD_SHIFT}})
      if (name.rfind(prefix, 0) == 0) mods |= bit, name = name.substr(std::string(prefix).size());
    int key = -1;
    if (name.size() == 1 && name[0] >= 'A' && name[0] <= 'Z') key = GLFW_KEY_A + (name[0] - 'A');
    else if (name.size() == 1 && name[0] >= '0' && name[0] <= '9') key = GLFW_KEY_0 + (name[0] - '0');
    else if (name.size() >= 2 && name[0] == 'F' && std::isdigit((unsigned char)name[1]) && std::stoi(name.substr(1)) >= 1 &&
             std::stoi(name.substr(1)) <= 12)
      key = GLFW_KEY_F1 + std::stoi(name.substr(1)) - 1;
    else if (name == "Escape") key = GLFW_KEY_ESCAPE;
    else if (name == "Enter") key = GLFW_KEY_ENTER;
    else if (name == "Home") key = GLFW_KEY_HOME;
    if (key < 0) {
      if (error) *error = "unknown key '" + name + "'";
      return false;
    }
    keys.push_back({key, mods});
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return true;
}

}  // namespace la::window
