# A stand-in for utf8proc's own CMake package (Conan, utf8proc >= 2.10): the target only.
add_library(utf8proc::utf8proc INTERFACE IMPORTED)
