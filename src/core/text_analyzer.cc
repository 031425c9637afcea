#include "core/text_analyzer.h"

#include "core/utf8.h"

namespace dutydesk {

std::string AnalyzerSettings::describe() const {
  return std::string("nfkc+casefold+t2s;domain=") + (domainWords ? "1" : "0") +
         ";subwords=" + (subwords ? "1" : "0") + ";ngrams=" + (bigrams ? "1" : "0");
}

TextAnalyzer::TextAnalyzer(const Lexicon& lexicon, AnalyzerSettings settings)
    : lexicon_(lexicon), settings_(settings), segmenter_(lexicon) {}

AnalyzedText TextAnalyzer::forIndex(std::string_view text) {
  return analyze(text, settings_.subwords);
}

AnalyzedText TextAnalyzer::forQuery(std::string_view text) {
  return analyze(text, false);
}

AnalyzedText TextAnalyzer::analyze(std::string_view text, bool subwords) {
  AnalyzedText out;
  out.normalized = normalizer_.normalize(text);
  out.words = segmenter_.segment(out.normalized.text, {settings_.domainWords, subwords});
  if (!settings_.bigrams) return out;
  for (const Token& run : Segmenter::hanRuns(out.normalized.text)) {
    std::vector<size_t> starts;
    for (size_t pos = 0; pos < run.text.size();) {
      starts.push_back(pos);
      utf8::decode(run.text, pos);
    }
    starts.push_back(run.text.size());
    for (size_t i = 0; i + 1 < starts.size(); ++i) {
      out.characters.push_back({run.text.substr(starts[i], starts[i + 1] - starts[i]),
                                run.begin + starts[i], run.begin + starts[i + 1], true});
    }
    for (size_t i = 0; i + 2 < starts.size(); ++i) {
      out.bigrams.push_back({run.text.substr(starts[i], starts[i + 2] - starts[i]),
                             run.begin + starts[i], run.begin + starts[i + 2], true});
    }
  }
  return out;
}

}  // namespace dutydesk
