#pragma once
// Site-wide files besides the pages: every figure as open data (CSV and JSON), sitemap.xml and
// robots.txt.

#include <map>
#include <string>
#include <vector>

#include "derive/figures.h"

namespace jv::site {

/// Every value of the data up to `last_year` (0: every year) with its indicator, area, unit,
/// status, certainty and source, as CSV (comma, decimal point: machine-readable) — one row per
/// value, in the data's order. An edition publishes the figures up to its own year.
std::string FiguresCsv(const derive::Figures& figures, int last_year = 0);

/// The same as a JSON document: {"indicators": […], "areas": […], "values": […]}.
std::string FiguresJson(const derive::Figures& figures, int last_year = 0);

/// sitemap.xml for `pages` (paths relative to the site root) below `base_url`.
std::string Sitemap(const std::string& base_url, const std::vector<std::string>& pages);

/// robots.txt allowing everything, pointing at the sitemap when there is a base URL.
std::string Robots(const std::string& base_url);

}  // namespace jv::site
