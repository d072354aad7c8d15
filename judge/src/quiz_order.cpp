#include "quiz_order.h"

#include "hashing.h"

#include <random>

namespace judge {

std::vector<std::size_t> choice_order(const std::string& seed, const std::string& problem,
                                      std::size_t question, std::size_t choices) {
  std::vector<std::size_t> order(choices);
  for (std::size_t i = 0; i < choices; ++i) order[i] = i;
  const std::string hex =
      Hasher().add("quiz").add(seed).add(problem).add(std::to_string(question)).hex();
  // mt19937_64's output is fixed by the standard (std::shuffle's use of it
  // is not): the same seed shows the same order with any library.
  std::mt19937_64 random(std::stoull(hex.substr(0, 16), nullptr, 16));
  for (std::size_t i = choices; i > 1; --i) std::swap(order[i - 1], order[random() % i]);
  return order;
}

std::optional<std::size_t> parse_choice(const std::string& reply, std::size_t choices) {
  std::size_t begin = reply.find_first_not_of(" \t\r");
  if (begin == std::string::npos) return std::nullopt;
  std::size_t end = reply.find_last_not_of(" \t\r");
  if (reply[end] == ')' || reply[end] == '.') --end;
  if (end < begin || end - begin > 3) return std::nullopt;
  std::size_t value = 0;
  for (std::size_t i = begin; i <= end; ++i) {
    if (reply[i] < '0' || reply[i] > '9') return std::nullopt;
    value = value * 10 + static_cast<std::size_t>(reply[i] - '0');
  }
  if (value < 1 || value > choices) return std::nullopt;
  return value - 1;
}

}  // namespace judge
