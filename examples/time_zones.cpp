// SPDX-License-Identifier: MIT
// Instants are UTC; a zone name turns them into local times and civil days.
#include <diplo/tz.h>

#include <chrono>

#include <fmt/format.h>

int main() {
  using namespace date::literals;
  using std::chrono::hours;
  using std::chrono::minutes;

  // The Victory Day parade started at 10:00 Moscow time: store it as UTC.
  auto parade = diplo::tz::to_utc(date::local_days{2025_y / date::May / 9} + hours{10}, "Europe/Moscow");
  diplo::tz::zoned_instant p{parade, "Europe/Moscow"};
  fmt::print("Victory Day parade: {} = {:u}\n", p, p);

  // A video call at 20:30 UTC: same instant, different civil days.
  auto call = date::sys_days{2025_y / date::January / 21} + hours{20} + minutes{30};
  fmt::print("Video call: {:u}\n", diplo::tz::zoned_instant{call, "Etc/UTC"});
  for (const char* zone : {"Europe/Moscow", "Asia/Shanghai"}) {
    auto day = diplo::tz::local_day(call, zone);
    fmt::print("  in {:<13}  {}  (local day {})\n", zone, diplo::tz::zoned_instant{call, zone},
               date::format("%F", date::sys_days{day}));
  }
  bool differs = diplo::tz::local_day(call, "Europe/Moscow") != diplo::tz::local_day(call, "Asia/Shanghai");
  fmt::print("Same call, different days: {}\n", differs ? "yes" : "no");
  return differs ? 0 : 1;
}
