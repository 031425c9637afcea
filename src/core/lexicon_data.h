// The texts of src/core/lexicon/*.txt, compiled in by CMake (lexicon_data.cc is generated)
// so that the program needs no data files at run time.
#pragma once

#include <string_view>

namespace dutydesk::lexicon_data {

extern const std::string_view kDomainWords;
extern const std::string_view kSynonyms;
extern const std::string_view kExpansions;
extern const std::string_view kStopWords;
extern const std::string_view kIntents;

}  // namespace dutydesk::lexicon_data
