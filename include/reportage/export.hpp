// reportage — symbol visibility for the C++ API.
#ifndef REPORTAGE_EXPORT_HPP
#define REPORTAGE_EXPORT_HPP

#if defined(REPORTAGE_STATIC)
#define REPORTAGE_API
#elif defined(_WIN32)
#if defined(REPORTAGE_BUILDING_SHARED)
#define REPORTAGE_API __declspec(dllexport)
#else
#define REPORTAGE_API __declspec(dllimport)
#endif
#else
#define REPORTAGE_API __attribute__((visibility("default")))
#endif

#endif  // REPORTAGE_EXPORT_HPP
