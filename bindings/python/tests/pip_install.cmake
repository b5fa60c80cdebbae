# Installs the binding with pip, offline, into a scratch folder and imports it from there.
#   cmake -DPYTHON=<python with pip, setuptools, wheel> -DSOURCE=<bindings/python>
#         -DWORK=<scratch> -DLIBRARY=<libreportage.so> -P pip_install.cmake
file(REMOVE_RECURSE ${WORK})
file(COPY ${SOURCE}/ DESTINATION ${WORK}/src PATTERN __pycache__ EXCLUDE PATTERN "*.egg-info" EXCLUDE)
execute_process(
    COMMAND ${PYTHON} -m pip install --no-build-isolation --no-index --no-deps --disable-pip-version-check
            --target ${WORK}/site ${WORK}/src
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "pip install failed (${rc}):\n${out}\n${err}")
endif()
set(ENV{PYTHONPATH} ${WORK}/site)
set(ENV{REPORTAGE_LIBRARY} ${LIBRARY})
execute_process(
    COMMAND ${PYTHON} -c "import reportage, os; r = reportage.parse('A\\n\\nPORT (Wire) \\u2014 It rained, she said.\\n'); assert reportage.__file__.startswith(os.environ['PYTHONPATH']); print('installed', reportage.__file__, r)"
    WORKING_DIRECTORY ${WORK}
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "the installed package does not import (${rc}):\n${out}\n${err}")
endif()
message(STATUS "${out}")
