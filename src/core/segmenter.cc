#include "core/segmenter.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <stdexcept>

#include "core/lexicon.h"
#include "core/utf8.h"

namespace dutydesk {

bool isHan(char32_t cp) {
  if (cp >= 0x4E00 && cp <= 0x9FFF) return true;  // the common block, without asking ICU
  if (cp < 0x2E80) return false;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &status) == USCRIPT_HAN;
}

namespace {

enum class CharClass { kHan, kWord, kOther };

CharClass classify(char32_t cp) {
  if (isHan(cp)) return CharClass::kHan;
  if (u_isalnum(static_cast<UChar32>(cp))) return CharClass::kWord;
  return CharClass::kOther;
}

}  // namespace

Segmenter::Segmenter(const Lexicon& lexicon) : lexicon_(lexicon) {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getChinese(), status));
  if (U_FAILURE(status) || !words_) {
    throw std::runtime_error(std::string("ICU word break iterator unavailable: ") +
                             u_errorName(status));
  }
}

Segmenter::~Segmenter() = default;

std::vector<Token> Segmenter::segment(std::string_view normalized, SegmenterOptions options) {
  std::vector<Token> out;
  size_t pos = 0;
  while (pos < normalized.size()) {
    size_t next = pos;
    const CharClass kind = classify(utf8::decode(normalized, next));
    if (kind == CharClass::kOther) {
      pos = next;
      continue;
    }
    size_t end = next;
    while (end < normalized.size()) {
      size_t after = end;
      if (classify(utf8::decode(normalized, after)) != kind) break;
      end = after;
    }
    const std::string_view run = normalized.substr(pos, end - pos);
    if (kind == CharClass::kHan) {
      segmentHan(run, pos, options, out);
    } else {
      out.push_back({std::string(run), pos, end, false});
    }
    pos = end;
  }
  return out;
}

std::vector<Token> Segmenter::hanRuns(std::string_view normalized) {
  std::vector<Token> runs;
  size_t pos = 0;
  while (pos < normalized.size()) {
    size_t next = pos;
    if (!isHan(utf8::decode(normalized, next))) {
      pos = next;
      continue;
    }
    size_t end = next;
    while (end < normalized.size()) {
      size_t after = end;
      if (!isHan(utf8::decode(normalized, after))) break;
      end = after;
    }
    runs.push_back({std::string(normalized.substr(pos, end - pos)), pos, end, true});
    pos = end;
  }
  return runs;
}

// Forward longest match against the trade words; the stretches between them go to ICU.
void Segmenter::segmentHan(std::string_view text, size_t offset, SegmenterOptions options,
                           std::vector<Token>& out) {
  if (!options.domainWords) {
    breakWithIcu(text, offset, out);
    return;
  }
  std::vector<size_t> starts;  // byte offset of each code point, plus the end
  for (size_t pos = 0; pos < text.size();) {
    starts.push_back(pos);
    utf8::decode(text, pos);
  }
  starts.push_back(text.size());
  const size_t count = starts.size() - 1;
  const size_t longest = lexicon_.longestWordCodePoints();
  size_t gapStart = 0;
  size_t i = 0;
  while (i < count) {
    size_t matched = 0;
    for (size_t length = std::min(longest, count - i); length >= 2; --length) {
      if (lexicon_.isDictionaryWord(text.substr(starts[i], starts[i + length] - starts[i]))) {
        matched = length;
        break;
      }
    }
    if (matched == 0) {
      ++i;
      continue;
    }
    if (starts[i] > starts[gapStart]) {
      breakWithIcu(text.substr(starts[gapStart], starts[i] - starts[gapStart]),
                   offset + starts[gapStart], out);
    }
    const size_t begin = starts[i];
    const size_t end = starts[i + matched];
    out.push_back(
        {std::string(text.substr(begin, end - begin)), offset + begin, offset + end, true});
    if (options.subwords) {
      const size_t whole = out.size();
      breakWithIcu(text.substr(begin, end - begin), offset + begin, out);
      // A word ICU already keeps whole has no subwords.
      if (out.size() == whole + 1) out.pop_back();
    }
    i += matched;
    gapStart = i;
  }
  if (starts[count] > starts[gapStart]) {
    breakWithIcu(text.substr(starts[gapStart]), offset + starts[gapStart], out);
  }
}

void Segmenter::breakWithIcu(std::string_view text, size_t offset, std::vector<Token>& out) {
  const icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  words_->setText(unicode);
  size_t byteOffset = offset;
  int32_t start = words_->first();
  for (int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    std::string word;
    unicode.tempSubString(start, end - start).toUTF8String(word);
    const size_t begin = byteOffset;
    byteOffset += word.size();
    if (words_->getRuleStatus() == UBRK_WORD_NONE) continue;
    out.push_back({std::move(word), begin, byteOffset, true});
  }
}

}  // namespace dutydesk
