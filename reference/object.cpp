#include "reference/object.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <new>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace pc::es {

const std::vector<Property>& Object::properties() const {
  static const std::vector<Property> none;
  return properties_ ? *properties_ : none;
}

const Property* Object::findOwn(std::string_view key) const {
  for (const Property& p : properties())
    if (p.key == key) return &p;
  return nullptr;
}

Property& Object::ownSlot(std::string&& key) {
  if (!properties_) properties_ = std::make_unique<std::vector<Property>>();
  for (Property& p : *properties_)
    if (p.key == key) return p;
  return properties_->emplace_back(Property{std::move(key), Undefined{}, nullptr});
}

void Object::set(std::string key, Value value) {
  Property& p = ownSlot(std::move(key));
  p.value = std::move(value);
  p.getter = nullptr;
  p.setter = nullptr;
}

void Object::defineBuiltinMethod(std::string key, Object* method) {
  Property& p = ownSlot(std::move(key));
  p.value = method;
  p.enumerable = false;
}

void Object::defineBuiltinGetter(std::string key, Object* getter) {
  Property& p = ownSlot(std::move(key));
  p.value = Undefined{};
  p.getter = getter;
  p.setter = nullptr;
  p.enumerable = false;
}

void Object::defineGetter(std::string key, Object* getter) { defineAccessor(std::move(key), getter, nullptr); }

void Object::defineAccessor(std::string key, Object* getter, Object* setter) {
  // ValidateAndApplyPropertyDescriptor (10.1.6.3): on an accessor, a function the descriptor lacks
  // keeps its current value; a data property becomes an accessor whose absent functions are undefined.
  Property& p = ownSlot(std::move(key));
  const bool wasAccessor = p.isAccessor();
  p.value = Undefined{};
  p.enumerable = true;
  if (getter != nullptr || !wasAccessor) p.getter = getter;
  if (setter != nullptr || !wasAccessor) p.setter = setter;
}

void PromiseReactionLists::append(Heap& heap, const PromiseReaction& fulfillReaction,
                                  const PromiseReaction& rejectReaction) {
  Link* link =
      heap.makeRecord<Link>(fulfillReaction.capability, fulfillReaction.handler, rejectReaction.handler, nullptr);
  link->next = last_ ? last_->next : link;  // the new last link leads to the first
  if (last_) last_->next = link;
  last_ = link;
}

PromiseReaction PromiseReactionLists::reactionOf(const Link& link, ReactionType type) {
  return {link.capability, type, type == ReactionType::Fulfill ? link.onFulfilled : link.onRejected};
}

PromiseReaction PromiseReactionLists::List::at(std::size_t i) const {
  iterator it = begin();
  for (; i > 0; --i) ++it;
  return *it;
}

namespace {
constexpr std::size_t kFirstBlockSize = 64 * 1024, kLargestBlockSize = 16 * 1024 * 1024;
constexpr std::size_t kHugePage = 2 * 1024 * 1024;
}  // namespace

// A large block is aligned on a huge page and offered to the kernel for huge pages: a million
// promises then cost a few hundred page faults instead of some fifty thousand.
Heap::Arena::Block Heap::Arena::allocate(std::size_t size) {
  const bool large = size >= kHugePage;
  const std::size_t alignment = large ? kHugePage : alignof(std::max_align_t);
  void* block = std::aligned_alloc(alignment, (size + alignment - 1) / alignment * alignment);
  if (!block) throw std::bad_alloc();
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (large) madvise(block, size, MADV_HUGEPAGE);  // only advice: without it the block is the same
#endif
  return Block(static_cast<std::byte*>(block));
}

void Heap::Arena::FreeBlock::operator()(std::byte* block) const { std::free(block); }

void* Heap::Arena::reserve(std::size_t size, std::size_t alignment) {
  auto aligned = [&](std::byte* p) {
    const auto address = reinterpret_cast<std::uintptr_t>(p);
    return reinterpret_cast<std::byte*>((address + alignment - 1) & ~(alignment - 1));
  };
  if (!free_ || aligned(free_) + size > end_) {
    if (!blocks_.empty()) blocks_.back().second = free_;
    blockSize_ = blocks_.empty() ? kFirstBlockSize : std::min(2 * blockSize_, kLargestBlockSize);
    const std::size_t blockSize = std::max(blockSize_, size + alignment);
    // Not zeroed: every object is constructed in place.
    blocks_.emplace_back(allocate(blockSize), nullptr);
    free_ = blocks_.back().first.get();
    end_ = free_ + blockSize;
  }
  free_ = aligned(free_);
  return free_;
}

const Object* Heap::next(Position& position) const {
  // Each object starts where the one before ends: make places them with no gap, all having the
  // alignment of Object. The position stays in the last block, where later objects will be made.
  const auto& blocks = objects_.blocks_;
  for (; position.block < blocks.size(); ++position.block, position.offset = 0) {
    const bool last = position.block + 1 == blocks.size();
    std::byte* begin = blocks[position.block].first.get();
    std::byte* end = last ? objects_.free_ : blocks[position.block].second;
    if (begin + position.offset < end) {
      const Object* object = std::launder(reinterpret_cast<const Object*>(begin + position.offset));
      position.offset += object->size_;
      return object;
    }
    if (last) break;
  }
  return nullptr;
}

void Heap::makeFree(Object* place, std::size_t size) {
  FreePlace*& first = free_[size / alignof(Object)];
  first = new (place) FreePlace(first);
  first->size_ = static_cast<std::uint16_t>(size);
}

// Only between jobs, so no discarded object is still on the stack; one too large or too small for
// the lists stays as it is until the heap dies.
void Heap::reuseDiscardedPlaces() {
  for (Object* object : discarded_) {
    const std::size_t size = object->size_;
    if (!reusable(size)) continue;
    object->~Object();
    makeFree(object, size);
  }
  discarded_.clear();
}

Heap::~Heap() {
  // Every object, in the order it was made.
  Position position;
  while (const Object* object = next(position)) const_cast<Object*>(object)->~Object();
}

}  // namespace pc::es
