// SPDX-License-Identifier: MIT
#pragma once

// Symbol visibility: which of diplo's compiled functions and classes a program may use.
//
// diplo's libraries are built with hidden symbols (CMake's CXX_VISIBILITY_PRESET hidden):
// only what carries one of these macros is visible outside the library, so a shared
// libdiplo.so exports its API and nothing of its machinery.
//
//   DIPLO_API       libdiplo (diplo::diplo): the core, compiled in src/ but src/io, src/import
//   DIPLO_IO_API    libdiplo-io (diplo::io): the readers, writers and importers
//   DIPLO_DATA_API  libdiplo-data (diplo::data): the bundled dataset
//
// Put the macro on the declaration in the public header: before the return type of a
// function, after `class`/`struct` for a class (exception classes too, so that a `catch`
// in the program matches what the library throws). Inline functions and templates need
// none.
//
// On ELF and Mach-O (GCC, Clang) each is `__attribute__((visibility("default")))`,
// harmless in a static library. On Windows, a shared build defines DIPLO_SHARED (on the
// targets' interface) and each library's own build DIPLO_BUILDING_<LIB>, so that the
// library exports (`__declspec(dllexport)`) what programs import (`__declspec(dllimport)`).

#if defined(_WIN32) || defined(__CYGWIN__)
#if defined(DIPLO_SHARED)
#define DIPLO_DETAIL_EXPORT __declspec(dllexport)
#define DIPLO_DETAIL_IMPORT __declspec(dllimport)
#else
#define DIPLO_DETAIL_EXPORT
#define DIPLO_DETAIL_IMPORT
#endif
#if defined(DIPLO_BUILDING_CORE)
#define DIPLO_API DIPLO_DETAIL_EXPORT
#else
#define DIPLO_API DIPLO_DETAIL_IMPORT
#endif
#if defined(DIPLO_BUILDING_IO)
#define DIPLO_IO_API DIPLO_DETAIL_EXPORT
#else
#define DIPLO_IO_API DIPLO_DETAIL_IMPORT
#endif
#if defined(DIPLO_BUILDING_DATA)
#define DIPLO_DATA_API DIPLO_DETAIL_EXPORT
#else
#define DIPLO_DATA_API DIPLO_DETAIL_IMPORT
#endif
#elif defined(__GNUC__) || defined(__clang__)
#define DIPLO_API __attribute__((visibility("default")))
#define DIPLO_IO_API __attribute__((visibility("default")))
#define DIPLO_DATA_API __attribute__((visibility("default")))
#else
#define DIPLO_API
#define DIPLO_IO_API
#define DIPLO_DATA_API
#endif
