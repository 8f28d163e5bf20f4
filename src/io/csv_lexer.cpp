// SPDX-License-Identifier: MIT
#include "diplo/detail/csv_lexer.h"

#include <cstddef>
#include <utility>

#include <fmt/format.h>

namespace diplo::detail {
namespace {

class lexer {
 public:
  lexer(std::string_view text, const csv_error_handler& on_error, const csv_lex_options& options)
      : text_(text), n_(text.size()), on_error_(on_error), options_(options) {
    if (text.starts_with("\xEF\xBB\xBF")) i_ = 3;  // the BOM is not a column
  }

  auto run() -> csv_lexed {
    while (i_ < n_ && go_) {
      if (const std::size_t e = eol_length(i_); e != 0) {  // an empty line
        new_line(e);
        continue;
      }
      if (options_.comment != '\0' && text_[i_] == options_.comment) {
        while (i_ < n_ && eol_length(i_) == 0) ++i_;
        new_line(eol_length(i_));
        continue;
      }
      csv_record r;
      r.line = line_;
      if (!read_record(r)) {  // an unterminated quote: the rest of the input is in it
        out_.records.push_back(std::move(r));
        out_.unterminated = true;
        break;
      }
      out_.records.push_back(std::move(r));
    }
    return std::move(out_);
  }

 private:
  // 1 for LF or CR alone, 2 for CR LF, 0 for anything else (or the end).
  [[nodiscard]] auto eol_length(std::size_t k) const noexcept -> std::size_t {
    if (k >= n_) return 0;
    if (text_[k] == '\n') return 1;
    if (text_[k] == '\r') return k + 1 < n_ && text_[k + 1] == '\n' ? 2 : 1;
    return 0;
  }
  [[nodiscard]] auto at_field_end() const noexcept -> bool {
    return i_ >= n_ || text_[i_] == ',' || eol_length(i_) != 0;
  }
  void new_line(std::size_t eol) {
    i_ += eol;
    if (eol != 0) {
      ++line_;
      col_ = 1;
    }
  }
  void advance() {
    ++i_;
    ++col_;
  }
  void error(csv_record& r, std::uint32_t line, std::uint32_t column, std::string message) {
    r.bad = true;
    if (!on_error_(line, column, std::move(message))) go_ = false;
  }

  // The fields of one record, up to and past its end of line. False when a quoted field is
  // not closed (its field is not added).
  auto read_record(csv_record& r) -> bool {
    while (true) {
      csv_field f;
      f.line = line_;
      f.column = col_;
      if (i_ < n_ && text_[i_] == '"') {
        if (!read_quoted(r, f)) return false;
      } else {
        read_unquoted(r, f);
      }
      r.fields.push_back(std::move(f));
      if (i_ < n_ && text_[i_] == ',') {
        advance();
        continue;
      }
      new_line(eol_length(i_));
      return true;
    }
  }

  auto read_quoted(csv_record& r, csv_field& f) -> bool {
    advance();  // the opening '"'
    bool closed = false;
    while (i_ < n_) {
      const char c = text_[i_];
      if (c == '"') {
        advance();
        if (i_ < n_ && text_[i_] == '"') {  // "" is one '"'
          f.text += '"';
          advance();
          continue;
        }
        closed = true;
        break;
      }
      if (const std::size_t e = eol_length(i_); e != 0) {
        f.text += e == 2 ? '\n' : c;  // CR LF is read as LF; LF or CR alone as it is
        new_line(e);
        continue;
      }
      f.text += c;
      advance();
    }
    if (!closed) {
      error(r, f.line, f.column, "unterminated quoted field: no closing '\"'");
      return false;
    }
    if (!at_field_end()) {
      error(r, line_, col_,
            fmt::format("expected ',' or the end of the line after the closing '\"' of the field at "
                        "column {}",
                        f.column));
      while (!at_field_end()) advance();
    }
    return true;
  }

  void read_unquoted(csv_record& r, csv_field& f) {
    bool quote_reported = false;
    while (!at_field_end()) {
      if (text_[i_] == '"' && !quote_reported) {
        error(r, line_, col_, "'\"' inside an unquoted field (quote the whole field and double the '\"')");
        quote_reported = true;
      }
      f.text += text_[i_];
      advance();
    }
  }

  std::string_view text_;
  std::size_t n_;
  const csv_error_handler& on_error_;
  const csv_lex_options& options_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t col_ = 1;
  bool go_ = true;
  csv_lexed out_;
};

}  // namespace

auto lex_csv(std::string_view text, const csv_error_handler& on_error, const csv_lex_options& options)
    -> csv_lexed {
  return lexer(text, on_error, options).run();
}

}  // namespace diplo::detail
