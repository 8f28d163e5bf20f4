// SPDX-License-Identifier: MIT
// The iCalendar writer (diplo/io/ics.h).

#include "diplo/io/ics.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "day_span.h"
#include "diplo/detail/instant.h"
#include "diplo/detail/utf8.h"
#include "diplo/error.h"
#include "diplo/version.h"
#include "write_stream.h"

namespace diplo::io {

auto ics_text(std::string_view s) -> std::string {
  std::string out;
  diplo::detail::utf8::append_escaped(out, s, [&](char c, char next) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case ';': out += "\\;"; break;
      case ',': out += "\\,"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\n"; return next == '\n' ? 1 : 0;  // CR LF is one line break
      default:
        if ((static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) || c == '\t')
          out += c;  // other controls: left out
        break;
    }
    return 0;
  });
  return out;
}

auto ics_fold(std::string_view line) -> std::string {
  constexpr std::size_t width = 75;  // octets per line, CRLF not counted
  std::string out;
  out.reserve(line.size() + line.size() / 64 * 3 + 2);
  std::size_t room = width;  // a continuation line's leading space takes one of its 75
  while (line.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
      --cut;  // not inside a character
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    room = width - 1;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

namespace {

auto basic_date(date::sys_days d) -> std::string { return date::format("%Y%m%d", d); }
auto basic_time(date::sys_seconds t) -> std::string { return date::format("%Y%m%dT%H%M%SZ", t); }

using detail::day_span;
using detail::is_rough;
using detail::widest_span;

auto ics_status(status s) -> std::string_view {
  switch (s) {
    case status::planned: return "TENTATIVE";
    case status::cancelled: return "CANCELLED";
    default: return "CONFIRMED";
  }
}

// The latest publication day among the sources, else the event's first possible day.
auto own_stamp(const event_base& b) -> date::sys_days {
  std::optional<date::sys_days> latest;
  for (const source& s : b.sources) {
    if (s.published && (!latest || s.published->latest() > *latest)) latest = s.published->latest();
  }
  return latest ? *latest : widest_span(b.when).first;
}

// "Kazan, Russia"; a visit's cities when it names no one place ("Moscow and Kazan, Russia").
auto location(const event& e) -> std::string {
  std::string city = base(e).place.city;
  if (const auto* v = std::get_if<visit>(&e); v != nullptr && city.empty()) {
    city = diplo::detail::cities_text(v->cities, "and");
  }
  const country_code country = country_of(e);
  if (country.empty()) return city;
  return city.empty() ? fmt::format("{}", country) : fmt::format("{}, {}", city, country);
}

auto categories(const event& e) -> std::string {
  std::string s(kind_name(e));
  if (const auto* v = std::get_if<visit>(&e); v != nullptr && v->level != visit_level::unspecified) {
    s += fmt::format(",{}", name(v->level));
  }
  if (const auto* m = std::get_if<meeting>(&e)) s += fmt::format(",{}", name(m->mode));
  return s;
}

auto description(const timeline& t, const event& e) -> std::string {
  const event_base& b = base(e);
  std::vector<std::string> parts;
  if (!b.description.empty()) parts.push_back(b.description);
  std::string when = fmt::format("When: {}", b.when);
  if (b.status != status::occurred) when += fmt::format(" ({})", name(b.status));
  parts.push_back(std::move(when));
  if (auto people = participants(e); !people.empty()) {
    parts.push_back(fmt::format("Taking part: {}", diplo::detail::names_label(people, &t.actors())));
  }
  if (!b.notes.empty()) parts.push_back(fmt::format("Notes: {}", b.notes));
  if (!b.sources.empty()) {
    std::string s = "Sources:";
    for (const source& src : b.sources) s += fmt::format("\n- {}", src);
    parts.push_back(std::move(s));
  }
  std::string out;
  for (const std::string& p : parts) {
    if (!out.empty()) out += "\n\n";
    out += p;
  }
  return out;
}

// A URI value is not TEXT-escaped: one with a character no URI has is not written.
auto is_uri(std::string_view u) -> bool {
  return !u.empty() && std::none_of(u.begin(), u.end(), [](char c) {
    const auto x = static_cast<unsigned char>(c);
    return x <= 0x20 || x == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\';
  });
}

class calendar_writer {
 public:
  calendar_writer(const timeline& t, const ics_options& o) : t_(t), o_(o) {}

  void begin() {
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(fmt::format("PRODID:-//diplo//diplo {}//EN", diplo::version));
    line("CALSCALE:GREGORIAN");
    if (!o_.name.empty()) line("X-WR-CALNAME:" + ics_text(o_.name));
  }

  void add(const event& e) {
    const event_base& b = base(e);
    line("BEGIN:VEVENT");
    line("UID:" + uid(b.id));
    line("DTSTAMP:" + basic_date(o_.stamp ? *o_.stamp : own_stamp(b)) + "T000000Z");
    if (b.starts_at) {
      line("DTSTART:" + basic_time(*b.starts_at));
      if (b.ends_at && *b.ends_at > *b.starts_at) line("DTEND:" + basic_time(*b.ends_at));
    } else {
      const day_span s = widest_span(b.when);
      line("DTSTART;VALUE=DATE:" + basic_date(s.first));
      line("DTEND;VALUE=DATE:" + basic_date(s.end));
    }
    if (is_rough(b.when)) line("X-EDTF:" + ics_text(b.when.to_edtf()));
    line("SUMMARY:" + ics_text(diplo::detail::headline(e, &t_.actors())));
    if (auto where = location(e); !where.empty()) {
      line("LOCATION:" + ics_text(where));
    }
    line("DESCRIPTION:" + ics_text(description(t_, e)));
    if (!b.sources.empty() && is_uri(b.sources.front().url)) line("URL:" + b.sources.front().url);
    line(fmt::format("STATUS:{}", ics_status(b.status)));
    line("CATEGORIES:" + ics_text(categories(e)));
    if (b.parent) line("RELATED-TO:" + uid(*b.parent));
    line("END:VEVENT");
  }

  void end() { line("END:VCALENDAR"); }

  [[nodiscard]] auto text() noexcept -> std::string& { return out_; }

 private:
  void line(std::string_view l) { out_ += ics_fold(l); }
  auto uid(const event_id& id) const -> std::string { return ics_text(id.value() + "@" + o_.uid_domain); }

  const timeline& t_;
  const ics_options& o_;
  std::string out_;
};

}  // namespace

auto to_ics(const timeline& t, std::span<const event_ref> events, const ics_options& options) -> std::string {
  calendar_writer w(t, options);
  w.begin();
  for (const event_ref& e : events) w.add(e.value());
  w.end();
  return std::move(w.text());
}

void write_ics(std::ostream& out, const timeline& t, std::span<const event_ref> events,
               const ics_options& options) {
  calendar_writer w(t, options);
  auto flush = [&] {
    detail::write_to(out, w.text(), "iCalendar text");
    w.text().clear();
  };
  w.begin();
  for (const event_ref& e : events) {
    w.add(e.value());
    if (w.text().size() >= (std::size_t{1} << 20)) flush();
  }
  w.end();
  flush();
}

}  // namespace diplo::io
