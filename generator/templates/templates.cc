#include "templates/templates.h"

#include <kainjow/mustache.hpp>

#include "base/text.h"

#include <algorithm>
#include <mutex>
#include <string_view>
#include <unordered_set>
#include <optional>
#include <regex>
#include <set>

namespace jv::templates {
namespace km = kainjow::mustache;

Context& Context::Set(const std::string& key, Context value) {
  if (!std::holds_alternative<Object>(value_)) value_ = Object{};
  std::get<Object>(value_)[key] = std::move(value);
  return *this;
}

Context& Context::Push(Context value) {
  if (!std::holds_alternative<ListType>(value_)) value_ = ListType{};
  std::get<ListType>(value_).push_back(std::move(value));
  return *this;
}

bool Context::empty_list() const {
  return std::holds_alternative<ListType>(value()) && std::get<ListType>(value()).empty();
}

namespace {

// Names in a page's data or a template's tags; they point into the data or the template set,
// which outlive their use.
using Names = std::unordered_set<std::string_view>;

// The data as kainjow takes it, without the fields no tag of the template names (`used`: every
// part of every tag's dotted name): Mustache only ever looks a value up by such a name, so
// they cannot change the page, and copying them (every page and block carries all fixed texts)
// cost more than rendering.
km::data ToData(const Context& context, const Names& used) {
  struct Visitor {
    const Names& used;
    // An empty text is false, so {{#subtitle}}…{{/subtitle}} leaves out an empty subtitle.
    km::data operator()(const std::string& text) const {
      return text.empty() ? km::data(km::data::type::bool_false) : km::data(text);
    }
    km::data operator()(bool flag) const { return flag ? km::data::type::bool_true : km::data::type::bool_false; }
    km::data operator()(const Context::ListType& list) const {
      km::data out = km::data::type::list;
      for (const Context& item : list) out.push_back(ToData(item, used));
      return out;
    }
    km::data operator()(const Context::Object& object) const {
      km::data out = km::data::type::object;
      for (const auto& [key, value] : object) {
        if (used.count(key)) out.set(key, ToData(value, used));
      }
      return out;
    }
    km::data operator()(const std::shared_ptr<const Context>& shared) const { return ToData(*shared, used); }
  };
  return std::visit(Visitor{used}, context.value());
}

// True when a section over `value` renders its content at least once.
bool Renders(const Context& value) {
  if (auto* flag = std::get_if<bool>(&value.value())) return *flag;
  if (auto* list = std::get_if<Context::ListType>(&value.value())) return !list->empty();
  if (auto* text = std::get_if<std::string>(&value.value())) return !text->empty();
  return true;
}

// `keys`: every name in the data that the template uses (`used`). `live`: those of them whose
// section renders somewhere; names inside a section that never renders cannot be checked (an
// empty list carries no field names).
void CollectKeys(const Context& context, const Names& used, Names* keys, Names* live) {
  if (auto* object = std::get_if<Context::Object>(&context.value())) {
    for (const auto& [key, value] : *object) {
      if (used.count(key)) {
        keys->insert(key);
        if (Renders(value)) live->insert(key);
      }
      CollectKeys(value, used, keys, live);
    }
  } else if (auto* list = std::get_if<Context::ListType>(&context.value())) {
    for (const Context& item : *list) CollectKeys(item, used, keys, live);
  }
}


// kainjow reports "Unclosed tag at 123": turn the offset into line:column.
Location ErrorLocation(const std::string& file, const std::string& text, const std::string& message) {
  std::smatch match;
  static const std::regex at(" at ([0-9]+)");
  if (std::regex_search(message, match, at)) {
    auto [line, column] = LineColumnAt(text, std::stoul(match[1]));
    return {file, line, column};
  }
  return {file, 0, 0};
}

}  // namespace

// The tags of one template file, found once when the set is made: checking a page's data
// against them is then a walk over a short list.
struct TemplateSet::Tags {
  struct Tag {
    std::string sigil, name, last;  // last: the name after its final '.'
    int line, column;
  };
  std::vector<Tag> tags;
  /// Where the file changes the tag delimiters ({{=...=}}), if it does.
  std::optional<std::pair<int, int>> delimiters;
};

std::shared_ptr<const TemplateSet::Tags> TemplateSet::FindTags(const std::string& text) {
  auto tags = std::make_shared<Tags>();
  for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 1)) {
    size_t first = text.find_first_not_of(" \t\r\n", open + 2);
    if (first != std::string::npos && text[first] == '=') {
      tags->delimiters = LineColumnAt(text, open);
      return tags;
    }
  }
  static const std::regex tag(R"(\{\{\{?\s*([#^/&>!]?)\s*([^}\s]+)\s*\}?\}\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
    std::string sigil = (*it)[1], name = (*it)[2];
    auto [line, column] = LineColumnAt(text, static_cast<size_t>(it->position()));
    std::string last = name.substr(name.rfind('.') + 1);
    tags->tags.push_back({std::move(sigil), std::move(name), std::move(last), line, column});
  }
  return tags;
}

// Every {{name}}, {{#name}}, {{^name}}, {{{name}}} and {{&name}} must be a key somewhere in the
// data, and every {{> partial}} must exist: a typo would otherwise print nothing. A partial
// that includes itself, directly or through others, is an error: Mustache would expand it
// forever (and overflow the stack). `including` is the chain of partials being checked.
// Changing the delimiters ({{=<% %>=}}) is an error too: the tags after it, partials among
// them, would escape these checks.
void TemplateSet::CheckNames(const std::string& file, const Tags& tags, const Names& keys,
                             const Names& live, std::set<std::string>* visited,
                             std::vector<std::string>* including, std::vector<Diagnostic>* out) const {
  if (tags.delimiters) {
    out->push_back({Diagnostic::Severity::kError, {file, tags.delimiters->first, tags.delimiters->second},
                    "changing the tag delimiters ({{=...=}}) is not supported"});
    return;
  }
  int dead_depth = 0;  // sections entered whose content never renders
  std::vector<bool> section_dead;
  for (const Tags::Tag& tag : tags.tags) {
    const std::string& sigil = tag.sigil;
    const std::string& name = tag.name;
    if (sigil == "/") {
      if (!section_dead.empty()) {
        dead_depth -= section_dead.back();
        section_dead.pop_back();
      }
      continue;
    }
    bool inside_dead_section = dead_depth > 0;
    if (sigil == "#" || sigil == "^") {
      bool dead = sigil == "#" && keys.count(tag.last) && !live.count(tag.last);
      section_dead.push_back(dead);
      dead_depth += dead;
    }
    if (sigil == "!" || name == "." || inside_dead_section) continue;
    if (sigil == ">") {
      auto partial = partials_.find(name);
      auto cycle = std::find(including->begin(), including->end(), name);
      if (partial == partials_.end()) {
        out->push_back({Diagnostic::Severity::kError, {file, tag.line, tag.column}, "unknown partial '" + name + "'"});
      } else if (cycle != including->end()) {
        std::string chain;
        for (auto it = cycle; it != including->end(); ++it) chain += *it + " -> ";
        out->push_back({Diagnostic::Severity::kError, {file, tag.line, tag.column},
                        "partial '" + name + "' includes itself (" + chain + name +
                            "): recursive partials are not supported"});
      } else if (visited->insert(name).second) {
        including->push_back(name);
        CheckNames(root_ + "/partials/" + name + ".mustache", *partial_tags_.at(name), keys, live, visited,
                   including, out);
        including->pop_back();
      }
      continue;
    }
    if (!keys.count(tag.last)) {
      out->push_back({Diagnostic::Severity::kError, {file, tag.line, tag.column},
                      "the template uses '" + name + "', which the page data does not have"});
    }
  }
}

struct TemplateSet::Pool {
  std::mutex mutex;
  std::map<std::string, std::vector<std::unique_ptr<km::mustache>>> parsed;  // by template name
};

TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(TemplateSet&&) noexcept = default;
TemplateSet& TemplateSet::operator=(TemplateSet&&) noexcept = default;

TemplateSet::TemplateSet(std::string root, const std::map<std::string, std::string>& files)
    : root_(std::move(root)), pool_(std::make_unique<Pool>()) {
  const std::string suffix = ".mustache";
  for (const auto& [path, text] : files) {
    if (path.size() <= suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    if (path.rfind("partials/", 0) == 0) {
      std::string name = path.substr(9, path.size() - 9 - suffix.size());
      partials_[name] = text;
      partial_tags_[name] = FindTags(text);
    } else {
      templates_[path] = text;
      template_tags_[path] = FindTags(text);
    }
  }
  // Any template may include any partial.
  Names in_partials;
  for (const auto& [partial, tags] : partial_tags_) AddNames(*tags, &in_partials);
  for (const auto& [path, tags] : template_tags_) {
    Names& used = used_names_[path];
    used = in_partials;
    AddNames(*tags, &used);
  }
}

// Every part of every tag's dotted name ("t.download_csv": "t" and "download_csv").
void TemplateSet::AddNames(const Tags& tags, Names* names) {
  for (const Tags::Tag& tag : tags.tags) {
    std::string_view name = tag.name;
    for (size_t dot; (dot = name.find('.')) != std::string_view::npos; name.remove_prefix(dot + 1)) {
      names->insert(name.substr(0, dot));
    }
    names->insert(name);
  }
}

Result<std::string> TemplateSet::Render(const std::string& name, const Context& context) const {
  auto found = templates_.find(name);
  if (found == templates_.end()) {
    return Status::Error({root_ + "/" + name, 0, 0}, "template not found");
  }
  const Names& used = used_names_.at(name);
  Names keys, live;
  CollectKeys(context, used, &keys, &live);
  std::vector<Diagnostic> problems;
  std::set<std::string> visited;
  std::vector<std::string> including;
  CheckNames(root_ + "/" + name, *template_tags_.at(name), keys, live, &visited, &including, &problems);
  if (!problems.empty()) return Status::FromDiagnostics(std::move(problems));

  km::data data = ToData(context, used);
  for (const auto& [partial, text] : partials_) {
    const std::string* shared = &text;  // the set outlives every render
    data.set(partial, km::partial([shared] { return *shared; }));
  }
  // A parsed template renders one page at a time: take one from the pool (or parse one), give
  // it back when done. Parsing once per thread instead of once per page.
  std::unique_ptr<km::mustache> tmpl;
  {
    std::lock_guard<std::mutex> lock(pool_->mutex);
    auto& free = pool_->parsed[name];
    if (!free.empty()) {
      tmpl = std::move(free.back());
      free.pop_back();
    }
  }
  if (!tmpl) tmpl = std::make_unique<km::mustache>(found->second);
  if (!tmpl->is_valid()) {
    return Status::Error(ErrorLocation(root_ + "/" + name, found->second, tmpl->error_message()),
                         "template error: " + tmpl->error_message());
  }
  std::string out = tmpl->render(data);
  if (!tmpl->is_valid()) {
    return Status::Error({root_ + "/" + name, 0, 0}, "template error: " + tmpl->error_message());
  }
  std::lock_guard<std::mutex> lock(pool_->mutex);
  pool_->parsed[name].push_back(std::move(tmpl));
  return out;
}

}  // namespace jv::templates
