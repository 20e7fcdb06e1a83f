#include "templates/templates.h"

#include <kainjow/mustache.hpp>

#include "base/text.h"

#include <algorithm>
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
  return std::holds_alternative<ListType>(value_) && std::get<ListType>(value_).empty();
}

namespace {

km::data ToData(const Context& context) {
  struct Visitor {
    // An empty text is false, so {{#subtitle}}…{{/subtitle}} leaves out an empty subtitle.
    km::data operator()(const std::string& text) const {
      return text.empty() ? km::data(km::data::type::bool_false) : km::data(text);
    }
    km::data operator()(bool flag) const { return flag ? km::data::type::bool_true : km::data::type::bool_false; }
    km::data operator()(const Context::ListType& list) const {
      km::data out = km::data::type::list;
      for (const Context& item : list) out.push_back(ToData(item));
      return out;
    }
    km::data operator()(const Context::Object& object) const {
      km::data out = km::data::type::object;
      for (const auto& [key, value] : object) out.set(key, ToData(value));
      return out;
    }
  };
  return std::visit(Visitor{}, context.value());
}

// True when a section over `value` renders its content at least once.
bool Renders(const Context& value) {
  if (auto* flag = std::get_if<bool>(&value.value())) return *flag;
  if (auto* list = std::get_if<Context::ListType>(&value.value())) return !list->empty();
  if (auto* text = std::get_if<std::string>(&value.value())) return !text->empty();
  return true;
}

// `keys`: every name in the data. `live`: names whose section renders somewhere; names inside
// a section that never renders cannot be checked (an empty list carries no field names).
void CollectKeys(const Context& context, std::set<std::string>* keys, std::set<std::string>* live) {
  if (auto* object = std::get_if<Context::Object>(&context.value())) {
    for (const auto& [key, value] : *object) {
      keys->insert(key);
      if (Renders(value)) live->insert(key);
      CollectKeys(value, keys, live);
    }
  } else if (auto* list = std::get_if<Context::ListType>(&context.value())) {
    for (const Context& item : *list) CollectKeys(item, keys, live);
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

// Every {{name}}, {{#name}}, {{^name}}, {{{name}}} and {{&name}} must be a key somewhere in the
// data, and every {{> partial}} must exist: a typo would otherwise print nothing. A partial
// that includes itself, directly or through others, is an error: Mustache would expand it
// forever (and overflow the stack). `including` is the chain of partials being checked.
// Changing the delimiters ({{=<% %>=}}) is an error too: the tags after it, partials among
// them, would escape these checks.
void CheckNames(const std::string& root, const std::string& file, const std::string& text,
                const std::set<std::string>& keys, const std::set<std::string>& live,
                const std::map<std::string, std::string>& partials, std::set<std::string>* visited,
                std::vector<std::string>* including, std::vector<Diagnostic>* out) {
  for (size_t open = text.find("{{"); open != std::string::npos; open = text.find("{{", open + 1)) {
    size_t first = text.find_first_not_of(" \t\r\n", open + 2);
    if (first != std::string::npos && text[first] == '=') {
      auto [line, column] = LineColumnAt(text, open);
      out->push_back({Diagnostic::Severity::kError, {file, line, column},
                      "changing the tag delimiters ({{=...=}}) is not supported"});
      return;
    }
  }
  static const std::regex tag(R"(\{\{\{?\s*([#^/&>!]?)\s*([^}\s]+)\s*\}?\}\})");
  int dead_depth = 0;  // sections entered whose content never renders
  std::vector<bool> section_dead;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), tag); it != std::sregex_iterator(); ++it) {
    std::string sigil = (*it)[1], name = (*it)[2];
    if (sigil == "/") {
      if (!section_dead.empty()) {
        dead_depth -= section_dead.back();
        section_dead.pop_back();
      }
      continue;
    }
    bool inside_dead_section = dead_depth > 0;
    if (sigil == "#" || sigil == "^") {
      std::string last = name.substr(name.rfind('.') + 1);
      bool dead = sigil == "#" && keys.count(last) && !live.count(last);
      section_dead.push_back(dead);
      dead_depth += dead;
    }
    if (sigil == "!" || name == "." || inside_dead_section) continue;
    auto [line, column] = LineColumnAt(text, static_cast<size_t>(it->position()));
    if (sigil == ">") {
      auto partial = partials.find(name);
      auto cycle = std::find(including->begin(), including->end(), name);
      if (partial == partials.end()) {
        out->push_back({Diagnostic::Severity::kError, {file, line, column}, "unknown partial '" + name + "'"});
      } else if (cycle != including->end()) {
        std::string chain;
        for (auto it = cycle; it != including->end(); ++it) chain += *it + " -> ";
        out->push_back({Diagnostic::Severity::kError, {file, line, column},
                        "partial '" + name + "' includes itself (" + chain + name +
                            "): recursive partials are not supported"});
      } else if (visited->insert(name).second) {
        including->push_back(name);
        CheckNames(root, root + "/partials/" + name + ".mustache", partial->second, keys, live,
                   partials, visited, including, out);
        including->pop_back();
      }
      continue;
    }
    std::string last = name.substr(name.rfind('.') + 1);
    if (!keys.count(last)) {
      out->push_back({Diagnostic::Severity::kError, {file, line, column},
                      "the template uses '" + name + "', which the page data does not have"});
    }
  }
}

}  // namespace

TemplateSet::TemplateSet(std::string root, const std::map<std::string, std::string>& files)
    : root_(std::move(root)) {
  const std::string suffix = ".mustache";
  for (const auto& [path, text] : files) {
    if (path.size() <= suffix.size() || path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    if (path.rfind("partials/", 0) == 0) {
      partials_[path.substr(9, path.size() - 9 - suffix.size())] = text;
    } else {
      templates_[path] = text;
    }
  }
}

Result<std::string> TemplateSet::Render(const std::string& name, const Context& context) const {
  auto found = templates_.find(name);
  if (found == templates_.end()) {
    return Status::Error({root_ + "/" + name, 0, 0}, "template not found");
  }
  std::set<std::string> keys, live;
  CollectKeys(context, &keys, &live);
  std::vector<Diagnostic> problems;
  std::set<std::string> visited;
  std::vector<std::string> including;
  CheckNames(root_, root_ + "/" + name, found->second, keys, live, partials_, &visited, &including,
             &problems);
  if (!problems.empty()) return Status::FromDiagnostics(std::move(problems));

  km::data data = ToData(context);
  for (const auto& [partial, text] : partials_) {
    std::string copy = text;
    data.set(partial, km::partial([copy] { return copy; }));
  }
  km::mustache tmpl(found->second);
  if (!tmpl.is_valid()) {
    return Status::Error(ErrorLocation(root_ + "/" + name, found->second, tmpl.error_message()),
                         "template error: " + tmpl.error_message());
  }
  std::string out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    return Status::Error({root_ + "/" + name, 0, 0}, "template error: " + tmpl.error_message());
  }
  return out;
}

}  // namespace jv::templates
