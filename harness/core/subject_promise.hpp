#pragma once
// A promise of a subject other than the reference (a library's future, say), wrapped as a
// JavaScript object so that cases can name it and pass it around. To the model it is an ordinary
// object without properties; value encoding writes it as a promise, like the model's own.
#include "reference/object.hpp"

namespace pc {

class SubjectPromise : public es::Object {
 public:
  SubjectPromise() : es::Object(es::ObjectKind::Ordinary) {}
};

// Whether `o` is a subject's promise.
inline bool isSubjectPromise(const es::Object* o) { return dynamic_cast<const SubjectPromise*>(o) != nullptr; }

}  // namespace pc
