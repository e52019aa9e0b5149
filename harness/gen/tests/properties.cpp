#include "harness/gen/tests/properties.hpp"

#include <map>
#include <vector>

#include "harness/core/interpreter.hpp"
#include "harness/core/reference_runtime.hpp"
#include "harness/gen/outcome_model.hpp"
#include "harness/gen/tests/instrument.hpp"

namespace pc::gen::test {
namespace {

// The label of a log event, or "" for other events.
std::string labelOf(const Json& event) {
  return event.is_array() && !event.empty() && event[0].is_string() ? event[0].get<std::string>() : "";
}

Json jobsOf(const Trace& t) {
  Json jobs = Json::array();
  for (const JobRecord& j : t.jobs) jobs.push_back({j.id, j.enqueuedBy, j.kind, j.description, j.after});
  return jobs;
}

}  // namespace

Trace runReference(const Json& program, std::optional<HostFault> fault) {
  ReferenceRuntime runtime(fault ? faultyHost(*fault) : std::make_unique<JournalingHost>());
  return interpret(program, runtime);
}

Violation sameTraceTwice(const Json& program, std::optional<HostFault> fault) {
  const Trace a = runReference(program, fault), b = runReference(program, fault);
  if (a.toJson() != b.toJson()) return "two runs gave " + a.toJson().dump() + " and " + b.toJson().dump();
  if (a.eventJob != b.eventJob || jobsOf(a) != jobsOf(b)) return "two runs recorded different jobs";
  return std::nullopt;
}

Violation settlesAtMostOnce(const Json& program, std::optional<HostFault> fault) {
  const Trace t = runReference(addSettlementProbes(program), fault);
  std::map<std::string, Json> seen;  // promise name -> ["fulfilled"|"rejected", value]
  for (const Json& e : t.events) {
    const std::string label = labelOf(e);
    if (!label.starts_with("@f:") && !label.starts_with("@r:")) continue;
    const Json observed = Json::array({label[1] == 'f' ? "fulfilled" : "rejected", e[1]});
    const auto [it, first] = seen.emplace(label.substr(3), observed);
    if (!first && it->second != observed)
      return it->first + " was seen as " + it->second.dump() + " and later as " + observed.dump();
  }
  for (const auto& [name, observed] : seen)
    if (t.final.value(name, Json()) != observed)
      return name + " was seen as " + observed.dump() + " but ended " + t.final.value(name, Json()).dump();
  return std::nullopt;
}

Violation handlersRunInLaterJobs(const Json& program, std::optional<HostFault> fault) {
  const Trace t = runReference(labelHandlers(program).program, fault);
  std::map<std::string, std::size_t> callAt;  // "@t<r>" -> event index
  for (std::size_t i = 0; i < t.events.size(); ++i) {
    const std::string label = labelOf(t.events[i]);
    if (label.starts_with("@t")) callAt[label.substr(2)] = i;
    if (!label.starts_with("@h")) continue;
    const auto call = callAt.find(label.substr(2));
    if (call == callAt.end()) return "handler " + label + " ran before its then was called";
    if (t.eventJob.at(call->second) == t.eventJob.at(i))
      return "handler " + label + " ran in the job that called its then (job " + std::to_string(t.eventJob[i]) + ")";
  }
  return std::nullopt;
}

Violation handlersRunInRegistrationOrder(const Json& program, std::optional<HostFault> fault) {
  const LabelledHandlers labelled = labelHandlers(program);
  const Trace t = runReference(labelled.program, fault);
  std::map<std::string, int> lastRan;  // promise -> registration of the handler that ran last
  for (const Json& e : t.events) {
    const std::string label = labelOf(e);
    if (!label.starts_with("@h")) continue;
    const int r = std::stoi(label.substr(2));
    const std::string& promise = labelled.receiverOf.at(r);
    if (lastRan.contains(promise) && lastRan[promise] >= r)
      return "on " + promise + ", handler @h" + std::to_string(r) + " ran after @h" + std::to_string(lastRan[promise]);
    lastRan[promise] = r;
  }
  return std::nullopt;
}

Violation outcomesMatchModel(const Json& program, std::optional<HostFault> fault) {
  const Trace t = runReference(program, fault);
  for (const auto& [name, predicted] : predictOutcomes(program)) {
    if (!predicted.known()) continue;
    const Json actual = t.final.value(name, Json());
    if (actual != predicted.toFinal())
      return name + " ended " + actual.dump() + " but the model predicts " + predicted.toFinal().dump();
  }
  return std::nullopt;
}

}  // namespace pc::gen::test
