// SPDX-License-Identifier: MIT
#pragma once

// A small in-code timeline shared by the examples: Xi Jinping's and Vladimir Putin's
// in-person meetings, calls and visits from September 2022 to May 2025, taken from
// the project's sourced Xi-Putin dataset (each event cites its sources).

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include <diplo/diplo.h>

namespace sample {

inline auto src(std::string url, std::string publisher) -> diplo::source {
  return {.url = std::move(url), .publisher = std::move(publisher), .title = {}, .published = {}};
}

inline auto actors() -> diplo::actor_registry {
  using diplo::actor_id;
  using diplo::country_code;
  diplo::actor_registry r;
  r.add(diplo::person{.id = actor_id{"xi-jinping"},
                      .name = "Xi Jinping",
                      .aliases = {"习近平", "Xi"},
                      .wikidata = "Q15031",
                      .country = country_code{"CN"},
                      .offices = {{"President", country_code{"CN"}, diplo::period::parse("2013-03-14/..")}}});
  r.add(diplo::person{.id = actor_id{"vladimir-putin"},
                      .name = "Vladimir Putin",
                      .aliases = {"Владимир Путин", "Путин", "Vladimir Vladimirovich Putin"},
                      .wikidata = "Q7747",
                      .country = country_code{"RU"},
                      .offices = {{"President", country_code{"RU"}, diplo::period::parse("2012-05-07/..")}}});
  r.add(diplo::person{.id = actor_id{"shavkat-mirziyoyev"},
                      .name = "Shavkat Mirziyoyev",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"UZ"},
                      .offices = {}});
  r.add(diplo::person{.id = actor_id{"kassym-jomart-tokayev"},
                      .name = "Kassym-Jomart Tokayev",
                      .aliases = {},
                      .wikidata = {},
                      .country = country_code{"KZ"},
                      .offices = {}});
  return r;
}

inline auto base(const char* id, const char* days, const char* city, diplo::country_code country,
                 const char* zone, std::vector<diplo::source> sources) -> diplo::event_base {
  diplo::event_base b;
  b.id = diplo::event_id{id};
  b.when = diplo::period::parse(days);
  b.place = {.city = city, .country = country, .zone = zone};
  b.sources = std::move(sources);
  return b;
}

inline auto timeline() -> diplo::timeline {
  using diplo::actor_id;
  using diplo::country_code;
  const actor_id xi{"xi-jinping"};
  const actor_id putin{"vladimir-putin"};
  diplo::timeline_builder b(actors());

  diplo::summit samarkand{
      base("2022-09-15-samarkand-sco-summit", "2022-09-15/2022-09-16", "Samarkand", country_code{"UZ"},
           "Asia/Samarkand", {src("https://time.com/6211281/xi-jinping-putin-meeting-uzbekistan/", "Time")})};
  samarkand.name = "22nd SCO summit";
  samarkand.series = "SCO";
  samarkand.host_country = country_code{"UZ"};
  samarkand.host = actor_id{"shavkat-mirziyoyev"};
  samarkand.attendees = {xi, putin};
  b.add(samarkand);

  diplo::meeting samarkand_talks{
      base("2022-09-15-samarkand-bilateral", "2022-09-15", "Samarkand", country_code{"UZ"}, "Asia/Samarkand",
           {src("https://indianexpress.com/article/world/"
                "xi-and-putin-meet-for-first-time-since-invasion-of-ukraine-8153274/",
                "The Indian Express")})};
  samarkand_talks.parent = diplo::event_id{"2022-09-15-samarkand-sco-summit"};
  samarkand_talks.participants = {xi, putin};
  b.add(samarkand_talks);

  diplo::meeting call_2022{base(
      "2022-12-30-video", "2022-12-30", "", {}, "",
      {src("https://sputniknews.com/20221230/putin-invites-xi-to-come-to-moscow-next-year-1105917063.html",
           "Sputnik")})};
  call_2022.participants = {xi, putin};
  call_2022.mode = diplo::meeting_mode::video;
  b.add(call_2022);

  diplo::visit moscow_2023{base("2023-03-20-moscow-xi-state-visit", "2023-03-20/2023-03-22", "Moscow",
                                country_code{"RU"}, "Europe/Moscow",
                                {src("https://tass.com/world/1592661", "TASS")})};
  moscow_2023.guests = {xi};
  moscow_2023.host = putin;
  moscow_2023.host_country = country_code{"RU"};
  moscow_2023.level = diplo::visit_level::state;
  moscow_2023.cities = {"Moscow"};
  b.add(moscow_2023);

  diplo::visit beijing_2023{
      base("2023-10-17-beijing-putin-official-visit", "2023-10-17/2023-10-18", "Beijing", country_code{"CN"},
           "Asia/Shanghai",
           {src("https://sputnikglobe.com/20231017/"
                "putin-arrives-in-beijing-to-participate-in-belt-and-road-forum-1114244977.html",
                "Sputnik")})};
  beijing_2023.guests = {putin};
  beijing_2023.host = xi;
  beijing_2023.host_country = country_code{"CN"};
  beijing_2023.level = diplo::visit_level::official;
  b.add(beijing_2023);

  diplo::meeting beijing_2023_talks{
      base("2023-10-18-beijing-brf3-talks", "2023-10-18", "Beijing", country_code{"CN"}, "Asia/Shanghai",
           {src("http://en.people.cn/n3/2023/1019/c90000-20085804.html", "People's Daily")})};
  beijing_2023_talks.parent = diplo::event_id{"2023-10-17-beijing-putin-official-visit"};
  beijing_2023_talks.participants = {xi, putin};
  b.add(beijing_2023_talks);

  diplo::visit beijing_2024{base(
      "2024-05-16-beijing-putin-state-visit", "2024-05-16/2024-05-17", "Beijing", country_code{"CN"},
      "Asia/Shanghai",
      {src("https://sputnikglobe.com/20240516/putin-pays-state-visit-to-china-1118459127.html", "Sputnik")})};
  beijing_2024.guests = {putin};
  beijing_2024.host = xi;
  beijing_2024.host_country = country_code{"CN"};
  beijing_2024.level = diplo::visit_level::state;
  beijing_2024.cities = {"Beijing", "Harbin"};
  b.add(beijing_2024);

  diplo::summit astana{base(
      "2024-07-03-astana-sco-summit", "2024-07-03/2024-07-04", "Astana", country_code{"KZ"}, "Asia/Almaty",
      {src("https://sputnikglobe.com/20240703/"
           "putin-arrives-in-astana-to-take-part-in-sco-summit---kremlin-1119228453.html",
           "Sputnik")})};
  astana.name = "24th SCO summit";
  astana.series = "SCO";
  astana.host_country = country_code{"KZ"};
  astana.host = actor_id{"kassym-jomart-tokayev"};
  astana.attendees = {xi, putin};
  b.add(astana);

  diplo::meeting astana_talks{base(
      "2024-07-03-astana-bilateral", "2024-07-03", "Astana", country_code{"KZ"}, "Asia/Almaty",
      {src("https://www.mid-day.com/news/world-news/article/putin-xi-meet-at-central-asian-summit-23360092",
           "Mid-day")})};
  astana_talks.parent = diplo::event_id{"2024-07-03-astana-sco-summit"};
  astana_talks.participants = {xi, putin};
  b.add(astana_talks);

  diplo::summit kazan{base("2024-10-22-kazan-brics-summit", "2024-10-22/2024-10-24", "Kazan",
                           country_code{"RU"}, "Europe/Moscow",
                           {src("http://en.people.cn/n3/2024/1018/c90000-20231281.html", "People's Daily")})};
  kazan.name = "16th BRICS summit";
  kazan.series = "BRICS";
  kazan.host_country = country_code{"RU"};
  kazan.host = putin;
  kazan.attendees = {xi, putin};
  b.add(kazan);

  diplo::meeting kazan_talks{
      base("2024-10-22-kazan-brics-bilateral", "2024-10-22", "Kazan", country_code{"RU"}, "Europe/Moscow",
           {src("http://en.people.cn/n3/2024/1023/c90000-20232857.html", "People's Daily"),
            src("https://www.lokmattimes.com/international/"
                "xi-jinping-putin-hold-bilateral-meet-on-brics-summit-sidelines/",
                "Lokmat Times")})};
  kazan_talks.parent = diplo::event_id{"2024-10-22-kazan-brics-summit"};
  kazan_talks.participants = {xi, putin};
  b.add(kazan_talks);

  diplo::meeting call_2025{
      base("2025-01-21-video", "2025-01-21", "", {}, "",
           {src("https://www.channelnewsasia.com/world/"
                "russias-putin-chinas-xi-speak-just-hours-after-trump-inauguration-4886721",
                "CNA")})};
  call_2025.participants = {xi, putin};
  call_2025.mode = diplo::meeting_mode::video;
  b.add(call_2025);

  diplo::visit moscow_2025{base("2025-05-07-moscow-xi-state-visit", "2025-05-07/2025-05-10", "Moscow",
                                country_code{"RU"}, "Europe/Moscow",
                                {src("https://tass.com/politics/1953857", "TASS")})};
  moscow_2025.guests = {xi};
  moscow_2025.host = putin;
  moscow_2025.host_country = country_code{"RU"};
  moscow_2025.level = diplo::visit_level::state;
  b.add(moscow_2025);

  diplo::ceremony parade{base("2025-05-09-moscow-victory-day-parade", "2025-05-09", "Moscow",
                              country_code{"RU"}, "Europe/Moscow",
                              {src("https://tass.com/politics/2081713", "TASS")})};
  parade.name = "Victory Day parade";
  parade.host = putin;
  parade.attendees = {xi, putin};
  parade.parent = diplo::event_id{"2025-05-07-moscow-xi-state-visit"};
  // 10:00 Moscow time (UTC+3).
  parade.starts_at = date::sys_days{date::year{2025} / date::May / 9} + std::chrono::hours{7};
  b.add(parade);

  return std::move(b).freeze();
}

}  // namespace sample
