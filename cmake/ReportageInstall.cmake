# Install rules: headers, library, tool, CMake package config with version file, pkg-config.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

# reportage: the C++ API, a static library (libreportage.a). reportage_c: the C ABI, a
# shared library (libreportage.so.<SOVERSION>) that exports rpt_ symbols only.
set(_reportage_targets reportage)
if(TARGET reportage_c)
    list(APPEND _reportage_targets reportage_c)
endif()
install(TARGETS ${_reportage_targets}
    EXPORT reportageTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
    RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/reportage
    DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET reportage_cli)
    install(TARGETS reportage_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/reportage)
install(EXPORT reportageTargets
    NAMESPACE reportage::
    FILE reportageTargets.cmake
    DESTINATION ${_cmake_dir})
configure_package_config_file(
    ${PROJECT_SOURCE_DIR}/cmake/reportageConfig.cmake.in
    ${PROJECT_BINARY_DIR}/reportageConfig.cmake
    INSTALL_DESTINATION ${_cmake_dir})
write_basic_package_version_file(
    ${PROJECT_BINARY_DIR}/reportageConfigVersion.cmake
    VERSION ${PROJECT_VERSION}
    COMPATIBILITY SameMinorVersion)
install(FILES
    ${PROJECT_BINARY_DIR}/reportageConfig.cmake
    ${PROJECT_BINARY_DIR}/reportageConfigVersion.cmake
    DESTINATION ${_cmake_dir})

# pkg-config: -lreportage picks the shared C library (libreportage.so) for C programs;
# `pkg-config --static` links the static archive, whose C++ code needs Boost.Regex.
set(REPORTAGE_PC_PRIVATE_LIBS "-lboost_regex")
set(REPORTAGE_PC_CFLAGS "-DREPORTAGE_STATIC")
# The prefix is found relative to the .pc file, so `cmake --install --prefix DIR` works too.
if(IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}")
    set(REPORTAGE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
    file(RELATIVE_PATH _up "/root/${CMAKE_INSTALL_LIBDIR}/pkgconfig" "/root")
    string(REGEX REPLACE "/$" "" _up "${_up}")
    set(REPORTAGE_PC_PREFIX "\${pcfiledir}/${_up}")
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/reportage.pc.in ${PROJECT_BINARY_DIR}/reportage.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/reportage.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
