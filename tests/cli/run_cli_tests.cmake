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

# --- --jobs: parallel --jsonl, byte-identical to --jobs 1 -----------------------------
file(WRITE "${WORK}/jobs-a.txt"
    "Ferry service resumes\n\nBy Lena Ortiz\n\nHALDEN BAY, 4 June 2024 (Coastwire) - The ferry "
    "resumed on Monday after a two-week halt, the operator said.\n\n\"We are glad to be back,\" "
    "said Piet Marr, its director. About 300 passengers travelled on the first day.\n")
file(WRITE "${WORK}/jobs-b.txt"
    "Police said three men were detained on Friday. \"It was calm,\" an officer said.\n")
file(WRITE "${WORK}/jobs-c.txt" "Headline ${_xff}\n\n\"Unclosed quote, he said.\n${_x01}\n")
file(WRITE "${WORK}/jobs-d.txt" "")
string(REPEAT "The council said the road would reopen in May. " 2000 _long)
file(WRITE "${WORK}/jobs-e.txt" "${_long}")
set(_jobs_files "${WORK}/jobs-a.txt" "${SAMPLE}" "${WORK}/jobs-b.txt" "${WORK}/jobs-c.txt"
    "${WORK}/jobs-d.txt" "${_missing}" "${WORK}/jobs-e.txt")
# Three times over (21 files, 3 of them missing): more files than the window of 2 x jobs.
set(_jobs_all ${_jobs_files} ${_jobs_files} ${_jobs_files})

run(parse --jsonl --jobs 1 ${_jobs_all})
set(_out1 "${OUT}")
set(_err1 "${ERR}")
set(_rc1 "${RC}")
count_lines(_n "${_out1}")
check("--jsonl --jobs 1 prints one line per readable file (18) and exits 1" _n EQUAL 18 AND _rc1 EQUAL 1)
foreach(_jobs 2 3 0)
    run(parse --jsonl --jobs ${_jobs} ${_jobs_all})
    check("--jsonl --jobs ${_jobs}: stdout byte-identical to --jobs 1" OUT STREQUAL _out1)
    check("--jsonl --jobs ${_jobs}: the same messages on stderr, in the same order, and exit status"
        ERR STREQUAL _err1 AND RC STREQUAL _rc1)
endforeach()

run(parse --jsonl --jobs=2 "${SAMPLE}" "${WORK}/jobs-a.txt")
set(_out2 "${OUT}")
run(parse --jsonl "${SAMPLE}" "${WORK}/jobs-a.txt")
check("--jobs=2 is accepted; the default (no --jobs) gives the same output"
    RC EQUAL 0 AND OUT STREQUAL _out2)

run(parse --jsonl --jobs 2 - "${WORK}/jobs-b.txt" STDIN "${SAMPLE}")
string(REGEX MATCH "\"bytes\": *${_sample_size}[,}]" _bytes "${OUT}")
count_lines(_n "${OUT}")
check("--jsonl --jobs 2 reads standard input too" RC EQUAL 0 AND _n EQUAL 2 AND _bytes)

foreach(_bad "--jobs;two" "--jobs;-1" "--jobs;" "--jobs")
    run(parse --jsonl ${_bad} "${SAMPLE}")
    string(REPLACE ";" " " _shown "${_bad}")
    check("invalid '${_shown}' exits 2" RC EQUAL 2)
endforeach()
run(parse --jobs 2 "${SAMPLE}")
check("--jobs without --jsonl exits 2" RC EQUAL 2)

# --- summary -----------------------------------------------------------------------------
list(LENGTH _failed _nfailed)
if(_nfailed GREATER 0)
    string(REPLACE ";" "\n  " _list "${_failed}")
    message(FATAL_ERROR "${_nfailed} of ${_checks} CLI checks failed:\n  ${_list}")
endif()
message(STATUS "all ${_checks} CLI checks passed")
