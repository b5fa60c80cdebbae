# Builds tests/consumers/project in one mode and runs its programs on the sample report.
#   cmake -DMODE=subdirectory|fetchcontent|find_package -DSOURCE=<reportage tree>
#         -DWORK=<scratch dir> -DSAMPLE=<file> -DGENERATOR=<cmake generator>
#         [-DMAIN_BUILD=<reportage build dir to install, for find_package>]
#         -P run_consumer.cmake
cmake_minimum_required(VERSION 3.21)

function(run)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        string(REPLACE ";" " " cmd "${ARGN}")
        message(FATAL_ERROR "failed (${rc}): ${cmd}\n${out}\n${err}")
    endif()
    set(last_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE ${WORK})
set(build ${WORK}/build)
set(args -DCONSUMER_MODE=${MODE} -DCMAKE_BUILD_TYPE=Release)

if(MODE STREQUAL "find_package")
    set(prefix ${WORK}/prefix)
    run(${CMAKE_COMMAND} --install ${MAIN_BUILD} --prefix ${prefix})
    foreach(f include/reportage/reportage.h include/reportage/query.hpp include/reportage/reportage.hpp
              lib/libreportage.a lib/libreportage.so lib/pkgconfig/reportage.pc
              lib/cmake/reportage/reportageConfig.cmake lib/cmake/reportage/reportageConfigVersion.cmake
              bin/reportage)
        if(NOT EXISTS ${prefix}/${f})
            message(FATAL_ERROR "cmake --install did not install ${f}")
        endif()
    endforeach()
    list(APPEND args -DCMAKE_PREFIX_PATH=${prefix})
else()
    list(APPEND args -DREPORTAGE_SOURCE_DIR=${SOURCE})
endif()

get_filename_component(project_dir ${CMAKE_CURRENT_LIST_DIR}/project ABSOLUTE)
run(${CMAKE_COMMAND} -S ${project_dir} -B ${build} -G ${GENERATOR} ${args})
run(${CMAKE_COMMAND} --build ${build} -j2)
foreach(program consumer_cpp consumer_c)
    run(${build}/${program} ${SAMPLE})
    message(STATUS "${last_output}")
endforeach()
# pkg-config: a strict C99 program against the installed reportage.pc.
if(MODE STREQUAL "find_package" AND CC)
    find_program(PKG_CONFIG pkg-config)
    if(PKG_CONFIG)
        set(ENV{PKG_CONFIG_PATH} ${prefix}/lib/pkgconfig)
        run(${PKG_CONFIG} --cflags --libs reportage)
        string(STRIP "${last_output}" flags)
        separate_arguments(flags UNIX_COMMAND "${flags}")
        run(${CC} -std=c99 -Wall -Wextra -pedantic -Werror ${project_dir}/main.c ${flags}
            -Wl,-rpath,${prefix}/lib -o ${WORK}/consumer_c_pkgconfig)
        run(${WORK}/consumer_c_pkgconfig ${SAMPLE})
        message(STATUS "pkg-config: ${last_output}")
    endif()
endif()
message(STATUS "consumer build (${MODE}) passed")
