#include "window/gl_bridge.hpp"

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_freetype.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <vtkCallbackCommand.h>
#include <vtkCommand.h>
#include <vtkInteractorStyleTrackballCamera.h>

#include <filesystem>

#include "render/display_framebuffer.hpp"
#include "window/input.hpp"

namespace la::window {
namespace {

// VTK asks whether its context is current and asks to make it current; the context belongs to
// GLFW, so both questions are answered from GLFW. Without the first answer VTK silently draws
// nothing; without the second, a second (offscreen) VTK window leaves the wrong context current.
void onIsCurrent(vtkObject*, unsigned long, void* clientData, void* callData) {
  *static_cast<bool*>(callData) = glfwGetCurrentContext() == static_cast<GLFWwindow*>(clientData);
}
void onMakeCurrent(vtkObject*, unsigned long, void* clientData, void*) {
  glfwMakeContextCurrent(static_cast<GLFWwindow*>(clientData));
}

}  // namespace

void setupVtk(Atlas& a) {
  a.renWin = vtkSmartPointer<vtkGenericOpenGLRenderWindow>::New();
  auto isCurrent = vtkSmartPointer<vtkCallbackCommand>::New();
  isCurrent->SetCallback(onIsCurrent);
  isCurrent->SetClientData(a.win);
  a.renWin->AddObserver(vtkCommand::WindowIsCurrentEvent, isCurrent);
  auto makeCurrent = vtkSmartPointer<vtkCallbackCommand>::New();
  makeCurrent->SetCallback(onMakeCurrent);
  makeCurrent->SetClientData(a.win);
  a.renWin->AddObserver(vtkCommand::WindowMakeCurrentEvent, makeCurrent);
  a.renWin->SetMultiSamples(0);  // 8x MSAA triples frame time on software GL; FXAA is on instead
  a.renWin->InitializeFromCurrentContext();
  // The window shows VTK's picture by one colour blit (render::presentScaled, after each render).
  // VTK's own "to hardware" blit also draws its depth into the window's framebuffer with a shader:
  // one more program to compile before the first frame and a full-window pass every frame, for a
  // depth buffer nothing reads (ImGui draws without depth, and the window has none).
  a.renWin->SetFrameBlitModeToNoBlit();
  a.renWin->SetSize(a.fbWidth, a.fbHeight);
  render::prepareDisplayFramebuffer(a.renWin);
  a.picture.setImageSize(a.fbWidth, a.fbHeight);
  a.picture.attach(a.renWin);

  a.iren = vtkSmartPointer<vtkGenericRenderWindowInteractor>::New();
  a.iren->SetRenderWindow(a.renWin);
  a.iren->EnableRenderOff();  // the frame loop renders; the interactor must not render on its own
  auto style = vtkSmartPointer<vtkInteractorStyleTrackballCamera>::New();
  a.iren->SetInteractorStyle(style);
  a.iren->Initialize();
  a.iren->UpdateSize(a.fbWidth, a.fbHeight);
}

void resize(Atlas& a, int w, int h) {
  a.fbWidth = w;
  a.fbHeight = h;
  a.renWin->SetSize(w, h);
  a.iren->UpdateSize(w, h);
  a.picture.setImageSize(w, h);
}

ImFont* addUiFont(float pixels, bool bold) {
  // Sources quote with typographic punctuation (’ “ ” – …), accented author names and Greek
  // letters; ImGui loads only Latin-1 unless told otherwise.
  static const ImWchar ranges[] = {0x0020, 0x00FF, 0x0100, 0x024F, 0x0370, 0x03FF, 0x2000, 0x206F,
                                   0x2190, 0x21FF, 0x2200, 0x22FF, 0};
  std::string file = LA_UI_FONT;
  const std::string boldFile = file.substr(0, file.rfind(".ttf")) + "-Bold.ttf";
  if (bold && std::filesystem::exists(boldFile)) file = boldFile;
  if (!std::filesystem::exists(file)) return nullptr;
  return ImGui::GetIO().Fonts->AddFontFromFileTTF(file.c_str(), pixels, nullptr, ranges);
}

void setupImGui(Atlas& a) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is not persisted to a stray file in the working folder
  float xs = 1.f, ys = 1.f;
  glfwGetWindowContentScale(a.win, &xs, &ys);
  const float scale = xs > 0 ? xs : 1.f;
  ImGui::StyleColorsLight();
  ImGuiStyle& st = ImGui::GetStyle();
  st.WindowRounding = 6.f;
  st.FrameRounding = 4.f;
  st.GrabRounding = 4.f;
  st.WindowBorderSize = 0.f;
  st.Colors[ImGuiCol_WindowBg].w = 0.94f;
  st.ScaleAllSizes(scale);
  io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
  if (!addUiFont(15.f * scale))
    a.message(std::string("warning: font ") + LA_UI_FONT + " missing (install fonts-dejavu-core); using the built-in font");
  a.cards.titleFont = addUiFont(20.f * scale, true);  // a teaching card's title
  // Installed before ImGui's callbacks, which chain to it.
  glfwSetWindowUserPointer(a.win, &a);
  glfwSetKeyCallback(a.win, onKey);
  ImGui_ImplGlfw_InitForOpenGL(a.win, true);
  ImGui_ImplOpenGL3_Init("#version 150");
}

}  // namespace la::window
