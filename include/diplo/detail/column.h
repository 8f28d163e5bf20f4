// SPDX-License-Identifier: MIT
#pragma once

// One array of a frozen timeline's store or indexes: a `column<T>` owns its items (a
// std::vector while freeze() builds it) or views items it does not own (the mapped pages
// of a snapshot file, issue 15), and reads the same either way. Internal.
//
// THE RULE. Only an owning column changes: the vector-like members that change it (resize,
// push_back, ...) are for building, and a viewed column's owner (whoever holds the mapping)
// outlives it. Items are trivially copyable, so that their bytes are the file's bytes.

#include <cassert>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

namespace diplo::detail {

template <class T>
class column {
  static_assert(std::is_trivially_copyable_v<T>, "a column's items are its bytes");

 public:
  using value_type = T;
  using size_type = std::size_t;
  using const_iterator = const T*;
  using iterator = const T*;

  column() noexcept = default;
  column(std::initializer_list<T> items) : owned_(items) { sync(); }
  explicit column(std::vector<T> items) noexcept : owned_(std::move(items)) { sync(); }

  /// A column of items it does not own (precondition: they outlive it).
  [[nodiscard]] static auto view(std::span<const T> items) noexcept -> column {
    column c;
    c.data_ = items.data();
    c.size_ = items.size();
    c.viewing_ = true;
    return c;
  }

  column(const column& other) : owned_(other.begin(), other.end()) { sync(); }
  auto operator=(const column& other) -> column& {
    if (this != &other) *this = column(other);
    return *this;
  }
  // A moved vector keeps its buffer, so a moved owning column's view stays right.
  column(column&& other) noexcept
      : owned_(std::move(other.owned_)), data_(other.data_), size_(other.size_), viewing_(other.viewing_) {
    other.reset();
  }
  auto operator=(column&& other) noexcept -> column& {
    owned_ = std::move(other.owned_);
    data_ = other.data_;
    size_ = other.size_;
    viewing_ = other.viewing_;
    other.reset();
    return *this;
  }
  ~column() = default;

  // Reading: the same whether it owns or views.
  [[nodiscard]] auto size() const noexcept -> std::size_t { return size_; }
  [[nodiscard]] auto empty() const noexcept -> bool { return size_ == 0; }
  [[nodiscard]] auto data() const noexcept -> const T* { return data_; }
  [[nodiscard]] auto operator[](std::size_t i) const noexcept -> const T& { return data_[i]; }
  [[nodiscard]] auto front() const noexcept -> const T& { return data_[0]; }
  [[nodiscard]] auto back() const noexcept -> const T& { return data_[size_ - 1]; }
  [[nodiscard]] auto begin() const noexcept -> const T* { return data_; }
  [[nodiscard]] auto end() const noexcept -> const T* { return data_ + size_; }
  [[nodiscard]] auto span() const noexcept -> std::span<const T> { return {data_, size_}; }
  /// Whether it views items it does not own.
  [[nodiscard]] auto viewing() const noexcept -> bool { return viewing_; }
  /// The heap it holds (nothing when it views).
  [[nodiscard]] auto heap_bytes() const noexcept -> std::size_t { return owned_.capacity() * sizeof(T); }

  // Building (an owning column only).
  [[nodiscard]] auto operator[](std::size_t i) noexcept -> T& {
    assert(!viewing_);
    return owned_[i];
  }
  [[nodiscard]] auto back() noexcept -> T& {
    assert(!viewing_);
    return owned_.back();
  }
  /// The items, to change in place (to sort them, say).
  [[nodiscard]] auto items() noexcept -> std::span<T> {
    assert(!viewing_);
    return owned_;
  }
  void push_back(const T& x) {
    edit([&] { owned_.push_back(x); });
  }
  template <class... A>
  auto emplace_back(A&&... a) -> T& {
    edit([&] { owned_.emplace_back(std::forward<A>(a)...); });
    return owned_.back();
  }
  void resize(std::size_t n) {
    edit([&] { owned_.resize(n); });
  }
  void resize(std::size_t n, const T& x) {
    edit([&] { owned_.resize(n, x); });
  }
  void assign(std::size_t n, const T& x) {
    edit([&] { owned_.assign(n, x); });
  }
  template <class It>
  requires(!std::is_integral_v<It>) void assign(It first, It last) {
    edit([&] { owned_.assign(first, last); });
  }
  template <class It>
  void append(It first, It last) {
    edit([&] { owned_.insert(owned_.end(), first, last); });
  }
  void reserve(std::size_t n) {
    edit([&] { owned_.reserve(n); });
  }
  void shrink_to_fit() {
    edit([&] { owned_.shrink_to_fit(); });
  }
  void clear() noexcept {
    edit([&] { owned_.clear(); });
  }
  [[nodiscard]] auto capacity() const noexcept -> std::size_t { return owned_.capacity(); }

 private:
  template <class F>
  void edit(F&& f) {
    assert(!viewing_);
    f();
    sync();
  }
  void sync() noexcept {
    data_ = owned_.data();
    size_ = owned_.size();
    viewing_ = false;
  }
  void reset() noexcept {
    owned_.clear();
    sync();
  }

  std::vector<T> owned_;
  const T* data_ = nullptr;
  std::size_t size_ = 0;
  bool viewing_ = false;
};

}  // namespace diplo::detail
