#pragma once
// The optional capabilities a case may need and a subject may lack. A case needing a feature its
// subject lacks is "not applicable" there: counted apart from pass and fail.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pc {

enum class Feature : std::uint8_t {
  Executor,          // new Promise(executor)
  Deferred,          // Promise.withResolvers()
  ResolvedRejected,  // Promise.resolve / Promise.reject
  Catch,
  Finally,
  All,
  AllSettled,
  Race,
  Any,
  Try,                // Promise.try
  Async,              // async functions and await
  Thenables,          // adoption of foreign thenables
  Timers,             // virtual setTimeout
  Microtask,          // queueMicrotask
  RejectionTracking,  // unhandled / handled rejection events
  OwnProperties,      // set and define: own properties and accessors on promises and objects
  Constructors,       // functions and constructors of the program, and static methods called on them
  Builtins,           // set and define on %Promise%, %Promise.prototype% and %Array.prototype%
  Symbols,            // Symbol values
  AsyncGenerators,    // async generator functions, yield, and their next, return and throw
  Count_
};

std::string_view featureName(Feature);
std::optional<Feature> featureFromName(std::string_view);

// A small set of features, cheap to copy and compare.
class FeatureSet {
 public:
  FeatureSet() = default;
  static FeatureSet all();
  void add(Feature f) { bits_ |= bit(f); }
  bool has(Feature f) const { return (bits_ & bit(f)) != 0; }
  bool covers(FeatureSet needed) const { return (needed.bits_ & ~bits_) == 0; }
  FeatureSet missingFrom(FeatureSet offered) const { return FeatureSet(bits_ & ~offered.bits_); }
  bool empty() const { return bits_ == 0; }
  std::vector<std::string> names() const;
  bool operator==(const FeatureSet&) const = default;

 private:
  explicit FeatureSet(std::uint32_t bits) : bits_(bits) {}
  static std::uint32_t bit(Feature f) { return 1u << static_cast<unsigned>(f); }
  std::uint32_t bits_ = 0;
};

}  // namespace pc
