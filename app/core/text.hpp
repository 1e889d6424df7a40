#pragma once
// Text: an immutable, shared string for the many text fields of a case. A case has some twenty of
// them, most empty or repeated from row to row (a table's diagnosis words, a site id, a citation):
// as std::string each costs 32 bytes even when empty, which at a million rows was most of the
// memory. A Text is one pointer (8 bytes); empty text allocates nothing; copies share the same
// characters (reference counted, so a case can be copied and freed as before). It reads like a
// const std::string (it converts to one), and it is replaced, never edited in place.
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json_fwd.hpp>

namespace la {

class Text {
 public:
  Text() noexcept = default;
  Text(std::string_view s) : p_(s.empty() ? nullptr : new Block{{1}, std::string(s)}) {}
  Text(const std::string& s) : Text(std::string_view(s)) {}
  Text(std::string&& s) : p_(s.empty() ? nullptr : new Block{{1}, std::move(s)}) {}
  Text(const char* s) : Text(std::string_view(s)) {}
  Text(const Text& o) noexcept : p_(o.p_) {
    if (p_) p_->refs.fetch_add(1, std::memory_order_relaxed);
  }
  Text(Text&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Text& operator=(const Text& o) noexcept {
    Text(o).swap(*this);
    return *this;
  }
  Text& operator=(Text&& o) noexcept {
    Text(std::move(o)).swap(*this);
    return *this;
  }
  Text& operator=(std::string_view s) { return *this = Text(s); }
  Text& operator=(const std::string& s) { return *this = Text(s); }
  Text& operator=(std::string&& s) { return *this = Text(std::move(s)); }
  Text& operator=(const char* s) { return *this = Text(s); }
  ~Text() { release(); }

  void swap(Text& o) noexcept { std::swap(p_, o.p_); }

  const std::string& str() const { return p_ ? p_->s : emptyString(); }
  operator const std::string&() const { return str(); }
  operator std::string_view() const { return str(); }
  std::string_view view() const { return str(); }

  bool empty() const { return !p_; }
  size_t size() const { return str().size(); }
  size_t length() const { return str().size(); }
  const char* c_str() const { return str().c_str(); }
  const char* data() const { return str().data(); }
  char operator[](size_t i) const { return str()[i]; }
  char front() const { return str().front(); }
  char back() const { return str().back(); }
  std::string::const_iterator begin() const { return str().begin(); }
  std::string::const_iterator end() const { return str().end(); }
  size_t find(std::string_view s, size_t pos = 0) const { return view().find(s, pos); }
  size_t find(char c, size_t pos = 0) const { return view().find(c, pos); }
  size_t rfind(std::string_view s, size_t pos = std::string::npos) const { return view().rfind(s, pos); }
  size_t rfind(char c, size_t pos = std::string::npos) const { return view().rfind(c, pos); }
  size_t find_first_of(std::string_view s, size_t pos = 0) const { return view().find_first_of(s, pos); }
  size_t find_first_not_of(std::string_view s, size_t pos = 0) const { return view().find_first_not_of(s, pos); }
  std::string substr(size_t pos = 0, size_t n = std::string::npos) const { return str().substr(pos, n); }
  int compare(std::string_view s) const { return view().compare(s); }

  // True when both share one allocation (the importer shares repeated values; tests check it).
  bool sharesWith(const Text& o) const { return p_ && p_ == o.p_; }

  // Comparisons and concatenation as for std::string, spelled out for each operand type so that
  // none is ambiguous between Text's conversions; friends, so that they are found only when an
  // operand is a Text (never for a std::string against a std::string_view).
#define LA_TEXT_CMP(op)                                                                                     \
  friend bool operator op(const Text& a, const Text& b) { return a.view() op b.view(); }                    \
  friend bool operator op(const Text& a, std::string_view b) { return a.view() op b; }                      \
  friend bool operator op(std::string_view a, const Text& b) { return a op b.view(); }                      \
  friend bool operator op(const Text& a, const std::string& b) { return a.view() op std::string_view(b); }  \
  friend bool operator op(const std::string& a, const Text& b) { return std::string_view(a) op b.view(); }  \
  friend bool operator op(const Text& a, const char* b) { return a.view() op std::string_view(b); }         \
  friend bool operator op(const char* a, const Text& b) { return std::string_view(a) op b.view(); }
  LA_TEXT_CMP(==)
  LA_TEXT_CMP(!=)
  LA_TEXT_CMP(<)
  LA_TEXT_CMP(>)
  LA_TEXT_CMP(<=)
  LA_TEXT_CMP(>=)
#undef LA_TEXT_CMP
  friend std::string operator+(const Text& a, const Text& b) { return a.str() + b.str(); }
  friend std::string operator+(const Text& a, const std::string& b) { return a.str() + b; }
  friend std::string operator+(const std::string& a, const Text& b) { return a + b.str(); }
  friend std::string operator+(std::string&& a, const Text& b) { return std::move(a) + b.str(); }
  friend std::string operator+(const Text& a, const char* b) { return a.str() + b; }
  friend std::string operator+(const char* a, const Text& b) { return a + b.str(); }
  friend std::string operator+(const Text& a, char b) { return a.str() + b; }
  friend std::string operator+(char a, const Text& b) { return a + b.str(); }

 private:
  struct Block {
    std::atomic<uint32_t> refs;
    std::string s;
  };
  static const std::string& emptyString();
  void release() noexcept {
    if (p_ && p_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete p_;
    p_ = nullptr;
  }
  Block* p_ = nullptr;
};

std::ostream& operator<<(std::ostream& out, const Text& t);
void to_json(nlohmann::json& j, const Text& t);
void from_json(const nlohmann::json& j, Text& t);

}  // namespace la

template <>
struct std::hash<la::Text> {
  size_t operator()(const la::Text& t) const noexcept { return std::hash<std::string_view>()(t.view()); }
};
