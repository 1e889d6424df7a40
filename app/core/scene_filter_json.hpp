#pragma once
// The JSON form of a CaseFilter inside a scene file ("filter", "compare.a.filter"). Internal to
// scene_file.cpp; separate so the filter's words have one home.
#include <nlohmann/json.hpp>
#include <string>

#include "core/case_filter.hpp"

namespace la {

// Throws SceneError("<origin>: <field>.<key>: <reason>").
CaseFilter filterFromJson(const nlohmann::json& j, const std::string& origin, const std::string& field);
nlohmann::json filterToJson(const CaseFilter& f);

}  // namespace la
