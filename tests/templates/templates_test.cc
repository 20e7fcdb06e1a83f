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
