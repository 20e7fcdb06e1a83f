#include <catch2/catch.hpp>

#include "templates/templates.h"

using jv::templates::Context;
using jv::templates::TemplateSet;

TEST_CASE("Templates escape values and keep triple-brace HTML", "[templates]") {
  TemplateSet set("t", {{"page.mustache", "<h1>{{title}}</h1>{{{html}}}{{#items}}[{{name}}]{{/items}}"}});
  Context items = Context::List();
  items.Push(Context().Set("name", "a&b"));
  auto out = set.Render("page.mustache", Context().Set("title", "<script>").Set("html", "<p>ok</p>").Set("items", items));
  REQUIRE(out.ok());
  CHECK(*out == "<h1>&lt;script&gt;</h1><p>ok</p>[a&amp;b]");
}

TEST_CASE("A name the data lacks is an error with line and column", "[templates]") {
  TemplateSet set("templates", {{"page.mustache", "<h1>{{title}}</h1>\n<p>{{titel}}</p>"}});
  auto out = set.Render("page.mustache", Context().Set("title", "x"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().ToString() ==
        "templates/page.mustache:2:4: error: the template uses 'titel', which the page data does not have\n");
}

TEST_CASE("Names inside a section over an empty list are not checked", "[templates]") {
  TemplateSet set("t", {{"p.mustache", "{{#toc}}<a href=\"#{{anchor}}\">{{text}}</a>{{/toc}}{{title}}"}});
  auto out = set.Render("p.mustache", Context().Set("toc", Context::List()).Set("title", "x"));
  REQUIRE(out.ok());
  CHECK(*out == "x");
}

TEST_CASE("Template syntax errors and missing partials are reported", "[templates]") {
  TemplateSet set("t", {{"a.mustache", "line\n{{#open}}x"}, {"b.mustache", "{{> nothing}}"},
                        {"partials/part.mustache", "<b>{{name}}</b>"}, {"c.mustache", "{{> part}}"}});
  auto a = set.Render("a.mustache", Context().Set("open", true));
  INFO((a.ok() ? std::string("ok") : a.status().ToString()));
  REQUIRE_FALSE(a.ok());
  CHECK(a.status().ToString().find("t/a.mustache:2:1: error: template error: Unclosed section") == 0);
  auto b = set.Render("b.mustache", Context());
  REQUIRE_FALSE(b.ok());
  CHECK(b.status().ToString().find("unknown partial 'nothing'") != std::string::npos);
  auto c = set.Render("c.mustache", Context().Set("name", "n"));
  REQUIRE(c.ok());
  CHECK(*c == "<b>n</b>");
}

// Found by tests/fuzz/templates_fuzzer.cc: Mustache expanded a partial that includes itself
// until the stack overflowed and the generator crashed.
TEST_CASE("A partial that includes itself is an error instead of a crash", "[templates]") {
  TemplateSet set("t", {{"page.mustache", "<main>{{> a}}</main>"},
                        {"partials/a.mustache", "{{title}}\n{{> b}}"},
                        {"partials/b.mustache", "{{> a}}"},
                        {"partials/self.mustache", "{{#title}}{{> self}}{{/title}}"},
                        {"self.mustache", "{{> self}}"},
                        {"twice.mustache", "{{> b2}}{{> b2}}"},
                        {"partials/b2.mustache", "{{title}}"}});
  auto out = set.Render("page.mustache", Context().Set("title", "x"));
  REQUIRE_FALSE(out.ok());
  CHECK(out.status().ToString() ==
        "t/partials/b.mustache:1:1: error: partial 'a' includes itself (a -> b -> a): "
        "recursive partials are not supported\n");
  auto self = set.Render("self.mustache", Context().Set("title", "x"));
  REQUIRE_FALSE(self.ok());
  CHECK(self.status().ToString().find("partial 'self' includes itself (self -> self)") != std::string::npos);
  // A partial used twice side by side is no cycle.
  auto twice = set.Render("twice.mustache", Context().Set("title", "x"));
  REQUIRE(twice.ok());
  CHECK(*twice == "xx");
}

// Found with tests/fuzz/templates_fuzzer.cc: after {{=<% %>=}} the tags escaped the name and
// partial checks, so a partial could again include itself until the stack overflowed.
TEST_CASE("Changing the tag delimiters is an error", "[templates]") {
  TemplateSet set("t", {{"page.mustache", "<p>\n  {{= <% %> =}}<% title %></p>"},
                        {"triple.mustache", "{{{=<% %>=}}}"},
                        {"loop.mustache", "{{> a}}"},
                        {"partials/a.mustache", "{{=<% %>=}}<%> a%>"}});
  auto page = set.Render("page.mustache", Context().Set("title", "x"));
  REQUIRE_FALSE(page.ok());
  CHECK(page.status().ToString() ==
        "t/page.mustache:2:3: error: changing the tag delimiters ({{=...=}}) is not supported\n");
  CHECK_FALSE(set.Render("triple.mustache", Context().Set("title", "x")).ok());
  auto loop = set.Render("loop.mustache", Context().Set("title", "x"));
  REQUIRE_FALSE(loop.ok());
  CHECK(loop.status().ToString().find("t/partials/a.mustache:1:1: error: changing the tag delimiters") == 0);
}
