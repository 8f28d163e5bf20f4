// SPDX-License-Identifier: MIT
// Is the answer complete? The bundled dataset records every event of Xi Jinping with Vladimir
// Putin: it answers when they last met completely, and when Xi last met Narendra Modi only in
// part (it holds Modi where Putin was too). Each answer says which, and why.
#include <diplo/answer.h>
#include <diplo/data.h>

int main() {
  const diplo::timeline& t = diplo::data::xi_putin();
  const diplo::actor_id xi = t.actors().resolve("Xi Jinping");

  for (const char* other : {"Vladimir Putin", "Narendra Modi"}) {
    const auto r = diplo::answer_last_meeting(t, xi, t.actors().resolve(other));
    if (!r.value) return 1;
    fmt::print("Xi Jinping and {} last met on {}: {}\n", other, r.value->when(),
               diplo::name(r.coverage.status));
    if (!r.coverage.complete()) fmt::print("  {}\n", r.coverage.reason);
  }

  // What the data records completely, as it declares it.
  for (const diplo::coverage_scope& s : t.coverage()) {
    fmt::print("records: {} {}\n", diplo::name(s.subject), fmt::join(s.actors, ", "));
  }
}
