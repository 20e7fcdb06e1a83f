#pragma once
// The templates stage: fills Mustache templates (kainjow) with plain data. Templates never
// compute; they only place what the site stage prepared. Values are HTML-escaped unless a
// template uses {{{triple}}} braces, which are reserved for HTML this generator produced.

#include <map>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_set>
#include <string>
#include <variant>
#include <vector>

#include "base/status.h"

namespace jv::templates {

/// A value for a template: text, a flag, a list or an object of named values. An empty text
/// counts as false in a section, as an empty list does.
class Context {
 public:
  Context() : value_(Object{}) {}
  Context(std::string text) : value_(std::move(text)) {}  // NOLINT: implicit on purpose
  Context(const char* text) : value_(std::string(text)) {}  // NOLINT
  Context(bool flag) : value_(flag) {}                     // NOLINT
  static Context List() { Context c; c.value_ = ListType{}; return c; }
  /// A read-only value shared by many contexts (e.g. the fixed texts every page carries):
  /// copying it copies a pointer. Set and Push on it replace it.
  static Context Shared(Context value) {
    Context c;
    c.value_ = std::make_shared<const Context>(std::move(value));
    return c;
  }

  /// Sets a named value on an object; returns *this for chaining.
  Context& Set(const std::string& key, Context value);
  /// Appends to a list.
  Context& Push(Context value);
  bool empty_list() const;

  using ListType = std::vector<Context>;
  using Object = std::map<std::string, Context>;
  using Variant = std::variant<std::string, bool, ListType, Object, std::shared_ptr<const Context>>;
  /// The value, looking through shared values.
  const Variant& value() const {
    if (auto* shared = std::get_if<std::shared_ptr<const Context>>(&value_)) return (*shared)->value();
    return value_;
  }

 private:
  Variant value_;
};

/// A set of templates: pages (e.g. "page.mustache") and partials ("partials/x.mustache",
/// used as {{> x}}).
class TemplateSet {
 public:
  /// `files` maps paths relative to the templates folder to their text; `root` is shown in
  /// messages. Files ending in .mustache are templates; others are ignored here.
  TemplateSet(std::string root, const std::map<std::string, std::string>& files);
  ~TemplateSet();
  TemplateSet(TemplateSet&&) noexcept;
  TemplateSet& operator=(TemplateSet&&) noexcept;

  /// Renders template `name` ("page.mustache"). Errors name the template file, line and
  /// column: syntax errors, and names the template uses that the data does not have anywhere
  /// (Mustache itself would silently print nothing).
  Result<std::string> Render(const std::string& name, const Context& context) const;

  bool Has(const std::string& name) const { return templates_.count(name) > 0; }

 private:
  struct Tags;
  static std::shared_ptr<const Tags> FindTags(const std::string& text);
  using Names = std::unordered_set<std::string_view>;
  void CheckNames(const std::string& file, const Tags& tags, const Names& keys,
                  const Names& live, std::set<std::string>* visited,
                  std::vector<std::string>* including, std::vector<Diagnostic>* out) const;

  std::string root_;
  std::map<std::string, std::string> templates_;
  std::map<std::string, std::string> partials_;
  // Tags of each template and partial, found once.
  std::map<std::string, std::shared_ptr<const Tags>> template_tags_, partial_tags_;
  static void AddNames(const Tags& tags, Names* names);
  // Of each template: every name its tags and those of the partials use (they point into the
  // tags above). Data under other names cannot show on the page.
  std::map<std::string, Names> used_names_;
  // Parsed templates ready for reuse; Render may run on several threads at once.
  struct Pool;
  std::unique_ptr<Pool> pool_;
};

}  // namespace jv::templates
