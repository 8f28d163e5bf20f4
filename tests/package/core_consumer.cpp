// SPDX-License-Identifier: MIT
// A user of diplo's core alone (diplo::diplo; pkg-config diplo): its own timeline and one
// query, with nothing of the readers, the bundled dataset or time zones.
#include <diplo/diplo.h>

#include "kazan.h"

int main() {
  const diplo::timeline t = kazan_timeline();

  // Names folded through utf8proc (the core's compiled part): "XI JINPING" and "putin" resolve.
  auto r = diplo::last_meeting(t, t.actors().resolve("XI JINPING"), t.actors().resolve("putin"));
  if (!r) return 1;
  fmt::print("core: {}\n", *r);

  // Errors are diplo::error, thrown in the library and caught here.
  try {
    (void)t.actors().resolve("Pootin");
    return 1;
  } catch (const diplo::lookup_error& e) {
    fmt::print("{}\n", e.what());
  }
  return 0;
}
