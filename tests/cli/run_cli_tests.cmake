# Tests of the `reportage` command-line tool: exit status, stdout and stderr.
#
#   cmake -DBIN=path/to/reportage -DSAMPLE=examples/data/sample-report.txt \
#         -DWORK=scratch/dir -P tests/cli/run_cli_tests.cmake
#
# Every check runs; the script fails at the end, listing the checks that failed.
cmake_minimum_required(VERSION 3.21)

foreach(_var BIN SAMPLE WORK)
    if(NOT DEFINED ${_var} OR "${${_var}}" STREQUAL "")
        message(FATAL_ERROR "run_cli_tests.cmake: pass -D${_var}=...")
    endif()
endforeach()
if(NOT EXISTS "${BIN}")
    message(FATAL_ERROR "run_cli_tests.cmake: BIN does not exist: ${BIN}")
endif()
if(NOT EXISTS "${SAMPLE}")
    message(FATAL_ERROR "run_cli_tests.cmake: SAMPLE does not exist: ${SAMPLE}")
endif()
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")

set(_failed "")
set(_checks 0)

# run(<args>... [STDIN file]): runs BIN, sets OUT, ERR and RC.
function(run)
    cmake_parse_arguments(PARSE_ARGV 0 _r "" "STDIN" "")
    set(_input "")
    if(DEFINED _r_STDIN)
        set(_input INPUT_FILE "${_r_STDIN}")
    else()
        set(_input INPUT_FILE "${WORK}/empty-stdin")
        file(WRITE "${WORK}/empty-stdin" "")
    endif()
    execute_process(COMMAND "${BIN}" ${_r_UNPARSED_ARGUMENTS}
        ${_input}
        OUTPUT_VARIABLE _out
        ERROR_VARIABLE _err
        RESULT_VARIABLE _rc
        TIMEOUT 60)
    set(OUT "${_out}" PARENT_SCOPE)
    set(ERR "${_err}" PARENT_SCOPE)
    set(RC "${_rc}" PARENT_SCOPE)
    set(LAST_COMMAND "reportage ${_r_UNPARSED_ARGUMENTS}" PARENT_SCOPE)
endfunction()

# check(<name> <condition>...): records a failed check with the last command's output.
macro(check name)
    math(EXPR _checks "${_checks} + 1")
    if(${ARGN})
        message(STATUS "ok   ${name}")
    else()
        message(STATUS "FAIL ${name}\n  command: ${LAST_COMMAND}\n  exit: ${RC}\n  stderr: ${ERR}")
        string(LENGTH "${OUT}" _len)
        if(_len GREATER 400)
            string(SUBSTRING "${OUT}" 0 400 _head)
            message(STATUS "  stdout (first 400 bytes): ${_head}")
        else()
            message(STATUS "  stdout: ${OUT}")
        endif()
        list(APPEND _failed "${name}")
    endif()
endmacro()

# Number of newline characters in a string.
function(count_lines var text)
    string(REGEX REPLACE "[^\n]" "" _nl "${text}")
    string(LENGTH "${_nl}" _n)
    set(${var} ${_n} PARENT_SCOPE)
endfunction()

file(SIZE "${SAMPLE}" _sample_size)
get_filename_component(_sample_name "${SAMPLE}" NAME)

# --- parse FILE ------------------------------------------------------------------------
run(parse "${SAMPLE}")
check("parse FILE exits 0" RC EQUAL 0)
string(FIND "${OUT}" "\"reportage/1\"" _pos)
check("parse FILE prints the schema tag reportage/1" NOT _pos EQUAL -1)
count_lines(_n "${OUT}")
string(REGEX MATCH "\n$" _ends "${OUT}")
check("parse FILE prints one compact line ending in a newline" _n EQUAL 1 AND _ends)
string(REGEX MATCH "\"bytes\": *${_sample_size}[,}\n]" _bytes "${OUT}")
check("parse FILE reports input.bytes = file size" _bytes)
string(FIND "${OUT}" "${_sample_name}\"" _pos)
check("parse FILE puts the file path in input.name" NOT _pos EQUAL -1)
string(LENGTH "${ERR}" _errlen)
check("parse FILE writes nothing to stderr" _errlen EQUAL 0)

run(parse --pretty "${SAMPLE}")
count_lines(_n "${OUT}")
string(FIND "${OUT}" "\"reportage/1\"" _pos)
check("parse --pretty prints indented JSON" RC EQUAL 0 AND _n GREATER 5 AND NOT _pos EQUAL -1)

run(parse --name my-report "${SAMPLE}")
string(FIND "${OUT}" "\"my-report\"" _pos)
check("parse --name sets input.name" RC EQUAL 0 AND NOT _pos EQUAL -1)

run(parse --published 2025-03-14 "${SAMPLE}")
string(FIND "${OUT}" "\"2025-03-14\"" _pos)
string(FIND "${OUT}" "\"given\"" _given)
check("parse --published is echoed as published.date, origin given"
    RC EQUAL 0 AND NOT _pos EQUAL -1 AND NOT _given EQUAL -1)

run(parse --published=2025-03-14 "${SAMPLE}")
check("parse --published=DATE is accepted" RC EQUAL 0)

# --- version and help --------------------------------------------------------------------
run(--version)
string(REGEX MATCH "^reportage [0-9]+\\.[0-9]+\\.[0-9]+\n$" _version "${OUT}")
check("--version prints 'reportage X.Y.Z'" RC EQUAL 0 AND _version)

foreach(_help_args "--help" "help" "parse;--help")
    run(${_help_args})
    string(FIND "${OUT}" "usage: reportage parse" _pos)
    string(REPLACE ";" " " _shown "${_help_args}")
    check("'${_shown}' prints the usage on stdout and exits 0" RC EQUAL 0 AND NOT _pos EQUAL -1)
endforeach()

# --- --jsonl -----------------------------------------------------------------------------
set(_missing "${WORK}/no-such-file.txt")
run(parse --jsonl "${SAMPLE}" "${_missing}")
count_lines(_n "${OUT}")
string(FIND "${OUT}" "\"reportage/1\"" _pos)
check("--jsonl with a missing file prints exactly one line for the sample"
    _n EQUAL 1 AND NOT _pos EQUAL -1)
string(FIND "${ERR}" "cannot read ${_missing}" _pos)
check("--jsonl names the missing file on stderr" NOT _pos EQUAL -1)
check("--jsonl with a missing file exits non-zero" NOT RC EQUAL 0)

run(parse --jsonl "${_missing}" "${SAMPLE}" "${SAMPLE}")
count_lines(_n "${OUT}")
check("--jsonl goes on after a missing first file (two lines, exit 1)" _n EQUAL 2 AND RC EQUAL 1)

run(parse --jsonl "${SAMPLE}" "${SAMPLE}")
count_lines(_n "${OUT}")
string(LENGTH "${ERR}" _errlen)
check("--jsonl prints one line per file and exits 0" _n EQUAL 2 AND RC EQUAL 0 AND _errlen EQUAL 0)

run(parse --jsonl --pretty "${SAMPLE}")
check("--jsonl with --pretty is a usage error (exit 2)" RC EQUAL 2)

# --- standard input ----------------------------------------------------------------------
run(parse - STDIN "${SAMPLE}")
string(FIND "${OUT}" "\"reportage/1\"" _pos)
string(REGEX MATCH "\"bytes\": *${_sample_size}[,}\n]" _bytes "${OUT}")
check("parse - reads standard input" RC EQUAL 0 AND NOT _pos EQUAL -1 AND _bytes)

# --- invalid options and usage -----------------------------------------------------------
foreach(_bad "--published;2025-02-30" "--published;yesterday" "--published;2025-3-14"
        "--published=" "--jsonl;--published;nonsense")
    run(parse ${_bad} "${SAMPLE}")
    string(LENGTH "${OUT}" _outlen)
    string(FIND "${ERR}" "reportage: " _pos)
    string(REPLACE ";" " " _shown "${_bad}")
    check("invalid '${_shown}' exits 2 with a message and no output"
        RC EQUAL 2 AND _outlen EQUAL 0 AND NOT _pos EQUAL -1)
endforeach()

run()
check("no command exits 2" RC EQUAL 2)
run(frobnicate)
check("an unknown command exits 2" RC EQUAL 2)
run(parse)
check("parse without a FILE exits 2" RC EQUAL 2)
run(parse --bogus "${SAMPLE}")
string(FIND "${ERR}" "--help" _pos)
check("an unknown option exits 2 with a usage hint" RC EQUAL 2 AND NOT _pos EQUAL -1)
run(parse "${SAMPLE}" "${SAMPLE}")
check("parse with two FILEs and no --jsonl exits 2" RC EQUAL 2)
run(parse --published)
check("--published without a value exits 2" RC EQUAL 2)

# --- unreadable input and odd bytes ------------------------------------------------------
run(parse "${_missing}")
string(FIND "${ERR}" "reportage: cannot read ${_missing}: " _pos)
check("parse of a missing file names it on stderr and exits 1" RC EQUAL 1 AND NOT _pos EQUAL -1)
run(parse "${WORK}")
check("parse of a directory exits 1" RC EQUAL 1)

file(WRITE "${WORK}/empty.txt" "")
run(parse "${WORK}/empty.txt")
string(REGEX MATCH "\"bytes\": *0[,}\n]" _bytes "${OUT}")
check("parse of an empty file exits 0" RC EQUAL 0 AND _bytes)

string(ASCII 255 _xff)
string(ASCII 192 _xc0)
string(ASCII 1 _x01)
file(WRITE "${WORK}/bad-utf8.txt"
    "Headline ${_xff}${_xc0}\n\n\"Quote ${_xff} here,\" he said.\n${_x01}\"\"\"\n")
run(parse "${WORK}/bad-utf8.txt")
string(FIND "${OUT}" "\"reportage/1\"" _pos)
check("parse of invalid UTF-8 still prints a report and exits 0" RC EQUAL 0 AND NOT _pos EQUAL -1)

file(WRITE "${WORK}/name-${_xff}.txt" "Text.\n")
run(parse "${WORK}/name-${_xff}.txt")
string(FIND "${OUT}" "\"reportage/1\"" _pos)
check("a file name that is not UTF-8 still gives valid output" RC EQUAL 0 AND NOT _pos EQUAL -1)

# --- summary -----------------------------------------------------------------------------
list(LENGTH _failed _nfailed)
if(_nfailed GREATER 0)
    string(REPLACE ";" "\n  " _list "${_failed}")
    message(FATAL_ERROR "${_nfailed} of ${_checks} CLI checks failed:\n  ${_list}")
endif()
message(STATUS "all ${_checks} CLI checks passed")
