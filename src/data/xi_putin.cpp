// SPDX-License-Identifier: MIT
#include "diplo/data.h"

#include "diplo/io/json.h"

namespace diplo::data {
namespace detail {
// Generated at build time from data/xi-putin.json (see cmake/diplo-embed.cmake).
extern const char xi_putin_json_text[];
extern const std::size_t xi_putin_json_size;
}  // namespace detail

auto xi_putin_json() noexcept -> std::string_view {
  return {detail::xi_putin_json_text, detail::xi_putin_json_size};
}

namespace {
struct loaded {
  io::dataset_info info;
  timeline t;
};

auto load() -> const loaded& {
  static const loaded l = [] {
    io::document doc = io::read_json(xi_putin_json(), "data/xi-putin.json");
    io::dataset_info info = doc.info;
    return loaded{std::move(info), io::build(std::move(doc))};
  }();
  return l;
}
}  // namespace

auto xi_putin_info() -> const io::dataset_info& { return load().info; }

auto xi_putin() -> const timeline& { return load().t; }

}  // namespace diplo::data
