# Embeds the lexicon files (src/lexicon/*.tsv) into the library as string constants, so
# the library needs no data files at run time. Editing a .tsv file regenerates the source.
function(reportage_embed_lexicons out_var)
    file(GLOB _tsv CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/lexicon/*.tsv)
    list(SORT _tsv)
    set(_out ${PROJECT_BINARY_DIR}/generated/lexicon_data.cpp)
    add_custom_command(
        OUTPUT ${_out}
        COMMAND ${CMAKE_COMMAND} -DOUT=${_out} "-DFILES=${_tsv}"
                -P ${PROJECT_SOURCE_DIR}/cmake/embed_lexicons.cmake
        DEPENDS ${_tsv} ${PROJECT_SOURCE_DIR}/cmake/embed_lexicons.cmake
        COMMENT "Embedding reportage lexicons"
        VERBATIM)
    set(${out_var} ${_out} PARENT_SCOPE)
endfunction()
