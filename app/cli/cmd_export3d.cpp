// `lesion-atlas export-3d`: the body and a scene's markers as one glTF binary for slides
// (render/model_export.hpp), composed through the same compose() as `render`.
#include <iostream>

#include "cli/commands.hpp"
#include "cli/render_job.hpp"
#include "render/model_export.hpp"
#include "render/picture.hpp"

namespace fs = std::filesystem;

namespace la::cli {
namespace {

int export3d(const RenderJob& job) {
  std::string ext = job.out.extension().string();
  for (char& c : ext) c = char(std::tolower((unsigned char)c));
  if (ext != ".glb") {
    std::cerr << "error: -o " << job.out.string() << ": the 3D model is written as glTF binary (NAME.glb)\n";
    return kUsage;
  }
  ViewModel vm;
  fs::path sceneDir;
  std::string origin;
  if (int rc = resolveView(job, vm, sceneDir, origin); rc != kOk) return rc;
  try {
    RenderSession session;
    render::Picture picture;
    render::Composition shown;
    if (int rc = session.compose(vm, sceneDir, origin, render::ComposeOptions{}, picture, shown); rc != kOk) return rc;
    const render::ModelSummary s = render::exportModel(picture, shown, job.out);
    std::cerr << job.out.string() << ": " << s.meshes << " meshes (" << s.markers << " markers)\n";
    for (const std::string& n : s.names) std::cerr << "  " << n << "\n";
    std::cout << job.out.string() << "\n";
    return job.references ? session.writeReferences(shown, job.out) : kOk;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return kBadInput;
  }
}

}  // namespace

void registerExport3dCommand(CLI::App& app, int& exitCode) {
  struct Opts {
    std::string scene, out, body, highlight;
    bool references = false;
  };
  auto o = std::make_shared<Opts>();
  CLI::App* e = app.add_subcommand("export-3d", "The body and a scene's markers as a glTF binary (.glb) for slides");
  e->add_option("scene", o->scene, "Scene file (JSON); default: the built-in default view");
  e->add_option("-o,--output", o->out, "Output NAME.glb")->required();
  e->add_option("--body", o->body, "male, female or a mesh file (overrides the scene)");
  e->add_flag("--references", o->references, "Also write the cases' references beside it (NAME.txt, NAME.bib)");
  e->callback([o, &exitCode] {
    RenderJob job;
    job.scenePath = o->scene;
    job.out = o->out;
    job.body = o->body;
    job.references = o->references;
    exitCode = export3d(job);
  });
}

}  // namespace la::cli
