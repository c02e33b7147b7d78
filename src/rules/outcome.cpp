// Names of the decision lattice and of trace reasons, as they appear in JSON.
#include "sekisho/rules.hpp"

namespace sekisho::rules {

std::string_view outcome_name(Outcome outcome) {
  switch (outcome) {
    case Outcome::kAllow:
      return "ALLOW";
    case Outcome::kLicenseRequired:
      return "LICENSE_REQUIRED";
    case Outcome::kConsentRequired:
      return "CONSENT_REQUIRED";
    case Outcome::kDeny:
      return "DENY";
  }
  return "?";
}

Result<Outcome> parse_outcome(std::string_view name) {
  for (Outcome o : {Outcome::kAllow, Outcome::kLicenseRequired, Outcome::kConsentRequired, Outcome::kDeny}) {
    if (outcome_name(o) == name) return o;
  }
  return invalid_argument("'" + std::string(name) +
                          "' is not an outcome (ALLOW, LICENSE_REQUIRED, CONSENT_REQUIRED, DENY)");
}

std::string_view reason_name(Reason reason) {
  switch (reason) {
    case Reason::kFired:
      return "FIRED";
    case Reason::kDataGap:
      return "DATA_GAP";
    case Reason::kReviewDenial:
      return "REVIEW_DENIAL";
    case Reason::kLicensed:
      return "LICENSED";
    case Reason::kAuthorized:
      return "AUTHORISED";
    case Reason::kConsented:
      return "CONSENTED";
    case Reason::kConsentRefused:
      return "CONSENT_REFUSED";
    case Reason::kNotApplicable:
      return "NOT_APPLICABLE";
    case Reason::kExcepted:
      return "EXCEPTED";
  }
  return "?";
}

}  // namespace sekisho::rules
