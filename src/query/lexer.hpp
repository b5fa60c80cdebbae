// The query language's tokens (internal). Hand-written, one pass, no backtracking.
#ifndef REPORTAGE_QUERY_LEXER_HPP
#define REPORTAGE_QUERY_LEXER_HPP

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace reportage::query_detail {

struct Token {
    enum class Kind {
        word,      // identifier or keyword
        string,    // "..." or '...', `text` holds the unescaped value
        number,    // `text` holds the digits as written
        lparen, rparen, lbracket, rbracket, comma, dot,
        eq, ne, lt, le, gt, ge, tilde,
        end
    };
    Kind kind = Kind::end;
    std::string text;
    std::size_t position = 0;  // 1-based byte position in the query
};

// Splits `query` into tokens ending with Kind::end. Throws QueryError on a character
// that starts no token or an unterminated string.
std::vector<Token> tokenize(std::string_view query);

// "'('", "the word 'where'", "the string \"Doe\"", "the end of the query" ...
std::string describe(const Token& token);

}  // namespace reportage::query_detail

#endif  // REPORTAGE_QUERY_LEXER_HPP
