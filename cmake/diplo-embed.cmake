# SPDX-License-Identifier: MIT
# Writes a C++ source holding a file's bytes (cmake -P, at build time):
#   cmake -DINPUT=data/x.json -DOUTPUT=x.cpp -DSYMBOL=xi_putin_json -DNAMESPACE=diplo::data::detail -P diplo-embed.cmake
file(READ "${INPUT}" _hex HEX)
string(LENGTH "${_hex}" _len)
math(EXPR _size "${_len} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," _bytes "${_hex}")
# Break the initialiser into lines of 16 bytes so compilers and editors cope.
string(REGEX REPLACE "(('\\\\x[0-9a-f][0-9a-f]',){16})" "\\1\n" _bytes "${_bytes}")
file(WRITE "${OUTPUT}.tmp"
"// Generated from ${INPUT} by cmake/diplo-embed.cmake. Do not edit.
#include <cstddef>
namespace ${NAMESPACE} {
extern const char ${SYMBOL}_text[];
extern const std::size_t ${SYMBOL}_size;
const char ${SYMBOL}_text[] = {
${_bytes}'\\0'};
const std::size_t ${SYMBOL}_size = ${_size};
}  // namespace ${NAMESPACE}
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
