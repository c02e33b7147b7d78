// A deliberately small normaliser for the match tests, standing in for the
// text pipeline (src/text/) so this part can be measured on its own:
// ICU "Any-Latin; Latin-ASCII", lower case, punctuation to spaces (dots and
// apostrophes dropped: "A.B.C." = "abc"), "SURNAME, Given" reordered for
// people, person titles dropped (rigour stopwords.yml) and legal forms replaced
// by their class (rigour org_types.yml, longest alias first).
#pragma once

#include <unicode/translit.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sekisho/match.hpp"
#include "support/shared_data.hpp"

namespace sekisho::match::testing {

class BenchNormalizer {
 public:
  BenchNormalizer() {
    UErrorCode status = U_ZERO_ERROR;
    translit_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) translit_.reset();
    const std::string rigour = std::string(SEKISHO_SHARED_DATA) + "/rigour/";
    YAML::Node types = YAML::LoadFile(rigour + "org_types.yml")["types"];
    for (const YAML::Node& t : types) {
      std::string cls = t["generic"] ? t["generic"].as<std::string>() : "";
      if (cls.empty()) cls = t["compare"] ? t["compare"].as<std::string>() : "";
      if (cls.empty()) cls = t["display"] ? t["display"].as<std::string>() : "";
      cls = join(words(cls), "");
      if (cls.empty()) continue;
      for (const YAML::Node& a : t["aliases"]) {
        const std::vector<std::string> w = words(a.as<std::string>());
        if (!w.empty()) legal_forms_.emplace(join(w, " "), cls);  // the first class given wins
        if (!w.empty()) max_legal_words_ = std::max(max_legal_words_, w.size());
      }
    }
    YAML::Node stop = YAML::LoadFile(rigour + "stopwords.yml");
    for (const YAML::Node& p : stop["PERSON_NAME_PREFIXES"]) person_prefixes_.push_back(words(p.as<std::string>()));
    for (const YAML::Node& p : stop["OBJ_NAME_PREFIXES"]) object_prefixes_.push_back(words(p.as<std::string>()));
  }

  std::vector<NameToken> tokens(const std::string& raw, Schema schema) const {
    std::string text = raw;
    if (schema == Schema::kPerson) {
      const size_t comma = text.find(',');
      if (comma != std::string::npos && text.find(',', comma + 1) == std::string::npos) {
        text = text.substr(comma + 1) + " " + text.substr(0, comma);
      }
    }
    std::vector<std::string> w = words(text);
    if (schema == Schema::kPerson || schema == Schema::kVessel) {
      const auto& prefixes = schema == Schema::kPerson ? person_prefixes_ : object_prefixes_;
      for (bool again = true; again;) {
        again = false;
        for (const auto& p : prefixes) {
          if (!p.empty() && w.size() > p.size() && std::equal(p.begin(), p.end(), w.begin())) {
            w.erase(w.begin(), w.begin() + static_cast<long>(p.size()));
            again = true;
          }
        }
      }
    }
    std::vector<NameToken> out;
    for (size_t i = 0; i < w.size();) {
      size_t matched = 0;
      for (size_t n = std::min(max_legal_words_, w.size() - i); n >= 1 && matched == 0; --n) {
        std::vector<std::string> span(w.begin() + static_cast<long>(i), w.begin() + static_cast<long>(i + n));
        if (auto it = legal_forms_.find(join(span, " ")); it != legal_forms_.end()) {
          out.push_back(NameToken{.text = it->second, .legal_form = true});
          matched = n;
        }
      }
      if (matched) {
        i += matched;
        continue;
      }
      const bool stop = w[i] == "the" || w[i] == "of" || w[i] == "and" || w[i] == "for" || w[i] == "in";
      out.push_back(NameToken{.text = w[i], .stopword = stop});
      ++i;
    }
    return out;
  }

  // ASCII lower-case words of `s`.
  std::vector<std::string> words(const std::string& s) const {
    std::string ascii = s;
    if (translit_) {
      icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
      translit_->transliterate(u);
      ascii.clear();
      u.toUTF8String(ascii);
    }
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    };
    for (char c : ascii) {
      const unsigned char u = static_cast<unsigned char>(c);
      if (std::isalnum(u) && u < 0x80)
        cur.push_back(static_cast<char>(std::tolower(u)));
      else if (c == '.' || c == '\'' || c == '`' || u >= 0x80)
        continue;  // "A.B.C." = "abc"; ʿ ʾ dropped
      else if (c == '&') {
        flush();
        out.push_back("and");
      } else {
        flush();
      }
    }
    flush();
    return out;
  }

 private:
  static std::string join(const std::vector<std::string>& w, const char* sep) {
    std::string s;
    for (size_t i = 0; i < w.size(); ++i) s += (i ? sep : "") + w[i];
    return s;
  }

  std::unique_ptr<icu::Transliterator> translit_;
  std::map<std::string, std::string> legal_forms_;  // alias words joined by ' ' -> class
  size_t max_legal_words_ = 1;
  std::vector<std::vector<std::string>> person_prefixes_;
  std::vector<std::vector<std::string>> object_prefixes_;
};

}  // namespace sekisho::match::testing
