// SPDX-License-Identifier: MIT
// The timeline picture (diplo/io/chart.h).

#include "diplo/io/chart.h"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <date/date.h>
#include <fmt/format.h>

#include "day_span.h"
#include "diplo/detail/json.h"
#include "diplo/detail/markup.h"
#include "write_stream.h"

namespace diplo::io {

namespace {

using diplo::detail::markup_text;

// The look of one kind of event: its name in the legend, its colour.
struct kind_style {
  std::string_view name;
  std::string_view colour;
};
enum class shape : std::uint8_t { bar, diamond, disc, ring, triangle };
constexpr kind_style styles[] = {{"visit", "#1f77b4"},
                                 {"summit", "#d62728"},
                                 {"meeting", "#2ca02c"},
                                 {"call", "#7b4fb0"},
                                 {"ceremony", "#e07b00"}};

auto shape_of(const event& e) -> shape {
  if (std::holds_alternative<visit>(e)) return shape::bar;
  if (std::holds_alternative<summit>(e)) return shape::diamond;
  if (std::holds_alternative<ceremony>(e)) return shape::triangle;
  return in_person(e) ? shape::disc : shape::ring;
}

// The layout, in pixels.
constexpr int left = 200;  // lane names
constexpr int right = 30;
constexpr int title_height = 44;
constexpr int legend_height = 30;
constexpr int axis_height = 22;
constexpr int lane_height = 64;  // three rows of labels above the marks
constexpr int label_rows = 3;
constexpr int footer_height = 34;
constexpr double char_width = 6.2;  // of the 10.5 px labels, per terminal column

// One event as drawn: its span of days [first, end), whether the span is fuzzy, its lanes.
struct drawn_event {
  event e;
  date::sys_days first;
  date::sys_days end;
  bool fuzzy = false;
  std::vector<std::size_t> lanes;
};

// The lanes and which lanes each event is drawn in.
class lane_plan {
 public:
  lane_plan(const timeline& t, std::vector<drawn_event>& events, const chart_options& o) {
    std::map<std::string, std::size_t> count;
    auto keys_of = [&](const event& e) {
      std::vector<std::string> keys;
      if (o.lanes == chart_lanes::country) {
        if (const country_code c = country_of(e); !c.empty()) keys.push_back(fmt::format("{}", c));
      } else {
        for_each_participant(e, [&](const actor_id& a) { keys.push_back(a.value()); });
      }
      return keys;
    };
    for (const auto& d : events) {
      for (const auto& k : keys_of(d.e)) ++count[k];
    }
    std::vector<std::pair<std::string, std::size_t>> ranked(count.begin(), count.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t k = 0; k < ranked.size() && k < std::max<std::size_t>(o.max_lanes, 1); ++k) {
      keys_.push_back(ranked[k].first);
    }
    for (const auto& k : keys_) {
      const actor* a = o.lanes == chart_lanes::person ? t.actors().find(actor_id(k)) : nullptr;
      names_.push_back(a != nullptr ? name_of(*a) : k);
    }
    for (auto& d : events) {
      for (const auto& k : keys_of(d.e)) {
        const auto it = std::find(keys_.begin(), keys_.end(), k);
        if (it != keys_.end()) d.lanes.push_back(static_cast<std::size_t>(it - keys_.begin()));
      }
      if (d.lanes.empty()) {
        if (!others_) {
          others_ = names_.size();
          names_.emplace_back("Others");
        }
        d.lanes.push_back(*others_);
      }
    }
  }

  [[nodiscard]] auto names() const noexcept -> const std::vector<std::string>& { return names_; }

 private:
  std::vector<std::string> keys_;
  std::vector<std::string> names_;
  std::optional<std::size_t> others_;
};

// The short label of a mark: a summit's or ceremony's name, else the city, else the country.
auto label_of(const event& e) -> std::string {
  std::string s(title_of(e));
  if (s.empty()) s = base(e).place.city;
  if (s.empty()) {
    if (const auto* v = std::get_if<visit>(&e); v != nullptr && !v->cities.empty()) s = v->cities.front();
  }
  if (s.empty() && !country_of(e).empty()) s = fmt::format("{}", country_of(e));
  if (diplo::detail::display_width(s) > 26) {
    while (!s.empty() && diplo::detail::display_width(s) > 25) {
      do s.pop_back();
      while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80);
      if (!s.empty() && static_cast<unsigned char>(s.back()) >= 0xC0) s.pop_back();
    }
    s += "…";
  }
  return s;
}

class svg_chart {
 public:
  svg_chart(const timeline& t, std::span<const event_ref> refs, const chart_options& o) : t_(t), o_(o) {
    for (const event_ref& r : refs) {
      drawn_event d{r.value(), {}, {}, false, {}};
      const detail::day_span span = detail::widest_span(base(d.e).when);
      d.first = span.first;
      d.end = span.end;
      d.fuzzy = detail::is_rough(base(d.e).when);
      events_.push_back(std::move(d));
    }
    lanes_.emplace(t, events_, o);
    first_year_ = 2000;
    last_year_ = 2001;
    if (!events_.empty()) {
      auto lo = events_.front().first;
      auto hi = events_.front().end;
      for (const auto& d : events_) {
        lo = std::min(lo, d.first);
        hi = std::max(hi, d.end);
      }
      first_year_ = static_cast<int>(date::year_month_day{lo}.year());
      last_year_ = static_cast<int>(date::year_month_day{hi - date::days{1}}.year()) + 1;
    }
    height_ = title_height + legend_height + axis_height +
              lane_height * static_cast<int>(lanes_->names().size()) + footer_height;
  }

  [[nodiscard]] auto svg(bool standalone) -> std::string {
    out_.clear();
    if (standalone) out_ += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out_ += fmt::format(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" "
        "font-family=\"DejaVu Sans, Liberation Sans, Arial, sans-serif\" role=\"img\">\n",
        o_.width, height_);
    out_ += fmt::format("<title>{}</title>\n", markup_text(o_.title.empty() ? "diplo timeline" : o_.title));
    out_ += fmt::format("<rect width=\"{}\" height=\"{}\" fill=\"#ffffff\"/>\n", o_.width, height_);
    title();
    legend();
    lanes_and_axis();
    marks();
    footer();
    out_ += "</svg>\n";
    return out_;
  }

 private:
  [[nodiscard]] auto x(date::sys_days d) const -> double {
    const auto start = date::sys_days{date::year{first_year_} / 1 / 1};
    const auto stop = date::sys_days{date::year{last_year_} / 1 / 1};
    const double span = static_cast<double>((stop - start).count());
    return left + (o_.width - left - right) * static_cast<double>((d - start).count()) / span;
  }
  [[nodiscard]] auto lane_top(std::size_t lane) const -> int {
    return title_height + legend_height + axis_height + lane_height * static_cast<int>(lane);
  }

  void title() {
    out_ +=
        fmt::format("<text x=\"{}\" y=\"28\" font-size=\"19\" font-weight=\"bold\" fill=\"#222\">{}</text>\n",
                    16, markup_text(o_.title));
  }

  void legend() {
    const int y = title_height + 14;
    double at = left;
    for (std::size_t k = 0; k < std::size(styles); ++k) {
      draw_shape(static_cast<shape>(k), at + 6, y, at - 2, at + 16, styles[k].colour);
      out_ += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#333\">{}</text>\n", at + 26,
                          y + 4, styles[k].name);
      at += 40 + char_width * 1.15 * static_cast<double>(styles[k].name.size());
    }
    out_ += fmt::format(
        "<rect x=\"{:.1f}\" y=\"{}\" width=\"22\" height=\"10\" fill=\"#888\" fill-opacity=\"0.18\" "
        "stroke=\"#888\" "
        "stroke-dasharray=\"3 2\"/>\n<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#333\">date known "
        "only "
        "roughly (all the days it may have taken)</text>\n",
        at, y - 5, at + 28, y + 4);
  }

  void lanes_and_axis() {
    const auto& names = lanes_->names();
    const int top = lane_top(0);
    const int bottom = lane_top(names.size());
    for (std::size_t k = 0; k < names.size(); ++k) {
      const int y = lane_top(k);
      if (k % 2 == 0) {
        out_ += fmt::format("<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f4f6f8\"/>\n", y,
                            o_.width, lane_height);
      }
      out_ += fmt::format(
          "<text x=\"{}\" y=\"{}\" font-size=\"12.5\" font-weight=\"bold\" fill=\"#333\" "
          "text-anchor=\"end\">{}</text>\n",
          left - 12, y + lane_height - 14, markup_text(names[k]));
    }
    const int years = last_year_ - first_year_;
    const int step = years <= 16 ? 1 : years <= 40 ? 2 : years <= 100 ? 5 : 10;
    for (int yr = first_year_; yr <= last_year_; ++yr) {
      const double gx = x(date::sys_days{date::year{yr} / 1 / 1});
      out_ += fmt::format("<line x1=\"{0:.1f}\" y1=\"{1}\" x2=\"{0:.1f}\" y2=\"{2}\" stroke=\"#d0d4d8\"/>\n",
                          gx, top - 4, bottom);
      if ((yr - first_year_) % step == 0 && yr < last_year_) {
        const double mid = (gx + x(date::sys_days{date::year{yr + 1} / 1 / 1})) / 2;
        out_ += fmt::format(
            "<text x=\"{:.1f}\" y=\"{}\" font-size=\"12\" fill=\"#555\" text-anchor=\"middle\">{}</text>\n",
            step == 1 ? mid : gx, top - 8, yr);
      }
    }
  }

  // A mark centred on (cx, cy); a bar runs from x0 to x1.
  void draw_shape(shape s, double cx, int cy, double x0, double x1, std::string_view colour) {
    switch (s) {
      case shape::bar:
        out_ +=
            fmt::format("<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"12\" rx=\"2\" fill=\"{}\"/>",
                        x0, cy - 6, std::max(x1 - x0, 6.0), colour);
        break;
      case shape::diamond:
        out_ += fmt::format("<path d=\"M{0:.1f} {1} l7 7 l-7 7 l-7 -7 z\" fill=\"{2}\" stroke=\"#fff\"/>", cx,
                            cy - 7, colour);
        break;
      case shape::disc:
        out_ += fmt::format("<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5.5\" fill=\"{}\" stroke=\"#fff\"/>", cx, cy,
                            colour);
        break;
      case shape::ring:
        out_ += fmt::format(
            "<circle cx=\"{:.1f}\" cy=\"{}\" r=\"5\" fill=\"#fff\" stroke=\"{}\" stroke-width=\"2.2\"/>", cx,
            cy, colour);
        break;
      case shape::triangle:
        out_ += fmt::format("<path d=\"M{0:.1f} {1} l7 12 l-14 0 z\" fill=\"{2}\" stroke=\"#fff\"/>", cx,
                            cy - 7, colour);
        break;
    }
    out_ += '\n';
  }

  void marks() {
    // Labels: per lane and row, where the last label placed ends.
    std::vector<std::array<double, label_rows>> label_end(lanes_->names().size());
    for (auto& rows : label_end) rows.fill(-1e9);
    std::vector<std::size_t> order(events_.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return events_[a].first < events_[b].first; });
    for (std::size_t k : order) {
      const drawn_event& d = events_[k];
      for (std::size_t lane : d.lanes) mark(d, lane, label_end[lane]);
    }
  }

  void mark(const drawn_event& d, std::size_t lane, std::array<double, label_rows>& label_end) {
    const shape s = shape_of(d.e);
    const auto& style = styles[static_cast<std::size_t>(s)];
    const double x0 = x(d.first);
    const double x1 = x(d.end);
    const int cy = lane_top(lane) + lane_height - 18;
    out_ +=
        fmt::format("<g class=\"mark {}\" data-event=\"{}\">", style.name, markup_text(base(d.e).id.value()));
    out_ += fmt::format("<title>{}</title>", markup_text(diplo::detail::describe(d.e, &t_.actors())));
    if (d.fuzzy) {
      out_ += fmt::format(
          "<rect x=\"{:.1f}\" y=\"{}\" width=\"{:.1f}\" height=\"16\" fill=\"{}\" fill-opacity=\"0.18\" "
          "stroke=\"{}\" "
          "stroke-opacity=\"0.6\" stroke-dasharray=\"3 2\"/>",
          x0, cy - 8, std::max(x1 - x0, 2.0), style.colour, style.colour);
    }
    const bool bar = s == shape::bar && !d.fuzzy;
    // A visit known only roughly: its band, and a disc in the middle.
    draw_shape(bar ? shape::bar : (s == shape::bar ? shape::disc : s), (x0 + x1) / 2, cy, x0, x1,
               style.colour);
    label(d, (bar ? x0 : (x0 + x1) / 2 - 4), cy, label_end);
    out_ += "</g>\n";
  }

  void label(const drawn_event& d, double at, int cy, std::array<double, label_rows>& label_end) {
    const std::string text = label_of(d.e);
    if (text.empty()) return;
    const double width = char_width * static_cast<double>(diplo::detail::display_width(text));
    at = std::min(at, o_.width - 4 - width);  // not past the right edge
    for (int row = 0; row < label_rows; ++row) {
      if (label_end[static_cast<std::size_t>(row)] + 6 > at) continue;
      label_end[static_cast<std::size_t>(row)] = at + width;
      out_ += fmt::format("<text x=\"{:.1f}\" y=\"{}\" font-size=\"10.5\" fill=\"#444\">{}</text>", at,
                          cy - 12 - 12 * row, markup_text(text));
      return;
    }
  }

  void footer() {
    std::string text = o_.footer;
    if (!text.empty()) text += " · ";
    text += fmt::format("{} event{} · drawn by diplo", events_.size(), events_.size() == 1 ? "" : "s");
    out_ += fmt::format("<text x=\"16\" y=\"{}\" font-size=\"11\" fill=\"#666\">{}</text>\n", height_ - 12,
                        markup_text(text));
  }

  const timeline& t_;
  const chart_options& o_;
  std::vector<drawn_event> events_;
  std::optional<lane_plan> lanes_;
  int first_year_ = 0;
  int last_year_ = 0;
  int height_ = 0;
  std::string out_;
};

auto events_table(const timeline& t, std::span<const event_ref> refs) -> std::string {
  std::string html =
      "<table>\n<thead><tr><th>when</th><th>kind</th><th>where</th><th>who and what</th>"
      "<th>sources</th></tr></thead>\n<tbody>\n";
  for (const event_ref& r : refs) {
    const event e = r.value();
    const event_base& b = base(e);
    std::string when = b.when.to_text();
    if (b.status != status::occurred) when += fmt::format(" ({})", name(b.status));
    std::string sources;
    for (const source& s : b.sources) {
      if (!sources.empty()) sources += "<br>";
      sources += fmt::format("<a href=\"{}\">{}</a>", markup_text(s.url),
                             markup_text(s.publisher.empty() ? s.url : s.publisher));
    }
    html += fmt::format(
        "<tr id=\"event-{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}{}</td><td>{}</td></tr>\n",
        markup_text(b.id.value()), markup_text(when), markup_text(kind_label(e)),
        markup_text(diplo::detail::join_place(b.place, country_of(e))),
        markup_text(diplo::detail::headline(e, &t.actors())),
        b.description.empty() ? std::string() : "<br><small>" + markup_text(b.description) + "</small>",
        sources);
  }
  html += "</tbody>\n</table>\n";
  return html;
}

}  // namespace

auto to_svg(const timeline& t, std::span<const event_ref> events, const chart_options& options)
    -> std::string {
  return svg_chart(t, events, options).svg(true);
}

auto to_html(const timeline& t, std::span<const event_ref> events, const chart_options& options)
    -> std::string {
  const std::string title = markup_text(options.title.empty() ? "diplo timeline" : options.title);
  std::string html = fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n"
      "body {{ font-family: 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; margin: 24px; color: #222; "
      "}}\n"
      "svg {{ max-width: 100%; height: auto; }}\n"
      "table {{ border-collapse: collapse; margin-top: 24px; font-size: 13px; }}\n"
      "th, td {{ border-bottom: 1px solid #ddd; padding: 6px 10px; text-align: left; vertical-align: top; "
      "}}\n"
      "th {{ background: #f4f6f8; }}\nsmall {{ color: #555; }}\nfooter {{ margin-top: 16px; color: #666; "
      "font-size: 12px; }}\n</style>\n</head>\n<body>\n",
      title);
  html += svg_chart(t, events, options).svg(false);
  html += events_table(t, events);
  if (!options.footer.empty()) html += fmt::format("<footer>{}</footer>\n", markup_text(options.footer));
  html += "</body>\n</html>\n";
  return html;
}

void write_svg(std::ostream& out, const timeline& t, std::span<const event_ref> events,
               const chart_options& options) {
  detail::write_to(out, to_svg(t, events, options), "SVG picture");
}

void write_html(std::ostream& out, const timeline& t, std::span<const event_ref> events,
                const chart_options& options) {
  detail::write_to(out, to_html(t, events, options), "HTML page");
}

}  // namespace diplo::io
