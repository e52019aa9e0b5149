#include "harness/gen/program_gen.hpp"

#include <string>
#include <vector>

#include "harness/gen/bind_names.hpp"

namespace pc::gen {
namespace {

using Body = std::vector<Json>;

// How deep thenables may nest inside thenables: grows with size, at most 2.
int depthFor(int size) { return size < 20 ? 0 : size < 60 ? 1 : 2; }

rc::Gen<Json> label() {
  return rc::gen::map(rc::gen::element(std::string("a"), std::string("b"), std::string("c"), std::string("d")),
                      [](std::string s) { return Json(s); });
}

// A primitive; now and then a symbol, which only JavaScript's subjects run (feature symbols).
rc::Gen<Json> scalar() {
  return rc::gen::weightedOneOf<Json>(
      {{4, rc::gen::map(rc::gen::element(std::string("x"), std::string("y"), std::string("z")),
                        [](std::string s) { return Json(s); })},
       {4, rc::gen::map(rc::gen::inRange(0, 4), [](int n) { return Json(n); })},
       {4, rc::gen::just(Json(true))},
       {4, rc::gen::just(Json(nullptr))},
       {4, rc::gen::just(Json{{"undefined", true}})},
       {1, rc::gen::just(Json{{"symbol", "s"}})}});
}

rc::Gen<Json> errorValue() {
  return rc::gen::map(rc::gen::element(std::string("Error"), std::string("TypeError"), std::string("RangeError")),
                      [](std::string name) {
                        return Json{{"error", name}, {"message", "m"}};
                      });
}

// What a handler or a rejection may carry without adopting anything.
rc::Gen<Json> rejectValue() { return rc::gen::weightedOneOf<Json>({{4, plainValue()}, {1, promiseRef()}}); }

// Lists of 0..n elements. Inner pieces do not depend on size, so resizing bounds only the length.
rc::Gen<Body> upTo(int n, rc::Gen<Json> element) { return rc::gen::resize(n, rc::gen::container<Body>(element)); }

Json statementsToJson(Body body) { return Json(std::move(body)); }

rc::Gen<Json> bodyOf(rc::Gen<Json> effect, rc::Gen<Json> ending, int maxEffects) {
  return rc::gen::apply(
      [](Body effects, Body end) {
        effects.insert(effects.end(), end.begin(), end.end());
        return statementsToJson(std::move(effects));
      },
      upTo(maxEffects, effect), upTo(1, ending));
}

rc::Gen<Json> logStatement() {
  return rc::gen::map(label(), [](Json l) { return Json{{"log", l}}; });
}

rc::Gen<int> delay() { return rc::gen::inRange(0, 4); }

// Calls of the enclosing resolve/reject: a thenable's `then` or an executor.
rc::Gen<Json> resolverCall(int depth) {
  return rc::gen::oneOf(
      rc::gen::map(settleValue(depth),
                   [](Json v) {
                     return Json{{"resolve", v}};
                   }),
      rc::gen::map(rejectValue(),
                   [](Json v) {
                     return Json{{"reject", v}};
                   }),
      rc::gen::map(plainValue(),
                   [](Json v) {
                     return Json{{"throw", v}};
                   }),
      rc::gen::apply(
          [](int ms, Json v) {
            return Json{{"timer", ms}, {"do", Json::array({Json{{"resolve", v}}})}};
          },
          delay(), settleValue(depth)),
      // The same functions called as values, later: `setTimeout(reject, ms, v)`.
      rc::gen::apply(
          [](int ms, bool resolve, Json v) {
            const Json f{{resolve ? "resolveFunction" : "rejectFunction", true}};
            return Json{{"timer", ms}, {"do", Json::array({Json{{"call", f}, {"args", Json::array({v})}}})}};
          },
          delay(), rc::gen::arbitrary<bool>(), settleValue(depth)));
}

}  // namespace

rc::Gen<Json> plainValue() {
  return rc::gen::weightedOneOf<Json>(
      {{6, scalar()}, {2, errorValue()}, {1, rc::gen::map(upTo(2, scalar()), statementsToJson)}});
}

rc::Gen<Json> promiseRef() {
  return rc::gen::map(rc::gen::inRange(0, 8), [](int k) { return Json{{"promise", "#" + std::to_string(k)}}; });
}

rc::Gen<Json> thenable(int depth) {
  const rc::Gen<Json> thenBody = rc::gen::map(upTo(2, resolverCall(depth - 1)), statementsToJson);
  const rc::Gen<Json> getter = rc::gen::oneOf(rc::gen::map(logStatement(), [](Json s) { return Json::array({s}); }),
                                              rc::gen::map(plainValue(), [](Json v) {
                                                return Json::array({Json{{"throw", v}}});
                                              }));
  return rc::gen::apply(
      [](Json then, bool withGetter, Json get) {
        Json t{{"then", then}};
        if (withGetter) t["getter"] = get;
        return Json{{"thenable", t}};
      },
      thenBody, rc::gen::weightedElement<bool>({{4, false}, {1, true}}), getter);
}

rc::Gen<Json> settleValue(int depth) {
  if (depth <= 0)
    return rc::gen::weightedOneOf<Json>(
        {{3, plainValue()}, {2, promiseRef()}, {1, rc::gen::just(Json{{"argument", true}})}});
  return rc::gen::weightedOneOf<Json>({{3, plainValue()},
                                       {2, promiseRef()},
                                       {1, rc::gen::just(Json{{"argument", true}})},
                                       {2, rc::gen::lazy([depth] { return thenable(depth); })}});
}

rc::Gen<Json> handler(int depth) {
  const rc::Gen<Json> ending = rc::gen::oneOf(rc::gen::map(settleValue(depth),
                                                           [](Json v) {
                                                             return Json{{"return", v}};
                                                           }),
                                              rc::gen::map(plainValue(), [](Json v) {
                                                return Json{{"throw", v}};
                                              }));
  return bodyOf(logStatement(), ending, 2);
}

rc::Gen<Json> executor(int depth) {
  return rc::gen::map(upTo(3, rc::gen::oneOf(resolverCall(depth), logStatement())), statementsToJson);
}

rc::Gen<Json> asyncBody(int depth) {
  const rc::Gen<Json> step = rc::gen::weightedOneOf<Json>({{3, rc::gen::map(settleValue(depth),
                                                                            [](Json v) {
                                                                              return Json{{"await", v}};
                                                                            })},
                                                           {1, logStatement()}});
  const rc::Gen<Json> ending = rc::gen::oneOf(rc::gen::map(settleValue(depth),
                                                           [](Json v) {
                                                             return Json{{"return", v}};
                                                           }),
                                              rc::gen::map(plainValue(), [](Json v) {
                                                return Json{{"throw", v}};
                                              }));
  return bodyOf(step, ending, 3);
}

rc::Gen<Json> creation(int depth) {
  const auto combinator = [](std::string verb) {
    return rc::gen::map(upTo(3, settleValue(0)), [verb](Body elements) {
      return Json{{verb, Json(std::move(elements))}};
    });
  };
  return rc::gen::weightedOneOf<Json>({
      {3, rc::gen::just(Json{{"deferred", "#new"}})},
      {3, rc::gen::map(settleValue(depth),
                       [](Json v) {
                         return Json{{"resolved", v}};
                       })},
      {2, rc::gen::map(rejectValue(),
                       [](Json v) {
                         return Json{{"rejected", v}};
                       })},
      {3, rc::gen::map(executor(depth),
                       [](Json b) {
                         return Json{{"new", "#new"}, {"executor", b}};
                       })},
      {1, rc::gen::apply(
              [](Json b, Body args, bool logArguments) {
                // Promise.try(f, ...args): the body's argument is the first; it may log them all.
                if (logArguments) b.insert(b.begin(), Json{{"log", "args"}, {"value", Json{{"arguments", true}}}});
                Json s{{"try", b}};
                if (!args.empty()) s["args"] = statementsToJson(std::move(args));
                return s;
              },
              handler(depth), upTo(2, plainValue()), rc::gen::arbitrary<bool>())},
      {2, rc::gen::map(asyncBody(depth),
                       [](Json b) {
                         return Json{{"async", b}};
                       })},
      {1, combinator("all")},
      {1, combinator("allSettled")},
      {1, combinator("race")},
      {1, combinator("any")},
  });
}

rc::Gen<Json> reaction(int depth) {
  // A handler slot: a body most of the time, sometimes a non-strict function that logs its this (the
  // global object), absent, or a non-callable value.
  const rc::Gen<Json> sloppy = rc::gen::map(handler(depth), [](Json b) {
    b.insert(b.begin(), Json{{"log", "this"}, {"value", Json{{"this", true}}}});
    return Json{{"sloppyFunction", b}};
  });
  const rc::Gen<Json> slot = rc::gen::weightedOneOf<Json>(
      {{5, handler(depth)}, {1, sloppy}, {1, rc::gen::just(Json())}, {1, rc::gen::just(Json(5))}});
  const auto withSlots = [](Json s, std::initializer_list<std::pair<const char*, Json>> slots) {
    for (const auto& [key, h] : slots)
      if (!h.is_null()) s[key] = h;
    return s;
  };
  return rc::gen::weightedOneOf<Json>({
      {4, rc::gen::apply(
              [withSlots](int k, Json f, Json r) {
                return withSlots(Json{{"then", "#" + std::to_string(k)}}, {{"onFulfilled", f}, {"onRejected", r}});
              },
              rc::gen::inRange(0, 8), slot, slot)},
      {1, rc::gen::apply(
              [withSlots](int k, Json r) {
                return withSlots(Json{{"catch", "#" + std::to_string(k)}}, {{"onRejected", r}});
              },
              rc::gen::inRange(0, 8), slot)},
      {1, rc::gen::apply(
              [withSlots](int k, Json f) {
                return withSlots(Json{{"finally", "#" + std::to_string(k)}}, {{"onFinally", f}});
              },
              rc::gen::inRange(0, 8), slot)},
  });
}

rc::Gen<Json> settlement(int depth) {
  const rc::Gen<Json> call = rc::gen::apply(
      [](bool resolve, int k, Json v, Json r) {
        return resolve ? Json{{"resolve", v}, {"of", "#" + std::to_string(k)}}
                       : Json{{"reject", r}, {"of", "#" + std::to_string(k)}};
      },
      rc::gen::arbitrary<bool>(), rc::gen::inRange(0, 4), settleValue(depth), rejectValue());
  return rc::gen::weightedOneOf<Json>({
      {3, call},
      {1, rc::gen::apply(
              [](int ms, Json c) {
                return Json{{"timer", ms}, {"do", Json::array({c})}};
              },
              delay(), call)},
      {1, rc::gen::map(call,
                       [](Json c) {
                         return Json{{"microtask", Json::array({c})}};
                       })},
  });
}

// A then for the objects `target` names: a method that calls its resolve/reject arguments or logs
// its this, a value, or an accessor whose getter logs or throws.
rc::Gen<Json> thenProperty(int depth, rc::Gen<std::string> target) {
  const rc::Gen<Json> thisLog = rc::gen::map(label(), [](Json l) {
    return Json{{"log", l}, {"value", Json{{"this", true}}}};
  });
  const rc::Gen<Json> method = rc::gen::map(
      upTo(3, rc::gen::weightedOneOf<Json>({{3, resolverCall(depth - 1)}, {1, thisLog}})), statementsToJson);
  const rc::Gen<Json> getter = rc::gen::oneOf(rc::gen::map(thisLog, [](Json s) { return Json::array({s}); }),
                                              rc::gen::map(plainValue(), [](Json v) {
                                                return Json::array({Json{{"throw", v}}});
                                              }));
  return rc::gen::weightedOneOf<Json>({
      {3, rc::gen::apply(
              [](std::string k, Json m) {
                return Json{{"set", k}, {"key", "then"}, {"method", m}};
              },
              target, method)},
      {1, rc::gen::apply(
              [](std::string k, Json v) {
                return Json{{"set", k}, {"key", "then"}, {"value", v}};
              },
              target, plainValue())},
      {2, rc::gen::apply(
              [](std::string k, Json g, Json m, bool withSetter, Json l) {
                Json d{{"define", k}, {"key", "then"}, {"getter", g}, {"method", m}};
                if (withSetter) d["setter"] = Json::array({Json{{"log", l}}});
                return d;
              },
              target, getter, method, rc::gen::arbitrary<bool>(), label())},
  });
}

rc::Gen<Json> ownThen(int depth) {
  return thenProperty(depth, rc::gen::map(rc::gen::inRange(0, 8), [](int k) { return "#" + std::to_string(k); }));
}

// A built-in changed for the rest of the program: a then on %Promise.prototype% or %Array.prototype%
// (as ownThen makes one), or %Promise%.resolve replaced by a function that returns its argument,
// returns nothing, or is no function, or behind a getter that logs or throws.
rc::Gen<Json> builtinChange(int depth) {
  const auto function = [](Json statement) { return Json{{"function", Json::array({statement})}}; };
  const rc::Gen<Json> resolveValue = rc::gen::weightedOneOf<Json>({
      {2, rc::gen::just(function(Json{{"return", Json{{"argument", true}}}}))},
      {1, rc::gen::map(label(),
                       [function](Json l) {
                         return function(Json{{"log", l}});
                       })},
      {1, scalar()},
  });
  const rc::Gen<Json> resolve = rc::gen::weightedOneOf<Json>({
      {3, rc::gen::map(resolveValue,
                       [](Json v) {
                         return Json{{"set", "%Promise%"}, {"key", "resolve"}, {"value", v}};
                       })},
      {1, rc::gen::apply(
              [](Json l, bool throws, Json v) {
                Json getter = Json::array({Json{{"log", l}, {"value", 0}}});
                if (throws) getter.push_back(Json{{"throw", l}});
                return Json{{"define", "%Promise%"}, {"key", "resolve"}, {"getter", getter}, {"value", v}};
              },
              label(), rc::gen::arbitrary<bool>(), resolveValue)},
  });
  return rc::gen::weightedOneOf<Json>({
      {2, resolve},
      {1, thenProperty(depth, rc::gen::element<std::string>("%Promise.prototype%", "%Array.prototype%"))},
  });
}

// A promise made iterable, test262's way: its own Symbol.iterator returns the promise itself (or
// something that is no iterator), its own next reports done at once (done being any truthy value),
// throws or returns a primitive, and its own return logs; or a combinator over such a promise.
// next never reports not done, so no loop runs forever.
rc::Gen<Json> customIterable(int depth) {
  const auto target = rc::gen::map(rc::gen::inRange(0, 8), [](int k) { return "#" + std::to_string(k); });
  const auto method = [](std::string k, const char* key, Json body) {
    return Json{{"set", std::move(k)}, {"key", key}, {"method", std::move(body)}};
  };
  // The ways a method of the protocol can go wrong: a primitive result, or a throw.
  const rc::Gen<Json> returnsAPrimitive = rc::gen::map(scalar(), [](Json v) {
    return Json::array({Json{{"return", v}}});
  });
  const rc::Gen<Json> throws = rc::gen::map(plainValue(), [](Json v) { return Json::array({Json{{"throw", v}}}); });
  const rc::Gen<Json> iteratorMethod = rc::gen::weightedOneOf<Json>({
      {4, rc::gen::just(Json::array({Json{{"return", Json{{"this", true}}}}}))},
      {1, returnsAPrimitive},
      {1, throws},
  });
  const rc::Gen<Json> truthy = rc::gen::element(Json(true), Json(1), Json("done"));
  const rc::Gen<Json> nextMethod = rc::gen::weightedOneOf<Json>({
      {3, rc::gen::apply(
              [](Json l, Json done, Json v) {
                return Json::array({Json{{"log", l}, {"value", Json{{"this", true}}}},
                                    Json{{"return", Json{{"object", Json{{"done", done}, {"value", v}}}}}}});
              },
              label(), truthy, settleValue(depth))},
      {1, returnsAPrimitive},
      {1, throws},
  });
  const rc::Gen<Json> returnMethod = rc::gen::map(label(), [](Json l) {
    return Json::array({Json{{"log", l}, {"value", 0}}, Json{{"return", Json{{"object", Json::object()}}}}});
  });
  const auto combinator = rc::gen::apply(
      [](std::string verb, int k) {
        return Json{{verb, Json{{"promise", "#" + std::to_string(k)}}}};
      },
      rc::gen::element<std::string>("all", "allSettled", "race", "any"), rc::gen::inRange(0, 8));
  return rc::gen::weightedOneOf<Json>({
      {2, rc::gen::apply([method](std::string k, Json b) { return method(k, "Symbol.iterator", b); }, target,
                         iteratorMethod)},
      {1, rc::gen::apply(
              [](std::string k, Json v) {
                return Json{{"set", k}, {"key", "Symbol.iterator"}, {"value", v}};
              },
              target, scalar())},
      {2, rc::gen::apply([method](std::string k, Json b) { return method(k, "next", b); }, target, nextMethod)},
      {1, rc::gen::apply([method](std::string k, Json b) { return method(k, "return", b); }, target, returnMethod)},
      {2, combinator},
  });
}

// Promise.prototype.then, catch or finally called on a promise, on another value (often a thenable)
// or on a primitive (a TypeError), with logging functions as arguments.
rc::Gen<Json> prototypeCall(int depth) {
  const auto function = [](Json l) { return Json{{"function", Json::array({Json{{"log", l}}})}}; };
  const rc::Gen<Json> receiver =
      rc::gen::weightedOneOf<Json>({{4, promiseRef()}, {2, settleValue(depth)}, {1, scalar()}});
  return rc::gen::apply(
      [function](std::string method, Json r, Json a, Json b) {
        return Json{{"callPrototype", method}, {"receiver", r}, {"args", Json::array({function(a), function(b)})}};
      },
      rc::gen::element<std::string>("then", "catch", "finally"), receiver, label(), label());
}

rc::Gen<Json> customConstructor() {
  // What C hands its executor: two logging functions, nothing, or values that are not functions.
  const auto function = [](Json l) { return Json{{"function", Json::array({Json{{"log", l}}})}}; };
  const rc::Gen<Json> executorCall = rc::gen::weightedOneOf<Json>({
      {4, rc::gen::apply(
              [function](Json a, Json b) {
                return Json{{"call", Json{{"argument", true}}}, {"args", Json::array({function(a), function(b)})}};
              },
              label(), label())},
      {1, rc::gen::just(Json{{"call", Json{{"argument", true}}}})},
      {1, rc::gen::map(scalar(),
                       [](Json v) {
                         return Json{{"call", Json{{"argument", true}}}, {"args", Json::array({v, v})}};
                       })},
  });
  const rc::Gen<Json> body =
      rc::gen::map(upTo(3, rc::gen::weightedOneOf<Json>({{4, executorCall},
                                                         {1, logStatement()},
                                                         {1, rc::gen::map(plainValue(),
                                                                          [](Json v) {
                                                                            return Json{{"throw", v}};
                                                                          })}})),
                   statementsToJson);
  return rc::gen::map(body, [](Json b) { return Json{{"customConstructor", "#ctor"}, {"body", b}}; });
}

// A class extending Promise "#ctor" (bindNames names it), logging before and after super: what then,
// finally, resolve and the combinators make with it shows each construction.
rc::Gen<Json> subclass() {
  return rc::gen::apply(
      [](Json before, bool logThis) {
        Json s{{"subclass", "#ctor"}, {"before", Json::array({Json{{"log", before}}})}};
        if (logThis) s["after"] = Json::array({Json{{"log", "this"}, {"value", Json{{"this", true}}}}});
        return s;
      },
      label(), rc::gen::arbitrary<bool>());
}

// C.resolve = a function returning its argument, or one that logs it (bindNames drops it before any C).
rc::Gen<Json> resolveOfConstructor() {
  const auto function = [](Json statement) { return Json{{"function", Json::array({statement})}}; };
  return rc::gen::element(
      Json{{"set", "#ctor"}, {"key", "resolve"}, {"value", function(Json{{"return", Json{{"argument", true}}}})}},
      Json{{"set", "#ctor"}, {"key", "resolve"}, {"value", function(Json{{"log", "d"}})}});
}

// The species a promise's then and finally make their promise with: a promise's own constructor (the
// latest custom constructor, or a value that is not one), or that constructor's Symbol.species
// (itself, or a value that is not a constructor). bindNames drops a "#ctor" statement before any C.
rc::Gen<Json> speciesChange() {
  const rc::Gen<Json> notAConstructor = rc::gen::weightedOneOf<Json>(
      {{2, scalar()}, {1, rc::gen::just(Json{{"undefined", true}})}, {1, rc::gen::just(Json(nullptr))}});
  const rc::Gen<Json> ctor = rc::gen::weightedOneOf<Json>({{3, rc::gen::just(Json{{"ref", "#ctor"}})},
                                                           {1, rc::gen::just(Json{{"ref", "%Promise%"}})},
                                                           {1, notAConstructor}});
  return rc::gen::weightedOneOf<Json>({
      {3, rc::gen::apply(
              [](int k, Json v) {
                return Json{{"set", "#" + std::to_string(k)}, {"key", "constructor"}, {"value", v}};
              },
              rc::gen::inRange(0, 8), ctor)},
      {2, rc::gen::map(ctor,
                       [](Json v) {
                         return Json{{"set", "#ctor"}, {"key", "Symbol.species"}, {"value", v}};
                       })},
  });
}

// A static method on the latest custom constructor (bindNames drops "on" when there is none).
rc::Gen<Json> staticOnConstructor(int depth) {
  return rc::gen::map(creation(depth), [](Json s) {
    if (s.contains("new") || s.contains("async") || s.contains("deferred")) return s;
    s["on"] = Json{{"ref", "#ctor"}};
    return s;
  });
}

// An async generator "#gen" (bindNames names it): awaits, yields and logs (after a yield, of the value
// next sent), ended by a return, a throw or nothing.
rc::Gen<Json> asyncGenerator(int depth) {
  const auto with = [](const char* verb) { return [verb](Json v) { return Json{{verb, v}}; }; };
  const rc::Gen<Json> step = rc::gen::weightedOneOf<Json>({{2, rc::gen::map(settleValue(depth), with("await"))},
                                                           {3, rc::gen::map(settleValue(depth), with("yield"))},
                                                           {2, logStatement()}});
  const rc::Gen<Json> ending =
      rc::gen::oneOf(rc::gen::map(settleValue(depth), with("return")), rc::gen::map(plainValue(), with("throw")));
  return rc::gen::map(bodyOf(step, ending, 4), [](Json b) { return Json{{"asyncGenerator", "#gen"}, {"body", b}}; });
}

// next, return or throw on the latest async generator (bindNames drops it while there is none), with
// a value or none; now and then on a value that is no generator.
rc::Gen<Json> generatorRequest(int depth) {
  const rc::Gen<Json> receiver =
      rc::gen::weightedOneOf<Json>({{6, rc::gen::just(Json{{"ref", "#gen"}})}, {1, scalar()}});
  return rc::gen::apply(
      [](Json r, std::string method, Json v, bool withValue) {
        Json s{{"resume", r}, {"with", method}};
        if (withValue) s["value"] = v;
        return s;
      },
      receiver, rc::gen::element<std::string>("next", "next", "return", "throw"), settleValue(depth),
      rc::gen::arbitrary<bool>());
}

// Logs whether two values are one (Object.is): two earlier promises (often the same one, as "#k"
// picks modulo the names bound), or a value and itself.
rc::Gen<Json> sameValueLog() {
  const rc::Gen<Json> operand = rc::gen::weightedOneOf<Json>({{3, promiseRef()}, {1, scalar()}});
  return rc::gen::apply(
      [](Json l, Json a, Json b) {
        return Json{{"log", l}, {"value", Json{{"sameValue", Json::array({a, b})}}}};
      },
      label(), operand, operand);
}

// Any top-level statement.
rc::Gen<Json> rawStatement(int depth) {
  return rc::gen::weightedOneOf<Json>({{4, creation(depth)},
                                       {5, reaction(depth)},
                                       {3, settlement(depth)},
                                       {1, logStatement()},
                                       {1, ownThen(depth)},
                                       {1, builtinChange(depth)},
                                       {1, customIterable(depth)},
                                       {1, prototypeCall(depth)},
                                       {1, customConstructor()},
                                       {1, subclass()},
                                       {1, sameValueLog()},
                                       {1, resolveOfConstructor()},
                                       {1, speciesChange()},
                                       {1, staticOnConstructor(depth)},
                                       {1, asyncGenerator(depth)},
                                       {3, generatorRequest(depth)}});
}

rc::Gen<Json> programOfDepth(int depth) {
  return rc::gen::map(rc::gen::apply(
                          [](Json first, Body rest) {
                            rest.insert(rest.begin(), std::move(first));
                            return Json(std::move(rest));
                          },
                          creation(depth), rc::gen::scale(0.3, rc::gen::container<Body>(rawStatement(depth)))),
                      bindNames);
}

rc::Gen<Json> program() {
  // Building the generator tree costs more than using it, so each depth's is built once.
  static const rc::Gen<Json> byDepth[] = {programOfDepth(0), programOfDepth(1), programOfDepth(2)};
  return rc::gen::withSize([](int size) { return byDepth[depthFor(size)]; });
}

}  // namespace pc::gen
