// SPDX-License-Identifier: MIT
// Fuzz target: the command-line tool's date, country and name arguments (src/cli/common.h:
// parse_date, check_range, parse_country, resolve, resolve_pair), compiled in from the
// tool's source. Names are resolved against the bundled dataset, as `diplo` does without
// --data.
//
// The input is two arguments: the text up to the first newline, and the rest (as in
// `diplo meetings A B --from A --to B`). Properties: bad input is cli::usage_error, whose
// message the tool prints, and nothing else; an accepted date prints back as EDTF that the
// tool accepts again, giving the same date; a resolved name resolves again by its id and by
// its canonical name.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>

#include <diplo/data.h>
#include <diplo/partial_date.h>

#include "common.h"
#include "fuzz.h"

namespace {

auto try_date(std::string_view text) -> std::optional<diplo::partial_date> {
  using namespace diplo::cli;
  try {
    const diplo::partial_date d = parse_date(text, "--from");
    DIPLO_FUZZ_CHECK(parse_date(d.to_edtf(), "--to") == d, d.to_edtf());
    return d;
  } catch (const usage_error& e) {
    DIPLO_FUZZ_CHECK(std::string_view(e.what()).starts_with("--from: "), e.what());
    return std::nullopt;
  }
}

void try_name(const diplo::timeline& t, std::string_view name) {
  using namespace diplo::cli;
  try {
    const diplo::actor_id id = resolve(t, name);
    DIPLO_FUZZ_CHECK(t.actors().contains(id), id.value());
    DIPLO_FUZZ_CHECK(resolve(t, id.value()) == id, id.value());
    DIPLO_FUZZ_CHECK(resolve(t, name_of(t, id)) == id, name_of(t, id));
  } catch (const usage_error& e) {
    (void)fmt::format("diplo: {}\n", e.what());
  }
}

void try_country(std::string_view text) {
  using namespace diplo::cli;
  try {
    const diplo::country_code c = parse_country(text, "--guest-country");
    DIPLO_FUZZ_CHECK(parse_country(c.alpha2(), "--host-country") == c, "a country code");
  } catch (const usage_error& e) {
    (void)fmt::format("diplo: {}\n", e.what());
  }
}

}  // namespace

extern "C" auto LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) -> int {
  using namespace diplo::cli;
  static const diplo::timeline& t = diplo::data::xi_putin();
  const std::string_view text = diplo::fuzz::text_of(data, size);
  const std::size_t nl = text.find('\n');
  const std::string_view a = text.substr(0, nl);
  const std::string_view b = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);

  const std::optional<diplo::partial_date> from = try_date(a);
  const std::optional<diplo::partial_date> to = try_date(b);
  try {
    check_range(from, to);
    DIPLO_FUZZ_CHECK(!from || !to || from->earliest() <= to->latest(), "range not checked");
  } catch (const usage_error&) {
    DIPLO_FUZZ_CHECK(from && to && to->latest() < from->earliest(), "a good range refused");
  }
  try_country(a);
  try_name(t, a);
  try_name(t, b);
  try {
    const auto [x, y] = resolve_pair(t, a, b);
    DIPLO_FUZZ_CHECK(x != y, "resolve_pair gave one actor twice");
  } catch (const usage_error&) {
  }
  return 0;
}
