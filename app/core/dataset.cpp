#include "core/dataset.hpp"

#include <algorithm>

#include "core/case_index.hpp"

#include <cstdio>
#include <cstdlib>

namespace la {

const CaseIndex& Dataset::index() const {
  if (!index_ || index_->source != cases.data() || index_->size() != cases.size())
    index_ = std::make_shared<const CaseIndex>(CaseIndex::build(*this));
  return *index_;
}

void Dataset::removeTable(size_t table) {
  if (table >= tables.size()) return;
  dropIndex();  // case tables are renumbered in place
  tables.erase(tables.begin() + std::ptrdiff_t(table));
  cases.erase(std::remove_if(cases.begin(), cases.end(), [&](const Case& c) { return c.table == table; }), cases.end());
  for (auto& c : cases)
    if (c.table > table) --c.table;
}

void Dataset::append(Dataset&& other) {
  dropIndex();
  const size_t offset = tables.size();
  for (auto& t : other.tables) tables.push_back(std::move(t));
  if (cases.empty()) {
    // The common first import: take the vector whole instead of moving 100k cases one by one
    // into a second allocation of the same size.
    cases = std::move(other.cases);
    for (auto& c : cases) c.table += offset;
    other.tables.clear();
    other.cases.clear();
    return;
  }
  cases.reserve(cases.size() + other.cases.size());
  for (auto& c : other.cases) {
    c.table += offset;
    cases.push_back(std::move(c));
  }
  other.tables.clear();
  other.cases.clear();
}

const std::vector<VariantInfo>& variantList() {
  static const std::vector<VariantInfo> list = {
      {"subepidermal-calcified-nodule", "subepidermal calcified nodule"},
      {"milia-like", "milia-like"},
      {"scrotal", "scrotal calcinosis"},
      {"vulvar", "vulvar calcinosis"},
      {"penile", "penile calcinosis"},
      {"tumoral", "tumoral calcinosis"},
      {"universalis", "calcinosis universalis"},
      {"circumscripta", "calcinosis circumscripta"},
      {"perforating", "perforating calcinosis"},
      {"sheet-like", "sheet-like or plate-like calcinosis"},
      {"heel-stick", "heel-stick calcinosis"},
      {"calcium-gluconate", "after intravenous calcium gluconate"},
      {"calcium-heparin", "at injection sites of calcium-containing heparin"},
      {"nonuremic-calciphylaxis", "non-uremic calciphylaxis"},
      {"petrified-ear", "petrified ear"},
      {"other", "other"},
  };
  return list;
}

std::string toLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string classifyVariant(std::string_view wording) {
  const std::string w = toLower(wording);
  if (w.find_first_not_of(" \t") == std::string::npos) return {};
  // First match wins; the order puts the more specific wording first ("uremic tumoral" is tumoral,
  // "milia-like (histology: subepidermal calcinosis)" is milia-like).
  static const struct {
    const char* needle;
    const char* id;
  } rules[] = {
      {"subepidermal calcified nodule", "subepidermal-calcified-nodule"},
      {"milia-like", "milia-like"},
      {"scrotal", "scrotal"},
      {"vulvar", "vulvar"},
      {"penile", "penile"},
      {"tumoral", "tumoral"},
      {"universalis", "universalis"},
      {"circumscripta", "circumscripta"},
      {"perforating", "perforating"},
      {"sheet-like", "sheet-like"},
      {"platelike", "sheet-like"},
      {"plate-like", "sheet-like"},
      {"heel-stick", "heel-stick"},
      {"heel-prick", "heel-stick"},
      {"calcium gluconate", "calcium-gluconate"},
      {"nonuremic", "nonuremic-calciphylaxis"},
      {"non-uremic", "nonuremic-calciphylaxis"},
      {"non-uraemic", "nonuremic-calciphylaxis"},
      {"calcium-containing heparin", "calcium-heparin"},
      {"petrified ear", "petrified-ear"},
  };
  for (const auto& r : rules)
    if (w.find(r.needle) != std::string::npos) return r.id;
  return "other";
}

const char* toString(Sex s) {
  switch (s) {
    case Sex::Female: return "F";
    case Sex::Male: return "M";
    default: return "unknown";
  }
}

const char* toString(Subtype s) {
  switch (s) {
    case Subtype::Dystrophic: return "dystrophic";
    case Subtype::Metastatic: return "metastatic";
    case Subtype::Idiopathic: return "idiopathic";
    case Subtype::Iatrogenic: return "iatrogenic";
    case Subtype::Calciphylaxis: return "calciphylaxis";
    default: return "unspecified";
  }
}

const char* toString(Side s) {
  switch (s) {
    case Side::Left: return "left";
    case Side::Right: return "right";
    case Side::Bilateral: return "bilateral";
    case Side::Midline: return "midline";
    default: return "";
  }
}

const char* toString(Ossification o) {
  switch (o) {
    case Ossification::Yes: return "yes";
    case Ossification::No: return "no";
    default: return "unknown";
  }
}

const char* toString(AgeClass c) {
  switch (c) {
    case AgeClass::Neonate: return "neonate";
    case AgeClass::Infant: return "infant";
    default: return "";
  }
}

std::optional<Subtype> parseSubtype(std::string_view s) {
  const std::string v = toLower(s);
  for (Subtype t : {Subtype::Dystrophic, Subtype::Metastatic, Subtype::Idiopathic, Subtype::Iatrogenic,
                    Subtype::Calciphylaxis, Subtype::Unspecified})
    if (v == toString(t)) return t;
  return std::nullopt;
}

std::optional<Side> parseSide(std::string_view s) {
  const std::string v = toLower(s);
  if (v.empty()) return Side::None;
  for (Side t : {Side::Left, Side::Right, Side::Bilateral, Side::Midline})
    if (v == toString(t)) return t;
  return std::nullopt;
}

std::optional<Sex> parseSex(std::string_view s) {
  const std::string v = toLower(s);
  if (v.empty()) return Sex::Unknown;
  if (v == "f" || v == "female") return Sex::Female;
  if (v == "m" || v == "male") return Sex::Male;
  return std::nullopt;
}

std::optional<Ossification> parseOssification(std::string_view s) {
  const std::string v = toLower(s);
  if (v.empty()) return Ossification::Unknown;
  if (v == "yes") return Ossification::Yes;
  if (v == "no") return Ossification::No;
  return std::nullopt;
}

std::string formatNumber(double v) {
  char buf[32];
  // %.15g drops trailing zeros and round-trips every value a person types ("1.58", "0.03").
  std::snprintf(buf, sizeof buf, "%.15g", v);
  return buf;
}

std::string formatAge(const Age& a) {
  switch (a.kind) {
    case Age::Kind::Exact: return formatNumber(a.years);
    case Age::Kind::Range: return formatNumber(a.min) + "-" + formatNumber(a.max);
    default: return a.ageClass == AgeClass::None ? "unknown" : toString(a.ageClass);
  }
}

}  // namespace la
