// SPDX-License-Identifier: MIT
// The claims file reader (diplo/io/claims.h), on the JSON machinery of json_common.h.

#include "diplo/io/claims.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <simdjson.h>

#include "diplo/io/file.h"
#include "json_common.h"
#include "out_of_memory.h"

namespace diplo::io {

namespace {

namespace od = simdjson::ondemand;
using detail::record_reader;
using detail::where;

// One field of a "claim" object, kept until its "kind" says what it should be.
struct raw_field {
  std::string key;
  std::string text;                    // a string value
  std::optional<std::int64_t> number;  // a whole-number value
  bool is_string = false;
  std::size_t at = 0;  // the value's offset
};

// The fields of each kind of claim: required, then optional.
struct kind_fields {
  std::vector<std::string_view> required;
  std::vector<std::string_view> optional;
};

auto fields_of(std::string_view kind) -> kind_fields {
  if (kind == "last_visit" || kind == "visited_in") return {{"guest", "host_country", "when"}, {"occasion"}};
  if (kind == "visit_ordinal") return {{"guest", "host_country", "since", "n"}, {}};
  if (kind == "visit_count") return {{"guest", "host_country", "n"}, {"from", "to"}};
  if (kind == "last_meeting" || kind == "first_meeting" || kind == "met_in")
    return {{"a", "b", "when"}, {"place"}};
  if (kind == "meeting_count") return {{"a", "b", "n"}, {"from", "to"}};
  return {{"person", "day", "place"}, {}};  // where
}

// What a field holds, for messages.
auto expected_of(std::string_view key) -> std::string_view {
  if (key == "guest" || key == "a" || key == "b" || key == "person") return "a name, an alias or an actor id";
  if (key == "host_country") return "an ISO 3166 country code or a country's name";
  if (key == "when") return "an EDTF date or period";
  if (key == "since" || key == "from" || key == "to") return "an EDTF date";
  if (key == "day") return "a day, YYYY-MM-DD";
  if (key == "place") return "a city, a country, or \"city, country\"";
  if (key == "occasion") return "words naming the occasion";
  return "a whole number";  // n
}

// Turns the raw fields of one claim into a claim, reporting every problem.
class claim_builder {
 public:
  claim_builder(record_reader& r, const actor_registry& actors, std::vector<raw_field> fields, std::size_t at)
      : r_(r), actors_(actors), fields_(std::move(fields)), at_(at) {}

  auto build() -> std::optional<claim> {
    const raw_field* kind = find("kind");
    if (kind == nullptr) {
      error(at_, "",
            "missing \"kind\" (one of last_visit, visited_in, visit_ordinal, visit_count, last_meeting, "
            "first_meeting, meeting_count, met_in, where)");
      return std::nullopt;
    }
    const auto k = std::find(claim_kind_names.begin(), claim_kind_names.end(), kind->text);
    if (!kind->is_string || k == claim_kind_names.end()) {
      error(kind->at, "kind",
            fmt::format("unknown kind \"{}\" (expected one of {})", kind->text,
                        fmt::join(claim_kind_names, ", ")));
      return std::nullopt;
    }
    if (!check_keys(*k)) return std::nullopt;
    return make(*k);
  }

 private:
  auto find(std::string_view key) const -> const raw_field* {
    for (const raw_field& f : fields_) {
      if (f.key == key) return &f;
    }
    return nullptr;
  }

  void error(std::size_t at, std::string_view key, std::string message) {
    r_.error(at, where{"claim", static_cast<std::size_t>(-1), key}, std::move(message));
  }

  auto check_keys(std::string_view kind) -> bool {
    const kind_fields allowed = fields_of(kind);
    bool ok = true;
    for (const raw_field& f : fields_) {
      const bool known =
          f.key == "kind" ||
          std::find(allowed.required.begin(), allowed.required.end(), f.key) != allowed.required.end() ||
          std::find(allowed.optional.begin(), allowed.optional.end(), f.key) != allowed.optional.end();
      if (!known) {
        error(f.at, "",
              fmt::format("unknown key \"{}\" for a {} claim (expected {}{}{})", f.key, kind,
                          fmt::join(allowed.required, ", "),
                          allowed.optional.empty() ? "" : "; optional: ", fmt::join(allowed.optional, ", ")));
        ok = false;
      }
    }
    for (std::string_view key : allowed.required) {
      if (find(key) == nullptr) {
        error(at_, "", fmt::format("missing \"{}\" ({})", key, expected_of(key)));
        ok = false;
      }
    }
    return ok;
  }

  // The string value of `key`, reporting a value of another type.
  auto text(std::string_view key) -> const raw_field* {
    const raw_field* f = find(key);
    if (f == nullptr) return nullptr;
    if (!f->is_string) {
      error(f->at, key, fmt::format("expected {} (a string)", expected_of(key)));
      return nullptr;
    }
    return f;
  }

  // Runs `parse(text)`, reporting its diplo::error at the value.
  template <class Parse>
  auto parsed(std::string_view key, Parse parse)
      -> std::optional<std::invoke_result_t<Parse, const std::string&>> {
    const raw_field* f = text(key);
    if (f == nullptr) return std::nullopt;
    try {
      return parse(f->text);
    } catch (const diplo::error& e) {
      error(f->at, key, std::string(detail::strip_prefix(e.what())));
    }
    return std::nullopt;
  }

  auto actor(std::string_view key) {
    return parsed(key, [&](const std::string& s) { return actors_.resolve(s); });
  }

  auto country(std::string_view key) -> std::optional<country_code> {
    const raw_field* f = text(key);
    if (f == nullptr) return std::nullopt;
    if (auto c = find_country(f->text)) return c;
    error(
        f->at, key,
        fmt::format("unknown country \"{}\" (expected an ISO 3166 code such as RU, or a name such as Russia)",
                    f->text));
    return std::nullopt;
  }

  // A period with known ends: a claim names the days it speaks of.
  auto when(std::string_view key) {
    return parsed(key, [](const std::string& s) {
      const period p = period::parse(s);
      if (p.start_kind() != period::end_kind::known || p.end_kind() != period::end_kind::known) {
        throw diplo::error(
            fmt::format("[diplo.claims] \"{}\": expected a date or period with known ends (\"2024-09\", "
                        "\"2023-03-20/2023-03-22\"), not an open or unknown end",
                        s));
      }
      return p;
    });
  }
  auto date(std::string_view key) {
    return parsed(key, [](const std::string& s) { return partial_date::parse(s); });
  }
  auto place(std::string_view key) {
    return parsed(key, [](const std::string& s) { return claimed_place::parse(s); });
  }

  // An optional date: nullopt inside when absent, an outer nullopt on error.
  auto optional_date(std::string_view key) -> std::optional<std::optional<partial_date>> {
    if (find(key) == nullptr) return std::optional<partial_date>();
    auto d = date(key);
    if (!d) return std::nullopt;
    return std::optional<partial_date>(*d);
  }

  auto day(std::string_view key) -> std::optional<partial_date> {
    auto d = date(key);
    if (d && !d->is_exact_day()) {
      error(find(key)->at, key, fmt::format("\"{}\": expected one day, YYYY-MM-DD", d->to_edtf()));
      return std::nullopt;
    }
    return d;
  }

  auto count(std::string_view key, std::int64_t least) -> std::optional<std::size_t> {
    const raw_field* f = find(key);
    if (f == nullptr) return std::nullopt;
    if (!f->number || *f->number < least) {
      error(f->at, key, fmt::format("expected a whole number of at least {}", least));
      return std::nullopt;
    }
    return static_cast<std::size_t>(*f->number);
  }

  auto occasion() -> std::optional<std::string> {
    if (find("occasion") == nullptr) return std::string();
    const raw_field* f = text("occasion");
    if (f == nullptr) return std::nullopt;
    return f->text;
  }

  // Two different actors, a and b.
  auto pair() -> std::optional<std::pair<actor_id, actor_id>> {
    auto a = actor("a");
    auto b = actor("b");
    if (!a || !b) return std::nullopt;
    if (*a == *b) {
      error(find("b")->at, "b",
            fmt::format("\"{}\" is the same actor as a ({}): a claim of meetings names two", find("b")->text,
                        *a));
      return std::nullopt;
    }
    return std::pair(*a, *b);
  }

  auto make(std::string_view kind) -> std::optional<claim> {
    if (kind == "last_visit" || kind == "visited_in") {
      auto g = actor("guest");
      auto c = country("host_country");
      auto w = when("when");
      auto o = occasion();
      if (!g || !c || !w || !o) return std::nullopt;
      if (kind == "last_visit") return claim(last_visit_claim{*g, *c, *w, *o});
      return claim(visited_in_claim{*g, *c, *w, *o});
    }
    if (kind == "visit_ordinal") {
      auto g = actor("guest");
      auto c = country("host_country");
      auto s = date("since");
      auto n = count("n", 1);
      if (!g || !c || !s || !n) return std::nullopt;
      return claim(visit_ordinal_claim{*g, *c, *s, *n});
    }
    if (kind == "visit_count") {
      auto g = actor("guest");
      auto c = country("host_country");
      auto from = optional_date("from");
      auto to = optional_date("to");
      auto n = count("n", 0);
      if (!g || !c || !from || !to || !n) return std::nullopt;
      return claim(visit_count_claim{*g, *c, *from, *to, *n});
    }
    if (kind == "meeting_count") {
      auto ab = pair();
      auto from = optional_date("from");
      auto to = optional_date("to");
      auto n = count("n", 0);
      if (!ab || !from || !to || !n) return std::nullopt;
      return claim(meeting_count_claim{ab->first, ab->second, *from, *to, *n});
    }
    if (kind == "where") {
      auto p = actor("person");
      auto d = day("day");
      auto at = place("place");
      if (!p || !d || !at) return std::nullopt;
      return claim(where_claim{*p, *d, *at});
    }
    auto ab = pair();
    auto w = when("when");
    std::optional<claimed_place> at = claimed_place{};
    if (find("place") != nullptr) at = place("place");
    if (!ab || !w || !at) return std::nullopt;
    if (kind == "last_meeting") return claim(last_meeting_claim{ab->first, ab->second, *w, *at});
    if (kind == "first_meeting") return claim(first_meeting_claim{ab->first, ab->second, *w, *at});
    return claim(met_in_claim{ab->first, ab->second, *w, *at});
  }

  record_reader& r_;
  const actor_registry& actors_;
  std::vector<raw_field> fields_;
  std::size_t at_;
};

// Reads the fields of a "claim" object as they are (strings and whole numbers).
auto raw_fields(record_reader& r, od::value& v) -> std::optional<std::vector<raw_field>> {
  od::object obj;
  if (!r.object(v, where{"claim"}, obj)) return std::nullopt;
  std::vector<raw_field> out;
  for (auto item : obj) {
    od::field f;
    if (auto e = std::move(item).get(f); e != simdjson::SUCCESS) r.syntax(e);
    const std::size_t key_at = r.offset_of(f.key().raw()) - 1;
    std::string_view key;
    if (auto e = f.unescaped_key().get(key); e != simdjson::SUCCESS) r.syntax(e);
    if (std::any_of(out.begin(), out.end(), [&](const raw_field& x) { return x.key == key; })) {
      r.error(key_at, where{"claim"}, fmt::format("duplicate key \"{}\"", key));
      continue;
    }
    raw_field x;
    x.key = std::string(key);
    od::value val = f.value();
    x.at = r.offset_of(val);
    std::string_view s;
    std::int64_t n = 0;
    if (val.get_string().get(s) == simdjson::SUCCESS) {
      x.text = std::string(s);
      x.is_string = true;
    } else if (val.get_int64().get(n) == simdjson::SUCCESS) {
      x.number = n;
    }
    out.push_back(std::move(x));
  }
  return out;
}

// A claim's or the document's "as_of": one day.
auto read_as_of(record_reader& r, od::value& v, const where& w, std::optional<date::sys_days>& out) {
  const std::size_t at = r.offset_of(v);
  std::optional<partial_date> d;
  if (!r.date(v, w, d)) return;
  if (!d->is_exact_day()) {
    r.error(at, w,
            fmt::format("\"{}\": expected one day, YYYY-MM-DD (the day the claim was made)", d->to_edtf()));
    return;
  }
  out = d->earliest();
}

constexpr std::array<std::string_view, 4> claim_keys = {"id", "text", "as_of", "claim"};
constexpr std::array<std::string_view, 4> root_keys = {"title", "url", "as_of", "claims"};

// Reads one claim into `out` when it has no error; `ids` holds the ids of the claims before it.
void read_claim(record_reader& r, od::object& obj, std::size_t at, const actor_registry& actors,
                claims_file& out, std::vector<std::string>& ids) {
  claim_record rec;
  bool ok = true;
  bool has_id = false;
  bool has_claim = false;
  r.fields(obj, claim_keys, {}, [&](std::size_t k, od::value v, std::size_t) {
    const where w{claim_keys[k]};
    if (k == 0) {
      const std::size_t id_at = r.offset_of(v);
      has_id = r.text(v, w, rec.id);
      if (has_id && rec.id.empty()) {
        r.error(id_at, w, "expected a name for the claim, not an empty string");
        ok = false;
      }
      ok = has_id && ok;
      if (has_id && std::find(ids.begin(), ids.end(), rec.id) != ids.end()) {
        r.error(id_at, w, fmt::format("duplicate claim id \"{}\"", rec.id));
        ok = false;
      }
      if (has_id) ids.push_back(rec.id);
    } else if (k == 1) {
      ok = r.text(v, w, rec.text) && ok;
    } else if (k == 2) {
      read_as_of(r, v, w, rec.as_of);
      ok = rec.as_of.has_value() && ok;
    } else {
      has_claim = true;
      const std::size_t claim_at = r.offset_of(v);
      auto fields = raw_fields(r, v);
      std::optional<claim> c;
      if (fields) c = claim_builder(r, actors, std::move(*fields), claim_at).build();
      if (c) rec.claim = std::move(*c);
      ok = c.has_value() && ok;
    }
  });
  if (!has_id) r.error(at, {}, "missing \"id\" (a name for the claim, unique in the file)");
  if (!has_claim) r.error(at, {}, "missing \"claim\" (an object with a \"kind\")");
  if (ok && has_id && has_claim) out.claims.push_back(std::move(rec));
}

void read_into(record_reader& r, std::string_view text, const actor_registry& actors,
               const read_limits& limits, claims_file& out) {
  detail::read_document(r, text, 0, limits, [&](od::object& root, std::size_t skip) {
    bool has_claims = false;
    std::vector<std::string> ids;
    r.fields(root, root_keys, {}, [&](std::size_t k, od::value v, std::size_t) {
      const where w{root_keys[k]};
      if (k == 0) {
        r.text(v, w, out.title);
      } else if (k == 1) {
        r.text(v, w, out.url);
      } else if (k == 2) {
        read_as_of(r, v, w, out.as_of);
      } else {
        has_claims = true;
        r.each_object(v, w, "an array of claims",
                      [&](std::size_t i, od::object& obj, std::size_t at, const where&) {
                        if (i >= limits.max_records) {
                          r.error(at, {},
                                  fmt::format("more than the limit of {} claims (read_limits::max_records)",
                                              limits.max_records));
                          throw detail::syntax_stop{};
                        }
                        r.record_path("claims", i);
                        read_claim(r, obj, at, actors, out, ids);
                        r.record_path({}, static_cast<std::size_t>(-1));
                      });
      }
    });
    r.expect_end();
    if (!has_claims) r.error(skip, {}, "missing \"claims\" (an array of claims)");
  });
  // The document's as_of is the default of every claim (it may come after the claims).
  for (claim_record& c : out.claims) {
    if (!c.as_of) c.as_of = out.as_of;
  }
}

}  // namespace

auto read_claims(std::string_view text, std::string_view file, const actor_registry& actors,
                 const read_limits& limits) -> claims_file {
  record_reader r(text, file);
  claims_file out;
  detail::or_out_of_memory(file, [&] { read_into(r, text, actors, limits, out); });
  static_cast<void>(r.finish("claims"));  // throws validation_error when there were errors
  return out;
}

auto read_claims_file(const std::filesystem::path& path, const actor_registry& actors,
                      const read_limits& limits) -> claims_file {
  const std::string text = read_text_file(path, limits.max_file_size);
  return read_claims(text, path.string(), actors, limits);
}

}  // namespace diplo::io
