// SPDX-License-Identifier: MIT
// Country codes: compile-time literals, parsing, former states and name lookup.
#include <diplo/country.h>

#include <fmt/format.h>

auto main() -> int {
  using namespace diplo::literals;

  constexpr diplo::country_code host = "RU";  // "QQ" would not compile
  auto guest = diplo::country_code::parse("chn");
  fmt::print("{} ({:c}) hosts {} ({:c})\n", host, host, guest, guest);

  // Former states keep their codes; "CS" is Serbia and Montenegro, Czechoslovakia is "CSHH".
  for (auto c : {"SU"_cc, "DD"_cc, "YU"_cc, "CS"_cc, "CSHH"_cc}) {
    const auto& i = diplo::info(c);
    fmt::print("{:<4c} {:<21} {} until {}\n", c, c, i.alpha3, i.withdrawn);
  }

  for (auto name : {"Turkey", "USSR", "Ivory Coast", "russian federation"}) {
    auto c = diplo::find_country(name);
    fmt::print("{:>18} -> {:c}\n", name, c.value_or(diplo::country_code()));
  }
  return diplo::find_country("Atlantis") ? 1 : 0;
}
