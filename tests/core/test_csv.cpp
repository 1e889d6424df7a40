// RFC 4180 edge cases of the CSV reader.
#include <catch2/catch.hpp>

#include "core/csv_reader.hpp"

using la::parseCsv;

TEST_CASE("csv: quoted fields keep commas, doubled quotes and line breaks", "[csv]") {
  const auto t = parseCsv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"line1\nline2\"\nlast,2,3\n");
  REQUIRE(t.issues.empty());
  REQUIRE(t.header == std::vector<std::string>{"a", "b", "c"});
  REQUIRE(t.recordCount() == 2);
  CHECK(t.record(0) == std::vector<std::string>{"x, y", "say \"hi\"", "line1\nline2"});
  CHECK(t.line(0) == 2);
  // The quoted line break moved the next record to line 4.
  CHECK(t.line(1) == 4);
  CHECK(t.field(1, 0) == "last");
}

TEST_CASE("csv: BOM, CRLF, no final newline, empty fields", "[csv]") {
  const auto t = parseCsv("\xEF\xBB\xBFid,v\r\n1,\r\n2,\"\"\r\n,3");
  REQUIRE(t.issues.empty());
  CHECK(t.header[0] == "id");  // BOM not part of the first column name
  REQUIRE(t.recordCount() == 3);
  CHECK(t.record(0) == std::vector<std::string>{"1", ""});
  CHECK(t.record(1) == std::vector<std::string>{"2", ""});
  CHECK(t.record(2) == std::vector<std::string>{"", "3"});
  CHECK(t.line(2) == 4);
}

TEST_CASE("csv: LF and CRLF mixed, blank lines skipped but counted", "[csv]") {
  const auto t = parseCsv("h\n\nA\r\n\r\nB\n");
  REQUIRE(t.issues.empty());
  REQUIRE(t.recordCount() == 2);
  CHECK(t.line(0) == 3);
  CHECK(t.line(1) == 5);
}

TEST_CASE("csv: CRLF inside a quoted field is kept and counted as one line", "[csv]") {
  const auto t = parseCsv("a,b\r\n\"x\r\ny\",1\r\nz,2");
  REQUIRE(t.issues.empty());
  REQUIRE(t.recordCount() == 2);
  CHECK(t.field(0, 0) == "x\r\ny");
  CHECK(t.line(1) == 4);
}

TEST_CASE("csv: malformed quoting is reported at the record's line and reading goes on", "[csv]") {
  const auto t = parseCsv("a,b\n\"x\"y,1\nok,2\nbad\"quote,3\nfine,4\n");
  REQUIRE(t.issues.size() == 2);
  CHECK(t.issues[0].line == 2);
  CHECK(t.issues[0].reason.find("text after the closing quote") != std::string::npos);
  CHECK(t.issues[1].line == 4);
  CHECK(t.issues[1].reason.find("quote inside unquoted field 1") != std::string::npos);
  REQUIRE(t.recordCount() == 2);
  CHECK(t.field(0, 0) == "ok");
  CHECK(t.field(1, 0) == "fine");
}

TEST_CASE("csv: an unterminated quote names the line where it opened", "[csv]") {
  const auto t = parseCsv("a,b\n1,2\n3,\"never closed\n4,5\n");
  REQUIRE(t.recordCount() == 1);
  REQUIRE(t.issues.size() == 1);
  CHECK(t.issues[0].line == 3);
  CHECK(t.issues[0].reason.find("unterminated quoted field") != std::string::npos);
}

TEST_CASE("csv: field count must match the header", "[csv]") {
  const auto t = parseCsv("a,b,c\n1,2\n1,2,3\n1,2,3,4\n");
  REQUIRE(t.recordCount() == 1);
  REQUIRE(t.issues.size() == 2);
  CHECK(t.issues[0].line == 2);
  CHECK(t.issues[0].reason == "expected 3 fields as in the header, found 2");
  CHECK(t.issues[1].reason == "expected 3 fields as in the header, found 4");
}

TEST_CASE("csv: invalid UTF-8 is reported with its column", "[csv][utf8]") {
  const auto t = parseCsv("a,b\nok,\xC3\xA9t\xC3\xA9\nx,caf\xE9\n");
  REQUIRE(t.recordCount() == 1);
  CHECK(t.field(0, 1) == "\xC3\xA9t\xC3\xA9");
  REQUIRE(t.issues.size() == 1);
  CHECK(t.issues[0].line == 3);
  CHECK(t.issues[0].column == 1);
  CHECK(t.issues[0].reason == "invalid UTF-8");
}

TEST_CASE("utf8: overlong forms, surrogates and truncation are rejected", "[utf8]") {
  size_t at = 99;
  CHECK(la::isValidUtf8("plain ascii"));
  CHECK(la::isValidUtf8("\xE2\x80\xA6 \xF0\x9F\x98\x80"));  // ellipsis, emoji
  CHECK_FALSE(la::isValidUtf8("\xC0\xAF"));                  // overlong '/'
  CHECK_FALSE(la::isValidUtf8("\xED\xA0\x80"));              // surrogate D800
  CHECK_FALSE(la::isValidUtf8("\xF4\x90\x80\x80"));          // above U+10FFFF
  CHECK_FALSE(la::isValidUtf8("ab\xE2\x80", &at));           // truncated
  CHECK(at == 2);
}

TEST_CASE("csv: empty input has no header; quoting round-trips", "[csv]") {
  CHECK(parseCsv("").header.empty());
  CHECK(parseCsv("\xEF\xBB\xBF").header.empty());
  CHECK(la::csvQuote("plain") == "plain");
  CHECK(la::csvQuote("a,\"b\"\n") == "\"a,\"\"b\"\"\n\"");
  const auto t = parseCsv("v\n" + la::csvQuote("a,\"b\"\nc") + "\n");
  REQUIRE(t.recordCount() == 1);
  CHECK(t.field(0, 0) == "a,\"b\"\nc");
}

TEST_CASE("csv: a malformed header stops reading (no data row is taken for it)", "[csv]") {
  const auto t = parseCsv("a,\"b\"x\n1,2\n");
  CHECK(t.header.empty());
  REQUIRE(t.issues.size() == 1);
  CHECK(t.issues[0].line == 1);
}
