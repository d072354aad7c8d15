// Field lists of the catalog's structs as the learner sees them (float).
#pragma once

#include "exercise.h"

#include <tuple>
#include <utility>

inline auto record_fields(const SoftmaxState*) {
  return std::make_tuple(std::make_pair("max", &SoftmaxState::max),
                         std::make_pair("sum", &SoftmaxState::sum));
}
inline auto record_fields(const KVCache*) {
  return std::make_tuple(std::make_pair("k", &KVCache::k), std::make_pair("v", &KVCache::v));
}
inline auto record_fields(const AttentionGrads*) {
  return std::make_tuple(std::make_pair("d_q", &AttentionGrads::d_q),
                         std::make_pair("d_k", &AttentionGrads::d_k),
                         std::make_pair("d_v", &AttentionGrads::d_v));
}
