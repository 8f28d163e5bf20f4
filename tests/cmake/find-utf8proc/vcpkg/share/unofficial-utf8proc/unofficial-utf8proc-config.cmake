# A stand-in for vcpkg's unofficial-utf8proc package: the target only, named utf8proc.
add_library(utf8proc INTERFACE IMPORTED)
