// SPDX-License-Identifier: MIT
#pragma once

// Time zones: where local time lives.
//
// The rest of diplo deals in two kinds of time. Days (`date::sys_days`) say on which
// calendar day something happened, and instants (`date::sys_seconds`) say exactly when,
// always in UTC. An instant has no "local time" on its own: a call at 20:30 UTC on
// 21 January 2025 happened on the evening of the 21st in Moscow and in the small hours
// of the 22nd in Beijing. To turn an instant into a wall-clock time or a civil day you
// need a place, and a place's clock is named by an IANA time zone ("Europe/Moscow",
// "Asia/Shanghai"), never by an abbreviation ("CST" is China, Cuba and the US Midwest).
//
// This header (target `diplo::tz`, which links date's compiled `date::date-tz` and reads
// the system tz database) is the one place where UTC and zone names meet:
//
//   UTC -> LOCAL
//     auto t = date::sys_days{2025_y / date::May / 9} + std::chrono::hours{7};
//     diplo::tz::local_time(t, "Europe/Moscow");    // 2025-05-09 10:00 local
//     diplo::tz::local_day(t, "Europe/Moscow");     // 2025-05-09
//     diplo::tz::format_local(t, "Europe/Moscow");  // "10:00 MSK, 9 May 2025"
//
//   LOCAL -> UTC
//     auto parade = date::local_days{2025_y / date::May / 9} + std::chrono::hours{10};
//     diplo::tz::to_utc(parade, "Europe/Moscow");   // 2025-05-09 07:00:00 UTC
//
//   A local time can fall into a daylight-saving gap (02:30 on 30 March 2025 never
//   happened in Berlin) or overlap (02:30 on 26 October 2025 happened twice). `to_utc`
//   never throws for these: `date::choose::earliest` (the default) or `latest` picks one
//   of the two readings of an ambiguous time, and a time in a gap maps to the instant
//   the clocks jumped (01:00 UTC for Berlin's gap), whichever is chosen.
//
//   NAMES
//     diplo::tz::is_known_zone("Europe/Moskva");    // false
//     diplo::tz::locate("Europe/Moskva");           // throws diplo::lookup_error,
//                                                   // suggesting "Europe/Moscow"
//     diplo::tz::canonical_zone("Europe/Kiev");     // "Europe/Kyiv"
//     diplo::tz::tzdb_version();                    // "2025b"
//     diplo::tz::check_zones(doc.events, doc.origins);  // the unknown zones a file names,
//                                                       // at file:line:col (diplo validate)
//
//   FORMATTING
//     diplo::tz::zoned_instant z{t, "Europe/Moscow"};
//     fmt::format("{}", z);                         // "10:00 MSK, 9 May 2025"
//     fmt::format("{:u}", z);                       // "2025-05-09 07:00:00 UTC"
//
// Never print a `date::sys_seconds` through <fmt/chrono.h>: {fmt} 9 converts it with the
// machine's `localtime`. Use `zoned_instant` with `{:u}`, or `date::format`.
//
// Answers depend on the installed tz database: a zone whose rules changed recently
// (Asia/Almaty moved from +06 to +05 in 2024) reads differently on an older one.
//
// WHERE THE DATABASE IS. The zones' rules come from date's compiled library, which finds
// the system database itself (/usr/share/zoneinfo on Linux and macOS). diplo reads one
// file more, tzdata.zi (the release, and the old names that link to current ones), from
// `database_dir()`: the TZDIR environment variable when it is set and not empty (as the
// C library reads it), else the directory fixed at build time by the CMake option
// DIPLO_TZDIR (a compile definition of `diplo::tz`; default /usr/share/zoneinfo). Without
// a tzdata.zi (macOS ships none) the release is "unknown" and only names that date knows
// resolve.

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>
#include <date/tz.h>
#include <fmt/format.h>

#include "diplo/detail/edit_distance.h"
#include "diplo/detail/instant.h"
#include "diplo/detail/text.h"
#include "diplo/error.h"
#include "diplo/event.h"
#include "diplo/timeline.h"

#ifndef DIPLO_TZDIR
/// The tz database directory when TZDIR is unset: CMake's DIPLO_TZDIR, on diplo::tz's interface.
#define DIPLO_TZDIR "/usr/share/zoneinfo"
#endif

namespace diplo::detail {

/// What diplo reads from <database_dir()>/tzdata.zi: the version line and the
/// "L TARGET ALIAS" link lines (alias -> canonical zone). Both empty if the file is missing.
struct tzdata_zi {
  std::string version;
  std::map<std::string, std::string, std::less<>> links;
};

inline auto parse_tzdata_zi(std::istream& in) -> tzdata_zi {
  tzdata_zi data;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (first) {
      first = false;
      constexpr std::string_view prefix = "# version ";
      if (line.rfind(prefix, 0) == 0) data.version = trim(std::string_view(line).substr(prefix.size()));
      continue;
    }
    // "L TARGET ALIAS", its words separated by any white space (zic's format allows tabs;
    // a file saved with CR LF ends its lines in a CR).
    const std::vector<std::string_view> words = split_words(line);
    if (words.size() < 3 || words[0] != "L") continue;
    data.links.insert_or_assign(std::string(words[2]), std::string(words[1]));
  }
  return data;
}

/// $TZDIR when set and not empty, else DIPLO_TZDIR. Read on every call.
inline auto tz_database_dir() -> std::filesystem::path {
  const char* env = std::getenv("TZDIR");  // NOLINT(concurrency-mt-unsafe): read-only use
  return std::filesystem::path(env != nullptr && *env != '\0' ? env : DIPLO_TZDIR);
}

/// tzdata.zi, read once, from the directory `tz_database_dir()` named at the first call
/// (thread-safe: a function-local static).
inline auto tzdata() -> const tzdata_zi& {
  static const tzdata_zi data = [] {
    std::ifstream in(tz_database_dir() / "tzdata.zi");
    return in ? parse_tzdata_zi(in) : tzdata_zi{};
  }();
  return data;
}

/// The zone with exactly this name in date's database, or nullptr. Never throws.
inline auto find_zone(std::string_view name) noexcept -> const date::time_zone* {
  // "localtime" is /etc/localtime: it names a different zone on every machine.
  if (name.empty() || name == "localtime") return nullptr;
  try {
    const auto& zones = date::get_tzdb().zones;  // sorted by name, as date keeps it
    auto it = std::lower_bound(zones.begin(), zones.end(), name,
                               [](const date::time_zone& z, std::string_view n) { return z.name() < n; });
    if (it != zones.end() && it->name() == name) return &*it;
  } catch (...) {
    // No readable tz database: every name is unknown.
  }
  return nullptr;
}

/// Up to three known zone names close to `name`, nearest first.
inline auto suggest_zones(std::string_view name) -> std::vector<std::string> {
  std::vector<std::pair<std::size_t, std::string>> near;
  const std::size_t limit = std::max<std::size_t>(2, name.size() / 4);
  auto same_letter = [](char x, char y) {  // ASCII case-insensitive: zone names are ASCII
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    return lower(x) == lower(y);
  };
  auto consider = [&](std::string_view candidate) {
    if (candidate == "localtime") return;
    if (auto d = detail::edit_distance(name, candidate, limit, same_letter); d <= limit) {
      near.emplace_back(d, candidate);
    }
  };
  try {
    for (const auto& z : date::get_tzdb().zones) consider(z.name());
  } catch (...) {
  }
  for (const auto& [alias, target] : tzdata().links) consider(alias);
  std::sort(near.begin(), near.end());
  near.erase(std::unique(near.begin(), near.end()), near.end());
  std::vector<std::string> out;
  for (auto& [d, n] : near) {
    if (out.size() == 3) break;
    out.push_back(std::move(n));
  }
  return out;
}

[[nodiscard]] inline auto unknown_zone(std::string_view name) -> lookup_error {
  auto candidates = suggest_zones(name);
  std::string what = fmt::format("[diplo.tz] unknown time zone \"{}\"", name);
  if (!candidates.empty()) {
    what += " (did you mean ";
    for (std::size_t i = 0; i < candidates.size(); ++i) {
      if (i != 0) what += i + 1 == candidates.size() ? " or " : ", ";
      what += fmt::format("\"{}\"", candidates[i]);
    }
    what += "?)";
  }
  return lookup_error(what, std::move(candidates));
}

inline constexpr std::array<std::string_view, 12> english_months = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

}  // namespace diplo::detail

namespace diplo::tz {

/// Finds the IANA zone `zone` in the system tz database.
/// An alias that the database files lack but tzdata.zi still lists (as Debian 13 does
/// without tzdata-legacy) resolves to its canonical zone.
/// Throws diplo::lookup_error (a diplo::error) for an unknown name, with close names as
/// `candidates()`: `[diplo.tz] unknown time zone "Europe/Moskva" (did you mean "Europe/Moscow"?)`.
/// Example: `diplo::tz::locate("Asia/Tokyo").name() == "Asia/Tokyo"`
[[nodiscard]] inline auto locate(std::string_view zone) -> const date::time_zone& {
  if (const auto* z = detail::find_zone(zone)) return *z;
  const auto& links = detail::tzdata().links;
  if (auto it = links.find(zone); it != links.end()) {
    if (const auto* z = detail::find_zone(it->second)) return *z;
  }
  throw detail::unknown_zone(zone);
}

/// True when `locate(zone)` would succeed. Cannot fail.
/// Example: `is_known_zone("Asia/Kathmandu")` is true, `is_known_zone("MSK")` is false.
[[nodiscard]] inline auto is_known_zone(std::string_view zone) noexcept -> bool {
  if (detail::find_zone(zone) != nullptr) return true;
  try {
    const auto& links = detail::tzdata().links;
    auto it = links.find(zone);
    return it != links.end() && detail::find_zone(it->second) != nullptr;
  } catch (...) {
    return false;
  }
}

/// The wall-clock time in `zone` at the UTC instant `t`. Throws for an unknown zone.
/// Example: 07:00 UTC on 9 May 2025 is 10:00 local in "Europe/Moscow".
[[nodiscard]] inline auto local_time(date::sys_seconds t, std::string_view zone) -> date::local_seconds {
  return locate(zone).to_local(t);
}

/// The civil day in `zone` at the UTC instant `t`. Throws for an unknown zone.
/// Example: 20:30 UTC on 21 Jan 2025 is 22 Jan in "Asia/Shanghai", 21 Jan in "Europe/Moscow".
[[nodiscard]] inline auto local_day(date::sys_seconds t, std::string_view zone) -> date::year_month_day {
  return date::year_month_day{date::floor<date::days>(tz::local_time(t, zone))};
}

/// The UTC instant of the wall-clock time `t` in `zone`. Throws for an unknown zone.
/// Daylight-saving: an ambiguous time (clocks set back) takes its earlier or later
/// reading as `c` says; a time in a gap (clocks set forward) maps to the instant of the
/// jump, whatever `c` is. Never throws date's nonexistent/ambiguous_local_time.
/// Example: `to_utc(local_days{2025_y/May/9} + 10h, "Europe/Moscow")` is 07:00 UTC.
[[nodiscard]] inline auto to_utc(date::local_seconds t, std::string_view zone,
                                 date::choose c = date::choose::earliest) -> date::sys_seconds {
  return locate(zone).to_sys(t, c);
}

/// How far `zone` is ahead of UTC at `t` (negative west of Greenwich), DST included.
/// Throws for an unknown zone. Example: "Asia/Kathmandu" is +05:45 (20700 s).
[[nodiscard]] inline auto utc_offset(date::sys_seconds t, std::string_view zone) -> std::chrono::seconds {
  return locate(zone).get_info(t).offset;
}

/// The abbreviation in use in `zone` at `t`, as the tz database spells it: "MSK", "CEST",
/// or numeric where there is no agreed one ("+03", "+0545"). For display only: many
/// are ambiguous. Throws for an unknown zone.
[[nodiscard]] inline auto abbreviation(date::sys_seconds t, std::string_view zone) -> std::string {
  return locate(zone).get_info(t).abbrev;
}

/// "HH:MM ABBR, D Month YYYY" in `zone`, English month names, no locale involved.
/// Throws for an unknown zone. Example: `format_local(t, "Europe/Moscow")` ==
/// "10:00 MSK, 9 May 2025" for t = 07:00 UTC on 9 May 2025.
[[nodiscard]] inline auto format_local(date::sys_seconds t, std::string_view zone) -> std::string {
  const auto& z = locate(zone);
  const auto info = z.get_info(t);
  const auto local = z.to_local(t);
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> tod{local - day};
  return fmt::format("{:02}:{:02} {}, {} {} {}", tod.hours().count(), tod.minutes().count(), info.abbrev,
                     static_cast<unsigned>(ymd.day()),
                     detail::english_months[static_cast<unsigned>(ymd.month()) - 1],
                     static_cast<int>(ymd.year()));
}

/// The canonical name of `zone`: an alias listed in tzdata.zi ("L TARGET ALIAS") becomes
/// its target, a canonical name stays as it is. Throws diplo::lookup_error if the name is
/// neither a zone nor a listed alias.
/// Example: "Europe/Kiev" -> "Europe/Kyiv", "W-SU" -> "Europe/Moscow", "US/Eastern" ->
/// "America/New_York".
[[nodiscard]] inline auto canonical_zone(std::string_view zone) -> std::string {
  const auto& links = detail::tzdata().links;
  if (auto it = links.find(zone); it != links.end()) return it->second;
  if (detail::find_zone(zone) != nullptr) return std::string(zone);
  throw detail::unknown_zone(zone);
}

/// The directory diplo reads tzdata.zi from: $TZDIR when set and not empty, else the build's
/// DIPLO_TZDIR (default "/usr/share/zoneinfo"). See "WHERE THE DATABASE IS" above. The
/// file is read once, on first use, from the directory named then.
/// Example: with TZDIR=/opt/tzdata, `database_dir()` is "/opt/tzdata".
[[nodiscard]] inline auto database_dir() -> std::filesystem::path { return detail::tz_database_dir(); }

/// The installed tz database release, from line 1 of `database_dir()`/tzdata.zi
/// ("2025b"), or "unknown". Cannot fail. Log it beside answers that depend on local time.
[[nodiscard]] inline auto tzdb_version() -> std::string {
  const auto& v = detail::tzdata().version;
  return v.empty() ? std::string("unknown") : v;
}

/// The time zones events name (`place.zone`) that the tz database does not know, one error
/// each, at the event's origin (file:line:column, from `origins`, parallel to `events`, when
/// given), with close names: `data.json:12:5: error: event "parade": place.zone: unknown time
/// zone "Europe/Moskva" (did you mean "Europe/Moscow"?)`. Readers leave zones unchecked (the
/// core library has no tz database); `diplo validate` runs this. Throws only std::bad_alloc.
[[nodiscard]] inline auto check_zones(std::span<const event> events, std::span<const origin> origins = {})
    -> std::vector<diagnostic> {
  std::vector<diagnostic> out;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const event_base& b = base(events[i]);
    if (b.place.zone.empty() || is_known_zone(b.place.zone)) continue;
    const std::string who = fmt::format("event \"{}\"", b.id.value());
    std::string message =
        fmt::format("place.zone: {}", std::string_view(detail::unknown_zone(b.place.zone).what())
                                          .substr(std::string_view("[diplo.tz] ").size()));
    const origin o = i < origins.size() ? origins[i] : origin{};
    if (o.file.empty() && o.line == 0) {
      out.push_back({severity::error, who, 0, 0, std::move(message)});
    } else {
      out.push_back({severity::error, o.file, o.line, o.column, fmt::format("{}: {}", who, message)});
    }
  }
  return out;
}

/// The exact instants (`starts_at`, `ends_at`) of events with a known zone that fall, read
/// in that zone, outside the event's days: one error each, placed as `check_zones` places
/// them: `data.json:12:5: error: event "parade": starts_at 2025-05-08T20:00:00Z is 8 May
/// 2025 in Europe/Moscow, outside the event's days (9 May 2025)`. An end at local midnight
/// belongs to the day before. Events without a zone, or with one the database does not know
/// (`check_zones` reports it), and instants outside the days in every zone are left to
/// `timeline_builder::validate`, which reports those. `diplo validate` runs this. Throws only
/// std::bad_alloc.
[[nodiscard]] inline auto check_instants(std::span<const event> events, std::span<const origin> origins = {})
    -> std::vector<diagnostic> {
  std::vector<diagnostic> out;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const event_base& b = base(events[i]);
    if ((!b.starts_at && !b.ends_at) || b.place.zone.empty() || !is_known_zone(b.place.zone)) continue;
    const origin o = i < origins.size() ? origins[i] : origin{};
    for (const bool is_end : {false, true}) {
      const auto& t = is_end ? b.ends_at : b.starts_at;
      if (!t) continue;
      const auto instant = *t - std::chrono::seconds{is_end ? 1 : 0};
      const date::sys_days day{
          date::floor<date::days>(tz::local_time(instant, b.place.zone).time_since_epoch())};
      const date::sys_days utc_day = date::floor<date::days>(instant);
      const bool everywhere =
          utc_day + date::days{1} < b.when.earliest_start() || utc_day - date::days{1} >= b.when.latest_end();
      if (everywhere || (day >= b.when.earliest_start() && day < b.when.latest_end())) continue;
      const std::string who = fmt::format("event \"{}\"", b.id.value());
      std::string message =
          fmt::format("{} {} is {} in {}, outside the event's days ({})", is_end ? "ends_at" : "starts_at",
                      detail::format_instant(*t), period::days(day, day), b.place.zone, b.when);
      if (o.file.empty() && o.line == 0) {
        out.push_back({severity::error, who, 0, 0, std::move(message)});
      } else {
        out.push_back({severity::error, o.file, o.line, o.column, fmt::format("{}: {}", who, message)});
      }
    }
  }
  return out;
}

/// An instant together with the zone it is to be read in: what an event's place gives
/// a timed event. Formats as local time ("{}") or UTC ("{:u}").
struct zoned_instant {
  date::sys_seconds utc;
  std::string zone;

  friend auto operator==(const zoned_instant&, const zoned_instant&) -> bool = default;
};

}  // namespace diplo::tz

/// Formats a zoned_instant. "{}" gives `format_local` ("10:00 MSK, 9 May 2025"), "{:u}"
/// gives UTC ("2025-05-09 07:00:00 UTC"). After the optional `u`, the usual string spec
/// (fill, align, width) applies: "{:u>30}" is UTC right-aligned in 30 columns.
/// Formatting an instant in an unknown zone throws diplo::lookup_error.
template <>
struct fmt::formatter<diplo::tz::zoned_instant> : fmt::formatter<std::string_view> {
  template <class ParseContext>
  constexpr auto parse(ParseContext& ctx) -> decltype(ctx.begin()) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == 'u') {
      utc_ = true;
      ctx.advance_to(++it);
    }
    return fmt::formatter<std::string_view>::parse(ctx);
  }

  template <class Context>
  auto format(const diplo::tz::zoned_instant& z, Context& ctx) const -> decltype(ctx.out()) {
    std::string s = utc_ ? date::format("%F %T UTC", z.utc) : diplo::tz::format_local(z.utc, z.zone);
    return fmt::formatter<std::string_view>::format(s, ctx);
  }

 private:
  bool utc_ = false;
};
