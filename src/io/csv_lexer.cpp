// SPDX-License-Identifier: MIT
#include "diplo/detail/csv_lexer.h"

#include <algorithm>
#include <cstddef>
#include <utility>

#include <fmt/format.h>

namespace diplo::detail {
namespace {

class lexer {
 public:
  lexer(std::string_view text, const csv_record_handler& on_record, const csv_error_handler& on_error,
        const csv_lex_options& options)
      : text_(text), n_(text.size()), on_record_(on_record), on_error_(on_error), options_(options) {
    if (text.starts_with("\xEF\xBB\xBF")) i_ = 3;  // the BOM is not a column
  }

  // Whether an unterminated quoted field cut the text short.
  auto run() -> bool {
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
      used_ = 0;
      bad_ = false;
      const std::uint32_t line = line_;
      const bool closed = read_record();
      // An unterminated quote: the rest of the input is in it, and its field is not added.
      if (!on_record_(csv_record_view{{fields_.data(), used_}, line, bad_})) go_ = false;
      if (!closed) return true;
    }
    return false;
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
  void error(std::uint32_t line, std::uint32_t column, std::string message) {
    bad_ = true;
    if (!on_error_(line, column, std::move(message))) go_ = false;
  }

  // The next field of the record, its text cleared (its buffer is reused).
  auto next_field() -> csv_field& {
    if (used_ == fields_.size()) fields_.emplace_back();
    csv_field& f = fields_[used_++];
    f.text.clear();
    f.line = line_;
    f.column = col_;
    return f;
  }

  // The fields of one record, up to and past its end of line. False when a quoted field is
  // not closed (its field is not added).
  auto read_record() -> bool {
    while (true) {
      csv_field& f = next_field();
      if (i_ < n_ && text_[i_] == '"') {
        if (!read_quoted(f)) {
          --used_;
          return false;
        }
      } else {
        read_unquoted(f);
      }
      if (i_ < n_ && text_[i_] == ',') {
        advance();
        continue;
      }
      new_line(eol_length(i_));
      return true;
    }
  }

  // Appends the run of text before the next of `stops` (or the end) to `to`.
  void take_until(std::string& to, std::string_view stops) {
    const std::size_t end = std::min(text_.find_first_of(stops, i_), n_);
    to.append(text_.substr(i_, end - i_));
    col_ += static_cast<std::uint32_t>(end - i_);
    i_ = end;
  }

  auto read_quoted(csv_field& f) -> bool {
    advance();  // the opening '"'
    bool closed = false;
    while (i_ < n_) {
      take_until(f.text, "\"\r\n");
      if (i_ == n_) break;
      if (text_[i_] == '"') {
        advance();
        if (i_ < n_ && text_[i_] == '"') {  // "" is one '"'
          f.text += '"';
          advance();
          continue;
        }
        closed = true;
        break;
      }
      const std::size_t e = eol_length(i_);
      f.text += e == 2 ? '\n' : text_[i_];  // CR LF is read as LF; LF or CR alone as it is
      new_line(e);
    }
    if (!closed) {
      error(f.line, f.column, "unterminated quoted field: no closing '\"'");
      return false;
    }
    if (!at_field_end()) {
      error(line_, col_,
            fmt::format("expected ',' or the end of the line after the closing '\"' of the field at "
                        "column {}",
                        f.column));
      while (!at_field_end()) advance();
    }
    return true;
  }

  void read_unquoted(csv_field& f) {
    take_until(f.text, ",\r\n\"");
    if (i_ < n_ && text_[i_] == '"') {
      error(line_, col_, "'\"' inside an unquoted field (quote the whole field and double the '\"')");
      take_until(f.text, ",\r\n");  // the '"' is kept as text, reported once
    }
  }

  std::string_view text_;
  std::size_t n_;
  const csv_record_handler& on_record_;
  const csv_error_handler& on_error_;
  const csv_lex_options& options_;
  std::size_t i_ = 0;
  std::uint32_t line_ = 1;
  std::uint32_t col_ = 1;
  bool go_ = true;
  std::vector<csv_field> fields_;  // the record's fields: the first used_ of them
  std::size_t used_ = 0;
  bool bad_ = false;
};

}  // namespace

auto lex_csv_each(std::string_view text, const csv_record_handler& on_record,
                  const csv_error_handler& on_error, const csv_lex_options& options) -> bool {
  return lexer(text, on_record, on_error, options).run();
}

auto lex_csv(std::string_view text, const csv_error_handler& on_error, const csv_lex_options& options)
    -> csv_lexed {
  csv_lexed out;
  out.unterminated = lex_csv_each(
      text,
      [&](const csv_record_view& r) {
        out.records.push_back({{r.fields.begin(), r.fields.end()}, r.line, r.bad});
        return true;
      },
      on_error, options);
  return out;
}

}  // namespace diplo::detail
