// libFuzzer target: the templates stage. The input is up to three Mustache templates separated
// by lines "=====": the page ("page.mustache") and the partials "a" and "b" ({{> a}}). The page is
// rendered with fixed data that has every kind of value: text (with HTML characters), an empty
// text, flags, lists (empty, of objects, of texts) and nested objects.

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "templates/templates.h"

namespace {

using jv::templates::Context;

const Context& Data() {
  static const Context data = [] {
    Context items = Context::List();
    items.Push(Context().Set("name", "een & <twee>").Set("html", "<b>vet</b>").Set("flag", true));
    items.Push(Context().Set("name", "drie").Set("html", "").Set("flag", false)
                   .Set("sub", Context::List().Push("x").Push("y")));
    Context words = Context::List();
    words.Push("alfa").Push("\"beta\"").Push("");
    Context t;
    t.Set("title", "Titel").Set("close", "Sluiten").Set("empty_text", "");
    return Context()
        .Set("title", "Jaarverslag <2023> & \"meer\"")
        .Set("subtitle", "")
        .Set("html", "<p>klaar</p>")
        .Set("yes", true)
        .Set("no", false)
        .Set("items", items)
        .Set("words", words)
        .Set("none", Context::List())
        .Set("t", t)
        .Set("page", Context().Set("title", "Pagina").Set("depth", "../").Set("t", t));
  }();
  return data;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 16 * 1024) return -1;  // larger templates only slow the search down
  std::string input(reinterpret_cast<const char*>(data), size);
  const char* names[] = {"page.mustache", "partials/a.mustache", "partials/b.mustache"};
  std::map<std::string, std::string> files;
  size_t pos = 0;
  for (size_t i = 0; i < 3 && pos <= input.size(); ++i) {
    size_t end = i == 2 ? std::string::npos : input.find("\n=====\n", pos);
    files[names[i]] = input.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? input.size() + 1 : end + 7;
  }
  jv::templates::TemplateSet set("templates", files);
  jv::Result<std::string> out = set.Render("page.mustache", Data());
  if (!out.ok()) (void)out.status().ToString();
  return 0;
}
